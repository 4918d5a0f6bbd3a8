#pragma once

#include "backoff.h"
#include "change.h"
#include "connectionstate.h"
#include "livemessage.h"

#include <QMap>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QWebSocket;

namespace Etagere {

class FetchChangesJob;
class NetworkAccess;
class NetworkReachability;
class RestJob;

/// The push side of the protocol: one WebSocket to `ws(s)://host:port/v1/live`.
///
/// Sends `hello` with each subscribed collection's last applied sequence number and
/// emits changeReceived() strictly in sequence order per collection, each number once.
/// Duplicates (seq <= last) are dropped. A jump (seq > last + 1) stops the live delivery
/// of that collection: live changes are buffered, the missing range is read from the
/// change feed (FetchChangesJob), applied in order, then the buffer drains. A `reset`
/// message, a 410 from the feed or a server whose number went backwards emits
/// resetRequired(): the collection is then suspended until subscribe() gives the number
/// of the reloaded state.
///
/// Reconnects after any drop with exponential backoff and jitter (see Backoff), resuming
/// from the last numbers; the backoff starts over after each `welcome`. Sends its own
/// pings every pingInterval(); a pong or any message is a sign of life, and none for 2.5
/// intervals (a server that froze or a silent network) aborts the socket and reconnects.
/// The same watchdog bounds a connection attempt that never gets its handshake answered.
///
/// With a NetworkReachability (setReachability()) it does not try while the system reports
/// no network: it drops the socket, stops retrying and its state is NoNetwork; when the
/// network comes back it connects at once, and also cuts short a pending backoff delay.
/// Identity: the upgrade request carries `network`'s bearer token. When the server ends the
/// session (close code 4401) or refuses the handshake and an authenticated REST probe then
/// gets 401, the channel stops retrying, its state becomes SignedOut and it emits
/// authenticationRequired(); a new token (NetworkAccess::setBearerToken()) reconnects at once.
/// Close code 4403 (a right was revoked) reconnects as usual: the next `hello` tells which
/// subscription is refused.
/// Lives in its creator's thread. `network` must outlive it.
class PushChannel : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultPingIntervalMs = 10000;
    static constexpr int DefaultReconnectBaseMs = Backoff::DefaultBaseMs;
    static constexpr int DefaultReconnectCapMs = Backoff::DefaultCapMs;

    /// `server` is the REST base URL (http or https); the WebSocket URL derives from it.
    PushChannel(NetworkAccess *network, const QUrl &server, QObject *parent = nullptr);
    ~PushChannel() override;

    /// ws://host:port/v1/live for http://host:port (wss for https).
    [[nodiscard]] static QUrl liveUrl(const QUrl &server);

    /// Connects (and keeps reconnecting until close()).
    void open();
    /// Disconnects and stops reconnecting; state becomes Offline. Numbers are kept.
    void close();

    [[nodiscard]] ConnectionState state() const;
    /// The identity from the last `welcome`; empty until then.
    [[nodiscard]] QString user() const;

    void setPingInterval(int ms);
    [[nodiscard]] int pingInterval() const;
    /// Ceiling of the first reconnect delay; doubles per failed attempt up to the cap,
    /// with jitter (the delay lies between half the ceiling and the ceiling).
    void setReconnectBase(int ms);
    void setReconnectCap(int ms);
    /// Reconnect attempts since the last `welcome` (0 while live).
    [[nodiscard]] int reconnectAttempts() const;
    /// Follows `reachability` (not owned; null: always reachable, the socket alone decides).
    void setReachability(NetworkReachability *reachability);
    [[nodiscard]] NetworkReachability *reachability() const;
    /// Why the connection was last lost or refused (for people, in English); empty once live.
    [[nodiscard]] QString lastError() const;

    /// Subscribes to `collection`, whose state reflects every change up to `seq`; resumes
    /// a suspended collection. Sends a new `hello` when connected.
    void subscribe(const QString &collection, qint64 seq);
    /// Replaces all subscriptions (collection -> last applied number).
    void setSubscriptions(const QMap<QString, qint64> &subscriptions);
    /// Last applied number per subscribed collection.
    [[nodiscard]] QMap<QString, qint64> subscriptions() const;
    /// Last applied number of `collection`, 0 when unknown.
    [[nodiscard]] qint64 lastSeq(const QString &collection) const;
    /// True while a collection waits for a reload after resetRequired().
    [[nodiscard]] bool isSuspended(const QString &collection) const;

    /// Announces presence; repeated after each reconnect until its state is Left.
    /// Returns false (and only remembers it) when not connected.
    bool sendPresence(const Presence &presence);

Q_SIGNALS:
    void stateChanged(Etagere::ConnectionState state);
    /// The socket was lost; attempt number `attempt` (1 for the first since the last
    /// `welcome`) starts in `delayMs` milliseconds.
    void reconnectScheduled(int delayMs, int attempt);
    void welcomed(const QString &user);
    /// The next change of a collection (seq == previous + 1).
    void changeReceived(const Etagere::Change &change);
    /// The collection must be reloaded; call subscribe() with the reloaded state's number.
    void resetRequired(const QString &collection, qint64 seq);
    /// The server refused a subscription (403 or 404).
    void subscriptionFailed(const QString &collection, int status);
    void presenceReceived(const Etagere::Presence &presence);
    /// The server no longer accepts the session: sign in again (state is SignedOut).
    void authenticationRequired();

private:
    struct Feed
    {
        qint64 last = 0;
        bool suspended = false;
        QMap<qint64, Change> buffer; ///< live changes held back while catching up
        QPointer<FetchChangesJob> catchUp;
    };

    void connectSocket();
    [[nodiscard]] bool isNetworkReachable() const;
    void onReachableChanged(bool reachable);
    void waitForNetwork();
    void onConnected();
    void onTextMessage(const QString &text);
    void onSocketLost(const QString &reason);
    void onDisconnected();
    // pushchannel_signin.cpp: telling a refused session from a refused connection
    void probeSession();
    void onProbeFinished(RestJob *job);
    void signOut(const QString &reason);
    void onTokenChanged();
    void teardownSocket();
    void scheduleReconnect();
    void setState(ConnectionState state);
    void signOfLife();
    void onPingTick();
    void sendHello();
    void sendMessage(const LiveMessage &message);

    void handleWelcome(const LiveMessage &message);
    void handleError(const LiveMessage &message);
    void handleChange(const Change &change);
    void deliverInOrder(const QString &collection);
    void startCatchUp(const QString &collection);
    void onCatchUpFinished(RestJob *job);
    void applyCatchUp(const QString &collection, const QList<Change> &changes, qint64 serverSeq);
    void requireReset(const QString &collection, qint64 seq);
    void stopCatchUp(Feed &feed);

    NetworkAccess *m_network;
    QPointer<RestJob> m_probe;
    QByteArray m_socketToken; ///< the token the socket's upgrade carried
    QUrl m_server;
    QPointer<QWebSocket> m_socket;
    ConnectionState m_state = ConnectionState::Offline;
    QString m_user;
    QString m_lastError;
    QPointer<NetworkReachability> m_reachability;
    bool m_wanted = false;
    bool m_everWelcomed = false;
    bool m_signedOut = false;
    int m_pingInterval = DefaultPingIntervalMs;
    Backoff m_backoff;
    QTimer m_pingTimer;
    QTimer m_watchdog;
    QTimer m_reconnectTimer;
    QMap<QString, Feed> m_feeds;
    QMap<QString, Presence> m_presence; ///< "collection/id" -> last non-Left announcement
};

} // namespace Etagere
