#include "journal.h"

#include "journallocation.h"

#include "synclogging_p.h"
#include "wirecodec.h"

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

namespace {

// Version 1 of the journal. `base` and `local` are JSON objects as compact text; a record
// not yet on the server has uri and etag empty and base "{}".
const QStringList SchemaV1 = {
    uR"(CREATE TABLE collections (
        name TEXT PRIMARY KEY NOT NULL,
        schema TEXT NOT NULL) WITHOUT ROWID)"_s,
    uR"(CREATE TABLE records (
        collection TEXT NOT NULL,
        id TEXT NOT NULL,
        uri TEXT NOT NULL,
        etag TEXT NOT NULL,
        dirty INTEGER NOT NULL CHECK (dirty IN (0, 1)),
        deleted_locally INTEGER NOT NULL CHECK (deleted_locally IN (0, 1)),
        base TEXT NOT NULL,
        local TEXT NOT NULL,
        author TEXT NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (collection, id)) WITHOUT ROWID)"_s,
    uR"(CREATE TABLE sequences (
        collection TEXT PRIMARY KEY NOT NULL,
        last_seq INTEGER NOT NULL) WITHOUT ROWID)"_s,
};

const QString PutRecord = u"INSERT OR REPLACE INTO records (collection, id, uri, etag, dirty, deleted_locally, "
                          "base, local, author, seq) VALUES (?, ?, coalesce(?, ''), coalesce(?, ''), ?, ?, ?, ?, "
                          "coalesce(?, ''), ?)"_s; // a null QString binds as NULL
const QString SelectRecords = u"SELECT collection, id, uri, etag, dirty, deleted_locally, base, local, author, seq "
                              "FROM records ORDER BY collection, id"_s;
// What another run still has to send: the columns of SelectRecords, pending rows only.
const QString SelectPending = u"SELECT collection, id, uri, etag, dirty, deleted_locally, base, local, author, seq "
                              "FROM records WHERE dirty = 1 OR deleted_locally = 1 OR uri = '' "
                              "ORDER BY collection, id"_s;

QString toText(const QJsonObject &object)
{
    return QString::fromUtf8(WireCodec::encode(object, WireFormat::Json));
}

// Through WireCodec, not QJsonDocument: Qt 6.4 drops a U+FEFF that starts a string.
std::optional<QJsonObject> objectFromText(const QString &text)
{
    const DecodeResult decoded = WireCodec::decode(text.toUtf8(), WireFormat::Json);
    if (!decoded.isValid() || !decoded.value.isObject())
        return std::nullopt;
    return decoded.value.toObject();
}

// SQLite's own words when it gave some ("disk I/O error", "database or disk is full").
QString describe(const QSqlError &error)
{
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

// Runs one statement with positional bind values; false (and the error in *error) on failure.
bool run(QSqlQuery &query, const QString &sql, const QVariantList &values, QString *error)
{
    if (!query.prepare(sql)) {
        *error = describe(query.lastError());
        return false;
    }
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        *error = describe(query.lastError());
        return false;
    }
    return true;
}

// Runs `sql` and reads the single integer it answers.
std::optional<qint64> readNumber(QSqlQuery &query, const QString &sql, QString *error)
{
    if (!run(query, sql, {}, error))
        return std::nullopt;
    if (!query.next()) {
        *error = u"no answer to "_s + sql;
        return std::nullopt;
    }
    const qint64 value = query.value(0).toLongLong();
    query.finish();
    return value;
}

bool putRecords(QSqlQuery &query, const QList<RecordState> &records, QString *error)
{
    if (records.isEmpty())
        return true;
    if (!query.prepare(PutRecord)) {
        *error = describe(query.lastError());
        return false;
    }
    for (const RecordState &state : records) {
        const QVariantList values = {state.collection, state.id,     state.uri,           state.etag,
                                     int(state.dirty), int(state.deletedLocally), toText(state.base),
                                     toText(state.local), state.author, state.seq};
        for (int i = 0; i < values.size(); ++i)
            query.bindValue(i, values.at(i));
        if (!query.exec()) {
            *error = describe(query.lastError());
            return false;
        }
    }
    return true;
}

bool removeRecords(QSqlQuery &query, const QString &collection, const QStringList &ids, QString *error)
{
    for (const QString &id : ids) {
        if (!run(query, u"DELETE FROM records WHERE collection = ? AND id = ?"_s, {collection, id}, error))
            return false;
    }
    return true;
}

