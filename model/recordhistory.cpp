#include "recordhistory.h"
#include "recordhistory_p.h"

#include "modellogging_p.h"
#include "record.h"
#include "syncengine.h"

#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

QString keyOf(const QString &collection, const QString &id)
{
    return collection + u'/' + id;
}

enum class Restore { Done, Failed, Wait };

/// One attempt to bring a deleted record back with `data` (RecordHistory::restore()).
Restore attemptRestore(SyncEngine *engine, const QString &collection, const QString &id, const QJsonObject &data,
                       QString *error)
{
    const std::optional<RecordState> state = engine->record(collection, id);
    if (!state)
        return engine->createRecordWithId(collection, id, data, error) ? Restore::Done : Restore::Failed;
    const std::optional<Conflict> conflict = engine->conflict(collection, id);
    if (!state->deletedLocally && !(conflict && !conflict->hasMine))
        return Restore::Done; // it is there: the deletion never happened
    QString notYet;
    if (!engine->discardPending(collection, id, &notYet))
        return Restore::Wait; // the deletion is on its way: decide when the server has answered
    const std::optional<RecordState> back = engine->record(collection, id);
    if (!back) // a record the server never had, or deleted on both sides: create it again
        return engine->createRecordWithId(collection, id, data, error) ? Restore::Done : Restore::Failed;
    // Taken back, the server's copy shows again. Unless somebody else changed it (a conflict),
    // what the user had, with edits never sent, comes back as a new edit.
    if (!conflict && !sameData(back->local, data))
        return engine->setRecord(collection, id, data, error) ? Restore::Done : Restore::Failed;
    return Restore::Done;
}

} // namespace

// --- RecordCommand -------------------------------------------------------------------------

RecordCommand::RecordCommand(RecordHistory *history, const QString &collection, const QString &id,
                             const QString &text)
    : QUndoCommand(text)
    , m_history(history)
    , m_collection(collection)
    , m_id(id)
{
}

void RecordCommand::undo()
{
    step(true);
}

void RecordCommand::redo()
{
    if (std::exchange(m_done, false))
        return; // pushed for an edit already made
    step(false);
}

void RecordCommand::step(bool undoing)
{
    QString error;
    if (m_history && (undoing ? undoStep(&error) : redoStep(&error)))
        return;
    setObsolete(true); // QUndoStack drops it: it cannot be undone or redone any more
    if (!m_history)
        return;
    const QString message = undoing ? RecordHistory::tr("Cannot undo the %1: %2")
                                    : RecordHistory::tr("Cannot redo the %1: %2");
    m_history->reportFailure(message.arg(text(), error));
}

// --- FieldEditCommand ----------------------------------------------------------------------

FieldEditCommand::FieldEditCommand(RecordHistory *history, const QString &collection, const QString &id,
                                   const QString &field, const QString &fieldTitle, const QJsonValue &from,
                                   const QJsonValue &to)
    : RecordCommand(history, collection, id, RecordHistory::tr("edit of %1").arg(fieldTitle))
    , m_field(field)
    , m_from(from)
    , m_to(to)
{
}

bool FieldEditCommand::undoStep(QString *error)
{
    return m_history->writeField(m_collection, m_id, m_field, m_to, m_from, error);
}

bool FieldEditCommand::redoStep(QString *error)
{
    return m_history->writeField(m_collection, m_id, m_field, m_from, m_to, error);
}

// --- RecordPresenceCommand -----------------------------------------------------------------

RecordPresenceCommand::RecordPresenceCommand(RecordHistory *history, const QString &collection, const QString &id,
                                             const QString &text, const QJsonObject &data, bool created)
    : RecordCommand(history, collection, id, text)
    , m_data(data)
    , m_created(created)
{
}

bool RecordPresenceCommand::undoStep(QString *error)
{
    return m_created ? takeAway(error) : bringBack(error);
}

bool RecordPresenceCommand::redoStep(QString *error)
{
    return m_created ? bringBack(error) : takeAway(error);
}

bool RecordPresenceCommand::bringBack(QString *error)
{
    return m_history->restore(m_collection, m_id, m_data, error);
}

bool RecordPresenceCommand::takeAway(QString *error)
{
    // What it holds now (edits made since, by anyone) is what bringing it back restores.
    if (const QJsonObject now = m_history->currentData(m_collection, m_id); !now.isEmpty())
        m_data = now;
    return m_history->remove(m_collection, m_id, error);
}

// --- PendingRestore ------------------------------------------------------------------------

