#pragma once

#include "authgate.h"
#include "httpmessage.h"
#include "loginthrottle.h"

#include <functional>

namespace Etagere {

class AuthStore;

/// The login routes (PROTOCOL.md, "Identity"):
/// - `POST /v1/sessions` with `{"user", "password"}` (JSON or CBOR): 201 with
///   `{"token", "user", "expires"}` and a new session stored by the SHA-256 of its token;
///   401 for a wrong password or an unknown user alike (an unknown user costs one Argon2id
///   verification too, so both take as long); 429 with `Retry-After` while the LoginThrottle
///   locks that user name or peer address.
/// - `DELETE /v1/sessions/current` with the session's token: 204, the session ends and the
///   logout handler closes its live sockets.
/// Server thread only; the store is not owned and must outlive the service.
class SessionService
{
public:
    /// Called with the key of a session that just logged out.
    using LogoutHandler = std::function<void(const QByteArray &sessionKey)>;

    static constexpr qint64 DefaultLifetimeMs = 12LL * 60 * 60 * 1000;

    explicit SessionService(AuthStore *accounts);

    void setLifetime(qint64 ms);
    [[nodiscard]] qint64 lifetime() const { return m_lifetimeMs; }
    void setLogoutHandler(LogoutHandler handler);

    /// True for `/v1/sessions` and every path under it.
    [[nodiscard]] static bool isSessionPath(const QString &path);

    /// Answers a request on a session path; `auth` is what AuthGate found in it and `nowMs`
    /// the monotonic time for the throttle.
    [[nodiscard]] HttpResponse handle(const HttpRequest &request, const AuthGate::Result &auth, qint64 nowMs);

private:
    [[nodiscard]] HttpResponse login(const HttpRequest &request, qint64 nowMs);
    [[nodiscard]] HttpResponse logout(const AuthGate::Result &auth);
    [[nodiscard]] HttpResponse startSession(const QString &user, const HttpRequest &request);
    [[nodiscard]] bool checkPassword(const QString &user, const QByteArray &password) const;

    AuthStore *m_accounts;
    LoginThrottle m_throttle;
    qint64 m_lifetimeMs = DefaultLifetimeMs;
    LogoutHandler m_logoutHandler;
};

} // namespace Etagere
