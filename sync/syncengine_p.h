#pragma once

// Private implementation of SyncEngine; split over syncengine.cpp (public API, connection),
// syncengine_load.cpp (loading collections), syncengine_writes.cpp (local edits, writes),
// syncengine_conflicts.cpp (412s, merges, conflicts) and syncengine_push.cpp (pushes).

#include "syncengine.h"

#include "backoff.h"
#include "fetchrecordsjob.h"
#include "networkaccess.h"
#include "pushchannel.h"
#include "record.h"
#include "recordstore.h"
#include "writerecordjob.h"

#include <QHash>
#include <QMap>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace Etagere {

class RestJob;

/// The server's copy of a record as a 412 or a push reports it.
struct ServerCopy
{
    bool exists = true;   ///< false when the server deleted the record
    QJsonObject data;
    QString etag;
    QString author;
};

/// A collection the server sent whole, while the engine stores it (syncengine_load.cpp).
struct LoadedCollection
{
    QList<Record> records;
    qint64 seq = 0;       ///< the change number the load reflects
    qsizetype stored = 0; ///< how many of `records` are stored so far
    QStringList absent;   ///< ids the store held and the load lacks (absentFrom())
};

/// The one write in flight for a record.
struct InFlightWrite
{
    QPointer<WriteRecordJob> job;
    WriteRecordJob::Mode mode = WriteRecordJob::Mode::Replace;
    QJsonObject sent;
    bool acknowledged = false;           ///< its echo came through the push channel first
    QList<Change> heldBack;              ///< pushes of the record that arrived while it was in flight
};

/// A version of a record the engine learnt over REST (a write's answer or a 412) before
/// its push arrived. Pushes come in commit order, so every push of that record before
/// this version's own is older than what the store holds and must not be applied.
struct ExpectedEcho
{
    QString etag;
    bool deleted = false;

    [[nodiscard]] bool isEchoedBy(const Change &change) const
    {
        return deleted ? change.op == Change::Op::Delete : change.op == Change::Op::Put && change.etag == etag;
    }
};

class SyncEngine::Private
{
public:
    Private(SyncEngine *engine, const QUrl &serverUrl, RecordStore *recordStore);

    [[nodiscard]] static QString keyOf(const QString &collection, const QString &id);

    // syncengine.cpp: collections and connection
    void listCollections();
    void onCollectionsListed(RestJob *job);
    void onChannelState(ConnectionState state);
    /// Retries loads and deferred writes after the backoff's next delay (at least `minimumMs`).
    void scheduleRetry(int minimumMs = 0);
    /// scheduleRetry() after a failed job; a 401 waits for a new token instead, a 429 for Retry-After.
    void retryAfterFailure(const RestJob *job);
    /// The session is gone: stop retrying and ask for a new token (authenticationRequired, once).
    void requireSignIn();
    void onRetry();
    /// Commits `batch` to the store, then updates the pending set. When the store refuses it
    /// (disk full, read-only or damaged journal) nothing changes: logs, errorOccurred, false.
    [[nodiscard]] bool commit(const StoreBatch &batch);
    /// commit() of what the server told us. On failure the collection is reloaded and the
    /// writes of its records wait for the next retry: memory never runs ahead of the store.
    [[nodiscard]] bool commitServer(StoreBatch batch);
    [[nodiscard]] QString storeFailure() const; ///< why a local edit was refused by the store
    void recountPending();

    // syncengine_load.cpp: loading collections whole
    /// Subscribes from the store's number, or loads the collection when it has none.
    void resumeOrLoad(const QString &collection);
    void loadCollection(const QString &collection);
    void onCollectionLoaded(RestJob *job);
    /// Stores the next LoadSliceSize records of a loaded collection, then schedules the
    /// next slice (or finishLoad()) as an event of its own; the last one also removes what
    /// the server no longer has and commits the load's number. A store failure drops the
    /// load (the collection stays unloaded).
    void storeLoadSlice(const QString &collection);
    /// The batch that stores records stored..end of `load`.
    [[nodiscard]] StoreBatch loadSlice(const QString &collection, const LoadedCollection &load, qsizetype end) const;
    /// After the last slice: the collection is loaded, collectionReloaded(), and it is followed.
    void finishLoad(const QString &collection);
    /// SyncEngine::loadedRecords(): what collectionLoadProgress() said last of the load in progress.
    [[nodiscard]] int reportedLoadProgress(const QString &collection) const;
    /// The records of `loaded` whose server copy replaces what the store holds now.
    [[nodiscard]] QList<RecordState> takenFromServer(const QString &collection, const QList<Record> &loaded) const;
    /// The records the store holds and `loaded` lacks, when the load arrives.
    [[nodiscard]] QStringList absentFrom(const QString &collection, const QList<Record> &loaded) const;
    /// Those of `absent` still clean when the last slice is stored: they go. (A record that
    /// arrived later, by a push, is newer than the load and stays.)
    [[nodiscard]] QStringList vanished(const QString &collection, const QStringList &absent) const;

    // syncengine_collections.cpp: collections created by this client
    void onCollectionCreated(RestJob *job);

