// The journal's SQL: see journalsql_p.h.

#include "journalsql_p.h"

#include "wirecodec.h"

#include <QSqlError>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Etagere::JournalSql {

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

} // namespace Etagere::JournalSql
