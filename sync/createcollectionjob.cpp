#include "createcollectionjob.h"

#include "identifiers.h"
#include "synclogging_p.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Etagere {

CreateCollectionJob::CreateCollectionJob(QNetworkAccessManager *network, const QUrl &server,
                                         const CollectionSchema &schema, QObject *parent)
    : RestJob(network, server, parent)
    , m_requested(schema)
{
    Q_ASSERT(isValidCollectionName(schema.name));
    m_requested.seq = 0;
}

CollectionSchema CreateCollectionJob::requested() const { return m_requested; }
CollectionSchema CreateCollectionJob::created() const { return m_created; }

void CreateCollectionJob::run()
{
    QJsonArray fields;
    for (const FieldSchema &field : std::as_const(m_requested.fields))
        fields.append(field.toJson());
    const QJsonObject body{{u"title"_s, m_requested.title}, {u"fields"_s, fields}};
    sendRequest("PUT"_ba, u"/v1/collections/"_s + m_requested.name, {}, {{"If-None-Match"_ba, "*"_ba}},
                QJsonValue(body));
}

void CreateCollectionJob::handleSuccess(int status, const QJsonValue &body)
{
    if (status != 201 && status != 200) {
        fail(Error::Protocol, tr("Unexpected answer HTTP %1 to the creation of a collection").arg(status));
        return;
    }
    // The contract promises a 201 only; our server also sends the new schema.
    QString ignored;
    const std::optional<CollectionSchema> answered =
        body.isObject() ? CollectionSchema::fromJson(body.toObject(), &ignored, m_requested.name) : std::nullopt;
    if (!answered)
        qCDebug(lcSync) << "the creation of" << m_requested.name << "was answered without a schema";
    m_created = answered.value_or(m_requested);
    finishSuccess();
}

} // namespace Etagere
