#pragma once

#include <QHash>
#include <QList>
#include <QNetworkAccessManager>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>

namespace Etagere {

/// The client's QNetworkAccessManager, with the two things every request to an Etagere
/// server needs: identity and TLS trust.
///
/// Identity: every request it creates carries the session's `Authorization: Bearer <token>`
/// (PROTOCOL.md, "Identity") while a token is set, so REST jobs need not know about it.
/// The token is kept in memory only and never logged.
///
/// TLS: a server's certificate must verify against the system's CAs plus caCertificates().
/// One that does not is refused before anything is sent, unless the user approved that exact
/// certificate (its SHA-256) for that server (host and port) with approveCertificate(); a
/// refusal emits certificateRejected() so the app can show the certificate and ask.
/// PushChannel applies the same rules to the WebSocket through authorize(), configure() and
/// acceptsSslErrors().
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

    /// Certificate authorities trusted in addition to the system's (a team's own CA).
    void setCaCertificates(const QList<QSslCertificate> &certificates);
    [[nodiscard]] QList<QSslCertificate> caCertificates() const;
    /// Trusts the certificate whose SHA-256 digest is `sha256` for `server` (its host and port
    /// only), whatever its verification errors. Replaces an earlier approval for that server.
    void approveCertificate(const QUrl &server, const QByteArray &sha256);
    /// The TLS configuration of every connection: the system's CAs plus caCertificates().
    [[nodiscard]] QSslConfiguration sslConfiguration() const;
    /// True when `errors` of a TLS handshake with `server` concern a certificate the user
    /// approved for it; otherwise emits certificateRejected() and returns false.
    [[nodiscard]] bool acceptsSslErrors(const QUrl &server, const QList<QSslError> &errors);

    /// The base URL of an Etagere server as a person typed it (command line, dialog): an
    /// http:// or https:// URL with a host; an empty URL when `text` is anything else.
    [[nodiscard]] static QUrl serverUrl(const QString &text);
    /// `host:port` (the scheme's default port when none is given).
    [[nodiscard]] static QString serverKey(const QUrl &server);
    /// The SHA-256 digest of the certificate's DER encoding.
    [[nodiscard]] static QByteArray fingerprint(const QSslCertificate &certificate);

Q_SIGNALS:
    void bearerTokenChanged();
    /// A server's certificate failed verification and was refused; nothing was sent.
    /// `server` is its origin: scheme, host and port.
    void certificateRejected(const QUrl &server, const QSslCertificate &certificate, const QList<QSslError> &errors);

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *outgoingData) override;

private:
    QByteArray m_token;
    QList<QSslCertificate> m_caCertificates;
    QHash<QString, QByteArray> m_approved; ///< serverKey() -> SHA-256
};

} // namespace Etagere
