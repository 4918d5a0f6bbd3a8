#include "hub.h"

#include "changefeed.h"
#include "liveauthorizer.h"
#include "livemessage.h"
#include "livesession.h"
#include "logging.h"

#include <QTimer>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {
constexpr int DefaultPingIntervalMs = 15000;
} // namespace

Hub::Hub(const ChangeFeed *feed, const LiveAuthorizer *authorizer, QObject *parent)
    : QObject(parent)
    , m_feed(feed)
    , m_authorizer(authorizer)
    , m_pingTimer(new QTimer(this))
{
    Q_ASSERT(feed);
    connect(m_pingTimer, &QTimer::timeout, this, &Hub::onPingTimer);
    m_pingTimer->start(DefaultPingIntervalMs);
}

// Sessions are children: QObject deletes them after this object's connections are gone,
// so no session signal reaches a half-destroyed hub.
Hub::~Hub() = default;

void Hub::setPingInterval(int ms)
{
    Q_ASSERT(ms > 0);
    m_pingTimer->start(ms);
}

int Hub::pingInterval() const
{
    return m_pingTimer->interval();
}

void Hub::setMessageRate(double rate, double burst)
{
    m_messageRate = rate;
    m_messageBurst = burst;
}

void Hub::addSocket(QWebSocket *socket, const Identity &identity)
{
    Q_ASSERT(socket);
    auto *session = new LiveSession(socket, identity, this);
    session->setMessageRate(m_messageRate, m_messageBurst);
    if (!session->isOpen()) {
        qCDebug(lcServer) << "socket already closed when handed to the hub";
        session->deleteLater();
        return;
    }
    m_sessions.append(session);
    connect(session, &LiveSession::messageReceived, this,
            [this, session](const LiveMessage &message) { onMessage(session, message); });
    connect(session, &LiveSession::closed, this, [this, session] { onClosed(session); });
    connect(session, &QObject::destroyed, this, [this, session] { m_sessions.removeAll(session); });
    qCDebug(lcServer) << "live session of" << identity.user << "opened from" << socket->peerAddress()
                      << "sessions:" << m_sessions.size();
}

bool Hub::canRead(const LiveSession *session, const QString &collection) const
{
    return !m_authorizer || m_authorizer->canRead(session->user(), collection);
}

/// The close code a session deserves now, if any: its login ended, or it subscribes to a
/// collection its user may no longer read.
std::optional<int> Hub::closeReason(const LiveSession *session) const
{
    const QDateTime &expires = session->identity().expires;
    if (expires.isValid() && expires <= QDateTime::currentDateTimeUtc())
        return LiveCloseCode::SessionEnded;
    if (!m_authorizer)
        return std::nullopt;
    if (!m_authorizer->isSessionValid(session->identity().sessionKey))
        return LiveCloseCode::SessionEnded;
    const QList<QString> collections = session->subscribedCollections();
    const bool allReadable = std::all_of(collections.cbegin(), collections.cend(),
                                         [&](const QString &collection) { return canRead(session, collection); });
    return allReadable ? std::nullopt : std::optional<int>(LiveCloseCode::RightsChanged);
}

void Hub::closeWith(LiveSession *session, int code, const QString &reason)
{
    qCInfo(lcServer).noquote() << "closing the live session of" << session->user() << "with" << code << reason;
    // Codes 4000-4999 are for applications (RFC 6455 section 7.4.2); QWebSocket sends any
    // code given as its CloseCode enum.
    session->close(static_cast<QWebSocketProtocol::CloseCode>(code), reason);
}

void Hub::revalidate()
{
    const QList<LiveSession *> sessions = m_sessions; // closing may remove a session
    for (LiveSession *session : sessions) {
        if (const std::optional<int> code = closeReason(session)) {
            closeWith(session, *code, *code == LiveCloseCode::RightsChanged ? u"the right to read a collection was revoked"_s
                                                              : u"the session ended"_s);
        }
    }
}

