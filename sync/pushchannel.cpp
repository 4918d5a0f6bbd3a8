#include "pushchannel.h"

#include "fetchchangesjob.h"
#include "networkaccess.h"
#include "networkreachability.h"
#include "synclogging_p.h"
#include "wirecodec.h"

#include <QNetworkRequest>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

QString presenceKey(const Presence &presence)
{
    return presence.collection + u'/' + presence.id;
}

} // namespace

PushChannel::PushChannel(NetworkAccess *network, const QUrl &server, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_server(server)
{
    m_watchdog.setSingleShot(true);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_pingTimer, &QTimer::timeout, this, &PushChannel::onPingTick);
    connect(&m_watchdog, &QTimer::timeout, this, [this] { onSocketLost(tr("no sign of life from the server")); });
    connect(&m_reconnectTimer, &QTimer::timeout, this, &PushChannel::connectSocket);
    connect(network, &NetworkAccess::bearerTokenChanged, this, &PushChannel::onTokenChanged);
}

PushChannel::~PushChannel()
{
    m_wanted = false;
    teardownSocket();
}

QUrl PushChannel::liveUrl(const QUrl &server)
{
    QUrl url = server;
    url.setScheme(server.scheme() == "https"_L1 ? u"wss"_s : u"ws"_s);
    QString basePath = server.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + u"/v1/live"_s);
    url.setQuery(QString());
    return url;
}

void PushChannel::open()
{
    if (m_wanted)
        return;
    m_wanted = true;
    m_backoff.reset();
    connectSocket();
}

void PushChannel::close()
{
    m_wanted = false;
    m_reconnectTimer.stop();
    teardownSocket();
    setState(ConnectionState::Offline);
}

ConnectionState PushChannel::state() const { return m_state; }
QString PushChannel::user() const { return m_user; }
int PushChannel::pingInterval() const { return m_pingInterval; }
void PushChannel::setReconnectBase(int ms) { m_backoff.setBase(ms); }
void PushChannel::setReconnectCap(int ms) { m_backoff.setCap(ms); }
int PushChannel::reconnectAttempts() const { return m_backoff.attempts(); }
NetworkReachability *PushChannel::reachability() const { return m_reachability; }
QString PushChannel::lastError() const { return m_lastError; }

void PushChannel::setReachability(NetworkReachability *reachability)
{
    if (m_reachability)
        m_reachability->disconnect(this);
    m_reachability = reachability;
    if (reachability)
        connect(reachability, &NetworkReachability::reachableChanged, this, &PushChannel::onReachableChanged);
    if (m_wanted && !isNetworkReachable())
        waitForNetwork();
}

void PushChannel::setPingInterval(int ms)
{
    m_pingInterval = qMax(1, ms);
    if (m_pingTimer.isActive())
        m_pingTimer.start(m_pingInterval);
}

void PushChannel::subscribe(const QString &collection, qint64 seq)
{
    Feed &feed = m_feeds[collection];
    stopCatchUp(feed);
    feed.buffer.clear();
    feed.last = seq;
    feed.suspended = false;
    sendHello();
}

void PushChannel::setSubscriptions(const QMap<QString, qint64> &subscriptions)
{
    for (Feed &feed : m_feeds)
        stopCatchUp(feed);
    m_feeds.clear();
    for (auto it = subscriptions.begin(); it != subscriptions.end(); ++it)
        m_feeds[it.key()].last = it.value();
    sendHello();
}

QMap<QString, qint64> PushChannel::subscriptions() const
{
    QMap<QString, qint64> numbers;
    for (auto it = m_feeds.begin(); it != m_feeds.end(); ++it)
        numbers.insert(it.key(), it->last);
    return numbers;
}

qint64 PushChannel::lastSeq(const QString &collection) const
{
    return m_feeds.value(collection).last;
}

bool PushChannel::isSuspended(const QString &collection) const
{
    return m_feeds.value(collection).suspended;
}

