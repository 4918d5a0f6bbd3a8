#pragma once

#include <QtGlobal>

class QRandomGenerator;

namespace Etagere {

/// Delays between attempts to reach a server: exponential from base() up to cap(), with
/// "equal jitter" so that clients which lost the same server do not come back in step.
///
/// Attempt n (counted from 0 since the last reset()) has the ceiling
/// min(cap, base * 2^n) and waits a random time in [ceiling / 2, ceiling] (both rounded
/// down). delayFor() is the pure computation; next() draws the jitter and counts the
/// attempt. A value type without signals; use it from one thread.
class Backoff
{
public:
    static constexpr int DefaultBaseMs = 500;
    static constexpr int DefaultCapMs = 30000;

    explicit Backoff(int baseMs = DefaultBaseMs, int capMs = DefaultCapMs);

    /// First ceiling in milliseconds (at least 1).
    void setBase(int ms);
    [[nodiscard]] int base() const;
    /// Largest ceiling in milliseconds (at least 1).
    void setCap(int ms);
    [[nodiscard]] int cap() const;

    /// The ceiling of attempt `attempt` (>= 0): min(cap, base * 2^attempt), never overflowing.
    [[nodiscard]] static int ceiling(int attempt, int baseMs, int capMs);
    /// The delay of attempt `attempt` for a jitter in [0, 1] (clamped):
    /// ceiling / 2 + jitter * (ceiling - ceiling / 2), rounded down.
    [[nodiscard]] static int delayFor(int attempt, int baseMs, int capMs, double jitter);

    /// The delay before the next attempt, with a random jitter from `random` (the global
    /// generator when null); counts the attempt.
    [[nodiscard]] int next(QRandomGenerator *random = nullptr);
    /// Attempts counted since the last reset().
    [[nodiscard]] int attempts() const;
    /// Starts over from base(): call it once the server answered properly.
    void reset();

private:
    int m_base;
    int m_cap;
    int m_attempts = 0;
};

} // namespace Etagere