void Hub::closeExpired()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<LiveSession *> sessions = m_sessions;
    for (LiveSession *session : sessions) {
        const QDateTime &expires = session->identity().expires;
        if (expires.isValid() && expires <= now)
            closeWith(session, LiveCloseCode::SessionEnded, u"the session expired"_s);
    }
}

void Hub::closeSession(const QByteArray &sessionKey)
{
    const QList<LiveSession *> sessions = m_sessions;
    for (LiveSession *session : sessions) {
        if (session->identity().sessionKey == sessionKey)
            closeWith(session, LiveCloseCode::SessionEnded, u"logged out"_s);
    }
}

void Hub::publish(const Change &change)
{
    // Encoded at most once per wire format, then the same text / bytes go to every subscriber.
    LiveSession::EncodedMessage message(LiveMessage::changed(change).toJson(), &m_broadcastEncodes);
    const QString &collection = change.collection;
    const QList<LiveSession *> sessions = m_sessions; // sending may close a session
    for (LiveSession *session : sessions) {
        if (!session->isSubscribed(collection))
            continue;
        if (change.seq > session->lastSent(collection) + 1)
            catchUp(session, collection, change.seq);
        if (change.seq > session->lastSent(collection)) {
            session->send(message);
            session->setLastSent(collection, change.seq);
        }
    }
}

/// A published change that skips numbers the session has not had (a publish was missed):
/// the session gets what lies between from the feed, so it never sees a gap.
void Hub::catchUp(LiveSession *session, const QString &collection, qint64 seq)
{
    qCWarning(lcServer) << "published change" << collection << seq << "skips changes; catching up from the feed";
    replay(session, collection, m_feed->changesSince(collection, session->lastSent(collection), ReplayPageSize));
}

void Hub::onMessage(LiveSession *session, const LiveMessage &message)
{
    switch (message.type) {
    case LiveMessage::Type::Hello:
        subscribe(session, message.collections);
        return;
    case LiveMessage::Type::Presence:
        onPresence(session, message.presence);
        return;
    default:
        session->sendError(400, u"a client may send only hello and presence messages"_s);
        return;
    }
}

void Hub::onClosed(LiveSession *session)
{
    if (!m_sessions.removeAll(session))
        return;
    QList<Presence> left;
    for (const QString &collection : session->subscribedCollections())
        left += session->takePresence(collection);
    relayPresence(session, left);
    session->deleteLater();
    qCDebug(lcServer) << "live session closed; sessions:" << m_sessions.size();
}

void Hub::onPingTimer()
{
    const qint64 limit = qint64(m_pingTimer->interval()) * 5 / 2;
    const QList<LiveSession *> sessions = m_sessions; // closing may remove a session
    for (LiveSession *session : sessions) {
        if (session->idleMs() > limit) {
            qCInfo(lcServer) << "closing a live session silent for" << session->idleMs() << "ms";
            session->close(QWebSocketProtocol::CloseCodeGoingAway, u"ping timeout"_s);
        } else {
            session->ping();
        }
    }
}

/// Answers a `hello`: replaces the subscription, sends the welcome, then per collection
/// an error, a reset or the changes after the client's number, then others' presence.
void Hub::subscribe(LiveSession *session, const QMap<QString, qint64> &collections)
{
    releasePresenceOutside(session, collections);
    session->clearSubscription();
    // LiveMessage::fromJson has checked the names and that the numbers are >= 0.
    QList<HelloPlan> plans;
    QMap<QString, qint64> current;
    for (auto it = collections.constBegin(); it != collections.constEnd(); ++it) {
        if (!canRead(session, it.key())) {
            plans.append({it.key(), it.value(), {}, false});
            continue;
        }
        plans.append({it.key(), it.value(), m_feed->changesSince(it.key(), it.value(), ReplayPageSize), true});
        if (plans.last().first.exists)
            current.insert(it.key(), plans.last().first.currentSeq);
    }
    session->send(LiveMessage::welcome(current, session->user()).toJson());
    for (HelloPlan &plan : plans)
        startCollection(session, plan);
    sendPresenceSnapshot(session);
}

