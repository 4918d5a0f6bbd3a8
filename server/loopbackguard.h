#pragma once

#include "httpmessage.h"

#include <QByteArrayView>
#include <QStringList>

#include <optional>

namespace Etagere {

/// The checks that keep web pages away from the server, next to authentication:
/// - on a loopback listen, the `Host` of every request must name the loopback interface, so
///   a page whose DNS name was rebound to 127.0.0.1 cannot use the API as if it were
///   same-origin (on other addresses only one `Host` is required: tokens and TLS do the rest);
/// - the `Origin` of a WebSocket upgrade, when present, must be on the operator's allow-list,
///   so a page the user visits cannot open `/v1/live` (browsers apply no CORS to WebSockets).
/// Only names and literals count as loopback (`localhost`, a dotted quad in 127.0.0.0/8,
/// a bracketed IPv6 loopback literal such as `[::1]`), each with an optional `:port`; the
/// port's value is not compared with the server's. Pure functions, any thread.
class LoopbackGuard
{
public:
    /// True when `authority` is `host[:port]` with a loopback host as above.
    [[nodiscard]] static bool isLoopbackAuthority(QByteArrayView authority);

    /// The answer refusing `request` for its `Host`: 400 when it has none or more than one
    /// (RFC 9112 section 3.2), 421 when it is not a loopback authority; nullopt when fine.
    [[nodiscard]] static std::optional<HttpResponse> checkHost(const HttpRequest &request);
    /// Only the first half of checkHost(): 400 unless the request has exactly one `Host`.
    [[nodiscard]] static std::optional<HttpResponse> checkSingleHost(const HttpRequest &request);
    /// The answer refusing a WebSocket upgrade for its `Origin`: 403 when one is present
    /// (even empty, or several) and not one of `allowed` (each as normalizeOrigin() gives
    /// it); nullopt when absent or allowed.
    [[nodiscard]] static std::optional<HttpResponse> checkOrigin(const HttpRequest &request,
                                                                 const QStringList &allowed);
    /// `origin` as a browser serializes it: `http` or `https`, `://`, the host in lower
    /// case, `:port` unless it is the scheme's default, nothing else. Nullopt when `origin`
    /// is not such an origin (a path, user info, query, another scheme, no host).
    [[nodiscard]] static std::optional<QString> normalizeOrigin(const QString &origin);
};

} // namespace Etagere
