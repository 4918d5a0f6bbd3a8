#include "writerecordjob.h"

#include "identifiers.h"

using namespace Qt::StringLiterals;

namespace Etagere {

WriteRecordJob::WriteRecordJob(QNetworkAccessManager *network, const QUrl &server, Mode mode,
                               const QString &collection, const QString &id, const QJsonObject &data,
                               const QString &etag, QObject *parent)
    : RestJob(network, server, parent)
    , m_mode(mode)
    , m_collection(collection)
    , m_id(id)
    , m_sent(mode == Mode::Delete ? QJsonObject() : data)
    , m_baseEtag(mode == Mode::Create ? QString() : etag)
{
    Q_ASSERT(mode == Mode::Create || !etag.isEmpty());
}

WriteRecordJob::Mode WriteRecordJob::mode() const { return m_mode; }
QString WriteRecordJob::collection() const { return m_collection; }
QString WriteRecordJob::id() const { return m_id; }
QJsonObject WriteRecordJob::sentData() const { return m_sent; }
QString WriteRecordJob::baseEtag() const { return m_baseEtag; }
QString WriteRecordJob::newEtag() const { return m_newEtag; }
QJsonObject WriteRecordJob::data() const { return m_data; }

void WriteRecordJob::run()
{
    const QString path = recordPath(m_collection, m_id);
    switch (m_mode) {
    case Mode::Create:
        sendRequest("PUT"_ba, path, {}, {{"If-None-Match"_ba, "*"_ba}}, QJsonValue(m_sent));
        return;
    case Mode::Replace:
        sendRequest("PUT"_ba, path, {}, {{"If-Match"_ba, m_baseEtag.toUtf8()}}, QJsonValue(m_sent));
        return;
    case Mode::Delete:
        sendRequest("DELETE"_ba, path, {}, {{"If-Match"_ba, m_baseEtag.toUtf8()}});
        return;
    }
}

void WriteRecordJob::handleSuccess(int, const QJsonValue &body)
{
    if (m_mode == Mode::Delete) {
        finishSuccess();
        return;
    }
    m_newEtag = QString::fromUtf8(replyHeader("ETag"));
    if (m_newEtag.isEmpty()) {
        fail(Error::Protocol, tr("The server's answer to a write has no ETag"));
        return;
    }
    if (!body.isNull() && !body.isObject()) {
        fail(Error::Protocol, tr("The server's answer to a write is not a record"));
        return;
    }
    m_data = body.isObject() ? body.toObject() : m_sent;
    finishSuccess();
}

} // namespace Etagere
