#include "listcollectionsjob.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Etagere {

ListCollectionsJob::ListCollectionsJob(QNetworkAccessManager *network, const QUrl &server, QObject *parent)
    : RestJob(network, server, parent)
{
}

QList<CollectionSchema> ListCollectionsJob::collections() const
{
    return m_collections;
}

void ListCollectionsJob::run()
{
    sendRequest("GET"_ba, u"/v1/collections"_s);
}

void ListCollectionsJob::handleSuccess(int, const QJsonValue &body)
{
    const QJsonValue list = body.toObject().value("collections"_L1);
    if (!list.isArray()) {
        fail(Error::Protocol, tr("The collection list has no \"collections\" array"));
        return;
    }
    for (const QJsonValue &entry : list.toArray()) {
        QString error;
        const std::optional<CollectionSchema> schema = CollectionSchema::fromJson(entry.toObject(), &error);
        if (!schema) {
            fail(Error::Protocol, tr("Invalid collection in the list: %1").arg(error));
            return;
        }
        m_collections.append(*schema);
    }
    finishSuccess();
}

} // namespace Etagere