PendingRestore::PendingRestore(RecordHistory *history, const QString &collection, const QString &id,
                               const QJsonObject &data)
    : QObject(history)
    , m_history(history)
    , m_collection(collection)
    , m_id(id)
    , m_data(data)
{
    m_age.start();
    m_poll.setInterval(PollMs);
    connect(&m_poll, &QTimer::timeout, this, &PendingRestore::retry);
    m_poll.start();
    SyncEngine *engine = history->engine();
    const auto mine = [this](const QString &c, const QString &i) { return c == m_collection && i == m_id; };
    connect(engine, &SyncEngine::recordRemoved, this, [this, mine](const QString &c, const QString &i) {
        if (mine(c, i))
            retry();
    });
    connect(engine, &SyncEngine::recordChanged, this, [this, mine](const QString &c, const QString &i) {
        if (mine(c, i))
            retry();
    });
    connect(engine, &SyncEngine::conflictAdded, this, [this, mine](const Conflict &conflict) {
        if (mine(conflict.collection, conflict.id))
            retry();
    });
}

void PendingRestore::cancel()
{
    m_poll.stop();
    if (SyncEngine *engine = m_history->engine())
        disconnect(engine, nullptr, this, nullptr);
}

void PendingRestore::retry()
{
    QString error;
    SyncEngine *engine = m_history->engine();
    const Restore outcome = engine ? attemptRestore(engine, m_collection, m_id, m_data, &error) : Restore::Failed;
    if (outcome == Restore::Wait && m_age.elapsed() < GiveUpMs)
        return;
    if (outcome != Restore::Done) {
        m_history->reportFailure(RecordHistory::tr("Cannot bring back record %1: %2")
                                     .arg(m_id, error.isEmpty() ? RecordHistory::tr("the server did not answer")
                                                                : error));
    }
    m_history->finishRestore(keyOf(m_collection, m_id)); // deletes this
}

// --- RecordHistory -------------------------------------------------------------------------

RecordHistory::RecordHistory(SyncEngine *engine, QUndoStack *stack, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_stack(stack)
{
    Q_ASSERT(engine && stack);
}

RecordHistory::~RecordHistory() = default;

QUndoStack *RecordHistory::undoStack() const
{
    return m_stack;
}

SyncEngine *RecordHistory::engine() const
{
    return m_engine;
}

void RecordHistory::fieldEdited(const QString &collection, const QString &id, const QString &field,
                                const QString &fieldTitle, const QJsonValue &from, const QJsonValue &to)
{
    if (m_stack)
        m_stack->push(new FieldEditCommand(this, collection, id, field, fieldTitle, from, to));
}

void RecordHistory::recordCreated(const QString &collection, const QString &id, const QJsonObject &data)
{
    if (m_stack)
        m_stack->push(new RecordPresenceCommand(this, collection, id, tr("new record"), data, true));
}

void RecordHistory::recordDeleted(const QString &collection, const QString &id, const QString &title,
                                  const QJsonObject &data)
{
    if (m_stack) {
        m_stack->push(new RecordPresenceCommand(this, collection, id, tr("deletion of “%1”").arg(title), data,
                                                false));
    }
}

bool RecordHistory::writeField(const QString &collection, const QString &id, const QString &field,
                               const QJsonValue &expected, const QJsonValue &value, QString *error)
{
    if (!m_engine || !m_engine->record(collection, id)) {
        *error = tr("the record no longer exists");
        return false;
    }
    return m_engine->setFieldFrom(collection, id, field, expected, value, error);
}

bool RecordHistory::remove(const QString &collection, const QString &id, QString *error)
{
    finishRestore(keyOf(collection, id)); // its deletion, still on its way, is what is wanted now
    const std::optional<RecordState> state = m_engine ? m_engine->record(collection, id) : std::nullopt;
    if (!state) {
        *error = tr("the record no longer exists");
        return false;
    }
    if (state->deletedLocally || m_engine->deleteRecord(collection, id))
        return true;
    *error = tr("the record cannot be deleted");
    return false;
}

bool RecordHistory::restore(const QString &collection, const QString &id, const QJsonObject &data, QString *error)
{
    const QString key = keyOf(collection, id);
    if (!m_engine)
        return false;
    if (m_restores.contains(key))
        return true; // already on its way
    const Restore outcome = attemptRestore(m_engine, collection, id, data, error);
    if (outcome == Restore::Wait) {
        qCDebug(lcModel) << "restore of" << collection << id << "waits for the answer to its deletion";
        m_restores.insert(key, new PendingRestore(this, collection, id, data));
    }
    return outcome != Restore::Failed;
}

QJsonObject RecordHistory::currentData(const QString &collection, const QString &id) const
{
    const std::optional<RecordState> state = m_engine ? m_engine->record(collection, id) : std::nullopt;
    return state ? state->local : QJsonObject();
}

void RecordHistory::reportFailure(const QString &message)
{
    qCInfo(lcModel).noquote() << message;
    emit failed(message);
}

void RecordHistory::finishRestore(const QString &key)
{
    if (PendingRestore *restore = m_restores.take(key)) {
        restore->cancel();
        restore->deleteLater();
    }
}

} // namespace Etagere
