#pragma once

#include "changefeed.h"
#include "collectionschema.h"
#include "record.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Etagere {

/// What the storage holds for one record id.
struct StoredRecord
{
    bool exists = false;  ///< a row exists: the record lives or was deleted (tombstone)
    bool deleted = false; ///< the row is a tombstone
    QString etag;         ///< quoted strong tag of the last committed write
    qint64 seq = 0;       ///< the collection's sequence number of that write
    QJsonObject data;     ///< the record's data; empty for a tombstone

    [[nodiscard]] bool isLive() const { return exists && !deleted; }
};

/// The server's durable state in one SQLite database (Qt SQL, WAL, synchronous=FULL):
/// collections, records (with tombstones) and each collection's change feed.
/// Every write is one transaction that bumps the collection's sequence number, writes the
/// record row and appends the change row, so data and feed never disagree and sequence
/// numbers have no gaps. Returns from a write only once it is on disk.
/// Not thread-safe: use it from the thread that opened it.
class Storage final : public ChangeFeed
{
public:
    Storage();
    ~Storage() override;
    Storage(const Storage &) = delete;
    Storage &operator=(const Storage &) = delete;

    /// Opens (creating when absent) the database file and migrates its schema.
    [[nodiscard]] bool open(const QString &databasePath);
    void close();
    [[nodiscard]] bool isOpen() const;
    /// The reason of the last failure.
    [[nodiscard]] QString errorString() const;

    /// Keeps only the last `count` changes of each collection (0: keep all). Applied on
    /// each collection's next write.
    void setRetainChanges(qint64 count);

    [[nodiscard]] QList<CollectionSchema> collections() const;
    [[nodiscard]] std::optional<CollectionSchema> collection(const QString &name) const;
    /// Creates a collection with sequence number 0. False when it exists or on failure.
    [[nodiscard]] bool createCollection(const CollectionSchema &schema);

    [[nodiscard]] StoredRecord record(const QString &collection, const QString &id) const;
    /// Live records with id > `after` (bytewise), ordered by id, at most `limit`, read in
    /// one transaction with the collection's sequence number. `next` is set when more exist.
    /// Nullopt when the collection does not exist or on failure.
    [[nodiscard]] std::optional<RecordPage> records(const QString &collection, const QString &after,
                                                    int limit) const;

    /// Commits a write of record `id`: the new data, or a delete when `data` is nullopt.
    /// Returns the committed change (its seq, new etag, data, author); nullopt when the
    /// collection does not exist or the transaction failed (then nothing changed).
    [[nodiscard]] std::optional<Change> write(const QString &collection, const QString &id,
                                              const std::optional<QJsonObject> &data,
                                              const QString &author);

    [[nodiscard]] Result changesSince(const QString &collection, qint64 since, int limit) const override;

    /// Runs `PRAGMA integrity_check`; true when SQLite answers "ok".
    [[nodiscard]] bool checkIntegrity() const;

private:
    struct CollectionState;
    [[nodiscard]] std::optional<CollectionState> collectionState(const QString &name) const;
    [[nodiscard]] bool writeRows(const Change &change, qint64 forgetUpTo);
    [[nodiscard]] bool begin(bool forWriting) const;
    [[nodiscard]] bool commit() const;
    void rollback() const;
    void setError(const QString &error) const;

    QString m_connectionName;
    qint64 m_retainChanges = 0;
    mutable QString m_errorString;
};

} // namespace Etagere
