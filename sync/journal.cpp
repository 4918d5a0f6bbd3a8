#include "journal.h"

#include "journallocation.h"

#include "journalsql_p.h"
#include "synclogging_p.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QLockFile>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Etagere {

using namespace JournalSql;

namespace {

/// A lock file younger than this may be one another process is writing right now.
constexpr qint64 HalfWrittenLockAgeMs = 1000;

/// QLockFile takes a lock file it cannot read (a process killed between creating it and
/// writing its pid: empty, or cut short) as held forever when, as here, locks never go
/// stale by age. Such a file is removed once it is old enough not to be in the making and
/// no process holds its native lock (which the kernel released with its owner).
bool removeHalfWrittenLock(QLockFile &lock)
{
    qint64 pid = 0;
    QString host;
    QString application;
    if (lock.error() != QLockFile::LockFailedError || lock.getLockInfo(&pid, &host, &application))
        return false;
    const QFileInfo file(lock.fileName());
    if (!file.exists() || file.lastModified().msecsTo(QDateTime::currentDateTime()) < HalfWrittenLockAgeMs)
        return false;
    if (!lock.removeStaleLockFile())
        return false;
    qCWarning(lcSync).noquote() << "journal: removed the unreadable lock file" << file.filePath();
    return true;
}

} // namespace


