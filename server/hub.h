#pragma once

#include "changefeed.h"
#include "identity.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

#include <optional>

QT_BEGIN_NAMESPACE
class QTimer;
class QWebSocket;
QT_END_NAMESPACE

namespace Etagere {

class LiveAuthorizer;
class LiveSession;
struct LiveMessage;
struct Presence;

/// The live hub behind `GET /v1/live`: holds every WebSocket session, answers `hello`
/// (welcome, replay from the change feed or reset, errors), pushes each committed change
/// to the sessions subscribed to its collection, relays presence, and pings the sessions,
/// closing (1001) those silent for 2.5 ping intervals.
///
/// With an authorizer, a session subscribes only to collections its user may read (403
/// otherwise), presence for a collection it may not read is dropped, and revalidate()
/// closes sessions whose login ended (4401) or whose user lost the right to read a
/// subscribed collection (4403). Without one (tests of the hub alone), everything is readable.
///
/// Lives on the server thread; every call is made there. The feed and the authorizer are not
/// owned and must outlive the hub. Sessions are children of the hub and deleted when their
/// socket closes.
class Hub : public QObject
{
    Q_OBJECT
public:
    /// Changes replayed per read of the feed.
    static constexpr int ReplayPageSize = 500;
    /// Presence entries (records viewed or edited) one session may hold at once.
    static constexpr int MaxPresencePerSession = 256;

    /// `authorizer` may be null: then every collection is readable and sessions never end.
    explicit Hub(const ChangeFeed *feed, const LiveAuthorizer *authorizer = nullptr, QObject *parent = nullptr);
    ~Hub() override;

    /// Interval between pings, in milliseconds (default 15000). A session that has sent
    /// nothing, not even a pong, for 2.5 intervals is closed.
    void setPingInterval(int ms);
    [[nodiscard]] int pingInterval() const;

    /// Messages per second (and burst) a client may send on one session; beyond it the
    /// session is closed with 1008. 0: no limit. Applies to sessions added afterwards.
    void setMessageRate(double rate, double burst);

    /// Takes ownership of an upgraded socket and serves it as a live session of `identity`.
    void addSocket(QWebSocket *socket, const Identity &identity);

    /// Asks the authorizer again about every session: closes with LiveCloseCode::SessionEnded
    /// those whose session is no longer valid, with LiveCloseCode::RightsChanged those
    /// subscribed to a collection their user may no longer read. Call it whenever accounts
    /// may have changed.
    void revalidate();
    /// Closes with LiveCloseCode::SessionEnded the sessions whose identity expired by now (no query).
    void closeExpired();
    /// Closes with LiveCloseCode::SessionEnded every session of the login stored under `sessionKey`.
    void closeSession(const QByteArray &sessionKey);

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
        bool readable = true;     ///< the user may read the collection (else error 403)
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
    [[nodiscard]] bool canRead(const LiveSession *session, const QString &collection) const;
    [[nodiscard]] std::optional<int> closeReason(const LiveSession *session) const;
    void closeWith(LiveSession *session, int code, const QString &reason);

    const ChangeFeed *m_feed = nullptr;
    const LiveAuthorizer *m_authorizer = nullptr;
    double m_messageRate = 0;
    double m_messageBurst = 1;
    QTimer *m_pingTimer = nullptr;
    QList<LiveSession *> m_sessions;
    qint64 m_broadcastEncodes = 0;
};

} // namespace Etagere
