#include "loginthrottle.h"

namespace Etagere {

namespace {

constexpr qsizetype ForgetAbove = 10000; // records kept before a sweep of stale ones

QByteArray userKey(const QString &user)
{
    return "user:" + user.toUtf8();
}

QByteArray peerKey(const QByteArray &peer)
{
    return "peer:" + peer;
}

} // namespace

int LoginThrottle::lockSeconds(const QByteArray &key, qint64 nowMs) const
{
    const auto it = m_records.constFind(key);
    if (it == m_records.constEnd() || it->lockedUntilMs <= nowMs)
        return 0;
    return int((it->lockedUntilMs - nowMs + 999) / 1000);
}

int LoginThrottle::retryAfter(const QString &user, const QByteArray &peer, qint64 nowMs) const
{
    return std::max(lockSeconds(userKey(user), nowMs), lockSeconds(peerKey(peer), nowMs));
}

void LoginThrottle::fail(const QByteArray &key, qint64 nowMs)
{
    Record &record = m_records[key];
    record.failures.removeIf([nowMs](qint64 at) { return nowMs - at >= WindowMs; });
    record.failures.append(nowMs);
    const qsizetype beyond = record.failures.size() - MaxFailures;
    if (beyond < 0)
        return;
    const qint64 lock = beyond >= 5 ? MaxLockSeconds : std::min<qint64>(MaxLockSeconds, FirstLockSeconds << beyond);
    record.lockedUntilMs = nowMs + lock * 1000;
}

void LoginThrottle::recordFailure(const QString &user, const QByteArray &peer, qint64 nowMs)
{
    if (m_records.size() > ForgetAbove)
        forgetOld(nowMs);
    fail(userKey(user), nowMs);
    fail(peerKey(peer), nowMs);
}

void LoginThrottle::recordSuccess(const QString &user, const QByteArray &peer)
{
    m_records.remove(userKey(user));
    m_records.remove(peerKey(peer));
}

void LoginThrottle::forgetOld(qint64 nowMs)
{
    m_records.removeIf([nowMs](const auto &entry) {
        const Record &record = entry.value();
        return record.lockedUntilMs <= nowMs && (record.failures.isEmpty() || nowMs - record.failures.last() >= WindowMs);
    });
}

} // namespace Etagere
