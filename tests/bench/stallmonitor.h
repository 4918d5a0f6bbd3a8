#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace Etagere::Test {

/// Measures how long the thread's event loop stops turning: a precise 1 ms timer notes the
/// time between its ticks; any gap far above 1 ms is a stall (the thread was busy in one
/// piece of code and could not repaint, take input or run timers). Lives in the thread it
/// measures; test and benchmark code only.
class StallMonitor : public QObject
{
public:
    explicit StallMonitor(QObject *parent = nullptr)
        : QObject(parent)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, &StallMonitor::tick);
    }

    void start()
    {
        m_longest = 0;
        m_stallsOver50 = 0;
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }

    void stop() { m_timer.stop(); }

    /// The longest gap between two turns of the event loop since start(), in ms.
    [[nodiscard]] qint64 longestStallMs() const { return m_longest; }
    /// How many gaps lasted more than 50 ms (a frame and a half at 30 Hz).
    [[nodiscard]] int stallsOver50Ms() const { return m_stallsOver50; }
    /// When the longest gap ended, in ms since start().
    [[nodiscard]] qint64 longestStallEndedAtMs() const { return m_longestAt; }

private:
    void tick()
    {
        const qint64 now = m_clock.elapsed();
        const qint64 gap = now - m_last;
        m_last = now;
        if (gap > 50)
            ++m_stallsOver50;
        if (gap > m_longest) {
            m_longest = gap;
            m_longestAt = now;
        }
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longest = 0;
    qint64 m_longestAt = 0;
    int m_stallsOver50 = 0;
};

} // namespace Etagere::Test
