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

} // namespace Etagere::DatabaseSchema
