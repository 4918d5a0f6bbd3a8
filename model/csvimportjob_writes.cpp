// CsvImportJob: writing the records through the engine, and taking them back after a
// cancel or a failure.

#include "csvimportjob.h"

#include "csvimportparser_p.h"
#include "modellogging_p.h"

#include <QElapsedTimer>
#include <QTimer>

namespace Etagere {

namespace {

/// How long one slice of the rollback (a journal commit per record) may take.
constexpr qint64 SliceMs = 15;

} // namespace

void CsvImportJob::connectEngine()
{
    SyncEngine *engine = m_engine;
    connect(engine, &SyncEngine::recordChanged, this,
            [this](const QString &collection, const QString &id) { onRecordSeen(collection, id); });
    connect(engine, &SyncEngine::recordInserted, this,
            [this](const QString &collection, const QString &id) { onRecordSeen(collection, id); });
    connect(engine, &SyncEngine::recordRemoved, this,
            [this](const QString &collection, const QString &id) { onRecordRemoved(collection, id); });
    connect(engine, &SyncEngine::collectionReloaded, this, [this](const QString &collection) {
        const QSet<QString> waiting = m_waiting; // a reload tells about no record one by one
        for (const QString &id : waiting) {
            if (m_engine->record(collection, id))
                onRecordSeen(collection, id);
            else
                onRecordRemoved(collection, id);
        }
    });
    connect(engine, &SyncEngine::writeFailed, this, &CsvImportJob::onWriteFailed);
    connect(engine, &SyncEngine::conflictAdded, this, &CsvImportJob::onConflict);
    connect(engine, &SyncEngine::connectionStateChanged, this, &CsvImportJob::checkRollbackEnd);
    connect(engine, &QObject::destroyed, this, [this] {
        finish(Error::WriteFailed, tr("The connection to the server was closed during the import; the records "
                                      "written so far wait in the Outbox."));
    });
}

// Creates records while fewer than window() wait for the server: in batches of half a
// window or more (one journal commit per batch, SyncEngine::createRecordsWithIds()).
void CsvImportJob::writeSlice()
{
    if (m_phase != Phase::Writing)
        return;
    const qsizetype free = m_window - m_waiting.size();
    const qsizetype left = m_rows.size() - m_next;
    if (left > 0 && free >= std::min<qsizetype>(left, std::max(1, m_window / 2))) {
        const QList<CsvImportRow> batch = m_rows.mid(m_next, std::min(free, left));
        m_next += batch.size();
        if (!createBatch(batch))
            return;
    }
    if (m_next == m_rows.size() && m_waiting.isEmpty())
        finish(Error::None, tr("%n records imported into \"%1\".", nullptr, m_imported).arg(m_collection));
}

// False when a record was refused (the rollback has started).
bool CsvImportJob::createBatch(const QList<CsvImportRow> &batch)
{
    QList<std::pair<QString, QJsonObject>> records;
    for (const CsvImportRow &row : batch)
        records.append({row.id, row.data});
    const auto track = [this](const QString &id) {
        m_waiting.insert(id);
        m_created.append(id);
    };
    QString error;
    if (m_engine->createRecordsWithIds(m_collection, records, &error)) {
        for (const CsvImportRow &row : batch)
            track(row.id);
        return true;
    }
    // Nothing of the batch was created. One by one, to name the line at fault; those
    // before it are created and taken back with the others.
    for (const CsvImportRow &row : batch) {
        if (!m_engine->createRecordWithId(m_collection, row.id, row.data, &error)) {
            failWriting(row.line, error);
            return false;
        }
        track(row.id);
    }
    return true; // refused as a batch only: cannot happen, but nothing is lost
}

void CsvImportJob::onRecordSeen(const QString &collection, const QString &id)
{
    if (m_phase != Phase::Writing || collection != m_collection || !m_waiting.contains(id))
        return;
    const std::optional<RecordState> state = m_engine->record(collection, id);
    if (!state || !state->isOnServer())
        return; // our own creation, still on its way
    m_waiting.remove(id);
    ++m_imported;
    Q_EMIT progressChanged(m_imported, m_rows.size());
    writeSlice();
}

void CsvImportJob::onRecordRemoved(const QString &collection, const QString &id)
{
    if (collection != m_collection || !m_waiting.contains(id))
        return;
    if (m_phase == Phase::RollingBack) {
        rollbackDone(id, true);
        return;
    }
    m_waiting.remove(id); // somebody deleted it already; nothing waits for it any more
    writeSlice();
}

void CsvImportJob::onWriteFailed(const QString &collection, const QString &id, const QString &message)
{
    if (collection != m_collection || !m_waiting.contains(id))
        return;
    if (m_phase == Phase::Writing) {
        failWriting(m_lineOfId.value(id), tr("the server refused the record: %1").arg(message));
        return;
    }
    if (m_phase != Phase::RollingBack)
        return;
    // The creation itself was refused: the record never reached the server; drop it.
    const std::optional<RecordState> state = m_engine->record(collection, id);
    if (state && !state->isOnServer() && m_engine->discardPending(collection, id))
        rollbackDone(id, true);
    else
        rollbackDone(id, false);
}

void CsvImportJob::onConflict(const Conflict &conflict)
{
    if (conflict.collection != m_collection || !m_waiting.contains(conflict.id))
        return;
    if (m_phase == Phase::Writing) {
        failWriting(m_lineOfId.value(conflict.id),
                    tr("the server already has a record with the id %1").arg(conflict.id));
    } else if (m_phase == Phase::RollingBack) {
        rollbackDone(conflict.id, false); // changed by somebody meanwhile: theirs to decide
    }
}

void CsvImportJob::failWriting(qint64 line, const QString &reason)
{
    if (m_problems.size() < MaxProblems)
        m_problems.append({line, reason});
    startRollback(Error::WriteFailed, tr("Line %1: %2.").arg(line).arg(reason));
}

void CsvImportJob::startRollback(Error error, const QString &message)
{
    qCInfo(lcModel) << "import into" << m_collection << "rolls back" << m_created.size() << "records:" << message;
    m_rollbackReason = error;
    m_rollbackMessage = message;
    m_waiting.clear();
    m_rollbackNext = 0;
    setPhase(Phase::RollingBack);
    rollbackSlice();
}

// Takes back created records while fewer than window() deletions wait for the server; when
// the server cannot be reached, all of them (their deletions wait in the journal).
void CsvImportJob::rollbackSlice()
{
    if (m_phase != Phase::RollingBack)
        return;
    const bool live = m_engine->connectionState() == ConnectionState::Live;
    QElapsedTimer slice;
    slice.start();
    while (m_rollbackNext < m_created.size() && (!live || m_waiting.size() < m_window) && !slice.hasExpired(SliceMs))
        takeBack(m_created.at(m_rollbackNext++));
    Q_EMIT progressChanged(m_removed + m_leftPending, m_created.size());
    if (m_rollbackNext < m_created.size() && (!live || m_waiting.size() < m_window))
        scheduleRollbackSlice();
    checkRollbackEnd();
}

void CsvImportJob::scheduleRollbackSlice()
{
    if (std::exchange(m_rollbackScheduled, true))
        return;
    QTimer::singleShot(0, this, [this] {
        m_rollbackScheduled = false;
        rollbackSlice();
    });
}

void CsvImportJob::takeBack(const QString &id)
{
    if (!m_engine->record(m_collection, id)) {
        ++m_removed; // gone already
        return;
    }
    if (m_engine->conflict(m_collection, id)) {
        // The server had a record under this id before ours was written: theirs stays.
        [[maybe_unused]] const bool discarded = m_engine->discardPending(m_collection, id);
        ++m_removed;
        return;
    }
    m_waiting.insert(id); // before: a creation never sent is removed at once, with its signal
    if (!m_engine->deleteRecord(m_collection, id))
        rollbackDone(id, false);
}

void CsvImportJob::rollbackDone(const QString &id, bool removed)
{
    if (!m_waiting.remove(id))
        return;
    ++(removed ? m_removed : m_leftPending);
    if (m_rollbackNext < m_created.size()) {
        scheduleRollbackSlice(); // not from inside takeBack()
        return;
    }
    Q_EMIT progressChanged(m_removed + m_leftPending, m_created.size());
    checkRollbackEnd();
}

void CsvImportJob::checkRollbackEnd()
{
    if (m_phase != Phase::RollingBack || m_rollbackNext < m_created.size())
        return;
    if (!m_waiting.isEmpty()) {
        if (m_engine->connectionState() == ConnectionState::Live)
            return; // their deletions are on their way
        m_leftPending += int(m_waiting.size());
        m_waiting.clear();
    }
    QString message = m_rollbackMessage + u' ';
    message += m_removed == 0 && m_leftPending == 0
        ? tr("Nothing was imported.")
        : tr("Nothing was imported: the %n records already written were removed again.", nullptr, m_removed);
    if (m_leftPending > 0)
        message += u' ' + tr("%n records could not be removed yet: their deletion waits in the Outbox and is sent "
                             "when the server can be reached.", nullptr, m_leftPending);
    finish(m_rollbackReason, message);
}

} // namespace Etagere
