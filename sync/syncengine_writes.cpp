// SyncEngine: local edits, writes and the answers to writes.

#include "syncengine.h"
#include "syncengine_p.h"

#include "identifiers.h"
#include "syncdecision.h"
#include "synclogging_p.h"

using namespace Qt::StringLiterals;

namespace Etagere {

// --- helpers shared with syncengine_conflicts.cpp -----------------------------------------

bool refuse(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

QString describe(const ValidationResult &result)
{
    return result.field.isEmpty() ? result.detail : u"%1: %2"_s.arg(result.field, result.detail);
}

RecordState confirmed(RecordState state, const QJsonObject &data, const QString &etag)
{
    state.uri = recordPath(state.collection, state.id);
    state.base = data;
    state.etag = etag;
    state.dirty = state.deletedLocally || !sameData(state.local, data);
    return state;
}

// --- public edit API ---------------------------------------------------------------------

QString SyncEngine::createRecord(const QString &collection, const QJsonObject &data, QString *error)
{
    const QString id = newRecordId();
    return d->insertLocal(collection, id, data, error) ? id : QString();
}

bool SyncEngine::createRecordWithId(const QString &collection, const QString &id, const QJsonObject &data,
                                    QString *error)
{
    if (const QString reason = d->checkNewId(collection, id); !reason.isEmpty())
        return refuse(error, reason);
    return d->insertLocal(collection, id, data, error);
}

bool SyncEngine::setRecord(const QString &collection, const QString &id, const QJsonObject &data, QString *error)
{
    std::optional<RecordState> state = record(collection, id);
    if (const QString reason = d->checkReplace(state, collection, id, data); !reason.isEmpty())
        return refuse(error, reason);
    const QStringList fields = changedFields(state->local, data);
    if (fields.isEmpty())
        return true; // the same data: nothing to do
    state->local = data;
    return d->editLocal(*state, fields, error);
}

bool SyncEngine::setField(const QString &collection, const QString &id, const QString &field,
                          const QJsonValue &value, QString *error)
{
    std::optional<RecordState> state = record(collection, id);
    if (const QString reason = d->checkEdit(state, collection, id, field, value); !reason.isEmpty())
        return refuse(error, reason);
    QJsonObject local = state->local;
    local.insert(field, value);
    if (sameData(local, state->local))
        return true; // same value: nothing to do
    state->local = local;
    return d->editLocal(*state, {field}, error);
}

bool SyncEngine::deleteRecord(const QString &collection, const QString &id)
{
    std::optional<RecordState> state = record(collection, id);
    if (!state)
        return false;
    if (d->openConflicts.contains(Private::keyOf(collection, id)))
        return resolveByDeleting(collection, id); // deleting is the user's answer to the conflict
    if (state->deletedLocally)
        return true;
    if (!state->isOnServer() && !d->inFlight.contains(Private::keyOf(collection, id)))
        return d->removeRecord(*state, ChangeSource::Local, std::nullopt); // never reached the server
    state->deletedLocally = true;
    return d->editLocal(*state, {});
}

// --- Private: the write path -------------------------------------------------------------

QString SyncEngine::Private::checkEdit(const std::optional<RecordState> &state, const QString &collection,
                                       const QString &id, const QString &field, const QJsonValue &value) const
{
    const std::optional<CollectionSchema> schema = q->collection(collection);
    if (!state || !schema)
        return SyncEngine::tr("Unknown record %1 in \"%2\"").arg(id, collection);
    const FieldSchema *fieldSchema = schema->field(field);
    if (!fieldSchema)
        return SyncEngine::tr("Unknown field \"%1\"").arg(field);
    if (const QString reason = fieldSchema->checkValue(value); !reason.isEmpty())
        return u"%1: %2"_s.arg(field, reason);
    if (state->deletedLocally)
        return SyncEngine::tr("The record is being deleted");
    if (openConflicts.contains(keyOf(collection, id)))
        return SyncEngine::tr("The record has a conflict; resolve it first");
    return {};
}

QString SyncEngine::Private::checkReplace(const std::optional<RecordState> &state, const QString &collection,
                                          const QString &id, const QJsonObject &data) const
{
    const std::optional<CollectionSchema> schema = q->collection(collection);
    if (!state || !schema)
        return SyncEngine::tr("Unknown record %1 in \"%2\"").arg(id, collection);
    if (const ValidationResult valid = schema->validate(data); !valid)
        return describe(valid);
    if (state->deletedLocally)
        return SyncEngine::tr("The record is being deleted");
    if (openConflicts.contains(keyOf(collection, id)))
        return SyncEngine::tr("The record has a conflict; resolve it first");
    return {};
}

QString SyncEngine::Private::checkNewId(const QString &collection, const QString &id) const
{
    if (!isValidRecordId(id))
        return SyncEngine::tr("\"%1\" is not a valid record id (1 to 128 of A-Z, a-z, 0-9, _ and -)").arg(id);
    if (store->record(collection, id))
        return SyncEngine::tr("Record %1 already exists in \"%2\"").arg(id, collection);
    return {};
}

RecordState SyncEngine::Private::newLocalRecord(const QString &collection, const QString &id,
                                                const QJsonObject &data) const
{
    RecordState state;
    state.collection = collection;
    state.id = id;
    state.local = data;
    state.dirty = true; // no uri: decide() makes it a CREATE (If-None-Match: *)
    state.author = user;
    return state;
}

bool SyncEngine::Private::insertLocal(const QString &collection, const QString &id, const QJsonObject &data,
                                      QString *error)
{
    const std::optional<CollectionSchema> schema = q->collection(collection);
    if (!schema)
        return refuse(error, SyncEngine::tr("Unknown collection \"%1\"").arg(collection));
    if (const ValidationResult valid = schema->validate(data); !valid)
        return refuse(error, describe(valid));
    // Not in the journal: not shown.
    if (!commit(StoreBatch{collection, {newLocalRecord(collection, id, data)}, {}, std::nullopt}))
        return refuse(error, storeFailure());
    Q_EMIT q->recordInserted(collection, id, ChangeSource::Local);
    scheduleWrite(collection, id);
    return true;
}

bool SyncEngine::Private::editLocal(RecordState state, const QStringList &fields, QString *error)
{
    state.dirty = state.deletedLocally || !state.isOnServer() || !sameData(state.local, state.base);
    state.author = user;
    // In the journal before the view shows it as pending; refused when it cannot be stored.
    if (!commit(StoreBatch{state.collection, {state}, {}, std::nullopt}))
        return refuse(error, storeFailure());
    dropConflict(keyOf(state.collection, state.id)); // the edit that resolves it, if any
    refused.remove(keyOf(state.collection, state.id)); // a new edit: try the server again
    Q_EMIT q->recordChanged(state.collection, state.id, fields, ChangeSource::Local, user);
    scheduleWrite(state.collection, state.id);
    return true;
}

void SyncEngine::Private::scheduleWrite(const QString &collection, const QString &id)
{
    const QString key = keyOf(collection, id);
    if (!running || signedOut || inFlight.contains(key) || openConflicts.contains(key) || refused.contains(key)
        || deferred.contains(key))
        return; // signed out: the store keeps it dirty; setBearerToken() sends it
    const std::optional<RecordState> state = store->record(collection, id);
    if (!state)
        return;
    // Our writes go with the last ETag we know from the server.
    switch (decide(*state, state->etag)) {
    case SyncAction::Create:
        if (state->deletedLocally)
            removeRecord(*state, ChangeSource::Local, std::nullopt); // created and deleted offline
        else
            sendWrite(*state, WriteRecordJob::Mode::Create);
        return;
    case SyncAction::Write:
        sendWrite(*state, state->deletedLocally ? WriteRecordJob::Mode::Delete : WriteRecordJob::Mode::Replace);
        return;
    case SyncAction::Nothing:
    case SyncAction::Conflict:
    case SyncAction::TakeServer:
        return; // clean: nothing to send
    }
}

void SyncEngine::Private::flushPending()
{
    deferred.clear(); // a retry: try every pending write again
    const QSet<QString> pending = dirty;
    for (const QString &key : pending) {
        const qsizetype slash = key.indexOf(u'/');
        scheduleWrite(key.left(slash), key.mid(slash + 1));
    }
}

void SyncEngine::Private::sendWrite(const RecordState &state, WriteRecordJob::Mode mode)
{
    auto *job = new WriteRecordJob(&network, server, mode, state.collection, state.id, state.local, state.etag, q);
    InFlightWrite write;
    write.job = job;
    write.mode = mode;
    write.sent = job->sentData();
    inFlight.insert(keyOf(state.collection, state.id), write);
    QObject::connect(job, &RestJob::finished, q, [this](RestJob *finished) { onWriteFinished(finished); });
    qCDebug(lcSync) << "write" << mode << state.collection << state.id << state.etag;
    job->start();
}

void SyncEngine::Private::onWriteFinished(RestJob *finished)
{
    auto *job = static_cast<WriteRecordJob *>(finished);
    const QString key = keyOf(job->collection(), job->id());
    const auto it = inFlight.find(key);
    if (it == inFlight.end() || it->job != job)
        return;
    const InFlightWrite write = *it;
    inFlight.erase(it);
    const std::optional<RecordState> state = store->record(job->collection(), job->id());
    if (!state)
        return; // already removed, e.g. by the echo of our own delete
    const QString etag = job->error() == RestJob::Error::None ? job->newEtag() : job->serverEtag();
    if (write.acknowledged) {
        // The push channel brought the echo first; the store already has it, and what
        // was held back before the echo is older.
    } else if (job->error() == RestJob::Error::None) {
        retryBackoff.reset();
        acknowledge(*state, write, etag, std::nullopt);
        expectEcho(key, ExpectedEcho{etag, write.mode == WriteRecordJob::Mode::Delete}, write.heldBack);
    } else {
        handleWriteError(*state, write, job);
        const bool deletedThere = !job->serverData().isObject();
        if (job->error() == RestJob::Error::Conflict && (deletedThere || !etag.isEmpty())) {
            expectEcho(key, ExpectedEcho{etag, deletedThere}, write.heldBack);
        } else { // we learnt nothing of the server's version: judge them now, in order
            for (const Change &change : write.heldBack)
                onChange(change);
        }
    }
    scheduleWrite(job->collection(), job->id()); // edits made meanwhile
}

void SyncEngine::Private::expectEcho(const QString &key, const ExpectedEcho &echo, const QList<Change> &heldBack)
{
    // Held-back pushes up to the echo of this version are older than it; those after it are news.
    for (qsizetype i = 0; i < heldBack.size(); ++i) {
        if (echo.isEchoedBy(heldBack.at(i))) {
            for (qsizetype later = i + 1; later < heldBack.size(); ++later)
                onChange(heldBack.at(later));
            return;
        }
    }
    expectedEchoes.insert(key, echo);
}

void SyncEngine::Private::handleWriteError(const RecordState &state, const InFlightWrite &write,
                                           WriteRecordJob *job)
{
    const std::optional<QJsonObject> sent =
        write.mode == WriteRecordJob::Mode::Delete ? std::nullopt : std::optional<QJsonObject>(write.sent);
    switch (job->error()) {
    case RestJob::Error::Conflict:
        if (!job->serverData().isObject() || !job->serverEtag().isEmpty()) {
            reconcile(state, ServerCopy{job->serverData().isObject(), job->serverData().toObject(),
                                        job->serverEtag(), {}}, sent, std::nullopt);
            return;
        }
        break; // a copy without its ETag cannot be written over: report it
    case RestJob::Error::NotFound:
        if (write.mode == WriteRecordJob::Mode::Delete) { // already gone: what the user wanted
            removeRecord(state, ChangeSource::Server, std::nullopt);
            return;
        }
        if (write.mode == WriteRecordJob::Mode::Replace) { // deleted, and forgotten, by the server
            reconcile(state, ServerCopy{false, {}, {}, {}}, sent, std::nullopt);
            return;
        }
        break;
    case RestJob::Error::Network:
    case RestJob::Error::Tls: // until the user approves the certificate
    case RestJob::Error::Timeout:
    case RestJob::Error::Server:
    case RestJob::Error::Unauthorized: // kept until the user signs in again
    case RestJob::Error::RateLimited:
        qCInfo(lcSync) << "write of" << state.id << "will be retried:" << job->errorString();
        deferred.insert(keyOf(state.collection, state.id));
        retryAfterFailure(job); // with backoff, and at once when the push channel is live again
        return;
    default:
        break;
    }
    refused.insert(keyOf(state.collection, state.id));
    Q_EMIT q->writeFailed(state.collection, state.id, job->errorString());
}

void SyncEngine::Private::acknowledge(RecordState state, const InFlightWrite &write, const QString &etag,
                                      std::optional<qint64> seq)
{
    if (write.mode == WriteRecordJob::Mode::Delete) {
        removeRecord(state, ChangeSource::Server, seq);
        return;
    }
    state = confirmed(state, write.sent, etag);
    if (seq)
        state.seq = *seq;
    if (!commitServer(StoreBatch{state.collection, {state}, {}, seq}))
        return;
    Q_EMIT q->recordChanged(state.collection, state.id, {}, ChangeSource::Server, state.author);
}

bool SyncEngine::Private::removeRecord(const RecordState &state, ChangeSource source, std::optional<qint64> seq,
                                       const QString &author)
{
    const QString key = keyOf(state.collection, state.id);
    const StoreBatch batch{state.collection, {}, {state.id}, seq};
    if (!(source == ChangeSource::Local ? commit(batch) : commitServer(batch)))
        return false;
    dropConflict(key);
    refused.remove(key);
    deferred.remove(key);
    Q_EMIT q->recordRemoved(state.collection, state.id, source, source == ChangeSource::Remote ? author : user,
                            state.local);
    return true;
}

} // namespace Etagere
