#pragma once

#include "changefeed.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

QT_BEGIN_NAMESPACE
class QTimer;
class QWebSocket;
QT_END_NAMESPACE

namespace Etagere {

class LiveSession;
struct LiveMessage;
struct Presence;

/// The live hub behind `GET /v1/live`: holds every WebSocket session, answers `hello`
/// (welcome, replay from the change feed or reset, errors), pushes each committed change
/// to the sessions subscribed to its collection, relays presence, and pings the sessions,
/// closing (1001) those silent for 2.5 ping intervals.
///
/// Lives on the server thread; every call is made there. The feed is not owned and must
/// outlive the hub. Sessions are children of the hub and deleted when their socket closes.
class Hub : public QObject
{
    Q_OBJECT
public:
    /// Changes replayed per read of the feed.
    static constexpr int ReplayPageSize = 500;
    /// Presence entries (records viewed or edited) one session may hold at once.
    static constexpr int MaxPresencePerSession = 256;

    /// `localUser` is the identity given to every connection (single-user local server).
    Hub(const ChangeFeed *feed, const QString &localUser, QObject *parent = nullptr);
    ~Hub() override;

    /// Interval between pings, in milliseconds (default 15000). A session that has sent
    /// nothing, not even a pong, for 2.5 intervals is closed.
    void setPingInterval(int ms);
    [[nodiscard]] int pingInterval() const;

    /// Takes ownership of an upgraded socket and serves it as a live session.
    void addSocket(QWebSocket *socket);

    /// Pushes one committed change to every session subscribed to its collection. Call it
    /// once per change, in commit order. The message is encoded once per wire format and
    /// the same encoded message is sent to every subscriber of that format.
    void publish(const Change &change);

    /// Number of open sessions.
    [[nodiscard]] int sessionCount() const { return int(m_sessions.size()); }
    /// How many times publish() and presence relays have encoded a message (one per wire
    /// format in use, however many subscribers); for tests and diagnostics.
    [[nodiscard]] qint64 broadcastEncodeCount() const { return m_broadcastEncodes; }

private:
    void onMessage(LiveSession *session, const LiveMessage &message);
    void onClosed(LiveSession *session);
    void onPingTimer();

    /// What a `hello` found for one collection before the welcome is sent.
    struct HelloPlan
    {
        QString collection;
        qint64 since = 0;         ///< the client's number
        ChangeFeed::Result first; ///< the feed's first answer
    };

    void subscribe(LiveSession *session, const QMap<QString, qint64> &collections);
    void startCollection(LiveSession *session, HelloPlan &plan);
    void releasePresenceOutside(LiveSession *session, const QMap<QString, qint64> &collections);
    void catchUp(LiveSession *session, const QString &collection, qint64 seq);
    void replay(LiveSession *session, const QString &collection, ChangeFeed::Result page);
    void deliver(LiveSession *session, const Change &change);
    void sendPresenceSnapshot(LiveSession *session);
    void onPresence(LiveSession *session, const Presence &presence);
    void relayPresence(const LiveSession *from, const QList<Presence> &presence);

    const ChangeFeed *m_feed = nullptr;
    QString m_localUser;
    QTimer *m_pingTimer = nullptr;
    QList<LiveSession *> m_sessions;
    qint64 m_broadcastEncodes = 0;
};

} // namespace Etagere
