#include "memoryrecordstore.h"

namespace Etagere {

QList<CollectionSchema> MemoryRecordStore::collections() const
{
    return m_collections.values();
}

bool MemoryRecordStore::setCollections(const QList<CollectionSchema> &collections)
{
    m_collections.clear();
    for (const CollectionSchema &schema : collections)
        m_collections.insert(schema.name, schema);
    return true;
}

std::optional<RecordState> MemoryRecordStore::record(const QString &collection, const QString &id) const
{
    const auto records = m_records.constFind(collection);
    if (records == m_records.cend())
        return std::nullopt;
    const auto it = records->constFind(id);
    if (it == records->cend())
        return std::nullopt;
    return *it;
}

QList<RecordState> MemoryRecordStore::records(const QString &collection) const
{
    return m_records.value(collection).values();
}

qint64 MemoryRecordStore::lastSeq(const QString &collection) const
{
    return m_lastSeq.value(collection, 0);
}

bool MemoryRecordStore::apply(const StoreBatch &batch)
{
    QMap<QString, RecordState> &records = m_records[batch.collection];
    for (const RecordState &state : batch.puts) {
        Q_ASSERT(state.collection == batch.collection);
        records.insert(state.id, state);
    }
    for (const QString &id : batch.removals)
        records.remove(id);
    if (batch.lastSeq)
        m_lastSeq.insert(batch.collection, *batch.lastSeq);
    return true;
}

QString MemoryRecordStore::errorString() const
{
    return {};
}

} // namespace Etagere
