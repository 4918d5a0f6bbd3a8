#include "serverprobe.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

constexpr int TimeoutMs = 10000;

/// Waits for `reply`; its status code, 0 when it did not finish.
int waitFor(QNetworkReply *reply)
{
    QSignalSpy spy(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !spy.wait(TimeoutMs))
        return 0;
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

} // namespace

ServerProbe::ServerProbe(const QUrl &server, const QByteArray &token)
    : m_server(server)
{
    m_network.setBearerToken(token);
}

std::optional<QJsonObject> ServerProbe::get(const QString &path)
{
    QUrl url = m_server;
    const qsizetype question = path.indexOf(u'?');
    url.setPath(path.left(question));
    if (question >= 0)
        url.setQuery(path.mid(question + 1));
    std::unique_ptr<QNetworkReply> reply(m_network.get(QNetworkRequest(url)));
    if (waitFor(reply.get()) != 200)
        return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(reply->readAll());
    if (!document.isObject())
        return std::nullopt;
    return document.object();
}

qint64 ServerProbe::seq(const QString &collection)
{
    const std::optional<QJsonObject> schema = get(u"/v1/collections/%1"_s.arg(collection));
    return schema ? schema->value(u"seq"_s).toInteger(-1) : -1;
}

QList<QJsonObject> ServerProbe::changes(const QString &collection, qint64 since)
{
    QList<QJsonObject> all;
    for (;;) {
        const std::optional<QJsonObject> page =
            get(u"/v1/collections/%1/changes?since=%2&limit=1000"_s.arg(collection).arg(since));
        if (!page)
            return all;
        const QJsonArray changes = page->value(u"changes"_s).toArray();
        for (const QJsonValue &change : changes)
            all.append(change.toObject());
        if (changes.isEmpty() || all.constLast().value(u"seq"_s).toInteger() >= page->value(u"seq"_s).toInteger())
            return all;
        since = all.constLast().value(u"seq"_s).toInteger();
    }
}

QList<QJsonObject> ServerProbe::records(const QString &collection)
{
    QList<QJsonObject> all;
    QString after;
    for (;;) {
        QString path = u"/v1/collections/%1/records?limit=1000"_s.arg(collection);
        if (!after.isEmpty())
            path += u"&after="_s + after;
        const std::optional<QJsonObject> page = get(path);
        if (!page)
            return all;
        for (const QJsonValue &record : page->value(u"records"_s).toArray())
            all.append(record.toObject());
        after = page->value(u"next"_s).toString();
        if (after.isEmpty())
            return all;
    }
}

int ServerProbe::write(const QString &collection, const QString &id, const std::optional<QJsonObject> &data,
                       const QString &etag)
{
    QUrl url = m_server;
    url.setPath(u"/v1/collections/%1/records/%2"_s.arg(collection, id));
    QNetworkRequest request(url);
    if (etag.isEmpty())
        request.setRawHeader("If-None-Match", "*");
    else
        request.setRawHeader("If-Match", etag.toUtf8());
    std::unique_ptr<QNetworkReply> reply;
    if (data) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        reply.reset(m_network.put(request, QJsonDocument(*data).toJson(QJsonDocument::Compact)));
    } else {
        reply.reset(m_network.deleteResource(request));
    }
    return waitFor(reply.get());
}

} // namespace Etagere
