// SyncEngine: collections this client creates.

#include "syncengine.h"
#include "syncengine_p.h"

#include "createcollectionjob.h"
#include "synclogging_p.h"

using namespace Qt::StringLiterals;

namespace Etagere {

CreateCollectionJob *SyncEngine::createCollection(const CollectionSchema &schema, QString *error)
{
    // The protocol's own reading of the schema: what it refuses, the server refuses too.
    QString reason;
    if (!CollectionSchema::fromJson(schema.toJson(), &reason)) {
        refuse(error, tr("The collection cannot be created: %1").arg(reason));
        return nullptr;
    }
    auto *job = new CreateCollectionJob(&d->network, d->server, schema, this);
    // Connected before the caller can connect: the engine knows the collection first.
    connect(job, &RestJob::finished, this, [this](RestJob *finished) { d->onCollectionCreated(finished); });
    qCInfo(lcSync) << "create collection" << schema.name;
    job->start();
    return job;
}

void SyncEngine::Private::onCollectionCreated(RestJob *finished)
{
    if (finished->error() != RestJob::Error::None)
        return; // the caller tells the user; nothing changed here
    const CollectionSchema created = static_cast<CreateCollectionJob *>(finished)->created();
    QList<CollectionSchema> known = store->collections();
    known.removeIf([&](const CollectionSchema &schema) { return schema.name == created.name; });
    known.append(created);
    if (!store->setCollections(known)) {
        Q_EMIT q->errorOccurred(SyncEngine::tr("Cannot save the collections: %1").arg(store->errorString()));
        listed = false; // the next retry lists them again, the new one with them
        scheduleRetry();
        return;
    }
    if (listJob) { // its answer may predate the new collection: ask again
        listJob->abort();
        listJob.clear();
        listCollections();
    }
    Q_EMIT q->collectionsChanged();
    if (running && listed)
        resumeOrLoad(created.name);
}

} // namespace Etagere