bool PushChannel::sendPresence(const Presence &presence)
{
    if (presence.state == Presence::State::Left)
        m_presence.remove(presenceKey(presence));
    else
        m_presence.insert(presenceKey(presence), presence);
    if (m_state != ConnectionState::Live)
        return false;
    sendMessage(LiveMessage::presenceOf(presence));
    return true;
}

// --- socket life cycle ---------------------------------------------------------------

void PushChannel::connectSocket()
{
    teardownSocket();
    if (!isNetworkReachable()) {
        waitForNetwork();
        return;
    }
    QWebSocket *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    connect(socket, &QWebSocket::connected, this, &PushChannel::onConnected);
    connect(socket, &QWebSocket::disconnected, this, &PushChannel::onDisconnected);
    // Qt 6.4's QWebSocket has no errorOccurred(): the signal is error(SocketError).
    const auto errorSignal = qOverload<QAbstractSocket::SocketError>(&QWebSocket::error);
    connect(socket, errorSignal, this, [this](QAbstractSocket::SocketError error) {
        if (error == QAbstractSocket::ConnectionRefusedError)
            probeSession(); // a refused handshake looks the same as a refused connection
        onSocketLost(m_socket ? m_socket->errorString() : QString());
    });
    connect(socket, &QWebSocket::textMessageReceived, this, &PushChannel::onTextMessage);
    connect(socket, &QWebSocket::sslErrors, this, [this, socket](const QList<QSslError> &errors) {
        if (m_network->acceptsSslErrors(m_server, errors)) // else the handshake fails: nothing was sent
            socket->ignoreSslErrors(errors);
    });
    connect(socket, &QWebSocket::binaryMessageReceived, this, &PushChannel::signOfLife);
    connect(socket, &QWebSocket::pong, this, &PushChannel::signOfLife);
    const bool first = m_backoff.attempts() == 0 && !m_everWelcomed;
    setState(first ? ConnectionState::Connecting : ConnectionState::Reconnecting);
    qCDebug(lcSync) << "push channel connecting to" << liveUrl(m_server).toString();
    m_watchdog.start(m_pingInterval * 5 / 2);
    QNetworkRequest request(liveUrl(m_server));
    m_network->authorize(request);
    m_socketToken = m_network->bearerToken();
    if (request.url().scheme() == "wss"_L1)
        socket->setSslConfiguration(m_network->sslConfiguration());
    m_socket->open(request);
}

bool PushChannel::isNetworkReachable() const
{
    return !m_reachability || m_reachability->isReachable();
}

void PushChannel::onReachableChanged(bool reachable)
{
    if (!m_wanted)
        return;
    if (!reachable) {
        qCInfo(lcSync) << "push channel: the system reports no network";
        waitForNetwork();
        return;
    }
    if (m_state != ConnectionState::NoNetwork && !m_reconnectTimer.isActive())
        return; // connected or connecting: nothing to cut short
    qCInfo(lcSync) << "push channel: the network is back; connecting now";
    m_reconnectTimer.stop();
    m_backoff.reset();
    connectSocket();
}

/// No network: nothing to try until it comes back (onReachableChanged()).
void PushChannel::waitForNetwork()
{
    if (m_socket || m_state == ConnectionState::Live)
        m_lastError = tr("the system reports no network");
    teardownSocket();
    m_reconnectTimer.stop();
    setState(ConnectionState::NoNetwork);
}

void PushChannel::onConnected()
{
    signOfLife();
    m_pingTimer.start(m_pingInterval);
    sendHello();
}

void PushChannel::signOfLife()
{
    if (m_socket)
        m_watchdog.start(m_pingInterval * 5 / 2);
}

void PushChannel::onPingTick()
{
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->ping();
}

void PushChannel::onSocketLost(const QString &reason)
{
    if (!m_socket)
        return;
    qCInfo(lcSync) << "push channel lost:" << reason;
    m_lastError = reason;
    teardownSocket();
    scheduleReconnect();
}