/// After the welcome: an error 403 or 404, a reset, or the changes after the client's number.
void Hub::startCollection(LiveSession *session, HelloPlan &plan)
{
    if (!plan.readable) {
        session->sendError(403, u"you may not read this collection"_s, plan.collection);
        return;
    }
    if (!plan.first.exists) {
        session->sendError(404, u"no such collection"_s, plan.collection);
        return;
    }
    if (plan.since > plan.first.currentSeq)
        plan.first.gone = true; // the client is ahead of this server's data: it reloads
    session->setLastSent(plan.collection, plan.since);
    replay(session, plan.collection, std::move(plan.first));
}

/// A new subscription keeps the session's presence in the collections it keeps, and
/// announces `left` for the rest.
void Hub::releasePresenceOutside(LiveSession *session, const QMap<QString, qint64> &collections)
{
    QList<Presence> left;
    for (const QString &collection : session->subscribedCollections()) {
        if (!collections.contains(collection))
            left += session->takePresence(collection);
    }
    relayPresence(session, left);
}

/// Sends `page` and the pages after it until the session has every change of
/// `collection` the feed holds; a reset instead where the feed no longer has them.
void Hub::replay(LiveSession *session, const QString &collection, ChangeFeed::Result page)
{
    for (;;) {
        if (!page.exists) {
            qCWarning(lcServer) << "collection" << collection << "vanished during a replay";
            return;
        }
        if (page.gone) {
            session->send(LiveMessage::reset(collection, page.currentSeq).toJson());
            session->setLastSent(collection, page.currentSeq);
            return;
        }
        const qint64 before = session->lastSent(collection);
        for (const Change &change : std::as_const(page.changes))
            deliver(session, change);
        const qint64 after = session->lastSent(collection);
        if (after == before || after >= page.currentSeq)
            return;
        page = m_feed->changesSince(collection, after, ReplayPageSize);
    }
}

/// Sends one change of the session's own replay, unless the session already has it.
void Hub::deliver(LiveSession *session, const Change &change)
{
    if (change.seq <= session->lastSent(change.collection))
        return;
    session->send(LiveMessage::changed(change).toJson());
    session->setLastSent(change.collection, change.seq);
}

/// Tells a session that just subscribed who views or edits what in its collections.
void Hub::sendPresenceSnapshot(LiveSession *session)
{
    const QList<LiveSession *> others = m_sessions; // sending may close the session
    for (const LiveSession *other : others) {
        if (other == session)
            continue;
        const LiveSession::PresenceMap &held = other->presence();
        for (auto it = held.constBegin(); it != held.constEnd(); ++it) {
            const auto &[collection, id] = it.key();
            if (session->isSubscribed(collection))
                session->send(LiveMessage::presenceOf(Presence{collection, id, other->user(), it.value()}).toJson());
        }
    }
}

void Hub::onPresence(LiveSession *session, const Presence &announced)
{
    Presence presence = announced;
    presence.user = session->user();
    if (!canRead(session, presence.collection)) {
        qCDebug(lcServer) << "dropped presence of" << presence.user << "in unreadable" << presence.collection;
        return;
    }
    if (!session->isSubscribed(presence.collection)) {
        session->sendError(409, u"presence for a collection this session has not subscribed to"_s,
                           presence.collection);
        return;
    }
    const bool known = session->presence().contains({presence.collection, presence.id});
    if (!known && presence.state != Presence::State::Left
        && session->presence().size() >= MaxPresencePerSession) {
        session->sendError(400, u"too many records viewed or edited at once"_s, presence.collection);
        return;
    }
    if (session->setPresence(presence))
        relayPresence(session, {presence});
}

/// Sends each announcement of `from` to the other sessions subscribed to its collection,
/// encoded once per wire format.
void Hub::relayPresence(const LiveSession *from, const QList<Presence> &presence)
{
    for (const Presence &one : presence) {
        LiveSession::EncodedMessage message(LiveMessage::presenceOf(one).toJson(), &m_broadcastEncodes);
        const QList<LiveSession *> sessions = m_sessions;
        for (LiveSession *session : sessions) {
            if (session != from && session->isSubscribed(one.collection))
                session->send(message);
        }
    }
}

} // namespace Etagere
