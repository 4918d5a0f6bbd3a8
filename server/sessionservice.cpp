#include "sessionservice.h"

#include "authstore.h"
#include "contentnegotiation.h"
#include "credentials.h"
#include "logging.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

const QString SessionsPath = u"/v1/sessions"_s;
const QString CurrentPath = u"/v1/sessions/current"_s;

struct LoginRequest
{
    QString user;
    QByteArray password;
};

// Reads `{"user": "...", "password": "..."}` sent as JSON or CBOR; else sets *error.
std::optional<LoginRequest> readCredentials(const HttpRequest &request, HttpResponse *error)
{
    const QByteArray type = ContentNegotiation::mediaType(request.header("Content-Type"));
    if (type != "application/json" && type != "application/cbor") {
        *error = HttpResponse::problem(415, u"send the credentials as application/json or application/cbor"_s);
        return std::nullopt;
    }
    const DecodeResult decoded =
        WireCodec::decode(request.body, type == "application/cbor" ? WireFormat::Cbor : WireFormat::Json);
    if (!decoded.isValid()) {
        *error = HttpResponse::problem(400, u"malformed body: "_s + decoded.error);
        return std::nullopt;
    }
    const QJsonObject object = decoded.value.toObject();
    const QJsonValue user = object.value(u"user"_s);
    const QJsonValue password = object.value(u"password"_s);
    if (!decoded.value.isObject() || !user.isString() || !password.isString()) {
        *error = HttpResponse::problem(422, u"the body must be {\"user\": string, \"password\": string}"_s);
        return std::nullopt;
    }
    LoginRequest result{user.toString(), password.toString().toUtf8()};
    if (result.password.size() > Credentials::MaxPasswordSize) {
        *error = HttpResponse::problem(422, u"the password is longer than %1 bytes"_s.arg(Credentials::MaxPasswordSize),
                                       u"password"_s);
        return std::nullopt;
    }
    return result;
}

} // namespace

SessionService::SessionService(AuthStore *accounts)
    : m_accounts(accounts)
{
    Q_ASSERT(accounts);
}

void SessionService::setLifetime(qint64 ms)
{
    Q_ASSERT(ms > 0);
    m_lifetimeMs = ms;
}

void SessionService::setLogoutHandler(LogoutHandler handler)
{
    m_logoutHandler = std::move(handler);
}

bool SessionService::isSessionPath(const QString &path)
{
    return path == SessionsPath || path.startsWith(SessionsPath + u'/');
}

HttpResponse SessionService::handle(const HttpRequest &request, const AuthGate::Result &auth, qint64 nowMs)
{
    if (request.path == SessionsPath)
        return request.method == "POST" ? login(request, nowMs) : HttpResponse::methodNotAllowed("POST");
    if (request.path == CurrentPath)
        return request.method == "DELETE" ? logout(auth) : HttpResponse::methodNotAllowed("DELETE");
    return HttpResponse::problem(404, u"no resource at %1"_s.arg(request.path));
}

// True when `password` is the user's; an unknown user or one without a password costs the
// same time and is false.
bool SessionService::checkPassword(const QString &user, const QByteArray &password) const
{
    const std::optional<QString> hash = AuthStore::isValidUserName(user) ? m_accounts->passwordHash(user)
                                                                          : std::nullopt;
    if (!hash || hash->isEmpty())
        return Credentials::verifyAgainstNothing(password);
    return Credentials::verifyPassword(*hash, password);
}

HttpResponse SessionService::login(const HttpRequest &request, qint64 nowMs)
{
    HttpResponse error;
    const std::optional<LoginRequest> credentials = readCredentials(request, &error);
    if (!credentials)
        return error;
    if (const int wait = m_throttle.retryAfter(credentials->user, request.peer, nowMs); wait > 0) {
        HttpResponse response = HttpResponse::problem(429, u"too many failed logins; try again in %1 s"_s.arg(wait));
        response.setHeader("Retry-After", QByteArray::number(wait));
        return response;
    }
    if (!checkPassword(credentials->user, credentials->password)) {
        m_throttle.recordFailure(credentials->user, request.peer, nowMs);
        qCInfo(lcServer).noquote() << "failed login from" << request.peer;
        HttpResponse response = HttpResponse::problem(401, u"wrong user name or password"_s);
        response.setHeader("WWW-Authenticate", R"(Bearer realm="etagere")"_ba);
        return response;
    }
    m_throttle.recordSuccess(credentials->user, request.peer);
    return startSession(credentials->user, request);
}

HttpResponse SessionService::startSession(const QString &user, const HttpRequest &request)
{
    m_accounts->deleteExpiredSessions();
    const QByteArray token = Credentials::newToken();
    // Whole seconds, so that the `expires` the client reads is exactly the stored one.
    const qint64 expiresSecs = (QDateTime::currentMSecsSinceEpoch() + m_lifetimeMs) / 1000;
    const QDateTime expires = QDateTime::fromSecsSinceEpoch(expiresSecs, Qt::UTC);
    if (m_accounts->createSession(Credentials::tokenKey(token), user, expires) != AuthStore::Outcome::Done)
        return HttpResponse::problem(500, u"the session could not be stored"_s);
    qCInfo(lcServer).noquote() << user << "logged in from" << request.peer;
    const QJsonObject body{{u"token"_s, QString::fromLatin1(token)},
                           {u"user"_s, user},
                           {u"expires"_s, expires.toString(Qt::ISODate)}};
    HttpResponse response =
        HttpResponse::encoded(201, body, ContentNegotiation::preferredFormat(request.header("Accept")));
    response.setHeader("Cache-Control", "no-store");
    return response;
}

HttpResponse SessionService::logout(const AuthGate::Result &auth)
{
    if (!auth.identity)
        return AuthGate::unauthorized(auth.presented);
    if (!m_accounts->deleteSession(auth.identity->sessionKey))
        return HttpResponse::problem(500, u"the session could not be ended"_s);
    qCInfo(lcServer).noquote() << auth.identity->user << "logged out";
    if (m_logoutHandler)
        m_logoutHandler(auth.identity->sessionKey);
    HttpResponse response;
    response.status = 204;
    return response;
}

} // namespace Etagere
