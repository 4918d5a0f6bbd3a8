#pragma once

// RecordHistory's commands and its restore-when-the-deletion-is-answered helper.

#include "recordhistory.h"

#include <QElapsedTimer>
#include <QJsonValue>
#include <QTimer>
#include <QUndoCommand>

namespace Etagere {

/// What a command shares: the history it acts through and the record it is about. The
/// first redo() is the edit the user already made, so it does nothing. A step the engine
/// refuses makes the command obsolete: QUndoStack then drops it.
class RecordCommand : public QUndoCommand
{
public:
    RecordCommand(RecordHistory *history, const QString &collection, const QString &id, const QString &text);

    void undo() final;
    void redo() final;

protected:
    [[nodiscard]] virtual bool undoStep(QString *error) = 0;
    [[nodiscard]] virtual bool redoStep(QString *error) = 0;

    QPointer<RecordHistory> m_history;
    QString m_collection;
    QString m_id;

private:
    void step(bool undoing);

    bool m_done = true; ///< the user already made the edit this command was pushed for
};

/// A field set from one value to another.
class FieldEditCommand : public RecordCommand
{
public:
    FieldEditCommand(RecordHistory *history, const QString &collection, const QString &id, const QString &field,
                     const QString &fieldTitle, const QJsonValue &from, const QJsonValue &to);

protected:
    bool undoStep(QString *error) override;
    bool redoStep(QString *error) override;

private:
    QString m_field;
    QJsonValue m_from;
    QJsonValue m_to;
};

/// A record created (`created` true) or deleted: the two are each other's undo.
class RecordPresenceCommand : public RecordCommand
{
public:
    RecordPresenceCommand(RecordHistory *history, const QString &collection, const QString &id,
                          const QString &text, const QJsonObject &data, bool created);

protected:
    bool undoStep(QString *error) override;
    bool redoStep(QString *error) override;

private:
    [[nodiscard]] bool bringBack(QString *error);
    [[nodiscard]] bool takeAway(QString *error);

    QJsonObject m_data; ///< what the record held when it was last taken away
    bool m_created;
};

/// Restores a record whose deletion is on its way to the server once the engine has the
/// answer: tries again whenever the engine reports about the record (and every PollMs, for
/// answers that report nothing, such as a network failure), and gives up after GiveUpMs.
class PendingRestore : public QObject
{
public:
    static constexpr int PollMs = 250;
    static constexpr int GiveUpMs = 30000;

    PendingRestore(RecordHistory *history, const QString &collection, const QString &id, const QJsonObject &data);

    /// Stops trying (before deleteLater()).
    void cancel();

private:
    void retry();

    RecordHistory *m_history;
    QString m_collection;
    QString m_id;
    QJsonObject m_data;
    QTimer m_poll;
    QElapsedTimer m_age;
};

} // namespace Etagere
