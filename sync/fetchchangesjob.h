#pragma once

#include "change.h"
#include "restjob.h"

namespace Etagere {

/// Reads a collection's change feed after a sequence number:
/// `GET /v1/collections/{c}/changes?since=N&limit=L`, repeated until the feed is caught
/// up with the collection's number. Fails with Error::Gone (410) when the server no
/// longer keeps changes that old: the collection must then be reloaded.
class FetchChangesJob : public RestJob
{
    Q_OBJECT

public:
    static constexpr int DefaultPageSize = 500;

    FetchChangesJob(QNetworkAccessManager *network, const QUrl &server, const QString &collection, qint64 since,
                    QObject *parent = nullptr);

    [[nodiscard]] QString collection() const;
    [[nodiscard]] qint64 since() const;
    void setPageSize(int pageSize);

    /// The changes after since(), in order; valid after a successful finish.
    [[nodiscard]] QList<Change> changes() const;
    /// The collection's sequence number as the last answer gave it.
    [[nodiscard]] qint64 seq() const;

protected:
    void run() override;
    void handleSuccess(int status, const QJsonValue &body) override;

private:
    void requestAfter(qint64 since);

    QString m_collection;
    qint64 m_since;
    int m_pageSize = DefaultPageSize;
    QList<Change> m_changes;
    qint64 m_seq = 0;
};

} // namespace Etagere
