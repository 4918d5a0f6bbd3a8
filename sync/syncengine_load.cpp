// SyncEngine: loading a collection whole (the first time, after a reset or a failed write
// to the store) and storing what was loaded a slice at a time.

#include "syncengine.h"
#include "syncengine_p.h"

#include "fetchrecordsjob.h"
#include "identifiers.h"
#include "syncdecision.h"
#include "synclogging_p.h"

#include <QSet>
#include <QTimer>

#include <algorithm>
#include <functional>

namespace Etagere {

namespace {

/// Records stored per transaction while a loaded collection is written: each slice is one
/// short commit on the engine's thread, and the event loop runs between two of them.
constexpr qsizetype LoadSliceSize = 1000;

RecordState stateFromServer(const QString &collection, const Record &record)
{
    RecordState state;
    state.collection = collection;
    state.id = record.id;
    state.uri = recordPath(collection, record.id);
    state.etag = record.etag;
    state.base = record.data;
    state.local = record.data;
    state.seq = record.seq;
    return state;
}

/// A FetchRecordsJob that reports each page it receives (the job itself reports the end only).
class ReportingFetchRecordsJob : public FetchRecordsJob
{
public:
    using FetchRecordsJob::FetchRecordsJob;

    std::function<void(int loadedRecords)> onPage;

protected:
    void handleSuccess(int status, const QJsonValue &body) override
    {
        FetchRecordsJob::handleSuccess(status, body);
        if (!isFinished() && onPage) // asked for the next page
            onPage(int(records().size()));
    }
};

} // namespace

void SyncEngine::Private::resumeOrLoad(const QString &collection)
{
    // What the store holds (a journal from the last run) resumes from its last applied
    // number: the push channel brings every change since. Only a collection never applied
    // is loaded whole.
    if (const qint64 seq = store->lastSeq(collection); seq > 0) {
        channel.subscribe(collection, seq);
        return;
    }
    unloaded.insert(collection);
    loadCollection(collection);
}

void SyncEngine::Private::loadCollection(const QString &collection)
{
    if (loadJobs.value(collection) || loading.contains(collection))
        return;
    auto *job = new ReportingFetchRecordsJob(&network, server, collection, q);
    job->onPage = [this, collection](int loaded) { Q_EMIT q->collectionLoadProgress(collection, loaded); };
    loadJobs.insert(collection, job);
    QObject::connect(job, &RestJob::finished, q, [this](RestJob *finished) { onCollectionLoaded(finished); });
    job->start();
}

void SyncEngine::Private::onCollectionLoaded(RestJob *finished)
{
    auto *job = static_cast<FetchRecordsJob *>(finished);
    const QString collection = job->collection();
    loadJobs.remove(collection);
    if (job->error() != RestJob::Error::None) {
        if (job->error() != RestJob::Error::Unauthorized)
            Q_EMIT q->errorOccurred(SyncEngine::tr("Cannot load %1: %2").arg(collection, job->errorString()));
        retryAfterFailure(job);
        return;
    }
    const QList<Record> records = job->records();
    if (records.size() > LoadSliceSize) // all received; storing them takes a while
        Q_EMIT q->collectionLoadProgress(collection, int(records.size()));
    loading.insert(collection, LoadedCollection{records, job->seq(), 0, absentFrom(collection, records)});
    storeLoadSlice(collection);
}

void SyncEngine::Private::storeLoadSlice(const QString &collection)
{
    const auto load = loading.constFind(collection);
    if (load == loading.cend())
        return;
    const qsizetype end = std::min(load->stored + LoadSliceSize, load->records.size());
    const bool last = end == load->records.size();
    if (!commit(loadSlice(collection, *load, end))) {
        loading.remove(collection);
        scheduleRetry(); // stays unloaded: the next retry loads it again
        return;
    }
    loading[collection].stored = end;
    // The models' reload (collectionReloaded) comes as an event of its own, as each slice does.
    QTimer::singleShot(0, q, [this, collection, last] { last ? finishLoad(collection) : storeLoadSlice(collection); });
}

StoreBatch SyncEngine::Private::loadSlice(const QString &collection, const LoadedCollection &load, qsizetype end) const
{
    const QList<Record> slice = load.records.sliced(load.stored, end - load.stored);
    StoreBatch batch{collection, takenFromServer(collection, slice), {}, std::nullopt};
    if (end == load.records.size()) {
        batch.removals = vanished(collection, load.absent);
        batch.lastSeq = load.seq;
    } else if (load.stored == 0) {
        batch.lastSeq = 0; // until the last slice is stored, a restart loads the collection again
    }
    return batch;
}

int SyncEngine::Private::reportedLoadProgress(const QString &collection) const
{
    if (const auto stored = loading.constFind(collection); stored != loading.cend())
        return stored->records.size() > LoadSliceSize ? int(stored->records.size()) : 0; // as onCollectionLoaded() reports
    const FetchRecordsJob *job = loadJobs.value(collection);
    return job ? int(job->records().size()) : 0; // its pages so far, each reported
}

void SyncEngine::Private::finishLoad(const QString &collection)
{
    const qint64 seq = loading.take(collection).seq;
    // The load reflects every change up to its number: no echo is awaited any more.
    for (auto it = expectedEchoes.begin(); it != expectedEchoes.end();)
        it = it.key().startsWith(collection + u'/') ? expectedEchoes.erase(it) : std::next(it);
    unloaded.remove(collection);
    loadedCollections.insert(collection);
    Q_EMIT q->collectionReloaded(collection);
    channel.subscribe(collection, seq);
    flushPending();
}

QList<RecordState> SyncEngine::Private::takenFromServer(const QString &collection, const QList<Record> &loaded) const
{
    // Judged against the store as it is now, not as it was when the load began: an edit
    // made while earlier slices were stored is never overwritten. The decision table keeps
    // every record that has something to write; their writes bring the server's copy back (412).
    QList<RecordState> taken;
    for (const Record &record : loaded) {
        const std::optional<RecordState> local = store->record(collection, record.id);
        if (!local || decide(*local, record.etag) == SyncAction::TakeServer)
            taken.append(stateFromServer(collection, record));
    }
    return taken;
}

QStringList SyncEngine::Private::absentFrom(const QString &collection, const QList<Record> &loaded) const
{
    const QList<RecordState> held = store->records(collection);
    if (held.isEmpty()) // the first load
        return {};
    QSet<QString> onServer;
    onServer.reserve(loaded.size());
    for (const Record &record : loaded)
        onServer.insert(record.id);
    QStringList absent;
    for (const RecordState &state : held) {
        if (!onServer.contains(state.id))
            absent.append(state.id);
    }
    return absent;
}

QStringList SyncEngine::Private::vanished(const QString &collection, const QStringList &absent) const
{
    QStringList gone;
    for (const QString &id : absent) {
        const std::optional<RecordState> state = store->record(collection, id);
        if (state && !state->dirty) // a dirty one is a pending create, or a conflict to come
            gone.append(id);
    }
    return gone;
}

} // namespace Etagere
