#include "httpadapter.h"

#include "logging.h"
#include "loopbackguard.h"
#include "problem.h"
#include "requestframer.h"

#include <QAbstractHttpServer>
#include <QDateTime>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLocale>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
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

// The peer's address as text; an IPv4 peer of a dual-stack socket in its IPv4 form.
QByteArray peerOf(const QTcpSocket *socket)
{
    const QHostAddress address = socket->peerAddress();
    bool isIpv4 = false;
    const quint32 ipv4 = address.toIPv4Address(&isIpv4);
    return (isIpv4 ? QHostAddress(ipv4) : address).toString().toLatin1();
}

HttpRequest toHttpRequest(const QHttpServerRequest &request, const QTcpSocket *socket)
{
    HttpRequest result;
    result.peer = peerOf(socket);
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

constexpr int RefusalLingerMs = 500;
constexpr int TlsHandshakeTimeoutMs = 5000;

int statusOf(RequestFramer::Verdict verdict)
{
    switch (verdict) {
    case RequestFramer::Verdict::HeadTooLarge: return 431;
    case RequestFramer::Verdict::BodyTooLarge: return 413;
    case RequestFramer::Verdict::LengthRequired: return 411;
    case RequestFramer::Verdict::BadRequest: return 400;
    case RequestFramer::Verdict::Continue: break;
    }
    return 500;
}

QString detailOf(RequestFramer::Verdict verdict)
{
    switch (verdict) {
    case RequestFramer::Verdict::HeadTooLarge:
        return u"the request line and headers exceed %1 bytes"_s.arg(RequestFramer::MaxHeadSize);
    case RequestFramer::Verdict::BodyTooLarge:
        return u"the announced body exceeds %1 bytes"_s.arg(RequestFramer::MaxBodySize);
    case RequestFramer::Verdict::LengthRequired:
        return u"a request body needs a Content-Length (Transfer-Encoding is not accepted)"_s;
    case RequestFramer::Verdict::BadRequest:
        return u"the Content-Length is not a number, or several disagree"_s;
    case RequestFramer::Verdict::Continue: break;
    }
    return {};
}

// Answers a connection the framer refused, then closes it. What it has sent is read away
// first (and, by the caller, whatever follows), so Qt's parser never sees it. The close
// waits a little: closing a socket that still receives makes the kernel reset the
// connection, which can destroy the answer before the client read it.
void refuseConnection(QTcpSocket *socket, RequestFramer::Verdict verdict)
{
    socket->readAll();
    const HttpResponse problem = HttpResponse::problem(statusOf(verdict), detailOf(verdict));
    QByteArray bytes = "HTTP/1.1 " + QByteArray::number(problem.status) + ' '
                       + Problem::make(problem.status, {}).title.toLatin1() + "\r\n";
    for (const auto &[name, value] : problem.headers)
        bytes += name + ": " + value + "\r\n";
    bytes += "Content-Length: " + QByteArray::number(problem.body.size()) + "\r\nConnection: close\r\nDate: "
             + httpDate(QDateTime::currentDateTimeUtc()) + "\r\n\r\n" + problem.body;
    qCInfo(lcServer) << "refusing a connection from" << peerOf(socket) << "with" << problem.status;
    socket->write(bytes);
    QTimer::singleShot(RefusalLingerMs, socket, [socket] { socket->disconnectFromHost(); });
}

/// A listening server (plain QTcpServer or QSslServer) that shows every connection to the
/// adapter just before Qt HttpServer takes it, so the adapter's byte watcher runs first.
template <typename Base>
class WatchedServer final : public Base
{
public:
    explicit WatchedServer(std::function<void(QTcpSocket *)> watch)
        : m_watch(std::move(watch))
    {
    }

    QTcpSocket *nextPendingConnection() override
    {
        QTcpSocket *socket = Base::nextPendingConnection();
        if (socket)
            m_watch(socket);
        return socket;
    }

private:
    std::function<void(QTcpSocket *)> m_watch;
};

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
        HttpRequest converted = toHttpRequest(request, socket);
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
        const HttpRequest converted = toHttpRequest(request, socket);
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

void HttpAdapter::setUpgradeGate(UpgradeGate gate)
{
    m_upgradeGate = std::move(gate);
}

void HttpAdapter::setHostPolicy(HostPolicy policy)
{
    m_hostPolicy = policy;
}

void HttpAdapter::setAllowedOrigins(const QStringList &origins)
{
    m_allowedOrigins = origins;
}

bool HttpAdapter::listen(const QHostAddress &address, quint16 port, const std::optional<QSslConfiguration> &tls)
{
    const auto watch = [this](QTcpSocket *socket) { watchConnection(socket); };
    std::unique_ptr<QTcpServer> tcpServer;
    if (tls) {
        auto sslServer = std::make_unique<WatchedServer<QSslServer>>(watch);
        sslServer->setSslConfiguration(*tls);
        sslServer->setHandshakeTimeout(TlsHandshakeTimeoutMs);
        tcpServer = std::move(sslServer);
    } else {
        tcpServer = std::make_unique<WatchedServer<QTcpServer>>(watch);
    }
    if (!tcpServer->listen(address, port)) {
        m_errorString = tcpServer->errorString();
        return false;
    }
    m_port = tcpServer->serverPort();
    m_server->bind(tcpServer.release()); // the HTTP server parents the TCP server
    return true;
}

// Qt HttpServer 6.4 reads everything a socket has each time it signals readyRead. This
// slot is connected before Qt's, so it sees every byte once, just before Qt's parser does.
void HttpAdapter::watchConnection(QTcpSocket *socket)
{
    auto framer = std::make_shared<RequestFramer>();
    auto refused = std::make_shared<bool>(false);
    connect(socket, &QTcpSocket::readyRead, socket, [socket, framer, refused] {
        if (*refused) {
            socket->readAll(); // closing: nothing more reaches the parser
            return;
        }
        const RequestFramer::Verdict verdict = framer->feed(socket->peek(socket->bytesAvailable()));
        if (verdict != RequestFramer::Verdict::Continue) {
            *refused = true;
            refuseConnection(socket, verdict);
        }
    });
}

quint16 HttpAdapter::port() const
{
    return m_port;
}

QString HttpAdapter::errorString() const
{
    return m_errorString;
}

std::optional<HttpResponse> HttpAdapter::checkHost(const HttpRequest &request) const
{
    return m_hostPolicy == HostPolicy::LoopbackOnly ? LoopbackGuard::checkHost(request)
                                                    : LoopbackGuard::checkSingleHost(request);
}

HttpResponse HttpAdapter::respond(const HttpRequest &request) const
{
    if (std::optional<HttpResponse> refusal = checkHost(request))
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
    if (std::optional<HttpResponse> refusal = checkHost(request))
        return refusal;
    if (std::optional<HttpResponse> refusal = LoopbackGuard::checkOrigin(request, m_allowedOrigins))
        return refusal;
    if (request.path != LivePath || !m_webSocketHandler)
        return HttpResponse::problem(404, u"no WebSocket endpoint at %1"_s.arg(request.path));
    return m_upgradeGate ? m_upgradeGate(request) : std::nullopt;
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
