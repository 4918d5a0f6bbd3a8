#pragma once

#include <QByteArray>
#include <QHash>

namespace Etagere {

/// Token buckets, one per key (a session, or a peer address for requests without one):
/// each holds up to `burst` tokens and regains `rate` tokens per second; a request takes
/// one. A rate of 0 turns the limiter off. Times are monotonic milliseconds passed in by
/// the caller, so the arithmetic can be tested without waiting. Buckets that are full again
/// are forgotten now and then, so memory follows the number of recently active keys.
/// Not thread-safe; server thread.
class RateLimiter
{
public:
    /// One bucket, also usable on its own (a WebSocket session has one).
    class Bucket
    {
    public:
        Bucket() = default;
        Bucket(double rate, double burst, qint64 nowMs);
        /// Takes one token; false when none is left, with the seconds until one is back.
        [[nodiscard]] bool take(qint64 nowMs, int *retryAfterSeconds = nullptr);
        /// True when the bucket would be full at `nowMs`.
        [[nodiscard]] bool isFull(qint64 nowMs) const;

    private:
        void refill(qint64 nowMs);

        double m_rate = 0;
        double m_burst = 0;
        double m_tokens = 0;
        qint64 m_updatedMs = 0;
    };

    /// `rate` tokens per second, at most `burst` (>= 1) saved up; rate 0: no limit.
    explicit RateLimiter(double rate = 0, double burst = 1);

    [[nodiscard]] bool isEnabled() const { return m_rate > 0; }
    [[nodiscard]] double rate() const { return m_rate; }
    [[nodiscard]] double burst() const { return m_burst; }

    /// Takes one token from the bucket of `key`; false when it is empty (the request must be
    /// refused), with the seconds to wait in *retryAfterSeconds. Always true when disabled.
    [[nodiscard]] bool take(const QByteArray &key, qint64 nowMs, int *retryAfterSeconds = nullptr);
    /// Number of buckets held (for tests).
    [[nodiscard]] qsizetype bucketCount() const { return m_buckets.size(); }

private:
    void forgetFullBuckets(qint64 nowMs);

    double m_rate;
    double m_burst;
    QHash<QByteArray, Bucket> m_buckets;
    int m_takesSincePrune = 0;
};

} // namespace Etagere
