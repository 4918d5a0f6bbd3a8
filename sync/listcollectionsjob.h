#pragma once

#include "collectionschema.h"
#include "restjob.h"

namespace Etagere {

/// `GET /v1/collections`: the collections the user can read, with schema and sequence number.
class ListCollectionsJob : public RestJob
{
    Q_OBJECT

public:
    ListCollectionsJob(QNetworkAccessManager *network, const QUrl &server, QObject *parent = nullptr);

    /// The collections, valid after a successful finish.
    [[nodiscard]] QList<CollectionSchema> collections() const;

protected:
    void run() override;
    void handleSuccess(int status, const QJsonValue &body) override;

private:
    QList<CollectionSchema> m_collections;
};

} // namespace Etagere