void PushChannel::onDisconnected()
{
    // The session of this socket ended; unless a sign-in replaced its token meanwhile.
    if (m_socket && m_socket->closeCode() == LiveCloseCode::SessionEnded && m_socketToken == m_network->bearerToken()) {
        signOut(m_socket->closeReason());
        return;
    }
    onSocketLost(tr("connection closed"));
}

void PushChannel::teardownSocket()
{
    m_pingTimer.stop();
    m_watchdog.stop();
    for (Feed &feed : m_feeds) {
        stopCatchUp(feed);
        feed.buffer.clear(); // the next hello resumes from `last`: the server sends them again
    }
    if (!m_socket)
        return;
    QWebSocket *socket = m_socket;
    m_socket.clear();
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void PushChannel::scheduleReconnect()
{
    if (!m_wanted || m_signedOut)
        return;
    if (!isNetworkReachable()) {
        waitForNetwork();
        return;
    }
    setState(ConnectionState::Reconnecting);
    const int delay = m_backoff.next();
    qCDebug(lcSync) << "push channel reconnects in" << delay << "ms";
    m_reconnectTimer.start(delay);
    Q_EMIT reconnectScheduled(delay, m_backoff.attempts());
}

void PushChannel::setState(ConnectionState state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void PushChannel::sendHello()
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    QMap<QString, qint64> numbers;
    for (auto it = m_feeds.begin(); it != m_feeds.end(); ++it) {
        if (!it->suspended)
            numbers.insert(it.key(), it->last);
    }
    sendMessage(LiveMessage::hello(numbers));
}

void PushChannel::sendMessage(const LiveMessage &message)
{
    if (!m_socket)
        return;
    const QByteArray bytes = WireCodec::encode(message.toJson(), WireFormat::Json);
    m_socket->sendTextMessage(QString::fromUtf8(bytes));
}

// --- messages ------------------------------------------------------------------------

void PushChannel::onTextMessage(const QString &text)
{
    signOfLife();
    const DecodeResult decoded = WireCodec::decode(text.toUtf8(), WireFormat::Json);
    QString error = decoded.error;
    const std::optional<LiveMessage> message =
        decoded.isValid() ? LiveMessage::fromJson(decoded.value, &error) : std::nullopt;
    if (!message) {
        qCWarning(lcSync) << "push channel: ignoring unreadable message:" << error;
        return;
    }
    switch (message->type) {
    case LiveMessage::Type::Welcome: handleWelcome(*message); return;
    case LiveMessage::Type::Change: handleChange(message->change); return;
    case LiveMessage::Type::Reset: requireReset(message->collection, message->seq); return;
    case LiveMessage::Type::Error: handleError(*message); return;
    case LiveMessage::Type::Presence: Q_EMIT presenceReceived(message->presence); return;
    case LiveMessage::Type::Hello: return; // a client message; nothing to do
    }
}

void PushChannel::handleError(const LiveMessage &message)
{
    if (message.collection.isEmpty()) { // the server refused a message of ours: a bug here, not the user's
        qCWarning(lcSync) << "push channel: the server refused a message:" << message.status << message.detail;
        return;
    }
    qCWarning(lcSync) << "push channel: subscription refused" << message.collection << message.status;
    Q_EMIT subscriptionFailed(message.collection, message.status);
}

void PushChannel::handleWelcome(const LiveMessage &message)
{
    m_user = message.user;
    m_lastError.clear();
    m_backoff.reset();
    m_everWelcomed = true;
    for (auto it = message.collections.begin(); it != message.collections.end(); ++it) {
        const auto feed = m_feeds.constFind(it.key());
        // A number below ours means the server's history is not the one we applied.
        if (feed != m_feeds.cend() && !feed->suspended && it.value() < feed->last)
            requireReset(it.key(), it.value());
    }
    setState(ConnectionState::Live);
    Q_EMIT welcomed(m_user);
    const QList<Presence> announced = m_presence.values();
    for (const Presence &presence : announced)
        sendMessage(LiveMessage::presenceOf(presence));
}

void PushChannel::handleChange(const Change &change)
{
    qCDebug(lcSync) << "push" << change.collection << change.seq << change.id;
    const auto feed = m_feeds.find(change.collection);
    if (feed == m_feeds.end() || feed->suspended || change.seq <= feed->last)
        return; // not subscribed, waiting for a reload, or a duplicate
    if (feed->catchUp || change.seq > feed->last + 1) {
        feed->buffer.insert(change.seq, change);
        if (!feed->catchUp)
            startCatchUp(change.collection);
        return;
    }
    feed->last = change.seq;
    Q_EMIT changeReceived(change);
}

void PushChannel::deliverInOrder(const QString &collection)
{
    for (;;) {
        const auto feed = m_feeds.find(collection);
        if (feed == m_feeds.end() || feed->suspended || feed->catchUp || feed->buffer.isEmpty())
            return;
        const auto first = feed->buffer.begin();
        if (first.key() > feed->last + 1) {
            startCatchUp(collection);
            return;
        }
        const Change change = first.value();
        feed->buffer.erase(first);
        if (change.seq <= feed->last)
            continue;
        feed->last = change.seq;
        Q_EMIT changeReceived(change);
    }
}

void PushChannel::startCatchUp(const QString &collection)
{
    Feed &feed = m_feeds[collection];
    qCInfo(lcSync) << "push channel: gap in" << collection << "after" << feed.last << "; reading the change feed";
    auto *job = new FetchChangesJob(m_network, m_server, collection, feed.last, this);
    feed.catchUp = job;
    connect(job, &RestJob::finished, this, &PushChannel::onCatchUpFinished);
    job->start();
}

void PushChannel::onCatchUpFinished(RestJob *finishedJob)
{
    auto *job = static_cast<FetchChangesJob *>(finishedJob);
    const QString collection = job->collection();
    const auto feed = m_feeds.find(collection);
    if (feed == m_feeds.end() || feed->catchUp != job)
        return; // superseded by a reconnect, a reset or a new subscription
    feed->catchUp.clear();
    if (job->error() == RestJob::Error::Gone) {
        requireReset(collection, 0);
        return;
    }
    if (job->error() != RestJob::Error::None) {
        onSocketLost(tr("catching up failed: %1").arg(job->errorString())); // resume from our numbers
        return;
    }
    applyCatchUp(collection, job->changes(), job->seq());
}

void PushChannel::applyCatchUp(const QString &collection, const QList<Change> &changes, qint64 serverSeq)
{
    const qint64 before = m_feeds.value(collection).last;
    for (const Change &change : changes) {
        const auto feed = m_feeds.find(collection);
        if (feed == m_feeds.end() || feed->suspended || feed->catchUp)
            return; // the receiver re-subscribed or reset meanwhile
        if (change.seq == feed->last + 1) {
            feed->last = change.seq;
            Q_EMIT changeReceived(change);
        }
    }
    const auto feed = m_feeds.find(collection);
    if (feed == m_feeds.end() || feed->suspended || feed->catchUp)
        return;
    if (feed->last == before && !feed->buffer.isEmpty() && feed->buffer.firstKey() > feed->last + 1) {
        requireReset(collection, serverSeq); // the feed cannot fill the gap: start over
        return;
    }
    deliverInOrder(collection);
}

void PushChannel::requireReset(const QString &collection, qint64 seq)
{
    const auto feed = m_feeds.find(collection);
    if (feed == m_feeds.end())
        return;
    qCInfo(lcSync) << "push channel: collection" << collection << "must be reloaded";
    feed->suspended = true;
    feed->buffer.clear();
    stopCatchUp(*feed);
    Q_EMIT resetRequired(collection, seq);
}

void PushChannel::stopCatchUp(Feed &feed)
{
    if (FetchChangesJob *job = feed.catchUp) {
        feed.catchUp.clear();
        job->abort();
    }
}

} // namespace Etagere
