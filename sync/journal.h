#pragma once

#include "memoryrecordstore.h"
#include "recordstore.h"

#include <QString>

#include <memory>

class QLockFile;
class QSqlDatabase;

namespace Etagere {

/// A RecordStore kept in a SQLite file (Qt SQL, QSQLITE), so that the engine's state,
/// and above all the user's pending edits, survive a crash or a restart.
///
/// Durability: WAL with `synchronous=FULL`; each apply(), replaceCollection() and
/// setCollections() is one transaction, so after a crash either the whole batch is on
/// disk or none of it. A write returns only once committed: true means "on disk".
/// A write that fails (disk full, read-only file, damaged database) is rolled back,
/// returns false with errorString(), and changes nothing, in memory either.
///
/// Reads are served from an in-memory copy loaded by open() and updated after each
/// commit: records() costs what MemoryRecordStore's does.
///
/// One process at a time: open() takes a QLockFile (`<path>.lock`) and refuses a file
/// another process, or another Journal, holds. The file carries an application id and a
/// schema version (PRAGMA user_version); a file of a newer version is refused, not changed.
///
/// Each instance has its own named database connection, closed by close() and the
/// destructor. Not thread-safe: use from one thread.
class Journal : public RecordStore
{
public:
    /// Version of the tables this code writes and reads (PRAGMA user_version).
    static constexpr int SchemaVersion = 1;
    /// PRAGMA application_id of a journal: "ETgJ".
    static constexpr int ApplicationId = 0x4554674a;

    Journal();
    ~Journal() override;
    Journal(const Journal &) = delete;
    Journal &operator=(const Journal &) = delete;

    /// Opens (creating it and its directory when absent) the journal at `path` and loads
    /// it. False, with errorString(), when the file is locked by another process or
    /// instance, cannot be read or written, is not an Etagere journal, or was written by
    /// a newer version; then the journal stays closed and the file is not modified.
    [[nodiscard]] bool open(const QString &path);
    /// open(JournalLocation::slotPath(path, n)) for n = 1, 2, ... maxSlots: the first
    /// journal of that server and user no other process holds. False with errorString()
    /// on any failure other than "held elsewhere", or when all slots are held.
    [[nodiscard]] bool openFreeSlot(const QString &path, int maxSlots = 8);
    /// Closes the database and releases the lock; the content read stays empty. Idempotent.
    void close();
    [[nodiscard]] bool isOpen() const;
    /// The file opened last (empty before the first open()).
    [[nodiscard]] QString path() const;
    /// After a failed open(): true when it failed because another process or instance
    /// holds the file (then another file may be tried), false for any other reason.
    [[nodiscard]] bool isLockedElsewhere() const;

    [[nodiscard]] QList<CollectionSchema> collections() const override;
    [[nodiscard]] bool setCollections(const QList<CollectionSchema> &collections) override;

    [[nodiscard]] std::optional<RecordState> record(const QString &collection, const QString &id) const override;
    [[nodiscard]] QList<RecordState> records(const QString &collection) const override;
    [[nodiscard]] qint64 lastSeq(const QString &collection) const override;

    [[nodiscard]] bool apply(const StoreBatch &batch) override;
    [[nodiscard]] bool replaceCollection(const QString &collection, const QList<RecordState> &records,
                                         qint64 lastSeq) override;

    [[nodiscard]] QString errorString() const override;

private:
    [[nodiscard]] QSqlDatabase database() const;
    [[nodiscard]] bool lock();
    [[nodiscard]] bool openDatabase();
    [[nodiscard]] bool checkFormat(int *version);
    [[nodiscard]] bool configure();
    [[nodiscard]] bool createSchema(int version);
    [[nodiscard]] bool load();
    [[nodiscard]] bool loadCollections();
    [[nodiscard]] bool loadRecords();
    [[nodiscard]] bool fail(const QString &message);
    [[nodiscard]] bool begin();
    [[nodiscard]] bool commit();
    [[nodiscard]] bool rollback(const QString &message);

    QString m_connectionName;
    QString m_path;
    QString m_errorString;
    std::unique_ptr<QLockFile> m_lock;
    bool m_lockedElsewhere = false;
    MemoryRecordStore m_cache; ///< what is committed on disk
};

} // namespace Etagere
