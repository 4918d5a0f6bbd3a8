#include "scriptedserver.h"

#include <QCryptographicHash>
#include <QTcpSocket>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 101: return "Switching Protocols"_ba;
    case 200: return "OK"_ba;
    case 201: return "Created"_ba;
    case 204: return "No Content"_ba;
    default: return "Scripted"_ba;
    }
}

} // namespace

ScriptedServer::ScriptedServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &ScriptedServer::onNewConnection);
}

ScriptedServer::~ScriptedServer()
{
    const QList<QTcpSocket *> sockets = m_connections.keys();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        socket->abort();
    }
}

bool ScriptedServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl ScriptedServer::url() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_server.serverPort());
    return url;
}

void ScriptedServer::setHandler(Handler handler) { m_handler = std::move(handler); }
QList<ScriptedServer::Request> ScriptedServer::requests() const { return m_requests; }
void ScriptedServer::setAnswerPings(bool answer) { m_answerPings = answer; }
int ScriptedServer::webSocketCount() const { return m_webSocketCount; }

ScriptedServer::Response ScriptedServer::json(int status, const QByteArray &body,
                                              QList<std::pair<QByteArray, QByteArray>> headers)
{
    headers.append({"Content-Type"_ba, "application/json"_ba});
    return Response{status, headers, body, false, false};
}

void ScriptedServer::sendText(const QString &text)
{
    if (!m_webSockets.isEmpty())
        sendFrame(m_webSockets.constLast(), 0x1, text.toUtf8());
}

void ScriptedServer::dropWebSockets()
{
    const QList<QTcpSocket *> sockets = m_webSockets;
    m_webSockets.clear();
    for (QTcpSocket *socket : sockets)
        socket->abort();
}

void ScriptedServer::closeWebSocket(quint16 code, const QByteArray &reason)
{
    if (m_webSockets.isEmpty())
        return;
    QByteArray payload(2, '\0');
    qToBigEndian(code, payload.data());
    sendFrame(m_webSockets.constLast(), 0x8, payload + reason);
}

void ScriptedServer::setUpgradeRefusal(int status)
{
    m_upgradeRefusal = status;
}

void ScriptedServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        m_connections.insert(socket, Connection{});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_connections.remove(socket);
            m_webSockets.removeAll(socket);
            socket->deleteLater();
        });
    }
}

void ScriptedServer::onReadyRead(QTcpSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    it->buffer.append(socket->readAll());
    for (;;) {
        const auto current = m_connections.find(socket);
        if (current == m_connections.end())
            return;
        const bool progressed = current->webSocket ? processFrame(socket, *current) : processHttp(socket, *current);
        if (!progressed)
            return;
    }
}

bool ScriptedServer::processHttp(QTcpSocket *socket, Connection &connection)
{
    const qsizetype headerEnd = connection.buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return false;
    const QList<QByteArray> lines = connection.buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    Request request;
    request.method = requestLine.value(0);
    const QUrl target(QString::fromUtf8(requestLine.value(1)));
    request.path = target.path();
    request.query = QUrlQuery(target);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            request.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
    }
    const qsizetype length = request.headers.value("content-length"_ba).toLongLong();
    if (connection.buffer.size() < headerEnd + 4 + length)
        return false;
    request.body = connection.buffer.mid(headerEnd + 4, length);
    connection.buffer.remove(0, headerEnd + 4 + length);
    m_requests.append(request);
    Q_EMIT requestReceived(request);
    if (request.headers.value("upgrade"_ba).toLower() == "websocket"_ba) {
        if (m_upgradeRefusal != 0)
            answer(socket, json(m_upgradeRefusal, R"({"title":"refused"})"_ba));
        else
            upgrade(socket, connection, request);
        return true;
    }
    const Response response = m_handler ? m_handler(request) : json(404, "{}"_ba);
    if (response.drop) {
        socket->abort(); // disconnected() forgets the connection
        return false;
    }
    if (!response.silent)
        answer(socket, response);
    return true;
}

void ScriptedServer::answer(QTcpSocket *socket, const Response &response)
{
    QByteArray bytes = "HTTP/1.1 "_ba + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto &header : response.headers)
        bytes += header.first + ": " + header.second + "\r\n";
    bytes += "Content-Length: "_ba + QByteArray::number(response.body.size()) + "\r\n\r\n" + response.body;
    socket->write(bytes);
}

void ScriptedServer::upgrade(QTcpSocket *socket, Connection &connection, const Request &request)
{
    const QByteArray key = request.headers.value("sec-websocket-key"_ba);
    const QByteArray accept =
        QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"_ba, QCryptographicHash::Sha1).toBase64();
    socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Accept: "_ba + accept + "\r\n\r\n");
    connection.webSocket = true;
    m_webSockets.append(socket);
    ++m_webSocketCount;
    Q_EMIT webSocketOpened();
}

bool ScriptedServer::processFrame(QTcpSocket *socket, Connection &connection)
{
    const QByteArray &b = connection.buffer;
    if (b.size() < 2)
        return false;
    const quint8 opcode = quint8(b[0]) & 0x0F;
    const bool masked = quint8(b[1]) & 0x80;
    qsizetype length = quint8(b[1]) & 0x7F;
    qsizetype pos = 2;
    if (length == 126) {
        if (b.size() < 4)
            return false;
        length = qFromBigEndian<quint16>(b.constData() + 2);
        pos = 4;
    } else if (length == 127) {
        if (b.size() < 10)
            return false;
        length = qsizetype(qFromBigEndian<quint64>(b.constData() + 2));
        pos = 10;
    }
    const qsizetype maskPos = pos;
    if (masked)
        pos += 4;
    if (b.size() < pos + length)
        return false;
    QByteArray payload = b.mid(pos, length);
    for (qsizetype i = 0; masked && i < payload.size(); ++i)
        payload[i] = char(payload[i] ^ b[maskPos + (i % 4)]);
    connection.buffer.remove(0, pos + length);
    if (opcode == 0x1)
        Q_EMIT textReceived(QString::fromUtf8(payload));
    else if (opcode == 0x9 && m_answerPings)
        sendFrame(socket, 0xA, payload);
    else if (opcode == 0x8)
        sendFrame(socket, 0x8, payload.left(2));
    return true;
}

void ScriptedServer::sendFrame(QTcpSocket *socket, quint8 opcode, const QByteArray &payload)
{
    QByteArray frame;
    frame.append(char(0x80 | opcode));
    if (payload.size() < 126) {
        frame.append(char(payload.size()));
    } else if (payload.size() < 65536) {
        frame.append(char(126));
        char length[2];
        qToBigEndian<quint16>(quint16(payload.size()), length);
        frame.append(length, 2);
    } else {
        frame.append(char(127));
        char length[8];
        qToBigEndian<quint64>(quint64(payload.size()), length);
        frame.append(length, 8);
    }
    socket->write(frame + payload);
}

} // namespace Etagere
