#pragma once

#include "collectionschema.h"
#include "restjob.h"

namespace Etagere {

/// `PUT /v1/collections/{c}` with `If-None-Match: *` and the body `{"title", "fields"}`:
/// creates a collection (the server decides who may; the contract says it needs the admin
/// right). Pass a schema whose name is valid (isValidCollectionName()).
///
/// Errors, besides those of every RestJob:
/// - Error::Conflict (412): a collection of that name exists; serverData() holds its schema
///   when the server sends it (ours does).
/// - Error::Forbidden (401, 403): the user may not create collections.
/// - Error::Validation (422): the server refused the schema; problemDetail() says why and
///   problemField() names the field description at fault, when the server says which.
class CreateCollectionJob : public RestJob
{
    Q_OBJECT

public:
    CreateCollectionJob(QNetworkAccessManager *network, const QUrl &server, const CollectionSchema &schema,
                        QObject *parent = nullptr);

    /// The schema sent.
    [[nodiscard]] CollectionSchema requested() const;
    /// After success: the collection as the server created it (its answer, when it is a
    /// schema of that name; else what was sent, with sequence number 0).
    [[nodiscard]] CollectionSchema created() const;

protected:
    void run() override;
    void handleSuccess(int status, const QJsonValue &body) override;

private:
    CollectionSchema m_requested;
    CollectionSchema m_created;
};

} // namespace Etagere
