#include "remotechangetracker_p.h"

#include <algorithm>

namespace Etagere {

RemoteChangeTracker::RemoteChangeTracker(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &RemoteChangeTracker::expire);
}

bool RemoteChangeTracker::mark(const QString &id, const QList<int> &columns)
{
    if (columns.isEmpty() || m_durationMs <= 0)
        return false;
    QHash<int, QDeadlineTimer> &cells = m_cells[id];
    for (int column : columns)
        cells.insert(column, QDeadlineTimer(m_durationMs));
    schedule();
    return true;
}

bool RemoteChangeTracker::contains(const QString &id, int column) const
{
    const auto record = m_cells.constFind(id);
    if (record == m_cells.cend())
        return false;
    const auto cell = record->constFind(column);
    return cell != record->cend() && !cell->hasExpired();
}

void RemoteChangeTracker::forget(const QString &id)
{
    m_cells.remove(id);
    schedule();
}

void RemoteChangeTracker::clear()
{
    m_cells.clear();
    m_timer.stop();
}

void RemoteChangeTracker::expire()
{
    QList<std::pair<QString, QList<int>>> done;
    for (auto record = m_cells.begin(); record != m_cells.end();) {
        QList<int> columns;
        for (auto cell = record->begin(); cell != record->end();) {
            const bool over = cell->hasExpired();
            if (over)
                columns.append(cell.key());
            cell = over ? record->erase(cell) : std::next(cell);
        }
        std::sort(columns.begin(), columns.end());
        if (!columns.isEmpty())
            done.append({record.key(), columns});
        record = record->isEmpty() ? m_cells.erase(record) : std::next(record);
    }
    schedule();
    // Reported after the bookkeeping, so that a receiver sees the cells as expired.
    for (const auto &[id, columns] : std::as_const(done))
        emit expired(id, columns);
}

void RemoteChangeTracker::schedule()
{
    qint64 next = -1;
    for (const QHash<int, QDeadlineTimer> &cells : std::as_const(m_cells)) {
        for (const QDeadlineTimer &deadline : cells) {
            const qint64 left = deadline.remainingTime();
            next = next < 0 ? left : std::min(next, left);
        }
    }
    if (next < 0)
        m_timer.stop();
    else
        m_timer.start(int(std::max<qint64>(next, 1)));
}

} // namespace Etagere
