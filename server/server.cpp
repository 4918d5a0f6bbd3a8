#include "server.h"

#include "authstore.h"
#include "logging.h"
#include "livemessage.h"
#include "storage.h"

#include <QTimer>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace Etagere {

Server::Server(Storage *storage, AuthStore *accounts, const ServerSettings &settings, QObject *parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_gate(accounts)
    , m_limiter(settings.rateLimit, settings.rateLimit * 2)
    , m_hub(storage, accounts)
    , m_records(storage, accounts)
    , m_sessions(accounts)
    , m_authTimer(new QTimer(this))
{
    m_clock.start();
    m_epoch = accounts->epoch();
    if (settings.pingInterval > 0)
        m_hub.setPingInterval(settings.pingInterval);
    if (settings.rateLimit > 0)
        m_hub.setMessageRate(LiveMessageRate, LiveMessageBurst);
    m_sessions.setLifetime(settings.sessionLifetimeMs);
    m_sessions.setLogoutHandler([this](const QByteArray &key) { m_hub.closeSession(key); });
    m_records.setPublisher([this](const Change &change) {
        pollAccounts(); // nobody who lost the right to read gets this change
        m_hub.publish(change);
    });
    m_adapter.setHostPolicy(settings.hostPolicy);
    m_adapter.setAllowedOrigins(settings.allowedOrigins);
    m_adapter.setRequestHandler([this](const HttpRequest &request) { return handle(request); });
    m_adapter.setUpgradeGate([this](const HttpRequest &request) { return admitUpgrade(request); });
    m_adapter.setWebSocketHandler([this](QWebSocket *socket) { acceptSocket(socket); });
    connect(m_authTimer, &QTimer::timeout, this, [this] {
        pollAccounts();
        m_hub.closeExpired();
    });
    m_authTimer->start(AuthPollMs);
}

Server::~Server() = default;

bool Server::listen(const QHostAddress &address, quint16 port, const std::optional<QSslConfiguration> &tls)
{
    return m_adapter.listen(address, port, tls);
}

std::optional<HttpResponse> Server::limitRate(const HttpRequest &request, const AuthGate::Result &auth)
{
    const QByteArray key = auth.identity ? "session:" + auth.identity->sessionKey : "peer:" + request.peer;
    int retryAfter = 0;
    if (m_limiter.take(key, m_clock.elapsed(), &retryAfter))
        return std::nullopt;
    HttpResponse response = HttpResponse::problem(
        429, u"more than %1 requests per second; slow down"_s.arg(m_limiter.rate()));
    response.setHeader("Retry-After", QByteArray::number(retryAfter));
    return response;
}

HttpResponse Server::handle(const HttpRequest &request)
{
    const AuthGate::Result auth = m_gate.authenticate(request);
    if (std::optional<HttpResponse> limited = limitRate(request, auth))
        return *limited;
    if (SessionService::isSessionPath(request.path))
        return m_sessions.handle(request, auth, m_clock.elapsed());
    if (!auth.identity)
        return AuthGate::unauthorized(auth.presented);
    return m_records.handle(request, *auth.identity);
}

std::optional<HttpResponse> Server::admitUpgrade(const HttpRequest &request)
{
    const AuthGate::Result auth = m_gate.authenticate(request);
    if (std::optional<HttpResponse> limited = limitRate(request, auth))
        return limited;
    if (!auth.identity)
        return AuthGate::unauthorized(auth.presented);
    return std::nullopt;
}

// The handshake was admitted a moment ago; the session is looked up again from the
// handshake's own header, in case it ended in between.
void Server::acceptSocket(QWebSocket *socket)
{
    const AuthGate::Result auth = m_gate.authenticate(socket->request().rawHeader("Authorization"));
    if (auth.identity) {
        m_hub.addSocket(socket, *auth.identity);
        return;
    }
    socket->setParent(this);
    connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
    socket->close(static_cast<QWebSocketProtocol::CloseCode>(LiveCloseCode::SessionEnded), u"the session ended"_s);
}

void Server::pollAccounts()
{
    const qint64 epoch = m_accounts->epoch();
    if (epoch == m_epoch || epoch < 0)
        return;
    m_epoch = epoch;
    m_hub.revalidate();
}

} // namespace Etagere