bool putLastSeq(QSqlQuery &query, const QString &collection, qint64 seq, QString *error)
{
    return run(query, u"INSERT OR REPLACE INTO sequences (collection, last_seq) VALUES (?, ?)"_s, {collection, seq},
               error);
}

// One row of SelectRecords; nullopt when its JSON is damaged.
std::optional<RecordState> recordFromRow(const QSqlQuery &query)
{
    const std::optional<QJsonObject> base = objectFromText(query.value(6).toString());
    const std::optional<QJsonObject> local = objectFromText(query.value(7).toString());
    if (!base || !local)
        return std::nullopt;
    RecordState state;
    state.collection = query.value(0).toString();
    state.id = query.value(1).toString();
    state.uri = query.value(2).toString();
    state.etag = query.value(3).toString();
    state.dirty = query.value(4).toInt() != 0;
    state.deletedLocally = query.value(5).toInt() != 0;
    state.base = *base;
    state.local = *local;
    state.author = query.value(8).toString();
    state.seq = query.value(9).toLongLong();
    return state;
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
    return fail(u"all %1 journals of %2 are in use by other programs"_s.arg(maxSlots).arg(path));
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
        return fail(u"cannot create the directory %1"_s.arg(file.absolutePath()));
    m_lock = std::make_unique<QLockFile>(m_path + u".lock"_s);
    // Held for the application's life: only the lock of an owner that is gone is stale.
    m_lock->setStaleLockTime(0);
    if (m_lock->tryLock(0))
        return true;
    const QLockFile::LockError error = m_lock->error();
    qint64 pid = 0;
    QString host;
    QString application;
    const bool known = m_lock->getLockInfo(&pid, &host, &application);
    m_lock.reset();
    m_lockedElsewhere = error == QLockFile::LockFailedError;
    if (error == QLockFile::LockFailedError && known)
        return fail(u"the journal %1 is in use by another program (%2, process %3 on %4)"_s.arg(
            m_path, application.isEmpty() ? u"unknown"_s : application, QString::number(pid), host));
    if (error == QLockFile::LockFailedError)
        return fail(u"the journal %1 is in use by another program"_s.arg(m_path));
    return fail(u"cannot create the lock file %1.lock (permission denied or no space)"_s.arg(m_path));
}

bool Journal::openDatabase()
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    db.setDatabaseName(m_path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=1000"_s);
    if (!db.open())
        return fail(u"cannot open the journal %1: %2"_s.arg(m_path, describe(db.lastError())));
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
        return fail(u"%1 is not an Etagere journal, or it is damaged: %2"_s.arg(m_path, error));
    if (*id == 0 && *found == 0 && *tables == 0) { // a new, empty file
        *version = 0;
        return true;
    }
    if (*id != ApplicationId || *found < 1)
        return fail(u"%1 is not an Etagere journal"_s.arg(m_path));
    if (*found > SchemaVersion)
        return fail(u"the journal %1 was written by a newer version of Etagere (journal version %2; this "
                    "version reads up to %3)"_s.arg(m_path).arg(*found).arg(SchemaVersion));
    *version = int(*found);
    return true;
}

