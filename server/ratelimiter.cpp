#include "ratelimiter.h"

#include <cmath>

namespace Etagere {

namespace {
constexpr int PruneEvery = 4096; // takes between two sweeps of full buckets
} // namespace

RateLimiter::Bucket::Bucket(double rate, double burst, qint64 nowMs)
    : m_rate(rate)
    , m_burst(burst)
    , m_tokens(burst)
    , m_updatedMs(nowMs)
{
    Q_ASSERT(rate > 0 && burst >= 1);
}

void RateLimiter::Bucket::refill(qint64 nowMs)
{
    if (nowMs > m_updatedMs) {
        m_tokens = std::min(m_burst, m_tokens + double(nowMs - m_updatedMs) * m_rate / 1000.0);
        m_updatedMs = nowMs;
    }
}

bool RateLimiter::Bucket::take(qint64 nowMs, int *retryAfterSeconds)
{
    refill(nowMs);
    if (m_tokens >= 1) {
        m_tokens -= 1;
        return true;
    }
    if (retryAfterSeconds)
        *retryAfterSeconds = std::max(1, int(std::ceil((1 - m_tokens) / m_rate)));
    return false;
}

bool RateLimiter::Bucket::isFull(qint64 nowMs) const
{
    return m_tokens + double(std::max<qint64>(0, nowMs - m_updatedMs)) * m_rate / 1000.0 >= m_burst;
}

RateLimiter::RateLimiter(double rate, double burst)
    : m_rate(rate)
    , m_burst(std::max(1.0, burst))
{
    Q_ASSERT(rate >= 0);
}

bool RateLimiter::take(const QByteArray &key, qint64 nowMs, int *retryAfterSeconds)
{
    if (!isEnabled())
        return true;
    if (++m_takesSincePrune >= PruneEvery)
        forgetFullBuckets(nowMs);
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket(m_rate, m_burst, nowMs));
    return it->take(nowMs, retryAfterSeconds);
}

void RateLimiter::forgetFullBuckets(qint64 nowMs)
{
    m_takesSincePrune = 0;
    m_buckets.removeIf([nowMs](const auto &entry) { return entry.value().isFull(nowMs); });
}

} // namespace Etagere
