#pragma once

#include "recordstore.h"

#include <QHash>
#include <QMap>

namespace Etagere {

/// A RecordStore kept in memory only: everything is lost when it is destroyed.
/// apply() is atomic trivially (nothing can fail half-way). Not thread-safe.
class MemoryRecordStore : public RecordStore
{
public:
    MemoryRecordStore() = default;

    [[nodiscard]] QList<CollectionSchema> collections() const override;
    void setCollections(const QList<CollectionSchema> &collections) override;

    [[nodiscard]] std::optional<RecordState> record(const QString &collection, const QString &id) const override;
    [[nodiscard]] QList<RecordState> records(const QString &collection) const override;
    [[nodiscard]] qint64 lastSeq(const QString &collection) const override;

    void apply(const StoreBatch &batch) override;
    void replaceCollection(const QString &collection, const QList<RecordState> &records, qint64 lastSeq) override;

private:
    QMap<QString, CollectionSchema> m_collections;
    QHash<QString, QMap<QString, RecordState>> m_records; ///< collection -> id -> state (ordered by id)
    QHash<QString, qint64> m_lastSeq;
};

} // namespace Etagere
