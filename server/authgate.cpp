#include "authgate.h"

#include "authstore.h"
#include "credentials.h"

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

constexpr QByteArrayView Scheme = "bearer";

} // namespace

AuthGate::AuthGate(const AuthStore *accounts)
    : m_accounts(accounts)
{
    Q_ASSERT(accounts);
}

AuthGate::Result AuthGate::authenticate(const HttpRequest &request) const
{
    const qsizetype count = request.headerCount("Authorization");
    if (count == 0)
        return {};
    if (count > 1)
        return {Presented::Invalid, std::nullopt}; // which one would count? neither
    return authenticate(request.header("Authorization"));
}

AuthGate::Result AuthGate::authenticate(const QByteArray &authorization) const
{
    const QByteArray value = authorization.trimmed();
    if (value.isEmpty())
        return {};
    const qsizetype space = value.indexOf(' ');
    const QByteArrayView scheme = QByteArrayView(value).first(space < 0 ? value.size() : space);
    if (scheme.compare(Scheme, Qt::CaseInsensitive) != 0)
        return {}; // another scheme: as if nothing was sent
    const QByteArray token = space < 0 ? QByteArray() : value.mid(space + 1).trimmed();
    if (!Credentials::isWellFormedToken(token))
        return {Presented::Invalid, std::nullopt};
    const QByteArray key = Credentials::tokenKey(token);
    const std::optional<AuthStore::Session> session = m_accounts->session(key);
    if (!session)
        return {Presented::Invalid, std::nullopt};
    return {Presented::Valid, Identity{session->user, key, session->expires}};
}

HttpResponse AuthGate::unauthorized(Presented presented)
{
    const bool invalid = presented == Presented::Invalid;
    HttpResponse response = HttpResponse::problem(
        401, invalid ? u"the bearer token is malformed, unknown, expired or revoked; log in again"_s
                     : u"this request needs Authorization: Bearer with a session token (POST /v1/sessions)"_s);
    response.setHeader("WWW-Authenticate", invalid ? R"(Bearer realm="etagere", error="invalid_token")"_ba
                                                   : R"(Bearer realm="etagere")"_ba);
    return response;
}

} // namespace Etagere
