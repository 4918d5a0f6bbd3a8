#pragma once

#include "collectionschema.h"
#include "recordstate.h"

#include <QList>
#include <optional>

namespace Etagere {

/// One atomic update of the store: records written and removed, and optionally
/// the collection's new last applied sequence number, committed together.
struct StoreBatch
{
    QString collection;
    QList<RecordState> puts;
    QStringList removals;        ///< record ids
    std::optional<qint64> lastSeq;
};

/// The engine's record state, behind one interface: MemoryRecordStore keeps it in memory,
/// Journal on disk. Only the SyncEngine writes to it. A write either succeeds as a whole
/// or fails and changes nothing (reads then still give the previous state); errorString()
/// says why. Not thread-safe: use from the engine's thread.
class RecordStore
{
public:
    virtual ~RecordStore() = default;

    /// Collections known locally (schemas as last fetched), ordered by name.
    [[nodiscard]] virtual QList<CollectionSchema> collections() const = 0;
    /// Replaces the list of collections (their records and numbers stay). False on failure.
    [[nodiscard]] virtual bool setCollections(const QList<CollectionSchema> &collections) = 0;

    [[nodiscard]] virtual std::optional<RecordState> record(const QString &collection, const QString &id) const = 0;
    /// All records of a collection, ordered by id (bytewise, as the server lists them).
    [[nodiscard]] virtual QList<RecordState> records(const QString &collection) const = 0;
    /// Last sequence number applied for `collection`, 0 when none.
    [[nodiscard]] virtual qint64 lastSeq(const QString &collection) const = 0;

    /// Applies `batch` atomically: after a crash either all of it is there or none.
    /// False when it could not be stored (then nothing of it is applied).
    [[nodiscard]] virtual bool apply(const StoreBatch &batch) = 0;

    /// Why the last write (or open) failed, for people; empty when nothing failed yet.
    [[nodiscard]] virtual QString errorString() const = 0;
};

} // namespace Etagere
