#include "livesession.h"

#include "logging.h"

#include <QUrlQuery>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

/// `?format=cbor` selects CBOR binary frames; anything else (or nothing) JSON text frames.
WireFormat formatOf(const QWebSocket *socket)
{
    const QString format = QUrlQuery(socket->requestUrl()).queryItemValue(u"format"_s);
    return format == u"cbor"_s ? WireFormat::Cbor : WireFormat::Json;
}

} // namespace

LiveSession::EncodedMessage::EncodedMessage(QJsonObject message, qint64 *encodeCounter)
    : m_message(std::move(message))
    , m_encodeCounter(encodeCounter)
{
}

const QString &LiveSession::EncodedMessage::text()
{
    if (!m_text) {
        m_text = QString::fromUtf8(WireCodec::encode(m_message, WireFormat::Json));
        if (m_encodeCounter)
            ++*m_encodeCounter;
    }
    return *m_text;
}

const QByteArray &LiveSession::EncodedMessage::binary()
{
    if (!m_binary) {
        m_binary = WireCodec::encode(m_message, WireFormat::Cbor);
        if (m_encodeCounter)
            ++*m_encodeCounter;
    }
    return *m_binary;
}

LiveSession::LiveSession(QWebSocket *socket, const Identity &identity, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_identity(identity)
    , m_format(formatOf(socket))
{
    Q_ASSERT(socket);
    socket->setParent(this);
    socket->setMaxAllowedIncomingMessageSize(MaxIncomingMessageSize);
    socket->setMaxAllowedIncomingFrameSize(MaxIncomingMessageSize);
    m_lastHeard.start();
    m_sessionClock.start();

    connect(socket, &QWebSocket::textMessageReceived, this,
            [this](const QString &text) { onFrame(text.toUtf8(), WireFormat::Json); });
    connect(socket, &QWebSocket::binaryMessageReceived, this,
            [this](const QByteArray &bytes) { onFrame(bytes, WireFormat::Cbor); });
    connect(socket, &QWebSocket::pong, this, [this] { m_lastHeard.start(); });
    const auto finish = [this] {
        if (!m_closedEmitted) {
            m_closedEmitted = true;
            Q_EMIT closed();
        }
    };
    connect(socket, &QWebSocket::disconnected, this, finish);
    connect(socket, &QObject::destroyed, this, finish);
}

void LiveSession::setMessageRate(double rate, double burst)
{
    if (rate > 0)
        m_messageBucket = RateLimiter::Bucket(rate, burst, m_sessionClock.elapsed());
    else
        m_messageBucket.reset();
}

bool LiveSession::isOpen() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void LiveSession::send(const QJsonObject &message)
{
    EncodedMessage encoded(message);
    send(encoded);
}

void LiveSession::send(EncodedMessage &message)
{
    if (!isOpen())
        return;
    if (m_format == WireFormat::Cbor)
        m_socket->sendBinaryMessage(message.binary());
    else
        m_socket->sendTextMessage(message.text());
}

void LiveSession::sendError(int status, const QString &detail, const QString &collection)
{
    send(LiveMessage::error(collection, status, detail).toJson());
}

void LiveSession::close(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    if (isOpen())
        m_socket->close(code, reason);
    else if (m_socket && m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort(); // closed before, and still not gone: drop the connection
}

void LiveSession::ping()
{
    if (isOpen())
        m_socket->ping();
}

bool LiveSession::isSubscribed(const QString &collection) const
{
    return m_lastSent.contains(collection);
}

qint64 LiveSession::lastSent(const QString &collection) const
{
    return m_lastSent.value(collection, 0);
}

void LiveSession::setLastSent(const QString &collection, qint64 seq)
{
    m_lastSent.insert(collection, seq);
}

bool LiveSession::setPresence(const Presence &presence)
{
    const PresenceKey key{presence.collection, presence.id};
    if (presence.state == Presence::State::Left)
        return m_presence.remove(key) > 0;
    const auto it = m_presence.constFind(key);
    if (it != m_presence.constEnd() && it.value() == presence.state)
        return false;
    m_presence.insert(key, presence.state);
    return true;
}

QList<Presence> LiveSession::takePresence(const QString &collection)
{
    QList<Presence> left;
    for (auto it = m_presence.begin(); it != m_presence.end();) {
        if (it.key().first == collection) {
            left.append(Presence{collection, it.key().second, m_identity.user, Presence::State::Left});
            it = m_presence.erase(it);
        } else {
            ++it;
        }
    }
    return left;
}

void LiveSession::onFrame(const QByteArray &bytes, WireFormat format)
{
    if (m_messageBucket && !m_messageBucket->take(m_sessionClock.elapsed())) {
        qCInfo(lcServer) << "closing a live session of" << m_identity.user << "that sends too many messages";
        close(QWebSocketProtocol::CloseCodePolicyViolated, u"too many messages"_s);
        return;
    }
    m_lastHeard.start();
    const DecodeResult decoded = WireCodec::decode(bytes, format);
    if (!decoded.isValid()) {
        qCInfo(lcServer) << "closing a live session: undecodable frame:" << decoded.error;
        close(QWebSocketProtocol::CloseCodeWrongDatatype, u"undecodable frame"_s);
        return;
    }
    QJsonValue value = decoded.value;
    if (value.isObject() && value[u"type"_s] == u"presence"_s) {
        // The server names the author of a presence, whatever the client put there.
        QJsonObject object = value.toObject();
        object.insert(u"user"_s, m_identity.user);
        value = object;
    }
    QString error;
    const std::optional<LiveMessage> message = LiveMessage::fromJson(value, &error);
    if (!message) {
        sendError(400, error.isEmpty() ? u"invalid message"_s : error);
        return;
    }
    Q_EMIT messageReceived(*message);
}

} // namespace Etagere
