// SyncEngine: conflicts. How a write the server refused (412), or an edit begun before a
// remote change of the same field, is reconciled with the server's copy: taken as applied,
// merged field by field, or kept as a Conflict until the user resolves it.

#include "syncengine.h"
#include "syncengine_p.h"

#include "synclogging_p.h"
#include "threewaymerge.h"

using namespace Qt::StringLiterals;

namespace Etagere {

// --- public conflict API ------------------------------------------------------------------

bool SyncEngine::setFieldFrom(const QString &collection, const QString &id, const QString &field,
                              const QJsonValue &editedFrom, const QJsonValue &value, QString *error)
{
    const std::optional<RecordState> state = record(collection, id);
    if (!state || !state->isOnServer() || state->deletedLocally)
        return setField(collection, id, field, value, error);
    const QJsonValue now = fieldValue(state->local, field);
    if (now == nullIfMissing(editedFrom) || now == nullIfMissing(value))
        return setField(collection, id, field, value, error); // nobody changed it meanwhile
    if (const QString reason = d->checkEdit(state, collection, id, field, value); !reason.isEmpty())
        return refuse(error, reason);
    if (!d->openStaleEdit(*state, field, editedFrom, value))
        return refuse(error, d->storeFailure());
    return true;
}

bool SyncEngine::resolveConflict(const QString &collection, const QString &id, const QJsonObject &resolved,
                                 QString *error)
{
    const QString key = Private::keyOf(collection, id);
    const std::optional<RecordState> state = record(collection, id);
    const std::optional<CollectionSchema> schema = this->collection(collection);
    if (!d->openConflicts.contains(key) || !state || !schema)
        return refuse(error, tr("No conflict for record %1 in \"%2\"").arg(id, collection));
    if (const ValidationResult valid = schema->validate(resolved); !valid)
        return refuse(error, describe(valid));
    const Conflict conflict = d->openConflicts.value(key);
    // The choice is written over the server's current copy: If-Match its ETag, or a
    // create when the server deleted the record.
    RecordState next = *state;
    next.deletedLocally = false;
    next.local = resolved;
    if (conflict.hasTheirs) {
        next = confirmed(next, conflict.theirs, conflict.theirsEtag);
    } else {
        next.uri.clear();
        next.etag.clear();
        next.base = {};
        next.dirty = true;
    }
    return d->editLocal(next, changedFields(state->local, resolved), error); // drops the conflict
}

bool SyncEngine::resolveByDeleting(const QString &collection, const QString &id)
{
    const QString key = Private::keyOf(collection, id);
    const std::optional<RecordState> state = record(collection, id);
    if (!d->openConflicts.contains(key) || !state)
        return false;
    const Conflict conflict = d->openConflicts.value(key);
    if (!conflict.hasTheirs) // the server deleted it too: accept that
        return d->removeRecord(*state, ChangeSource::Local, std::nullopt);
    RecordState next = *state;
    next.deletedLocally = true;
    next = confirmed(next, conflict.theirs, conflict.theirsEtag);
    return d->editLocal(next, {}); // drops the conflict
}

// --- Private ------------------------------------------------------------------------------

bool SyncEngine::Private::openStaleEdit(const RecordState &state, const QString &field, const QJsonValue &editedFrom,
                                        const QJsonValue &value)
{
    // The user edited `field` from `editedFrom` while the server's copy moved on: their
    // value is kept as "mine", the server's copy is "theirs", and the value they started
    // from is the base of that field. Nothing is written until they decide.
    RecordState edited = state;
    edited.local.insert(field, value);
    edited.dirty = true;
    if (!commit(StoreBatch{state.collection, {edited}, {}, std::nullopt}))
        return false;
    refused.remove(keyOf(state.collection, state.id));
    RecordState asSeen = edited;
    asSeen.base.insert(field, editedFrom);
    openConflict(asSeen, ServerCopy{true, state.base, state.etag, state.author}, {field}, std::nullopt);
    return true;
}

void SyncEngine::Private::reconcile(RecordState state, const ServerCopy &theirs,
                                    const std::optional<QJsonObject> &sent, std::optional<qint64> seq)
{
    const bool hasWhatWeSent = theirs.exists && sent && sameData(theirs.data, *sent);
    const bool hasWhatWeHave = theirs.exists && !state.deletedLocally && sameData(theirs.data, state.local);
    if (hasWhatWeSent || hasWhatWeHave) { // applied before (a replayed write): not a conflict
        acceptServerCopy(state, theirs, seq);
        return;
    }
    const RecordMerge merge = mergeRecord(state.isOnServer() ? state.base : QJsonObject(),
                                          state.deletedLocally ? std::nullopt : std::optional(state.local),
                                          theirs.exists ? std::optional(theirs.data) : std::nullopt);
    switch (merge.outcome) {
    case RecordMerge::Outcome::Keep:
        applyMerge(state, theirs, merge.merged, seq);
        return;
    case RecordMerge::Outcome::Conflict: // fields in conflict, or an edit against a deletion
        openConflict(state, theirs, merge.conflictingFields, seq);
        return;
    case RecordMerge::Outcome::Delete:
        if (theirs.exists) // our deletion of a copy they left unchanged goes out with their ETag
            applyMerge(state, theirs, state.local, seq);
        else // both deleted it (ours is confirmed), or they deleted what we left unchanged
            removeRecord(state, state.deletedLocally ? ChangeSource::Server : ChangeSource::Remote, seq, theirs.author);
        return;
    }
}

void SyncEngine::Private::acceptServerCopy(RecordState state, const ServerCopy &theirs, std::optional<qint64> seq)
{
    state = confirmed(state, theirs.data, theirs.etag);
    if (!commitServer(StoreBatch{state.collection, {state}, {}, seq}))
        return;
    dropConflict(keyOf(state.collection, state.id));
    Q_EMIT q->recordChanged(state.collection, state.id, {}, ChangeSource::Server, state.author);
}

void SyncEngine::Private::applyMerge(RecordState state, const ServerCopy &theirs, const QJsonObject &merged,
                                     std::optional<qint64> seq)
{
    const QStringList fields = changedFields(state.local, merged);
    state.local = merged;
    state = confirmed(state, theirs.data, theirs.etag);
    state.author = theirs.author;
    if (!commitServer(StoreBatch{state.collection, {state}, {}, seq}))
        return;
    dropConflict(keyOf(state.collection, state.id));
    Q_EMIT q->recordChanged(state.collection, state.id, fields, ChangeSource::Remote, theirs.author);
    scheduleWrite(state.collection, state.id); // the merge goes back with the server's ETag
}

void SyncEngine::Private::openConflict(const RecordState &state, const ServerCopy &theirs, const QStringList &fields,
                                       std::optional<qint64> seq)
{
    Conflict conflict;
    conflict.collection = state.collection;
    conflict.id = state.id;
    conflict.base = state.isOnServer() ? state.base : QJsonObject();
    conflict.hasMine = !state.deletedLocally;
    conflict.mine = conflict.hasMine ? state.local : QJsonObject();
    conflict.hasTheirs = theirs.exists;
    conflict.theirs = theirs.exists ? theirs.data : QJsonObject();
    conflict.theirsEtag = theirs.exists ? theirs.etag : QString();
    conflict.theirsAuthor = theirs.author;
    conflict.conflictingFields = fields;
    if (seq)
        commitSeq(state.collection, *seq); // a failure reloads the collection
    const QString key = keyOf(state.collection, state.id);
    if (const auto existing = openConflicts.find(key); existing != openConflicts.end()) {
        Conflict known = *existing;
        known.theirsAuthor = conflict.theirsAuthor; // a 412 does not name the author; a push does
        if (known == conflict) { // the same server version we already told the user about
            *existing = conflict;
            return;
        }
    }
    dropConflict(key);
    openConflicts.insert(key, conflict);
    qCInfo(lcSync) << "conflict on" << state.collection << state.id << fields;
    Q_EMIT q->conflictAdded(conflict);
    Q_EMIT q->recordChanged(state.collection, state.id, {}, ChangeSource::Remote, theirs.author);
}

void SyncEngine::Private::dropConflict(const QString &key)
{
    const auto it = openConflicts.find(key);
    if (it == openConflicts.end())
        return;
    const Conflict conflict = *it;
    openConflicts.erase(it);
    Q_EMIT q->conflictRemoved(conflict.collection, conflict.id);
}

} // namespace Etagere
