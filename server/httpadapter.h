#pragma once

#include "httpmessage.h"

#include <QHostAddress>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QWebSocket;
QT_END_NAMESPACE

namespace Etagere {

/// The one place that knows Qt HttpServer (a technical preview in 6.4). Listens on one
/// address and port, turns each request into an HttpRequest for the request handler and
/// writes its HttpResponse back; hands WebSocket upgrades on `/v1/live` to the socket
/// handler. Before any handler sees a request it refuses a `Host` that is not loopback
/// (400/421, see LoopbackGuard) and bodies over MaxBodySize (413); before the WebSocket
/// handshake it refuses a non-loopback `Origin` (403) and upgrades on any other path (404).
/// HEAD is answered as GET without body.
/// Lives on the server thread; handlers are called there.
class HttpAdapter : public QObject
{
    Q_OBJECT

public:
    using RequestHandler = std::function<HttpResponse(const HttpRequest &)>;
    /// Receives a connected WebSocket and takes ownership of it.
    using WebSocketHandler = std::function<void(QWebSocket *)>;

    static constexpr qint64 MaxBodySize = 1024 * 1024;
    static inline const QString LivePath = QStringLiteral("/v1/live");

    explicit HttpAdapter(QObject *parent = nullptr);
    ~HttpAdapter() override;

    void setRequestHandler(RequestHandler handler);
    void setWebSocketHandler(WebSocketHandler handler);

    /// Starts listening; `port` 0 picks a free port. False with errorString() on failure.
    [[nodiscard]] bool listen(const QHostAddress &address, quint16 port);
    /// The port listened on; 0 before listen().
    [[nodiscard]] quint16 port() const;
    [[nodiscard]] QString errorString() const;

private:
    class Server;
    friend class Server;

    void acceptWebSockets();
    [[nodiscard]] HttpResponse respond(const HttpRequest &request) const;
    /// The answer refusing a WebSocket upgrade (Host 400/421, Origin 403, path 404);
    /// nullopt when the handshake may go ahead.
    [[nodiscard]] std::optional<HttpResponse> refuseUpgrade(const HttpRequest &request) const;

    std::unique_ptr<Server> m_server;
    RequestHandler m_requestHandler;
    WebSocketHandler m_webSocketHandler;
    quint16 m_port = 0;
    QString m_errorString;
};

} // namespace Etagere