bool Journal::configure()
{
    QSqlQuery query(database());
    QString error;
    if (!run(query, u"PRAGMA journal_mode=WAL"_s, {}, &error) || !query.next()
        || query.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0)
        return fail(u"cannot switch the journal %1 to WAL mode: %2"_s.arg(m_path, error));
    query.finish();
    if (!run(query, u"PRAGMA synchronous=FULL"_s, {}, &error))
        return fail(u"cannot configure the journal %1: %2"_s.arg(m_path, error));
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
            return rollback(u"cannot create the journal's tables: "_s + error);
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
        return fail(u"cannot read the journal %1: %2"_s.arg(m_path, error));
    QList<CollectionSchema> collections;
    while (query.next()) {
        const std::optional<QJsonObject> json = objectFromText(query.value(1).toString());
        const auto schema = json ? CollectionSchema::fromJson(*json, &error, query.value(0).toString()) : std::nullopt;
        if (!schema)
            return fail(u"the journal %1 is damaged: bad schema of %2"_s.arg(m_path, query.value(0).toString()));
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
        return fail(u"cannot read the journal %1: %2"_s.arg(m_path, error));
    while (query.next()) {
        std::optional<RecordState> state = recordFromRow(query);
        if (!state)
            return fail(u"the journal %1 is damaged: bad data in record %2"_s.arg(m_path, query.value(1).toString()));
        records[state->collection].append(std::move(*state));
    }
    QHash<QString, qint64> numbers;
    if (!run(query, u"SELECT collection, last_seq FROM sequences"_s, {}, &error))
        return fail(u"cannot read the journal %1: %2"_s.arg(m_path, error));
    while (query.next())
        numbers.insert(query.value(0).toString(), query.value(1).toLongLong());
    QSet<QString> names(records.keyBegin(), records.keyEnd());
    names.unite(QSet<QString>(numbers.keyBegin(), numbers.keyEnd()));
    for (const QString &name : std::as_const(names)) {
        if (!m_cache.replaceCollection(name, records.value(name), numbers.value(name, 0)))
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
        return rollback(u"cannot store the collections: "_s + error);
    for (const CollectionSchema &schema : collections) {
        if (!run(query, u"INSERT INTO collections (name, schema) VALUES (?, ?)"_s,
                 {schema.name, toText(schema.toJson())}, &error))
            return rollback(u"cannot store the collection %1: %2"_s.arg(schema.name, error));
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
        return rollback(u"cannot store a change of %1: %2"_s.arg(batch.collection, error));
    return commit() && m_cache.apply(batch);
}

bool Journal::replaceCollection(const QString &collection, const QList<RecordState> &records, qint64 lastSeq)
{
    if (!begin())
        return false;
    QSqlQuery query(database());
    QString error;
    if (!run(query, u"DELETE FROM records WHERE collection = ?"_s, {collection}, &error)
        || !putRecords(query, records, &error) || !putLastSeq(query, collection, lastSeq, &error))
        return rollback(u"cannot store the records of %1: %2"_s.arg(collection, error));
    return commit() && m_cache.replaceCollection(collection, records, lastSeq);
}

// --- adoption of other slots' pending records (the rest in journal_adoption.cpp) ----------

bool Journal::readPending(QList<RecordState> *pending)
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    QString error;
    if (!run(query, SelectPending, {}, &error))
        return fail(u"cannot read the journal %1: %2"_s.arg(m_path, error));
    while (query.next()) {
        std::optional<RecordState> state = recordFromRow(query);
        if (!state)
            return fail(u"the journal %1 is damaged: bad data in record %2"_s.arg(m_path, query.value(1).toString()));
        pending->append(std::move(*state));
    }
    return true;
}

bool Journal::storeAdopted(const QList<RecordState> &records, const QList<CollectionSchema> &schemas)
{
    if (!begin())
        return false;
    QSqlQuery query(database());
    QString error;
    for (const CollectionSchema &schema : schemas) {
        if (!run(query, u"INSERT OR IGNORE INTO collections (name, schema) VALUES (?, ?)"_s,
                 {schema.name, toText(schema.toJson())}, &error))
            return rollback(u"cannot store the collection %1: %2"_s.arg(schema.name, error));
    }
    if (!putRecords(query, records, &error))
        return rollback(u"cannot store the adopted edits: "_s + error);
    if (!commit())
        return false;
    QList<CollectionSchema> collections = m_cache.collections();
    collections.append(schemas);
    bool cached = m_cache.setCollections(collections);
    for (const RecordState &state : records)
        cached = m_cache.apply(StoreBatch{state.collection, {state}, {}, std::nullopt}) && cached;
    return cached;
}

// --- transactions ---------------------------------------------------------------------------

bool Journal::fail(const QString &message)
{
    m_errorString = message;
    qCWarning(lcSync).noquote() << "journal:" << message;
    return false;
}

bool Journal::begin()
{
    if (!isOpen())
        return fail(u"the journal is not open"_s);
    QSqlQuery query(database());
    QString error;
    if (!run(query, u"BEGIN IMMEDIATE"_s, {}, &error))
        return fail(u"cannot write to the journal %1: %2"_s.arg(m_path, error));
    return true;
}

bool Journal::commit()
{
    QSqlQuery query(database());
    QString error;
    if (!run(query, u"COMMIT"_s, {}, &error))
        return rollback(u"cannot commit to the journal %1: %2"_s.arg(m_path, error));
    return true;
}

bool Journal::rollback(const QString &message)
{
    QSqlQuery query(database());
    QString ignored;
    run(query, u"ROLLBACK"_s, {}, &ignored); // fails harmlessly when SQLite already rolled back
    return fail(message);
}

} // namespace Etagere