Journal::Journal()
    : m_connectionName(u"etagere-journal-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

Journal::~Journal()
{
    close();
}

// --- opening ---------------------------------------------------------------------------

bool Journal::open(const QString &path)
{
    close();
    m_errorString.clear();
    m_lockedElsewhere = false;
    m_path = path;
    m_basePath = path;
    m_slot = 1;
    int version = 0;
    if (!lock() || !openDatabase() || !checkFormat(&version) || !configure() || !createSchema(version) || !load()) {
        const QString error = m_errorString;
        close();
        m_errorString = error;
        return false;
    }
    qCInfo(lcSync).noquote() << "journal" << path << "open";
    return true;
}

void Journal::close()
{
    closeDatabase();
    m_lock.reset(); // unlocks
}

// Closes the connection (SQLite checkpoints and removes the -wal) but keeps the lock.
void Journal::closeDatabase()
{
    if (QSqlDatabase::contains(m_connectionName)) {
        database().close();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    m_cache = MemoryRecordStore();
}

bool Journal::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && database().isOpen();
}

QSqlDatabase Journal::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

QString Journal::path() const
{
    return m_path;
}

bool Journal::openFreeSlot(const QString &path, int maxSlots)
{
    for (int slot = 1; slot <= maxSlots; ++slot) {
        if (open(JournalLocation::slotPath(path, slot))) {
            m_basePath = path;
            m_slot = slot;
            return true;
        }
        if (!isLockedElsewhere())
            return false;
    }
    return fail(Journal::tr("all %1 journals of %2 are in use by other programs").arg(maxSlots).arg(path));
}

bool Journal::isLockedElsewhere() const
{
    return m_lockedElsewhere;
}

QString Journal::errorString() const
{
    return m_errorString;
}

bool Journal::lock()
{
    const QFileInfo file(m_path);
    if (!QDir().mkpath(file.absolutePath()))
        return fail(Journal::tr("cannot create the directory %1").arg(file.absolutePath()));
    m_lock = std::make_unique<QLockFile>(m_path + u".lock"_s);
    // Held for the application's life: only the lock of an owner that is gone is stale.
    m_lock->setStaleLockTime(0);
    if (m_lock->tryLock(0) || (removeHalfWrittenLock(*m_lock) && m_lock->tryLock(0)))
        return true;
    const QLockFile::LockError error = m_lock->error();
    qint64 pid = 0;
    QString host;
    QString application;
    const bool known = m_lock->getLockInfo(&pid, &host, &application);
    m_lock.reset();
    m_lockedElsewhere = error == QLockFile::LockFailedError;
    if (error == QLockFile::LockFailedError && known)
        return fail(Journal::tr("the journal %1 is in use by another program (%2, process %3 on %4)").arg(
            m_path, application.isEmpty() ? Journal::tr("unknown") : application, QString::number(pid), host));
    if (error == QLockFile::LockFailedError)
        return fail(Journal::tr("the journal %1 is in use by another program").arg(m_path));
    return fail(Journal::tr("cannot create the lock file %1.lock (permission denied or no space)").arg(m_path));
}

bool Journal::openDatabase()
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    db.setDatabaseName(m_path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=1000"_s);
    if (!db.open())
        return fail(Journal::tr("cannot open the journal %1: %2").arg(m_path, describe(db.lastError())));
    return true;
}

bool Journal::checkFormat(int *version)
{
    // Read only: a file that is not ours, or is newer, must be left as it is.
    QSqlQuery query(database());
    QString error;
    const std::optional<qint64> id = readNumber(query, u"PRAGMA application_id"_s, &error);
    const std::optional<qint64> found = id ? readNumber(query, u"PRAGMA user_version"_s, &error) : std::nullopt;
    const std::optional<qint64> tables =
        found ? readNumber(query, u"SELECT count(*) FROM sqlite_master"_s, &error) : std::nullopt;
    if (!tables)
        return fail(Journal::tr("%1 is not an Etagere journal, or it is damaged: %2").arg(m_path, error));
    if (*id == 0 && *found == 0 && *tables == 0) { // a new, empty file
        *version = 0;
        return true;
    }
    if (*id != ApplicationId || *found < 1)
        return fail(Journal::tr("%1 is not an Etagere journal").arg(m_path));
    if (*found > SchemaVersion)
        return fail(Journal::tr("the journal %1 was written by a newer version of Etagere (journal version %2; this "
                             "version reads up to %3)").arg(m_path).arg(*found).arg(SchemaVersion));
    *version = int(*found);
    return true;
}

bool Journal::configure()
{
    QSqlQuery query(database());
    QString error;
    if (!run(query, u"PRAGMA journal_mode=WAL"_s, {}, &error) || !query.next()
        || query.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0)
        return fail(Journal::tr("cannot switch the journal %1 to WAL mode: %2").arg(m_path, error));
    query.finish();
    if (!run(query, u"PRAGMA synchronous=FULL"_s, {}, &error))
        return fail(Journal::tr("cannot configure the journal %1: %2").arg(m_path, error));
    return true;
}

bool Journal::createSchema(int version)
{
    if (version == SchemaVersion)
        return true;
    Q_ASSERT(version == 0); // migrations from older versions go here
    if (!begin())
        return false;
    QSqlQuery query(database());
    QString error;
    QStringList statements = SchemaV1;
    statements.append(u"PRAGMA application_id=%1"_s.arg(ApplicationId));
    statements.append(u"PRAGMA user_version=%1"_s.arg(SchemaVersion));
    for (const QString &sql : std::as_const(statements)) {
        if (!run(query, sql, {}, &error))
            return rollback(Journal::tr("cannot create the journal's tables: %1").arg(error));
    }
    return commit();
}

bool Journal::load()
{
    m_cache = MemoryRecordStore();
    if (loadCollections() && loadRecords())
        return true;
    m_cache = MemoryRecordStore();
    return false;
}

bool Journal::loadCollections()
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    QString error;
    if (!run(query, u"SELECT name, schema FROM collections ORDER BY name"_s, {}, &error))
        return fail(Journal::tr("cannot read the journal %1: %2").arg(m_path, error));
    QList<CollectionSchema> collections;
    while (query.next()) {
        const std::optional<QJsonObject> json = objectFromText(query.value(1).toString());
        const auto schema = json ? CollectionSchema::fromJson(*json, &error, query.value(0).toString()) : std::nullopt;
        if (!schema)
            return fail(Journal::tr("the journal %1 is damaged: bad schema of %2").arg(m_path, query.value(0).toString()));
        collections.append(*schema);
    }
    return m_cache.setCollections(collections);
}

