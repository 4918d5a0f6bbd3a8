#include "syncengine.h"
#include "syncengine_p.h"

#include "listcollectionsjob.h"
#include "networkreachability.h"
#include "synclogging_p.h"

#include <QSet>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace Etagere {

QStringList changedFields(const QJsonObject &before, const QJsonObject &after)
{
    QSet<QString> keys;
    for (auto it = before.begin(); it != before.end(); ++it)
        keys.insert(it.key());
    for (auto it = after.begin(); it != after.end(); ++it)
        keys.insert(it.key());
    QStringList changed;
    for (const QString &key : keys) {
        if (nullIfMissing(before.value(key)) != nullIfMissing(after.value(key)))
            changed.append(key);
    }
    changed.sort();
    return changed;
}

// --- Private: setup, loading, connection ---------------------------------------------

SyncEngine::Private::Private(SyncEngine *engine, const QUrl &serverUrl, RecordStore *recordStore)
    : q(engine)
    , server(serverUrl)
    , store(recordStore)
    , channel(&network, serverUrl)
{
    Q_ASSERT(recordStore);
    retryTimer.setSingleShot(true);
    QObject::connect(&retryTimer, &QTimer::timeout, q, [this] { onRetry(); });
    QObject::connect(&channel, &PushChannel::stateChanged, q, [this](ConnectionState state) { onChannelState(state); });
    QObject::connect(&channel, &PushChannel::reconnectScheduled, q, &SyncEngine::reconnectScheduled);
    QObject::connect(&channel, &PushChannel::authenticationRequired, q, [this] { requireSignIn(); });
    if (!NetworkReachability::isLocal(serverUrl)) // loopback works without any network
        channel.setReachability(NetworkReachability::system(q));
    QObject::connect(&channel, &PushChannel::changeReceived, q, [this](const Change &change) { onChange(change); });
    QObject::connect(&channel, &PushChannel::resetRequired, q, [this](const QString &collection) {
        unloaded.insert(collection);
        loadCollection(collection);
    });
    QObject::connect(&channel, &PushChannel::welcomed, q, [this](const QString &name) {
        if (name == user)
            return;
        user = name;
        Q_EMIT q->userChanged(user);
    });
    QObject::connect(&channel, &PushChannel::presenceReceived, q, &SyncEngine::presenceChanged);
    QObject::connect(&channel, &PushChannel::subscriptionFailed, q, [this](const QString &collection, int status) {
        const QString message = SyncEngine::tr("The server refused live updates of %1 (HTTP %2)");
        Q_EMIT q->errorOccurred(message.arg(collection).arg(status));
    });
    recountPending();
}

QString SyncEngine::Private::keyOf(const QString &collection, const QString &id)
{
    return collection + u'/' + id; // neither a collection name nor an id may contain '/'
}

void SyncEngine::Private::listCollections()
{
    if (listJob)
        return;
    auto *job = new ListCollectionsJob(&network, server, q);
    listJob = job;
    QObject::connect(job, &RestJob::finished, q, [this](RestJob *finished) { onCollectionsListed(finished); });
    job->start();
}

void SyncEngine::Private::onCollectionsListed(RestJob *job)
{
    if (job->error() != RestJob::Error::None) {
        if (job->error() != RestJob::Error::Unauthorized) // that one is authenticationRequired()'s
            Q_EMIT q->errorOccurred(SyncEngine::tr("Cannot list the collections: %1").arg(job->errorString()));
        retryAfterFailure(job);
        return;
    }
    const QList<CollectionSchema> collections = static_cast<ListCollectionsJob *>(job)->collections();
    if (!store->setCollections(collections)) {
        Q_EMIT q->errorOccurred(SyncEngine::tr("Cannot save the collections: %1").arg(store->errorString()));
        scheduleRetry();
        return;
    }
    listed = true;
    Q_EMIT q->collectionsChanged();
    for (const CollectionSchema &schema : collections)
        resumeOrLoad(schema.name);
    flushPending();
}

void SyncEngine::Private::onChannelState(ConnectionState state)
{
    Q_EMIT q->connectionStateChanged(state);
    if (state != ConnectionState::Live || !running)
        return;
    retryBackoff.reset();
    onRetry(); // the server is back: finish loading and send what waits
}

void SyncEngine::Private::scheduleRetry(int minimumMs)
{
    if (!running || signedOut || retryTimer.isActive())
        return;
    retryTimer.start(std::max(retryBackoff.next(), minimumMs));
}

void SyncEngine::Private::retryAfterFailure(const RestJob *job)
{
    if (job->error() == RestJob::Error::Unauthorized && job->sentToken() == network.bearerToken())
        requireSignIn(); // (a 401 for a token replaced since is only a reason to try again)
    else if (job->error() == RestJob::Error::RateLimited)
        scheduleRetry(job->retryAfterSeconds() * 1000);
    else
        scheduleRetry();
}

void SyncEngine::Private::requireSignIn()
{
    retryTimer.stop();
    if (std::exchange(signedOut, true))
        return;
    qCInfo(lcSync) << "the server no longer accepts the session; waiting for a new token";
    Q_EMIT q->authenticationRequired();
}

void SyncEngine::Private::onRetry()
{
    if (!running)
        return;
    if (!listed) {
        listCollections();
        return;
    }
    const QSet<QString> toLoad = unloaded;
    for (const QString &collection : toLoad)
        loadCollection(collection);
    flushPending();
}

