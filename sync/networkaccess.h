#pragma once

#include <QNetworkAccessManager>

namespace Etagere {

/// The client's QNetworkAccessManager: every request it creates carries the session's
/// `Authorization: Bearer <token>` (PROTOCOL.md, "Identity") while a token is set, so REST
/// jobs need not know about identity. PushChannel reads bearerToken() for the WebSocket
/// upgrade. The token is kept in memory only and never logged.
/// Lives in its creator's thread, like any QNetworkAccessManager.
class NetworkAccess : public QNetworkAccessManager
{
    Q_OBJECT

public:
    explicit NetworkAccess(QObject *parent = nullptr);

    /// The session token (as POST /v1/sessions returned it); empty sends no Authorization.
    void setBearerToken(const QByteArray &token);
    [[nodiscard]] QByteArray bearerToken() const;
    /// Adds the Authorization header to `request` when a token is set (for requests that do
    /// not go through this manager, such as the WebSocket upgrade).
    void authorize(QNetworkRequest &request) const;

Q_SIGNALS:
    void bearerTokenChanged();

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *outgoingData) override;

private:
    QByteArray m_token;
};

} // namespace Etagere
