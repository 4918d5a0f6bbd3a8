#pragma once

#include "recordstore.h"

#include <QHash>
#include <QMap>

namespace Etagere {

/// A RecordStore kept in memory only: everything is lost when it is destroyed.
/// Writes never fail (they return true) and are atomic trivially. Not thread-safe.
/// Journal uses one as its cache of what is on disk.
class MemoryRecordStore : public RecordStore
{
public:
    MemoryRecordStore() = default;

    [[nodiscard]] QList<CollectionSchema> collections() const override;
    [[nodiscard]] bool setCollections(const QList<CollectionSchema> &collections) override;

    [[nodiscard]] std::optional<RecordState> record(const QString &collection, const QString &id) const override;
    [[nodiscard]] QList<RecordState> records(const QString &collection) const override;
    [[nodiscard]] qint64 lastSeq(const QString &collection) const override;

    [[nodiscard]] bool apply(const StoreBatch &batch) override;
    /// Always empty: nothing can fail.
    [[nodiscard]] QString errorString() const override;

private:
    QMap<QString, CollectionSchema> m_collections;
    QHash<QString, QMap<QString, RecordState>> m_records; ///< collection -> id -> state (ordered by id)
    QHash<QString, qint64> m_lastSeq;
};

} // namespace Etagere