bool SyncEngine::Private::commit(const StoreBatch &batch)
{
    if (batch.puts.isEmpty() && batch.removals.isEmpty() && !batch.lastSeq)
        return true;
    if (!store->apply(batch)) {
        qCWarning(lcSync).noquote() << "a change of" << batch.collection << "was not stored";
        Q_EMIT q->errorOccurred(SyncEngine::tr("Cannot save to the journal: %1").arg(store->errorString()));
        return false;
    }
    const qsizetype before = dirty.size();
    for (const RecordState &state : batch.puts) {
        if (state.dirty)
            dirty.insert(keyOf(state.collection, state.id));
        else
            dirty.remove(keyOf(state.collection, state.id));
    }
    for (const QString &id : batch.removals)
        dirty.remove(keyOf(batch.collection, id));
    if (dirty.size() != before)
        Q_EMIT q->pendingCountChanged(int(dirty.size()));
    return true;
}

bool SyncEngine::Private::commitServer(StoreBatch batch)
{
    // A collection waiting for a load takes its number from the load: a number stored now
    // would let a restart resume from it with the load's records missing.
    if (unloaded.contains(batch.collection))
        batch.lastSeq.reset();
    if (commit(batch))
        return true;
    for (const RecordState &state : batch.puts)
        deferred.insert(keyOf(state.collection, state.id));
    for (const QString &id : batch.removals)
        deferred.insert(keyOf(batch.collection, id));
    unloaded.insert(batch.collection); // what the server said is learnt again by a reload
    scheduleRetry();
    return false;
}

QString SyncEngine::Private::storeFailure() const
{
    return SyncEngine::tr("The edit could not be saved: %1").arg(store->errorString());
}

void SyncEngine::Private::recountPending()
{
    QSet<QString> now;
    for (const CollectionSchema &schema : store->collections()) {
        for (const RecordState &state : store->records(schema.name)) {
            if (state.dirty)
                now.insert(keyOf(state.collection, state.id));
        }
    }
    const bool changed = now.size() != dirty.size();
    dirty = now;
    if (changed)
        Q_EMIT q->pendingCountChanged(int(dirty.size()));
}

// --- SyncEngine: public API ------------------------------------------------------------

SyncEngine::SyncEngine(const QUrl &server, RecordStore *store, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, server, store))
{
}

SyncEngine::~SyncEngine()
{
    d->running = false;
    QObject::disconnect(&d->channel, nullptr, this, nullptr);
}

QUrl SyncEngine::server() const { return d->server; }
QString SyncEngine::user() const { return d->user; }
ConnectionState SyncEngine::connectionState() const { return d->channel.state(); }
QString SyncEngine::connectionError() const { return d->channel.lastError(); }
QList<CollectionSchema> SyncEngine::collections() const { return d->store->collections(); }
int SyncEngine::pendingCount() const { return int(d->dirty.size()); }

QStringList SyncEngine::pendingIds(const QString &collection) const
{
    const QString prefix = collection + u'/';
    QStringList ids;
    for (const QString &key : std::as_const(d->dirty)) {
        if (key.startsWith(prefix))
            ids.append(key.mid(prefix.size()));
    }
    return ids;
}
int SyncEngine::loadedRecords(const QString &collection) const
{
    return d->reportedLoadProgress(collection);
}

bool SyncEngine::isLoaded(const QString &collection) const
{
    return d->loadedCollections.contains(collection) || d->store->lastSeq(collection) > 0;
}

bool SyncEngine::isLoading(const QString &collection) const
{
    return !d->loadJobs.value(collection).isNull() || d->loading.contains(collection);
}

void SyncEngine::start()
{
    if (d->running)
        return;
    d->running = true;
    d->retryBackoff.reset();
    d->channel.open();
    d->onRetry();
}

void SyncEngine::setBearerToken(const QByteArray &token)
{
    d->network.setBearerToken(token); // the push channel reconnects by itself if it was signed out
    if (!std::exchange(d->signedOut, false))
        return;
    d->retryBackoff.reset();
    if (d->running)
        d->channel.open(); // after signOut(); a no-op when the channel is still wanted
    d->onRetry();          // load and send what waited for the sign-in
}

void SyncEngine::signOut()
{
    d->signedOut = true;
    d->retryTimer.stop();
    d->channel.close();
    d->network.setBearerToken({});
}

QByteArray SyncEngine::bearerToken() const
{
    return d->network.bearerToken();
}

NetworkAccess *SyncEngine::networkAccess() const
{
    return &d->network;
}

void SyncEngine::stop()
{
    d->running = false;
    d->retryTimer.stop();
    d->channel.close();
}

std::optional<CollectionSchema> SyncEngine::collection(const QString &name) const
{
    for (const CollectionSchema &schema : d->store->collections()) {
        if (schema.name == name)
            return schema;
    }
    return std::nullopt;
}

QList<RecordState> SyncEngine::records(const QString &collection) const
{
    return d->store->records(collection);
}

std::optional<RecordState> SyncEngine::record(const QString &collection, const QString &id) const
{
    return d->store->record(collection, id);
}

QList<Conflict> SyncEngine::conflicts() const
{
    return d->openConflicts.values();
}

std::optional<Conflict> SyncEngine::conflict(const QString &collection, const QString &id) const
{
    const auto it = d->openConflicts.constFind(Private::keyOf(collection, id));
    if (it == d->openConflicts.cend())
        return std::nullopt;
    return *it;
}

void SyncEngine::announcePresence(const QString &collection, const QString &id, Presence::State state)
{
    d->channel.sendPresence(Presence{collection, id, d->user, state});
}

void SyncEngine::setTimings(int pingIntervalMs, int reconnectBaseMs)
{
    d->channel.setPingInterval(pingIntervalMs);
    d->channel.setReconnectBase(reconnectBaseMs);
    d->retryBackoff.setBase(reconnectBaseMs);
}

} // namespace Etagere
