#pragma once

#include "httpmessage.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QTcpSocket;
class QWebSocket;
QT_END_NAMESPACE

namespace Etagere {

/// The one place that knows Qt HttpServer (a technical preview in 6.4). Listens on one
/// address and port, over TLS when given a configuration, turns each request into an
/// HttpRequest for the request handler and writes its HttpResponse back; hands WebSocket
/// upgrades on `/v1/live` to the socket handler.
///
/// Before Qt's parser buffers a request, it watches the raw bytes of every connection
/// (RequestFramer): a request head over 8 KiB gets 431, a body announced over 8 MiB 413,
/// a chunked body 411, and the connection is closed. Before any handler sees a request it
/// refuses a bad `Host` (400/421, see LoopbackGuard; with HostPolicy::AnyHost only a
/// missing or repeated one) and bodies over MaxBodySize (413); before the WebSocket
/// handshake it refuses an `Origin` that is not on the allow-list (403), upgrades on any
/// other path (404), and whatever the upgrade gate refuses (401). HEAD is answered as GET
/// without body. Lives on the server thread; handlers are called there.
class HttpAdapter : public QObject
{
    Q_OBJECT

public:
    using RequestHandler = std::function<HttpResponse(const HttpRequest &)>;
    /// Receives a connected WebSocket and takes ownership of it.
    using WebSocketHandler = std::function<void(QWebSocket *)>;
    /// Decides on a WebSocket upgrade (after the Host, Origin and path checks): a refusal,
    /// or nullopt to let the handshake go ahead.
    using UpgradeGate = std::function<std::optional<HttpResponse>(const HttpRequest &)>;

    /// Which `Host` values are served: the loopback names only, or any single Host.
    enum class HostPolicy { LoopbackOnly, AnyHost };

    static constexpr qint64 MaxBodySize = 1024 * 1024;
    static inline const QString LivePath = QStringLiteral("/v1/live");

    explicit HttpAdapter(QObject *parent = nullptr);
    ~HttpAdapter() override;

    void setRequestHandler(RequestHandler handler);
    void setWebSocketHandler(WebSocketHandler handler);
    void setUpgradeGate(UpgradeGate gate);
    void setHostPolicy(HostPolicy policy);
    /// Origins (`scheme://host[:port]`, as browsers send them) whose pages may open
    /// `/v1/live`; an upgrade without `Origin` is always allowed. Default: none.
    void setAllowedOrigins(const QStringList &origins);

    /// Starts listening; `port` 0 picks a free port; with `tls`, every connection is TLS.
    /// False with errorString() on failure.
    [[nodiscard]] bool listen(const QHostAddress &address, quint16 port,
                              const std::optional<QSslConfiguration> &tls = std::nullopt);
    /// The port listened on; 0 before listen().
    [[nodiscard]] quint16 port() const;
    [[nodiscard]] QString errorString() const;

private:
    class Server;
    friend class Server;

    void watchConnection(QTcpSocket *socket);
    void acceptWebSockets();
    [[nodiscard]] HttpResponse respond(const HttpRequest &request) const;
    [[nodiscard]] std::optional<HttpResponse> checkHost(const HttpRequest &request) const;
    /// The answer refusing a WebSocket upgrade (Host 400/421, Origin 403, path 404, gate);
    /// nullopt when the handshake may go ahead.
    [[nodiscard]] std::optional<HttpResponse> refuseUpgrade(const HttpRequest &request) const;

    std::unique_ptr<Server> m_server;
    RequestHandler m_requestHandler;
    WebSocketHandler m_webSocketHandler;
    UpgradeGate m_upgradeGate;
    HostPolicy m_hostPolicy = HostPolicy::LoopbackOnly;
    QStringList m_allowedOrigins;
    quint16 m_port = 0;
    QString m_errorString;
};

} // namespace Etagere
