// SyncEngine: changes pushed by the server (other clients' and the echoes of our own).

#include "syncengine.h"
#include "syncengine_p.h"

#include "identifiers.h"
#include "syncdecision.h"
#include "synclogging_p.h"

namespace Etagere {

void SyncEngine::Private::onChange(const Change &change)
{
    if (isStaleEcho(change)) {
        commitSeq(change.collection, change.seq);
        return;
    }
    const std::optional<RecordState> state = store->record(change.collection, change.id);
    if (!state) {
        if (change.op == Change::Op::Put)
            insertRemote(change);
        else
            commitSeq(change.collection, change.seq);
        return;
    }
    if (!holdForWrite(*state, change))
        applyChange(*state, change);
}

bool SyncEngine::Private::isStaleEcho(const Change &change)
{
    const auto echo = expectedEchoes.find(keyOf(change.collection, change.id));
    if (echo == expectedEchoes.end())
        return false;
    if (!echo->isEchoedBy(change))
        return true; // older than the version REST already gave us
    expectedEchoes.erase(echo); // from now on pushes of this record are news
    return false;
}

bool SyncEngine::Private::holdForWrite(const RecordState &state, const Change &change)
{
    const auto write = inFlight.find(keyOf(change.collection, change.id));
    if (write == inFlight.end() || write->acknowledged)
        return false;
    if (matchesWrite(*write, change)) { // our own write's echo: it is the acknowledgement
        write->acknowledged = true;
        acknowledge(state, *write, change.etag, change.seq);
    } else { // judged when the write returns (a 412 brings the server's copy)
        write->heldBack.append(change);
        commitSeq(change.collection, change.seq);
    }
    return true;
}

void SyncEngine::Private::applyChange(const RecordState &state, const Change &change)
{
    const bool deleted = change.op == Change::Op::Delete;
    const SyncAction action = decide(state, deleted ? QString() : change.etag);
    qCDebug(lcSync) << "apply" << change.seq << change.id << (deleted ? "delete" : "put") << syncActionName(action);
    switch (action) {
    case SyncAction::Nothing:
        commitSeq(change.collection, change.seq);
        return;
    case SyncAction::Write:
        commitSeq(change.collection, change.seq);
        scheduleWrite(change.collection, change.id);
        return;
    case SyncAction::TakeServer:
        takeServer(state, change);
        return;
    case SyncAction::Create:
    case SyncAction::Conflict:
        reconcile(state, ServerCopy{!deleted, change.data, deleted ? QString() : change.etag, change.author},
                  std::nullopt, change.seq);
        return;
    }
}

void SyncEngine::Private::insertRemote(const Change &change)
{
    RecordState state;
    state.collection = change.collection;
    state.id = change.id;
    state.uri = recordPath(change.collection, change.id);
    state.etag = change.etag;
    state.base = change.data;
    state.local = change.data;
    state.author = change.author;
    state.seq = change.seq;
    if (!commitServer(StoreBatch{change.collection, {state}, {}, change.seq}))
        return;
    Q_EMIT q->recordInserted(change.collection, change.id, ChangeSource::Remote);
}

void SyncEngine::Private::takeServer(const RecordState &state, const Change &change)
{
    if (change.op == Change::Op::Delete) {
        removeRecord(state, ChangeSource::Remote, change.seq, change.author);
        return;
    }
    const QStringList fields = changedFields(state.local, change.data);
    RecordState next = state;
    next.uri = recordPath(change.collection, change.id);
    next.etag = change.etag;
    next.base = change.data;
    next.local = change.data;
    next.dirty = false;
    next.author = change.author;
    next.seq = change.seq;
    if (!commitServer(StoreBatch{change.collection, {next}, {}, change.seq}))
        return;
    Q_EMIT q->recordChanged(change.collection, change.id, fields, ChangeSource::Remote, change.author);
}

void SyncEngine::Private::commitSeq(const QString &collection, qint64 seq)
{
    // On failure commitServer() has scheduled the reload that brings the number back.
    [[maybe_unused]] const bool stored = commitServer(StoreBatch{collection, {}, {}, seq});
}

bool SyncEngine::Private::matchesWrite(const InFlightWrite &write, const Change &change)
{
    if (write.mode == WriteRecordJob::Mode::Delete)
        return change.op == Change::Op::Delete;
    return change.op == Change::Op::Put && sameData(change.data, write.sent);
}

} // namespace Etagere