    // syncengine_writes.cpp: local edits, writes, the answers to writes
    [[nodiscard]] QString checkEdit(const std::optional<RecordState> &state, const QString &collection,
                                    const QString &id, const QString &field, const QJsonValue &value) const;
    /// Why setRecord() refuses `data` for the record; empty when it may replace it.
    [[nodiscard]] QString checkReplace(const std::optional<RecordState> &state, const QString &collection,
                                       const QString &id, const QJsonObject &data) const;
    /// Why `id` cannot name a new record of `collection` (not a valid id, or taken); empty when it can.
    [[nodiscard]] QString checkNewId(const QString &collection, const QString &id) const;
    /// A record created here under `id`, never sent: dirty, no uri, by this engine's user.
    [[nodiscard]] RecordState newLocalRecord(const QString &collection, const QString &id,
                                             const QJsonObject &data) const;
    /// Commits a new, never-sent record under `id` and sends its creation; false with *error
    /// (nothing changed) for an unknown collection, data that breaks the schema or a store failure.
    [[nodiscard]] bool insertLocal(const QString &collection, const QString &id, const QJsonObject &data,
                                   QString *error);
    /// Commits a local edit (dropping an open conflict it resolves) and sends it; false with
    /// *error, nothing shown, when the store refuses it.
    [[nodiscard]] bool editLocal(RecordState state, const QStringList &fields, QString *error = nullptr);
    void scheduleWrite(const QString &collection, const QString &id);
    void flushPending();
    void sendWrite(const RecordState &state, WriteRecordJob::Mode mode);
    void onWriteFinished(RestJob *job);
    void expectEcho(const QString &key, const ExpectedEcho &echo, const QList<Change> &heldBack);
    void handleWriteError(const RecordState &state, const InFlightWrite &write, WriteRecordJob *job);
    void acknowledge(RecordState state, const InFlightWrite &write, const QString &etag, std::optional<qint64> seq);
    /// False when the store refused it (then the record stays). `author`: who deleted it on
    /// the server, for a Remote removal (the others are this engine's user's).
    bool removeRecord(const RecordState &state, ChangeSource source, std::optional<qint64> seq,
                      const QString &author = {});

    // syncengine_conflicts.cpp: 412s, merges, conflicts
    [[nodiscard]] bool openStaleEdit(const RecordState &state, const QString &field, const QJsonValue &editedFrom,
                                     const QJsonValue &value);
    void reconcile(RecordState state, const ServerCopy &theirs, const std::optional<QJsonObject> &sent,
                   std::optional<qint64> seq);
    void acceptServerCopy(RecordState state, const ServerCopy &theirs, std::optional<qint64> seq);
    void applyMerge(RecordState state, const ServerCopy &theirs, const QJsonObject &merged, std::optional<qint64> seq);
    void openConflict(const RecordState &state, const ServerCopy &theirs, const QStringList &fields,
                      std::optional<qint64> seq);
    void dropConflict(const QString &key);

    // syncengine_push.cpp: pushed changes
    void onChange(const Change &change);
    [[nodiscard]] bool isStaleEcho(const Change &change);
    [[nodiscard]] bool holdForWrite(const RecordState &state, const Change &change);
    void applyChange(const RecordState &state, const Change &change);
    void insertRemote(const Change &change);
    void takeServer(const RecordState &state, const Change &change);
    void commitSeq(const QString &collection, qint64 seq);
    [[nodiscard]] static bool matchesWrite(const InFlightWrite &write, const Change &change);

    SyncEngine *q;
    QUrl server;
    RecordStore *store;
    NetworkAccess network;
    PushChannel channel;
    QString user;
    bool running = false;
    bool signedOut = false;               ///< a 401 or close code 4401: waiting for setBearerToken()
    bool listed = false;                  ///< the collection list has been fetched
    QPointer<RestJob> listJob;
    QSet<QString> unloaded;               ///< collections whose load failed or is pending
    QHash<QString, QPointer<FetchRecordsJob>> loadJobs;
    QHash<QString, LoadedCollection> loading; ///< loaded, being stored a slice at a time
    QSet<QString> loadedCollections;      ///< loaded whole by this engine (their number may be 0)
    QHash<QString, InFlightWrite> inFlight; ///< keyOf(collection, id)
    QMap<QString, Conflict> openConflicts;  ///< keyOf(collection, id)
    QSet<QString> refused;                ///< writes the server refused; wait for the next user edit
    QSet<QString> deferred;               ///< writes that failed on the network; wait for the next retry
    QSet<QString> dirty;                  ///< pending records, for pendingCount()
    QHash<QString, ExpectedEcho> expectedEchoes; ///< keyOf(collection, id)
    QTimer retryTimer;
    Backoff retryBackoff{1000}; ///< of REST retries (loads, writes that failed on the network)
};

/// Sets *error (when given) to `message`; returns false, for `return refuse(...)`.
bool refuse(QString *error, const QString &message);
/// A schema violation as one line for people ("field: detail").
[[nodiscard]] QString describe(const ValidationResult &result);
/// `state` after the server confirmed that it holds `data` under `etag`.
[[nodiscard]] RecordState confirmed(RecordState state, const QJsonObject &data, const QString &etag);
/// The members whose values differ (missing counts as null), sorted.
[[nodiscard]] QStringList changedFields(const QJsonObject &before, const QJsonObject &after);

} // namespace Etagere
