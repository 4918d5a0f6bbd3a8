#include "backoff.h"

#include <QRandomGenerator>

#include <algorithm>
#include <limits>

namespace Etagere {

namespace {
constexpr int MaxShift = 30; // base * 2^30 exceeds any cap that fits an int
} // namespace

Backoff::Backoff(int baseMs, int capMs)
    : m_base(qMax(1, baseMs))
    , m_cap(qMax(1, capMs))
{
}

void Backoff::setBase(int ms) { m_base = qMax(1, ms); }
int Backoff::base() const { return m_base; }
void Backoff::setCap(int ms) { m_cap = qMax(1, ms); }
int Backoff::cap() const { return m_cap; }
int Backoff::attempts() const { return m_attempts; }
void Backoff::reset() { m_attempts = 0; }

int Backoff::ceiling(int attempt, int baseMs, int capMs)
{
    const int shift = std::clamp(attempt, 0, MaxShift);
    const qint64 grown = qint64(qMax(1, baseMs)) << shift;
    return int(qMin<qint64>(qMax(1, capMs), grown));
}

int Backoff::delayFor(int attempt, int baseMs, int capMs, double jitter)
{
    const int top = ceiling(attempt, baseMs, capMs);
    const int floor = top / 2;
    const double share = std::clamp(jitter, 0.0, 1.0);
    return floor + int(share * double(top - floor));
}

int Backoff::next(QRandomGenerator *random)
{
    QRandomGenerator *generator = random ? random : QRandomGenerator::global();
    const int delay = delayFor(m_attempts, m_base, m_cap, generator->generateDouble());
    if (m_attempts < std::numeric_limits<int>::max())
        ++m_attempts;
    return delay;
}

} // namespace Etagere
