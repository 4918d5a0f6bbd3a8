#pragma once

#include "httpmessage.h"
#include "identity.h"

#include <optional>

namespace Etagere {

class AuthStore;

/// Authenticates requests by their bearer token (RFC 6750): `Authorization: Bearer TOKEN`
/// where TOKEN is a session token from `POST /v1/sessions` (or the local token file). The
/// token is looked up by its SHA-256; only a session that exists and has not expired counts.
/// Server thread only; the store is not owned and must outlive the gate.
class AuthGate
{
public:
    /// What a request presented.
    enum class Presented {
        Nothing, ///< no Authorization header, or one of another scheme
        Invalid, ///< a bearer token that is malformed, unknown, revoked or expired
        Valid,   ///< a token of a valid session
    };
    struct Result
    {
        Presented presented = Presented::Nothing;
        std::optional<Identity> identity; ///< set when Valid
    };

    explicit AuthGate(const AuthStore *accounts);

    /// Looks at the Authorization header(s) of `request`.
    [[nodiscard]] Result authenticate(const HttpRequest &request) const;
    /// Looks at one Authorization header value (for example a WebSocket's handshake).
    [[nodiscard]] Result authenticate(const QByteArray &authorization) const;

    /// The 401 answer for what was presented: a problem document with
    /// `WWW-Authenticate: Bearer realm="etagere"`, plus `error="invalid_token"` when a token
    /// was sent but is not valid.
    [[nodiscard]] static HttpResponse unauthorized(Presented presented);

private:
    const AuthStore *m_accounts;
};

} // namespace Etagere
