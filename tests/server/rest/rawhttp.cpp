#include "rawhttp.h"

#include <QDeadlineTimer>
#include <QTcpSocket>

namespace Etagere::Test {

namespace {

constexpr int TimeoutMs = 5000;

// Parses status line and headers of `head` (without the blank line) into `reply`.
void parseHead(const QByteArray &head, RawReply *reply)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    reply->status = statusLine.size() >= 2 ? statusLine.at(1).toInt() : 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            reply->headers.append({lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed()});
    }
}

// True when `buffer` holds a whole answer; fills `reply` then.
bool parseAnswer(const QByteArray &buffer, RawReply *reply)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    *reply = RawReply();
    parseHead(buffer.left(end), reply);
    const bool bodiless = reply->status == 101 || reply->status == 204 || reply->status == 304;
    const qsizetype length = bodiless ? 0 : reply->header("Content-Length").toLongLong();
    if (buffer.size() - end - 4 < length)
        return false;
    reply->body = buffer.mid(end + 4, length);
    return true;
}

} // namespace

RawReply RawHttp::send(const QByteArray &request, Wait wait) const
{
    QTcpSocket socket;
    if (!m_localAddress.isNull() && !socket.bind(m_localAddress))
        return {};
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    const QDeadlineTimer deadline(TimeoutMs);
    if (!socket.waitForConnected(TimeoutMs))
        return {};
    socket.write(request);
    QByteArray buffer;
    RawReply reply;
    bool complete = false;
    while (!deadline.hasExpired() && socket.state() == QAbstractSocket::ConnectedState) {
        if (!complete || wait == WaitForClose)
            socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        buffer += socket.readAll();
        complete = complete || parseAnswer(buffer, &reply);
        if (complete && wait == AnswerOnly)
            return reply;
    }
    buffer += socket.readAll();
    if (!complete && !parseAnswer(buffer, &reply))
        return {};
    reply.closed = socket.state() != QAbstractSocket::ConnectedState;
    return reply;
}

RawReply RawHttp::get(const QByteArray &path, const QByteArrayList &headerLines, Wait wait) const
{
    QByteArray request = "GET " + path + " HTTP/1.1\r\n";
    for (const QByteArray &line : headerLines)
        request += line + "\r\n";
    return send(request + "\r\n", wait);
}

QByteArrayList RawHttp::upgradeLines()
{
    return {"Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
            "Sec-WebSocket-Version: 13"};
}

} // namespace Etagere::Test
