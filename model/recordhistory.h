#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

class QUndoStack;

namespace Etagere {

class SyncEngine;
class PendingRestore;

/// The user's own edits of records as commands on a QUndoStack, which the app owns and
/// offers as Undo and Redo. RecordTableModel reports each edit the engine accepted; an undo
/// or a redo is a new edit through the SyncEngine, synced like any other (nothing is rolled
/// back behind the engine's back):
///
/// - a field set from A to B: undo sets A, redo sets B, through SyncEngine::setFieldFrom()
///   from the value the field should hold (B, or A). When somebody else changed the field
///   since, the engine opens a conflict on it instead of overwriting their value.
/// - a creation: undo deletes the record; redo restores it as it was when undone.
/// - a deletion: undo restores the record under its id with the data it had: a deletion
///   not yet sent is taken back (SyncEngine::discardPending()); one the server confirmed is
///   undone by creating the record again (SyncEngine::createRecordWithId()); one on its way
///   is restored when its answer arrives. Redo deletes it again.
///
/// A step the engine refuses (the record was deleted meanwhile, has an open conflict, ...)
/// is dropped from the stack, and failed() says why.
///
/// Does not own the engine or the stack; both must outlive it. Lives in the engine's thread.
class RecordHistory : public QObject
{
    Q_OBJECT

public:
    RecordHistory(SyncEngine *engine, QUndoStack *stack, QObject *parent = nullptr);
    ~RecordHistory() override;

    [[nodiscard]] QUndoStack *undoStack() const;
    [[nodiscard]] SyncEngine *engine() const;

    /// Pushes the edit of `field` (its title `fieldTitle`) from `from` to `to`, which the
    /// engine has already made.
    void fieldEdited(const QString &collection, const QString &id, const QString &field, const QString &fieldTitle,
                     const QJsonValue &from, const QJsonValue &to);
    /// Pushes the creation of `id` with `data`, already made.
    void recordCreated(const QString &collection, const QString &id, const QJsonObject &data);
    /// Pushes the deletion of `id`, whose data was `data` (named `title` for people).
    void recordDeleted(const QString &collection, const QString &id, const QString &title, const QJsonObject &data);

    // For the commands (recordhistory_p.h): the engine calls behind an undo or a redo.

    /// Sets `field` to `value` starting from `expected`; false with *error when refused.
    [[nodiscard]] bool writeField(const QString &collection, const QString &id, const QString &field,
                                  const QJsonValue &expected, const QJsonValue &value, QString *error);
    /// Deletes the record (a restore on its way is dropped); false with *error when unknown.
    [[nodiscard]] bool remove(const QString &collection, const QString &id, QString *error);
    /// Brings the record back with `data` (see the class comment); false with *error when refused.
    [[nodiscard]] bool restore(const QString &collection, const QString &id, const QJsonObject &data, QString *error);
    /// The record's current local data, empty when the engine does not know it.
    [[nodiscard]] QJsonObject currentData(const QString &collection, const QString &id) const;
    /// Reports a step that could not be made.
    void reportFailure(const QString &message);

Q_SIGNALS:
    /// An undo or redo could not be made (or was given up); `message` says why, for people.
    void failed(const QString &message);

private:
    friend class PendingRestore;
    void finishRestore(const QString &key);

    QPointer<SyncEngine> m_engine;
    QPointer<QUndoStack> m_stack;
    QHash<QString, PendingRestore *> m_restores; ///< keyed collection/id; children
};

} // namespace Etagere
