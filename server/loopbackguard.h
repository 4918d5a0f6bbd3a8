#pragma once

#include "httpmessage.h"

#include <QByteArrayView>

#include <optional>

namespace Etagere {

/// The checks that keep web pages out of the local single-user server, which has no
/// accounts and trusts whatever reaches its loopback port:
/// - the `Host` of every request must name the loopback interface, so a page whose DNS
///   name was rebound to 127.0.0.1 cannot use the API as if it were same-origin;
/// - the `Origin` of a WebSocket upgrade, when present, must be a loopback origin, so a
///   page the user visits cannot open `/v1/live` (browsers apply no CORS to WebSockets).
/// Only names and literals count as loopback (`localhost`, a dotted quad in 127.0.0.0/8,
/// a bracketed IPv6 loopback literal such as `[::1]`), each with an optional `:port`; the
/// port's value is not compared with the server's. Pure functions, any thread.
/// To be replaced by a configured allow-list when the server gets accounts and TLS.
class LoopbackGuard
{
public:
    /// True when `authority` is `host[:port]` with a loopback host as above.
    [[nodiscard]] static bool isLoopbackAuthority(QByteArrayView authority);
    /// True when `origin` is `http://` or `https://` (any case) followed by a loopback
    /// authority and nothing else (an origin has no path). `null` is not loopback.
    [[nodiscard]] static bool isLoopbackOrigin(QByteArrayView origin);

    /// The answer refusing `request` for its `Host`: 400 when it has none or more than one
    /// (RFC 9112 section 3.2), 421 when it is not a loopback authority; nullopt when fine.
    [[nodiscard]] static std::optional<HttpResponse> checkHost(const HttpRequest &request);
    /// The answer refusing a WebSocket upgrade for its `Origin`: 403 when one is present
    /// (even empty, or several) and not a loopback origin; nullopt when absent or loopback.
    [[nodiscard]] static std::optional<HttpResponse> checkOrigin(const HttpRequest &request);
};

} // namespace Etagere