bool Journal::loadRecords()
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    QString error;
    QHash<QString, QList<RecordState>> records;
    if (!run(query, SelectRecords, {}, &error))
        return fail(Journal::tr("cannot read the journal %1: %2").arg(m_path, error));
    while (query.next()) {
        std::optional<RecordState> state = recordFromRow(query);
        if (!state)
            return fail(Journal::tr("the journal %1 is damaged: bad data in record %2").arg(m_path, query.value(1).toString()));
        records[state->collection].append(std::move(*state));
    }
    QHash<QString, qint64> numbers;
    if (!run(query, u"SELECT collection, last_seq FROM sequences"_s, {}, &error))
        return fail(Journal::tr("cannot read the journal %1: %2").arg(m_path, error));
    while (query.next())
        numbers.insert(query.value(0).toString(), query.value(1).toLongLong());
    QSet<QString> names(records.keyBegin(), records.keyEnd());
    names.unite(QSet<QString>(numbers.keyBegin(), numbers.keyEnd()));
    for (const QString &name : std::as_const(names)) {
        if (!m_cache.apply(StoreBatch{name, records.value(name), {}, numbers.value(name, 0)}))
            return false; // cannot happen: the cache is in memory
    }
    return true;
}

// --- reads (from the cache) ---------------------------------------------------------------

QList<CollectionSchema> Journal::collections() const
{
    return m_cache.collections();
}

std::optional<RecordState> Journal::record(const QString &collection, const QString &id) const
{
    return m_cache.record(collection, id);
}

QList<RecordState> Journal::records(const QString &collection) const
{
    return m_cache.records(collection);
}

qint64 Journal::lastSeq(const QString &collection) const
{
    return m_cache.lastSeq(collection);
}

// --- writes: one transaction each, the cache follows only what was committed ---------------

bool Journal::setCollections(const QList<CollectionSchema> &collections)
{
    if (!begin())
        return false;
    QSqlQuery query(database());
    QString error;
    if (!run(query, u"DELETE FROM collections"_s, {}, &error))
        return rollback(Journal::tr("cannot store the collections: %1").arg(error));
    for (const CollectionSchema &schema : collections) {
        if (!run(query, u"INSERT INTO collections (name, schema) VALUES (?, ?)"_s,
                 {schema.name, toText(schema.toJson())}, &error))
            return rollback(Journal::tr("cannot store the collection %1: %2").arg(schema.name, error));
    }
    return commit() && m_cache.setCollections(collections);
}

bool Journal::apply(const StoreBatch &batch)
{
    if (!begin())
        return false;
    QSqlQuery query(database());
    QString error;
    if (!putRecords(query, batch.puts, &error) || !removeRecords(query, batch.collection, batch.removals, &error)
        || (batch.lastSeq && !putLastSeq(query, batch.collection, *batch.lastSeq, &error)))
        return rollback(Journal::tr("cannot store a change of %1: %2").arg(batch.collection, error));
    return commit() && m_cache.apply(batch);
}

// --- adoption of other slots' pending records (the rest in journal_adoption.cpp) ----------

bool Journal::fail(const QString &message)
{
    m_errorString = message;
    qCWarning(lcSync).noquote() << "journal:" << message;
    return false;
}

bool Journal::begin()
{
    if (!isOpen())
        return fail(Journal::tr("the journal is not open"));
    QSqlQuery query(database());
    QString error;
    if (!run(query, u"BEGIN IMMEDIATE"_s, {}, &error))
        return fail(Journal::tr("cannot write to the journal %1: %2").arg(m_path, error));
    return true;
}

bool Journal::commit()
{
    QSqlQuery query(database());
    QString error;
    if (!run(query, u"COMMIT"_s, {}, &error))
        return rollback(Journal::tr("cannot commit to the journal %1: %2").arg(m_path, error));
    return true;
}

bool Journal::rollback(const QString &message)
{
    QSqlQuery query(database());
    QString ignored;
    [[maybe_unused]] const bool rolledBack = run(query, u"ROLLBACK"_s, {}, &ignored); // fails harmlessly when SQLite already rolled back
    return fail(message);
}

} // namespace Etagere
