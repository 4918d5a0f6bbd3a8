#pragma once

#include "restjob.h"

#include <QDateTime>

namespace Etagere {

/// Signs in or out (PROTOCOL.md "Identity"). Mode SignIn: `POST /v1/sessions` with
/// `{"user", "password"}`; on success token(), user() and expires() hold the new session.
/// A wrong user or password finishes with Error::Unauthorized, repeated failures with
/// Error::RateLimited (see retryAfterSeconds()). Mode SignOut: `DELETE /v1/sessions/current`
/// with the token of `network` (NetworkAccess), ending that session on the server.
/// The password is held only until the request is sent; neither it nor the token is logged.
class SessionJob : public RestJob
{
    Q_OBJECT

public:
    enum class Mode { SignIn, SignOut };

    /// A SignIn job; `user` and `password` as the person typed them.
    SessionJob(QNetworkAccessManager *network, const QUrl &server, const QString &user, const QString &password,
               QObject *parent = nullptr);
    /// A SignOut job for the session whose token `network` sends.
    SessionJob(QNetworkAccessManager *network, const QUrl &server, QObject *parent = nullptr);

    [[nodiscard]] Mode mode() const;
    /// The new session's bearer token, valid after a successful SignIn.
    [[nodiscard]] QByteArray token() const;
    /// The user name the server gave the session (it may normalise what was typed).
    [[nodiscard]] QString user() const;
    /// When the session ends, in UTC.
    [[nodiscard]] QDateTime expires() const;

protected:
    void run() override;
    void handleSuccess(int status, const QJsonValue &body) override;

private:
    Mode m_mode;
    QString m_user;
    QString m_password;
    QByteArray m_token;
    QDateTime m_expires;
};

} // namespace Etagere
