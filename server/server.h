#pragma once

#include "authgate.h"
#include "httpadapter.h"
#include "hub.h"
#include "ratelimiter.h"
#include "recordservice.h"
#include "sessionservice.h"

#include <QElapsedTimer>
#include <QObject>

QT_BEGIN_NAMESPACE
class QTimer;
QT_END_NAMESPACE

namespace Etagere {

class AuthStore;
class Storage;

/// What an operator chooses about a running server (from the command line).
struct ServerSettings
{
    HttpAdapter::HostPolicy hostPolicy = HttpAdapter::HostPolicy::LoopbackOnly;
    QStringList allowedOrigins;
    double rateLimit = 500;        ///< requests per second per session or address; 0: off
    qint64 sessionLifetimeMs = SessionService::DefaultLifetimeMs;
    int pingInterval = -1;         ///< -1: the hub's default
};

/// The serving parts, wired together. Every HTTP request is authenticated (AuthGate), then
/// rate-limited per session (per peer address without a valid one; 429 with Retry-After),
/// then answered by the SessionService (`/v1/sessions...`) or, with a valid session only
/// (else 401), by the RecordService, whose commits go to the hub. A WebSocket upgrade needs
/// a valid session too (401 refuses the handshake).
///
/// Every 250 ms (and before each change is published) the server reads the auth epoch;
/// when it moved (a login, a logout, a user or grant changed here or by another process)
/// the hub re-checks every live session. Expired sessions are closed at the same tick.
/// Lives on the server thread; the storage and the accounts must outlive it.
class Server : public QObject
{
    Q_OBJECT
public:
    static constexpr int AuthPollMs = 250;
    /// WebSocket messages a client may send per second (and at once), when limits are on.
    static constexpr double LiveMessageRate = 100;
    static constexpr double LiveMessageBurst = 200;

    Server(Storage *storage, AuthStore *accounts, const ServerSettings &settings, QObject *parent = nullptr);
    ~Server() override;

    /// Starts listening (see HttpAdapter::listen()).
    [[nodiscard]] bool listen(const QHostAddress &address, quint16 port,
                              const std::optional<QSslConfiguration> &tls = std::nullopt);
    [[nodiscard]] quint16 port() const { return m_adapter.port(); }
    [[nodiscard]] QString errorString() const { return m_adapter.errorString(); }

private:
    [[nodiscard]] HttpResponse handle(const HttpRequest &request);
    [[nodiscard]] std::optional<HttpResponse> admitUpgrade(const HttpRequest &request);
    [[nodiscard]] std::optional<HttpResponse> limitRate(const HttpRequest &request, const AuthGate::Result &auth);
    void acceptSocket(QWebSocket *socket);
    void pollAccounts();

    AuthStore *m_accounts;
    AuthGate m_gate;
    RateLimiter m_limiter;
    Hub m_hub;
    RecordService m_records;
    SessionService m_sessions;
    HttpAdapter m_adapter;
    QTimer *m_authTimer = nullptr;
    QElapsedTimer m_clock;
    qint64 m_epoch = -1;
};

} // namespace Etagere
