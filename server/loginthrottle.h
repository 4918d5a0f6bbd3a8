#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace Etagere {

/// Slows down password guessing. Failed logins are counted per user name and per peer
/// address over a sliding window of 15 minutes; from the 5th failure on, that name (or
/// address) is locked: 30 s after the 5th failure, and twice as long after each further one
/// (60 s, 120 s, ... at most 15 min). While either the name or the address is locked, a
/// login is refused with 429 and `Retry-After` without looking at the password. A success
/// clears both counts. Times are monotonic milliseconds passed in by the caller.
/// Not thread-safe; server thread.
class LoginThrottle
{
public:
    static constexpr int MaxFailures = 5;
    static constexpr qint64 WindowMs = 15 * 60 * 1000;
    static constexpr int FirstLockSeconds = 30;
    static constexpr int MaxLockSeconds = 15 * 60;

    /// Seconds to wait before `user` may be tried from `peer` again; 0 when it may now.
    [[nodiscard]] int retryAfter(const QString &user, const QByteArray &peer, qint64 nowMs) const;
    /// Counts a failed login (wrong password or unknown user).
    void recordFailure(const QString &user, const QByteArray &peer, qint64 nowMs);
    /// A successful login: forgets the failures of that name and that address.
    void recordSuccess(const QString &user, const QByteArray &peer);

private:
    struct Record
    {
        QList<qint64> failures; ///< times of the failures inside the window
        qint64 lockedUntilMs = 0;
    };
    [[nodiscard]] int lockSeconds(const QByteArray &key, qint64 nowMs) const;
    void fail(const QByteArray &key, qint64 nowMs);
    void forgetOld(qint64 nowMs);

    QHash<QByteArray, Record> m_records;
};

} // namespace Etagere
