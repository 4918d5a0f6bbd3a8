#include "loopbackguard.h"

#include <QHostAddress>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

bool isDigits(QByteArrayView text, qsizetype minLength, qsizetype maxLength)
{
    return text.size() >= minLength && text.size() <= maxLength
           && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// `127.a.b.c` in decimal, each part 1 to 3 digits and at most 255; no short forms such as
// `127.1`, which some resolvers read differently.
bool isLoopbackIpv4(QByteArrayView host)
{
    const QList<QByteArray> parts = host.toByteArray().split('.');
    if (parts.size() != 4 || parts.first() != "127")
        return false;
    return std::all_of(parts.cbegin(), parts.cend(),
                       [](const QByteArray &part) { return isDigits(part, 1, 3) && part.toInt() <= 255; });
}

// `[...]` holding an IPv6 loopback literal (`::1` in any spelling); no zone id.
bool isLoopbackIpv6(QByteArrayView host)
{
    if (host.size() < 4 || !host.startsWith('[') || !host.endsWith(']'))
        return false;
    const QByteArrayView literal = host.sliced(1, host.size() - 2);
    const bool plain = std::all_of(literal.begin(), literal.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
    });
    const QHostAddress address(QString::fromLatin1(literal));
    return plain && address.protocol() == QAbstractSocket::IPv6Protocol && address.isLoopback();
}

bool isLoopbackHost(QByteArrayView host)
{
    return host.compare("localhost", Qt::CaseInsensitive) == 0 || isLoopbackIpv4(host) || isLoopbackIpv6(host);
}

// Splits `host[:port]`: the port, when present, must be 1 to 5 digits and at most 65535.
std::optional<QByteArrayView> hostOf(QByteArrayView authority)
{
    const qsizetype colon = authority.lastIndexOf(':');
    if (colon < 0 || colon < authority.lastIndexOf(']'))
        return authority;
    const QByteArrayView port = authority.sliced(colon + 1);
    if (!isDigits(port, 1, 5) || port.toByteArray().toInt() > 65535)
        return std::nullopt;
    return authority.first(colon);
}

} // namespace

bool LoopbackGuard::isLoopbackAuthority(QByteArrayView authority)
{
    const std::optional<QByteArrayView> host = hostOf(authority);
    return host && isLoopbackHost(*host);
}

std::optional<HttpResponse> LoopbackGuard::checkSingleHost(const HttpRequest &request)
{
    const qsizetype hosts = request.headerCount("Host");
    if (hosts == 1)
        return std::nullopt;
    return HttpResponse::problem(400, hosts == 0 ? u"the request has no Host header"_s
                                                 : u"the request has more than one Host header"_s);
}

std::optional<HttpResponse> LoopbackGuard::checkHost(const HttpRequest &request)
{
    if (std::optional<HttpResponse> refusal = checkSingleHost(request))
        return refusal;
    const QByteArray host = request.header("Host");
    if (!isLoopbackAuthority(host)) {
        return HttpResponse::problem(421, u"this server answers only for localhost, 127.0.0.0/8 and [::1], "
                                         "not for Host \"%1\""_s.arg(QString::fromLatin1(host)));
    }
    return std::nullopt;
}

std::optional<QString> LoopbackGuard::normalizeOrigin(const QString &origin)
{
    const QUrl url(origin, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != u"http"_s && scheme != u"https"_s) || url.host().isEmpty()
        || !url.userInfo().isEmpty() || !url.path().isEmpty() || url.hasQuery() || url.hasFragment()) {
        return std::nullopt;
    }
    const int defaultPort = scheme == u"https"_s ? 443 : 80;
    const QString host = url.host(QUrl::FullyEncoded).toLower();
    const QString authority = host.contains(u':') ? u"[%1]"_s.arg(host) : host;
    const int port = url.port(defaultPort);
    return port == defaultPort ? u"%1://%2"_s.arg(scheme, authority) : u"%1://%2:%3"_s.arg(scheme, authority).arg(port);
}

std::optional<HttpResponse> LoopbackGuard::checkOrigin(const HttpRequest &request, const QStringList &allowed)
{
    if (!request.hasHeader("Origin"))
        return std::nullopt;
    const QString origin = QString::fromLatin1(request.header("Origin"));
    const std::optional<QString> normalized = request.headerCount("Origin") == 1 ? normalizeOrigin(origin)
                                                                                  : std::nullopt;
    if (normalized && allowed.contains(*normalized))
        return std::nullopt;
    return HttpResponse::problem(403, u"a WebSocket from origin \"%1\" is refused: it is not on this server's "
                                     "allow-list (--allow-origin)"_s.arg(origin));
}

} // namespace Etagere
