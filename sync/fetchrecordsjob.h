#pragma once

#include "record.h"
#include "restjob.h"

namespace Etagere {

/// Loads every record of a collection: pages through
/// `GET /v1/collections/{c}/records?limit=L&after=ID` until `next` is null.
class FetchRecordsJob : public RestJob
{
    Q_OBJECT

public:
    static constexpr int DefaultPageSize = 200;

    FetchRecordsJob(QNetworkAccessManager *network, const QUrl &server, const QString &collection,
                    QObject *parent = nullptr);

    [[nodiscard]] QString collection() const;
    /// Records per request (the server may send fewer).
    void setPageSize(int pageSize);
    [[nodiscard]] int pageSize() const;

    /// All records, ordered by id; valid after a successful finish.
    [[nodiscard]] QList<Record> records() const;
    /// The collection's sequence number when the FIRST page was read: every change after
    /// it must be applied on top of records() (a later page may already reflect some).
    [[nodiscard]] qint64 seq() const;
    /// Number of requests made.
    [[nodiscard]] int pageCount() const;

protected:
    void run() override;
    void handleSuccess(int status, const QJsonValue &body) override;

private:
    void requestPage(const QString &after);

    QString m_collection;
    int m_pageSize = DefaultPageSize;
    QList<Record> m_records;
    qint64 m_seq = 0;
    int m_pageCount = 0;
};

} // namespace Etagere
