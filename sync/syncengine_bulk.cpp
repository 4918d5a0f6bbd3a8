// SyncEngine: many records created at once (createRecordsWithIds()).

#include "syncengine.h"
#include "syncengine_p.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace Etagere {

bool SyncEngine::createRecordsWithIds(const QString &collection, const QList<std::pair<QString, QJsonObject>> &records,
                                      QString *error)
{
    const std::optional<CollectionSchema> schema = this->collection(collection);
    if (!schema)
        return refuse(error, tr("Unknown collection \"%1\"").arg(collection));
    StoreBatch batch{collection, {}, {}, std::nullopt};
    QSet<QString> ids;
    for (const auto &[id, data] : records) {
        const QString reason = ids.contains(id) ? tr("Record %1 already exists in \"%2\"").arg(id, collection)
                                                : d->checkNewId(collection, id);
        if (!reason.isEmpty())
            return refuse(error, reason);
        if (const ValidationResult valid = schema->validate(data); !valid)
            return refuse(error, u"%1: %2"_s.arg(id, describe(valid)));
        ids.insert(id);
        batch.puts.append(d->newLocalRecord(collection, id, data));
    }
    if (batch.puts.isEmpty())
        return true;
    if (!d->commit(batch)) // not in the journal: not shown
        return refuse(error, d->storeFailure());
    for (const RecordState &state : std::as_const(batch.puts))
        Q_EMIT recordInserted(collection, state.id, ChangeSource::Local);
    for (const RecordState &state : std::as_const(batch.puts))
        d->scheduleWrite(collection, state.id);
    return true;
}

} // namespace Etagere
