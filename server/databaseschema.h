#pragma once

#include <QString>

QT_BEGIN_NAMESPACE
class QSqlDatabase;
QT_END_NAMESPACE

namespace Etagere::DatabaseSchema {

/// The version of the server's database this build writes (`PRAGMA user_version`).
/// 1: collections, records, changes. 2: users, grants, sessions and the auth epoch.
constexpr int CurrentVersion = 2;

/// Sets WAL mode, `synchronous=FULL` and foreign keys on a freshly opened connection.
[[nodiscard]] bool configure(const QSqlDatabase &db, QString *error);

/// Brings the database to CurrentVersion in one transaction (BEGIN IMMEDIATE, so two
/// processes opening the same new file do not both create it). Safe to call on a database
/// that is already current. False with *error when the database is newer than this build
/// or a statement fails; then nothing changed.
[[nodiscard]] bool migrate(const QSqlDatabase &db, QString *error);

/// Opens the database file `path` as the Qt SQL connection `connectionName` (QSQLITE, 5 s
/// busy timeout), then configure() and migrate(). On failure *error says why and the
/// connection is removed again.
[[nodiscard]] bool open(const QString &connectionName, const QString &path, QString *error);
/// Closes and removes the connection `connectionName`; nothing when there is none.
void close(const QString &connectionName);

} // namespace Etagere::DatabaseSchema
