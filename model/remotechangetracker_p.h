#pragma once

#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

namespace Etagere {

/// Remembers which cells (record id, column) somebody else changed moments ago, and
/// reports them when that moment is over. One timer for all cells. Helper of
/// RecordTableModel; lives in its thread.
class RemoteChangeTracker : public QObject
{
    Q_OBJECT

public:
    explicit RemoteChangeTracker(QObject *parent = nullptr);

    /// How long a cell counts as remotely changed; 0 or less disables the tracking.
    [[nodiscard]] int duration() const { return m_durationMs; }
    void setDuration(int ms) { m_durationMs = ms; }

    /// Marks the cells; returns false (and marks nothing) when disabled or `columns` is empty.
    bool mark(const QString &id, const QList<int> &columns);
    [[nodiscard]] bool contains(const QString &id, int column) const;
    void forget(const QString &id);
    void clear();

Q_SIGNALS:
    /// These cells of record `id` are no longer remotely changed (`columns` sorted).
    void expired(const QString &id, const QList<int> &columns);

private:
    void expire();
    void schedule();

    QHash<QString, QHash<int, QDeadlineTimer>> m_cells; ///< id -> column -> expiry
    QTimer m_timer;
    int m_durationMs = 2000;
};

} // namespace Etagere
