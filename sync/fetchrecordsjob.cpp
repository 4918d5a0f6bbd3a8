#include "fetchrecordsjob.h"

using namespace Qt::StringLiterals;

namespace Etagere {

FetchRecordsJob::FetchRecordsJob(QNetworkAccessManager *network, const QUrl &server, const QString &collection,
                                 QObject *parent)
    : RestJob(network, server, parent)
    , m_collection(collection)
{
}

QString FetchRecordsJob::collection() const { return m_collection; }
void FetchRecordsJob::setPageSize(int pageSize) { m_pageSize = qMax(1, pageSize); }
int FetchRecordsJob::pageSize() const { return m_pageSize; }
QList<Record> FetchRecordsJob::records() const { return m_records; }
qint64 FetchRecordsJob::seq() const { return m_seq; }
int FetchRecordsJob::pageCount() const { return m_pageCount; }

void FetchRecordsJob::run()
{
    requestPage({});
}

void FetchRecordsJob::requestPage(const QString &after)
{
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, QString::number(m_pageSize));
    if (!after.isEmpty())
        query.addQueryItem(u"after"_s, after);
    sendRequest("GET"_ba, u"/v1/collections/%1/records"_s.arg(m_collection), query);
}

void FetchRecordsJob::handleSuccess(int, const QJsonValue &body)
{
    QString error;
    const std::optional<RecordPage> page = RecordPage::fromJson(body, &error);
    if (!page) {
        fail(Error::Protocol, tr("Invalid page of records: %1").arg(error));
        return;
    }
    if (m_pageCount++ == 0)
        m_seq = page->seq;
    m_records.append(page->records);
    if (page->next.isEmpty()) {
        finishSuccess();
        return;
    }
    if (page->records.isEmpty()) { // a page without records but with a `next` would loop forever
        fail(Error::Protocol, tr("The server's paging does not advance"));
        return;
    }
    requestPage(page->next);
}

} // namespace Etagere
