#include "httpadapter.h"

#include "logging.h"
#include "loopbackguard.h"

#include <QAbstractHttpServer>
#include <QDateTime>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLocale>
#include <QTcpServer>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: return "UNKNOWN";
    }
}

HttpRequest toHttpRequest(const QHttpServerRequest &request)
{
    HttpRequest result;
    result.method = methodName(request.method());
    result.path = request.url().path(QUrl::FullyEncoded);
    result.query = request.query();
    result.headers = request.headers();
    result.body = request.body();
    return result;
}

bool isWebSocketUpgrade(const QHttpServerRequest &request)
{
    return request.value("Upgrade").compare("websocket", Qt::CaseInsensitive) == 0;
}

// An IMF-fixdate (RFC 9110 section 5.6.7), for example `Sun, 06 Nov 1994 08:49:37 GMT`.
QByteArray httpDate(const QDateTime &time)
{
    return QLocale::c().toString(time.toUTC(), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s).toLatin1();
}

// Writes status line, headers, Date, Content-Length (not on 204 and 304) and body.
void writeResponse(QHttpServerResponder &responder, const HttpResponse &response, bool withBody)
{
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    for (const auto &[name, value] : response.headers)
        responder.writeHeader(name, value);
    responder.writeHeader("Date", httpDate(QDateTime::currentDateTimeUtc()));
    const bool hasBody = response.status != 204 && response.status != 304;
    if (hasBody)
        responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    responder.writeBody(withBody && hasBody ? response.body : QByteArray());
}

} // namespace

/// The QAbstractHttpServer that feeds the adapter: one handler for every request.
class HttpAdapter::Server final : public QAbstractHttpServer
{
public:
    explicit Server(HttpAdapter *adapter)
        : m_adapter(adapter)
    {
    }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        HttpRequest converted = toHttpRequest(request);
        if (isWebSocketUpgrade(request)) {
            // Qt 6.4 asks this function before it answers the handshake. Returning true
            // without writing lets the WebSocket server take the socket over; false makes
            // the base class call missingHandler(), which writes the refusal, and close it.
            return !m_adapter->refuseUpgrade(converted).has_value();
        }
        const bool isHead = converted.method == "HEAD";
        if (isHead)
            converted.method = "GET";
        const HttpResponse response = m_adapter->respond(converted);
        qCDebug(lcServer).noquote() << methodName(request.method()) << converted.path << response.status;
        QHttpServerResponder responder = makeResponder(request, socket);
        writeResponse(responder, response, !isHead);
        return true;
    }

    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        // Called for refused WebSocket upgrades only: every other request is answered above.
        const HttpRequest converted = toHttpRequest(request);
        const HttpResponse response = m_adapter->refuseUpgrade(converted).value_or(
            HttpResponse::problem(404, u"no WebSocket endpoint at %1"_s.arg(converted.path)));
        qCDebug(lcServer).noquote() << "upgrade" << converted.path << response.status;
        QHttpServerResponder responder = makeResponder(request, socket);
        writeResponse(responder, response, true);
    }

private:
    HttpAdapter *m_adapter;
};

HttpAdapter::HttpAdapter(QObject *parent)
    : QObject(parent)
    , m_server(std::make_unique<Server>(this))
{
    connect(m_server.get(), &QAbstractHttpServer::newWebSocketConnection, this, &HttpAdapter::acceptWebSockets);
}

HttpAdapter::~HttpAdapter() = default;

void HttpAdapter::setRequestHandler(RequestHandler handler)
{
    m_requestHandler = std::move(handler);
}

void HttpAdapter::setWebSocketHandler(WebSocketHandler handler)
{
    m_webSocketHandler = std::move(handler);
}

bool HttpAdapter::listen(const QHostAddress &address, quint16 port)
{
    auto tcpServer = std::make_unique<QTcpServer>();
    if (!tcpServer->listen(address, port)) {
        m_errorString = tcpServer->errorString();
        return false;
    }
    m_port = tcpServer->serverPort();
    m_server->bind(tcpServer.release()); // the HTTP server parents the TCP server
    return true;
}

quint16 HttpAdapter::port() const
{
    return m_port;
}

QString HttpAdapter::errorString() const
{
    return m_errorString;
}

HttpResponse HttpAdapter::respond(const HttpRequest &request) const
{
    if (std::optional<HttpResponse> refusal = LoopbackGuard::checkHost(request))
        return *refusal;
    if (request.body.size() > MaxBodySize) {
        return HttpResponse::problem(413, u"the body has %1 bytes; the limit is %2"_s.arg(request.body.size())
                                              .arg(MaxBodySize));
    }
    if (request.path == LivePath) {
        HttpResponse response = HttpResponse::problem(426, u"%1 is a WebSocket endpoint"_s.arg(LivePath));
        response.setHeader("Upgrade", "websocket");
        return response;
    }
    if (!m_requestHandler)
        return HttpResponse::problem(503, u"the server is not ready"_s);
    return m_requestHandler(request);
}

std::optional<HttpResponse> HttpAdapter::refuseUpgrade(const HttpRequest &request) const
{
    if (std::optional<HttpResponse> refusal = LoopbackGuard::checkHost(request))
        return refusal;
    if (std::optional<HttpResponse> refusal = LoopbackGuard::checkOrigin(request))
        return refusal;
    if (request.path != LivePath || !m_webSocketHandler)
        return HttpResponse::problem(404, u"no WebSocket endpoint at %1"_s.arg(request.path));
    return std::nullopt;
}

void HttpAdapter::acceptWebSockets()
{
    while (m_server->hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = m_server->nextPendingWebSocketConnection();
        if (socket && m_webSocketHandler)
            m_webSocketHandler(socket.release());
    }
}

} // namespace Etagere
