#pragma once

#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

namespace Etagere {

/// Remembers which cells (record id, column) somebody else changed moments ago, and who,
/// and reports them when that moment is over. The highlight is full for the first half of
/// duration() and then fades out: strength() goes down to 0, reported step by step through
/// faded(). One timer for all cells. Helper of RecordTableModel; lives in its thread.
class RemoteChangeTracker : public QObject
{
    Q_OBJECT

public:
    explicit RemoteChangeTracker(QObject *parent = nullptr);

    /// How long a cell counts as remotely changed; 0 or less disables the tracking.
    [[nodiscard]] int duration() const { return m_durationMs; }
    void setDuration(int ms) { m_durationMs = ms; }

    /// Marks the cells as changed by `author`; returns false (and marks nothing) when
    /// disabled or `columns` is empty.
    bool mark(const QString &id, const QList<int> &columns, const QString &author);
    [[nodiscard]] bool contains(const QString &id, int column) const;
    /// Who changed the cell; empty when it is not marked.
    [[nodiscard]] QString author(const QString &id, int column) const;
    /// 1 during the first half of the highlight, then down to 0 at its end; 0 when not marked.
    [[nodiscard]] qreal strength(const QString &id, int column) const;
    void forget(const QString &id);
    void clear();

Q_SIGNALS:
    /// These cells of record `id` are no longer remotely changed (`columns` sorted).
    void expired(const QString &id, const QList<int> &columns);
    /// The strength() of these cells of record `id` went down a step (`columns` sorted).
    void faded(const QString &id, const QList<int> &columns);

private:
    struct Cell
    {
        QDeadlineTimer expiry;
        qint64 durationMs = 0;
        QString author;

        [[nodiscard]] bool isFading() const { return expiry.remainingTime() * 2 <= durationMs; }
    };

    [[nodiscard]] const Cell *find(const QString &id, int column) const;
    void onTimeout();
    /// Drops the expired cells of one record; returns (expired, fading) columns, sorted.
    [[nodiscard]] static std::pair<QList<int>, QList<int>> sweep(QHash<int, Cell> &cells);
    void schedule();

    QHash<QString, QHash<int, Cell>> m_cells; ///< id -> column -> cell
    QTimer m_timer;
    int m_durationMs = 2000;
};

} // namespace Etagere
