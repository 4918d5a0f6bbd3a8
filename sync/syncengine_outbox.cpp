// SyncEngine: the outbox. Pending edits the user takes back before the server has them.

#include "syncengine.h"
#include "syncengine_p.h"

#include "synclogging_p.h"

namespace Etagere {

namespace {

/// `state` with its local edits dropped: the local copy is the server's copy again.
RecordState reverted(RecordState state, const QJsonObject &serverData, const QString &etag)
{
    state.deletedLocally = false;
    state.local = serverData;
    state = confirmed(state, serverData, etag);
    state.dirty = false;
    return state;
}

} // namespace

bool SyncEngine::discardPending(const QString &collection, const QString &id, QString *error)
{
    const QString key = Private::keyOf(collection, id);
    const std::optional<RecordState> state = record(collection, id);
    if (!state)
        return refuse(error, tr("Unknown record %1 in \"%2\"").arg(id, collection));
    if (d->inFlight.contains(key))
        return refuse(error, tr("The edit of record %1 is being sent to the server; wait for its answer").arg(id));
    const std::optional<Conflict> open = conflict(collection, id);
    if (!state->dirty && !state->deletedLocally && !open)
        return refuse(error, tr("Record %1 has no pending edit").arg(id));
    qCInfo(lcSync) << "discard pending edit of" << collection << id;
    // With a conflict the server's copy is newer than the base: taking back my edit means
    // taking theirs (or their deletion). Without one, the base is the server's copy.
    if ((open && !open->hasTheirs) || (!open && !state->isOnServer())) {
        if (!d->removeRecord(*state, ChangeSource::Local, std::nullopt)) // drops conflict, refused, deferred
            return refuse(error, d->storeFailure());
        return true;
    }
    RecordState next = open ? reverted(*state, open->theirs, open->theirsEtag)
                            : reverted(*state, state->base, state->etag);
    if (open && !open->theirsAuthor.isEmpty())
        next.author = open->theirsAuthor;
    if (!d->commit(StoreBatch{collection, {next}, {}, std::nullopt}))
        return refuse(error, d->storeFailure());
    d->refused.remove(key);
    d->deferred.remove(key);
    d->dropConflict(key);
    Q_EMIT recordChanged(collection, id, changedFields(state->local, next.local), ChangeSource::Local, next.author);
    return true;
}

} // namespace Etagere
