#include "fetchchangesjob.h"

using namespace Qt::StringLiterals;

namespace Etagere {

FetchChangesJob::FetchChangesJob(QNetworkAccessManager *network, const QUrl &server, const QString &collection,
                                 qint64 since, QObject *parent)
    : RestJob(network, server, parent)
    , m_collection(collection)
    , m_since(since)
{
}

QString FetchChangesJob::collection() const { return m_collection; }
qint64 FetchChangesJob::since() const { return m_since; }
void FetchChangesJob::setPageSize(int pageSize) { m_pageSize = qMax(1, pageSize); }
QList<Change> FetchChangesJob::changes() const { return m_changes; }
qint64 FetchChangesJob::seq() const { return m_seq; }

void FetchChangesJob::run()
{
    requestAfter(m_since);
}

void FetchChangesJob::requestAfter(qint64 since)
{
    QUrlQuery query;
    query.addQueryItem(u"since"_s, QString::number(since));
    query.addQueryItem(u"limit"_s, QString::number(m_pageSize));
    sendRequest("GET"_ba, u"/v1/collections/%1/changes"_s.arg(m_collection), query);
}

void FetchChangesJob::handleSuccess(int, const QJsonValue &body)
{
    QString error;
    const std::optional<ChangePage> page = ChangePage::fromJson(body, &error);
    if (!page) {
        fail(Error::Protocol, tr("Invalid page of changes: %1").arg(error));
        return;
    }
    qint64 previous = m_changes.isEmpty() ? m_since : m_changes.constLast().seq;
    for (const Change &change : page->changes) {
        if (change.seq <= previous || change.collection != m_collection) {
            fail(Error::Protocol, tr("The change feed is out of order (seq %1 after %2)").arg(change.seq).arg(previous));
            return;
        }
        previous = change.seq;
    }
    m_seq = page->seq;
    m_changes.append(page->changes);
    const qint64 last = m_changes.isEmpty() ? m_since : m_changes.constLast().seq;
    if (page->changes.isEmpty() || last >= m_seq)
        finishSuccess();
    else
        requestAfter(last);
}

} // namespace Etagere
