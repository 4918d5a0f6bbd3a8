#pragma once

#include "changefeed.h"

#include <QHash>

namespace Etagere {

/// Test double of the storage's change log: a few collections in memory, whose old changes
/// can be forgotten (as `--retain-changes` does). Counts the reads for the paging test.
class FakeChangeFeed : public ChangeFeed
{
public:
    void addCollection(const QString &name) { m_logs.insert(name, {}); }

    Change append(const QString &collection, const QString &id = QStringLiteral("rec-1"))
    {
        Log &log = m_logs[collection];
        const qint64 seq = ++log.seq;
        Change change{seq, collection, id, Change::Op::Put, QStringLiteral("\"%1-%2\"").arg(collection).arg(seq),
                      QJsonObject{{QStringLiteral("title"), QStringLiteral("%1 #%2").arg(id).arg(seq)}}, QStringLiteral("bob")};
        log.changes.append(change);
        return change;
    }

    /// Forgets the changes up to `seq` (a `since` below it is then gone).
    void forgetUpTo(const QString &collection, qint64 seq)
    {
        Log &log = m_logs[collection];
        log.changes.removeIf([seq](const Change &c) { return c.seq <= seq; });
        log.keptFrom = seq + 1;
    }

    Result changesSince(const QString &collection, qint64 since, int limit) const override
    {
        ++m_calls;
        Result result;
        const auto it = m_logs.constFind(collection);
        if (it == m_logs.constEnd())
            return result;
        result.exists = true;
        result.currentSeq = it->seq;
        result.gone = since + 1 < it->keptFrom;
        for (const Change &change : it->changes) {
            if (!result.gone && change.seq > since && result.changes.size() < limit)
                result.changes.append(change);
        }
        return result;
    }

    int calls() const { return m_calls; }

private:
    struct Log
    {
        qint64 seq = 0;
        qint64 keptFrom = 1;
        QList<Change> changes;
    };
    QHash<QString, Log> m_logs;
    mutable int m_calls = 0;
};

} // namespace Etagere
