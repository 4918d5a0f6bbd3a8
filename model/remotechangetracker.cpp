#include "remotechangetracker_p.h"

#include <algorithm>

namespace Etagere {

namespace {
constexpr qint64 FadeIntervalMs = 100; ///< between two steps of the fade
}

RemoteChangeTracker::RemoteChangeTracker(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer); // the fade is seen: its steps should be even
    connect(&m_timer, &QTimer::timeout, this, &RemoteChangeTracker::onTimeout);
}

bool RemoteChangeTracker::mark(const QString &id, const QList<int> &columns, const QString &author)
{
    if (columns.isEmpty() || m_durationMs <= 0)
        return false;
    QHash<int, Cell> &cells = m_cells[id];
    for (int column : columns)
        cells.insert(column, Cell{QDeadlineTimer(m_durationMs), m_durationMs, author});
    schedule();
    return true;
}

const RemoteChangeTracker::Cell *RemoteChangeTracker::find(const QString &id, int column) const
{
    const auto record = m_cells.constFind(id);
    if (record == m_cells.cend())
        return nullptr;
    const auto cell = record->constFind(column);
    return cell != record->cend() && !cell->expiry.hasExpired() ? &*cell : nullptr;
}

bool RemoteChangeTracker::contains(const QString &id, int column) const
{
    return find(id, column) != nullptr;
}

QString RemoteChangeTracker::author(const QString &id, int column) const
{
    const Cell *cell = find(id, column);
    return cell ? cell->author : QString();
}

qreal RemoteChangeTracker::strength(const QString &id, int column) const
{
    const Cell *cell = find(id, column);
    if (!cell)
        return 0;
    const qreal left = qreal(cell->expiry.remainingTime()) / qreal(cell->durationMs);
    return std::clamp(2 * left, 0.0, 1.0);
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

void RemoteChangeTracker::onTimeout()
{
    QList<std::pair<QString, QList<int>>> done;
    QList<std::pair<QString, QList<int>>> fading;
    for (auto record = m_cells.begin(); record != m_cells.end();) {
        const auto [expiredColumns, fadingColumns] = sweep(*record);
        if (!expiredColumns.isEmpty())
            done.append({record.key(), expiredColumns});
        if (!fadingColumns.isEmpty())
            fading.append({record.key(), fadingColumns});
        record = record->isEmpty() ? m_cells.erase(record) : std::next(record);
    }
    schedule();
    // Reported after the bookkeeping, so that a receiver sees the cells as they are now.
    for (const auto &[id, columns] : std::as_const(fading))
        emit faded(id, columns);
    for (const auto &[id, columns] : std::as_const(done))
        emit expired(id, columns);
}

std::pair<QList<int>, QList<int>> RemoteChangeTracker::sweep(QHash<int, Cell> &cells)
{
    QList<int> expiredColumns;
    QList<int> fadingColumns;
    for (auto cell = cells.begin(); cell != cells.end();) {
        const bool over = cell->expiry.hasExpired();
        if (over)
            expiredColumns.append(cell.key());
        else if (cell->isFading())
            fadingColumns.append(cell.key());
        cell = over ? cells.erase(cell) : std::next(cell);
    }
    std::sort(expiredColumns.begin(), expiredColumns.end());
    std::sort(fadingColumns.begin(), fadingColumns.end());
    return {expiredColumns, fadingColumns};
}

// The next moment something changes: a cell expires, starts to fade, or fades a step further.
void RemoteChangeTracker::schedule()
{
    qint64 next = -1;
    for (const QHash<int, Cell> &cells : std::as_const(m_cells)) {
        for (const Cell &cell : cells) {
            const qint64 left = cell.expiry.remainingTime();
            const qint64 wait = cell.isFading() ? std::min<qint64>(left, FadeIntervalMs) : left - cell.durationMs / 2;
            next = next < 0 ? wait : std::min(next, wait);
        }
    }
    if (next < 0)
        m_timer.stop();
    else
        m_timer.start(int(std::max<qint64>(next, 1)));
}

} // namespace Etagere
