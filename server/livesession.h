#pragma once

#include "identity.h"
#include "livemessage.h"
#include "ratelimiter.h"
#include "wirecodec.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QWebSocketProtocol>

#include <optional>

QT_BEGIN_NAMESPACE
class QWebSocket;
QT_END_NAMESPACE

namespace Etagere {

/// One `/v1/live` WebSocket connection, on the hub's side. Owns its socket; decodes the
/// frames it receives (closing the socket with 1007 on an undecodable frame, answering
/// an error 400 to a decodable frame that is not a valid message) and hands the valid
/// messages to the hub through messageReceived(). Keeps the session's state: wire format,
/// identity, subscription (the last sequence number sent per collection) and the presence
/// it holds. With a message rate set, a client that sends faster than that is closed with
/// 1008. Lives on the server thread; the hub deletes it (deleteLater) once closed().
class LiveSession : public QObject
{
    Q_OBJECT
public:
    /// One message already encoded for the wire, in both frame kinds: JSON as the text of a
    /// text frame, CBOR as the bytes of a binary frame. Each form is encoded at most once
    /// (on first use) and then shared, unchanged, by every session that sends it.
    class EncodedMessage
    {
    public:
        explicit EncodedMessage(QJsonObject message, qint64 *encodeCounter = nullptr);

        [[nodiscard]] const QString &text();
        [[nodiscard]] const QByteArray &binary();

    private:
        QJsonObject m_message;
        qint64 *m_encodeCounter = nullptr;
        std::optional<QString> m_text;
        std::optional<QByteArray> m_binary;
    };

    /// What the session announced it is doing on a record: (collection, id) -> state.
    using PresenceKey = std::pair<QString, QString>;
    using PresenceMap = QMap<PresenceKey, Presence::State>;

    /// Largest incoming message (and frame) accepted; larger ones close the socket (1009).
    static constexpr quint64 MaxIncomingMessageSize = 1024 * 1024;

    /// Takes ownership of `socket` (reparented to the session).
    LiveSession(QWebSocket *socket, const Identity &identity, QObject *parent = nullptr);

    [[nodiscard]] WireFormat format() const { return m_format; }
    [[nodiscard]] QString user() const { return m_identity.user; }
    [[nodiscard]] const Identity &identity() const { return m_identity; }
    /// Allows `rate` messages per second from the client, `burst` at once; beyond that the
    /// session is closed with 1008. 0: no limit (the default).
    void setMessageRate(double rate, double burst);
    [[nodiscard]] bool isOpen() const;

    /// Sends a message encoded in this session's format.
    void send(const QJsonObject &message);
    /// Sends an already encoded message in this session's format (no encoding here).
    void send(EncodedMessage &message);
    /// Sends `{"type": "error", "status": status, ...}`; `collection` and `detail` if not empty.
    void sendError(int status, const QString &detail, const QString &collection = {});
    /// Closes the socket with `code` (a second call aborts it if it is still closing);
    /// closed() follows.
    void close(QWebSocketProtocol::CloseCode code, const QString &reason);

    /// Pings the peer.
    void ping();
    /// Milliseconds since the peer last sent anything (message or pong).
    [[nodiscard]] qint64 idleMs() const { return m_lastHeard.elapsed(); }

    // Subscription: collection -> last sequence number sent to this session.
    [[nodiscard]] bool isSubscribed(const QString &collection) const;
    [[nodiscard]] qint64 lastSent(const QString &collection) const;
    void setLastSent(const QString &collection, qint64 seq);
    [[nodiscard]] QList<QString> subscribedCollections() const { return m_lastSent.keys(); }
    void clearSubscription() { m_lastSent.clear(); }

    // Presence held by this session.
    [[nodiscard]] const PresenceMap &presence() const { return m_presence; }
    /// Records `presence` (Left forgets); false when nothing changed.
    bool setPresence(const Presence &presence);
    /// Forgets and returns what the session held in `collection`, as Left announcements.
    [[nodiscard]] QList<Presence> takePresence(const QString &collection);

Q_SIGNALS:
    /// A valid message arrived from the client.
    void messageReceived(const Etagere::LiveMessage &message);
    /// The socket disconnected; the session is done.
    void closed();

private:
    void onFrame(const QByteArray &bytes, WireFormat format);

    QPointer<QWebSocket> m_socket;
    Identity m_identity;
    std::optional<RateLimiter::Bucket> m_messageBucket;
    WireFormat m_format = WireFormat::Json;
    QElapsedTimer m_lastHeard;
    QElapsedTimer m_sessionClock; ///< monotonic time for the message bucket
    QHash<QString, qint64> m_lastSent;
    PresenceMap m_presence;
    bool m_closedEmitted = false;
};

} // namespace Etagere
