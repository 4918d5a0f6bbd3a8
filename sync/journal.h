#pragma once

#include "memoryrecordstore.h"
#include "recordstore.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <memory>

class QLockFile;
class QSqlDatabase;

namespace Etagere {

/// A RecordStore kept in a SQLite file (Qt SQL, QSQLITE), so that the engine's state,
/// and above all the user's pending edits, survive a crash or a restart.
///
/// Durability: WAL with `synchronous=FULL`; each apply() and setCollections() is one
/// transaction, so after a crash either the whole batch is on disk or none of it. A write
/// returns only once committed: true means "on disk". A write that fails (disk full,
/// read-only file, damaged database) is rolled back, returns false with errorString(), and
/// changes nothing, in memory either.
///
/// Reads are served from an in-memory copy loaded by open() and updated after each
/// commit: records() costs what MemoryRecordStore's does.
///
/// One process at a time: open() takes a QLockFile (`<path>.lock`) and refuses a file
/// another process, or another Journal, holds. The lock of a process that died is taken
/// over, also one it left empty (killed while it made it) once it is a second old. The
/// file carries an application id and a schema version (PRAGMA user_version); a file of a
/// newer version is refused, not changed.
///
/// Each instance has its own named database connection, closed by close() and the
/// destructor. Not thread-safe: use from one thread.
class Journal : public RecordStore
{
    Q_DECLARE_TR_FUNCTIONS(Etagere::Journal) // its messages (errorString()) are for people

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

    /// Takes over the pending work of the other slots of this journal's path (the path given
    /// to openFreeSlot(), or to open() as slot 1) that no process holds: the edits a second
    /// window or an etagere-cli run queued and never sent. For each such file, its pending
    /// records (dirty, deleted locally, or never sent) are written here in one transaction,
    /// with the schemas of their collections this journal lacks; then the file (and its
    /// -wal, -shm and lock) is removed. Nothing else is taken: clean records and sequence
    /// numbers come from the server. A record this journal already holds in the same state
    /// is skipped, so adopting again after a crash between the write and the removal
    /// changes nothing. A file holding a different pending version of a record pending
    /// here, or that cannot be read, is left untouched and listed by keptJournals().
    /// Returns the number of records adopted, or -1 with errorString() when this journal
    /// could not be written (then no file was removed). Call before an engine uses it.
    [[nodiscard]] int adoptOrphanedSlots(int maxSlots = 8);
    /// The other slot files the last adoptOrphanedSlots() left in place (see there), each
    /// with its pending edits intact, for the application to tell the user.
    [[nodiscard]] QStringList keptJournals() const;

    [[nodiscard]] QList<CollectionSchema> collections() const override;
    [[nodiscard]] bool setCollections(const QList<CollectionSchema> &collections) override;

    [[nodiscard]] std::optional<RecordState> record(const QString &collection, const QString &id) const override;
    [[nodiscard]] QList<RecordState> records(const QString &collection) const override;
    [[nodiscard]] qint64 lastSeq(const QString &collection) const override;

    [[nodiscard]] bool apply(const StoreBatch &batch) override;

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
    void closeDatabase();
    // Adoption (journal_adoption.cpp, but for the two SQL ones).
    [[nodiscard]] bool readPending(QList<RecordState> *pending);
    [[nodiscard]] bool storeAdopted(const QList<RecordState> &records, const QList<CollectionSchema> &schemas);
    [[nodiscard]] int adoptSlot(const QString &path);
    [[nodiscard]] std::optional<QList<RecordState>> adoptable(const QList<RecordState> &pending,
                                                              const QString &path);
    [[nodiscard]] QList<CollectionSchema> missingSchemas(const Journal &other,
                                                         const QList<RecordState> &records) const;
    void keep(const QString &path, const QString &why);

    QString m_connectionName;
    QString m_path;
    QString m_basePath; ///< the path of slot 1
    int m_slot = 1;     ///< which slot of m_basePath m_path is
    QStringList m_keptJournals;
    QString m_errorString;
    std::unique_ptr<QLockFile> m_lock;
    bool m_lockedElsewhere = false;
    MemoryRecordStore m_cache; ///< what is committed on disk
};

} // namespace Etagere
