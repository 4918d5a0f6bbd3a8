#include "databaseschema.h"

#include "sql_p.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Etagere::DatabaseSchema {

namespace {

// Version 1. Records keep a row after a delete (data NULL, a tombstone) so a deleted id
// can be told from one that never existed.
const QStringList SchemaV1 = {
    uR"(CREATE TABLE collections (
        name TEXT PRIMARY KEY NOT NULL,
        title TEXT NOT NULL,
        fields TEXT NOT NULL,
        seq INTEGER NOT NULL DEFAULT 0,
        forgotten INTEGER NOT NULL DEFAULT 0))"_s,
    uR"(CREATE TABLE records (
        collection TEXT NOT NULL REFERENCES collections(name),
        id TEXT NOT NULL,
        etag TEXT NOT NULL,
        seq INTEGER NOT NULL,
        data TEXT,
        author TEXT NOT NULL,
        PRIMARY KEY (collection, id)) WITHOUT ROWID)"_s,
    uR"(CREATE TABLE changes (
        collection TEXT NOT NULL REFERENCES collections(name),
        seq INTEGER NOT NULL,
        id TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('put', 'delete')),
        etag TEXT NOT NULL,
        data TEXT,
        author TEXT NOT NULL,
        PRIMARY KEY (collection, seq)) WITHOUT ROWID)"_s,
};

// Version 2: accounts. `password` is a libsodium Argon2id string, NULL for a user that
// cannot log in with a password (the local user). A grant may name a collection that does
// not exist yet, so it has no foreign key to `collections`. Sessions are stored by the
// SHA-256 of their token (hex), never the token. `auth_state.epoch` grows by one in every
// transaction that changes users, grants or sessions.
const QStringList SchemaV2 = {
    uR"(CREATE TABLE users (
        name TEXT PRIMARY KEY NOT NULL,
        password TEXT,
        server_admin INTEGER NOT NULL DEFAULT 0 CHECK (server_admin IN (0, 1))))"_s,
    uR"(CREATE TABLE grants (
        user TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
        collection TEXT NOT NULL,
        level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
        PRIMARY KEY (user, collection)) WITHOUT ROWID)"_s,
    uR"(CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY NOT NULL,
        user TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
        expires INTEGER NOT NULL,
        local INTEGER NOT NULL DEFAULT 0 CHECK (local IN (0, 1))) WITHOUT ROWID)"_s,
    u"CREATE INDEX sessions_by_user ON sessions (user)"_s,
    uR"(CREATE TABLE auth_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        epoch INTEGER NOT NULL))"_s,
    u"INSERT INTO auth_state (id, epoch) VALUES (1, 0)"_s,
};

// The statements that take a database from `version` to CurrentVersion.
QStringList stepsFrom(int version)
{
    QStringList statements;
    if (version < 1)
        statements += SchemaV1;
    if (version < 2)
        statements += SchemaV2;
    statements.append(u"PRAGMA user_version=%1"_s.arg(CurrentVersion));
    return statements;
}

bool readVersion(QSqlQuery &query, int *version, QString *error)
{
    if (!Sql::run(query, u"PRAGMA user_version"_s, {}, error) || !query.next()) {
        *error = u"cannot read the database version: "_s + *error;
        return false;
    }
    *version = query.value(0).toInt();
    query.finish();
    if (*version > CurrentVersion) {
        *error = u"the database has version %1, newer than this server's %2"_s.arg(*version).arg(CurrentVersion);
        return false;
    }
    return true;
}

} // namespace

bool configure(const QSqlDatabase &db, QString *error)
{
    QSqlQuery query(db);
    if (!Sql::run(query, u"PRAGMA journal_mode=WAL"_s, {}, error) || !query.next()
        || query.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0) {
        *error = u"cannot switch the database to WAL mode: "_s + *error;
        return false;
    }
    if (!Sql::run(query, u"PRAGMA synchronous=FULL"_s, {}, error)
        || !Sql::run(query, u"PRAGMA foreign_keys=ON"_s, {}, error)) {
        *error = u"cannot configure the database: "_s + *error;
        return false;
    }
    return true;
}

bool migrate(const QSqlDatabase &db, QString *error)
{
    QSqlQuery query(db);
    int version = 0;
    if (!readVersion(query, &version, error))
        return false;
    if (version == CurrentVersion)
        return true;
    if (!Sql::run(query, u"BEGIN IMMEDIATE"_s, {}, error)) {
        *error = u"cannot begin a transaction: "_s + *error;
        return false;
    }
    // Read again under the write lock: another process may have migrated meanwhile.
    bool ok = readVersion(query, &version, error);
    const QStringList statements = version == CurrentVersion ? QStringList() : stepsFrom(version);
    for (const QString &sql : statements) {
        if (ok && !Sql::run(query, sql, {}, error)) {
            *error = u"cannot create the database schema: "_s + *error;
            ok = false;
        }
    }
    QString ignored;
    if (!ok || !Sql::run(query, u"COMMIT"_s, {}, error)) {
        [[maybe_unused]] const bool rolledBack = Sql::run(query, u"ROLLBACK"_s, {}, &ignored);
        return false;
    }
    return true;
}

bool open(const QString &connectionName, const QString &path, QString *error)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (!db.open())
            *error = u"cannot open %1: %2"_s.arg(path, db.lastError().text());
        else if (configure(db, error) && migrate(db, error))
            return true;
    }
    close(connectionName);
    return false;
}

void close(const QString &connectionName)
{
    if (!QSqlDatabase::contains(connectionName))
        return;
    QSqlDatabase::database(connectionName, false).close();
    QSqlDatabase::removeDatabase(connectionName);
}

} // namespace Etagere::DatabaseSchema
