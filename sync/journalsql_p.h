#pragma once

// The journal's SQL: its tables, statements and row conversions, shared by journal.cpp
// and journal_adoption.cpp. Private to the Journal.

#include "recordstate.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <QStringList>
#include <QVariantList>

#include <optional>

class QSqlError;

namespace Etagere::JournalSql {

/// Version 1 of the tables. `base` and `local` are JSON objects as compact text; a record
/// not yet on the server has uri and etag empty and base "{}".
extern const QStringList SchemaV1;
extern const QString PutRecord;
extern const QString SelectRecords;
/// What another run still has to send: the columns of SelectRecords, pending rows only.
extern const QString SelectPending;

[[nodiscard]] QString toText(const QJsonObject &object);
[[nodiscard]] std::optional<QJsonObject> objectFromText(const QString &text);
/// SQLite's own words when it gave some ("disk I/O error", "database or disk is full").
[[nodiscard]] QString describe(const QSqlError &error);
/// Runs one statement with positional bind values; false (and the error in *error) on failure.
[[nodiscard]] bool run(QSqlQuery &query, const QString &sql, const QVariantList &values, QString *error);
[[nodiscard]] std::optional<qint64> readNumber(QSqlQuery &query, const QString &sql, QString *error);
[[nodiscard]] bool putRecords(QSqlQuery &query, const QList<RecordState> &records, QString *error);
[[nodiscard]] bool removeRecords(QSqlQuery &query, const QString &collection, const QStringList &ids, QString *error);
[[nodiscard]] bool putLastSeq(QSqlQuery &query, const QString &collection, qint64 seq, QString *error);
/// One row of SelectRecords; nullopt when its JSON is damaged.
[[nodiscard]] std::optional<RecordState> recordFromRow(const QSqlQuery &query);

} // namespace Etagere::JournalSql
