#include "storage.h"

#include "databaseschema.h"
#include "logging.h"
#include "sql_p.h"
#include "wirecodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Etagere {

using Sql::run;

namespace {

QString toText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

/// Stored JSON is read with WireCodec, not QJsonDocument: Qt 6.4's parser alone drops U+FEFF
/// at the start of a string, which would change what was stored.
QJsonValue valueFromText(const QVariant &text)
{
    return WireCodec::decode(text.toString().toUtf8(), WireFormat::Json).value;
}

QJsonObject objectFromText(const QVariant &text)
{
    return valueFromText(text).toObject();
}

QString newEtag(qint64 seq)
{
    const quint64 random = QRandomGenerator::global()->generate64();
    return u"\"%1-%2\""_s.arg(seq).arg(random, 16, 16, QLatin1Char('0'));
}

} // namespace

struct Storage::CollectionState
{
    qint64 seq = 0;
    qint64 forgotten = 0;
};

Storage::Storage()
    : m_connectionName(u"etagere-storage-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

Storage::~Storage()
{
    close();
}

bool Storage::open(const QString &databasePath)
{
    close();
    QString error;
    if (DatabaseSchema::open(m_connectionName, databasePath, &error))
        return true;
    setError(error);
    return false;
}

void Storage::close()
{
    DatabaseSchema::close(m_connectionName);
}

bool Storage::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName)
           && QSqlDatabase::database(m_connectionName, false).isOpen();
}

QString Storage::errorString() const
{
    return m_errorString;
}

void Storage::setRetainChanges(qint64 count)
{
    Q_ASSERT(count >= 0);
    m_retainChanges = count;
}

void Storage::setError(const QString &error) const
{
    m_errorString = error;
    qCWarning(lcServer).noquote() << "storage:" << error;
}

bool Storage::begin(bool forWriting) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    QString error;
    if (!run(query, forWriting ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s, {}, &error)) {
        setError(u"cannot begin a transaction: "_s + error);
        return false;
    }
    return true;
}

bool Storage::commit() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    QString error;
    if (!run(query, u"COMMIT"_s, {}, &error)) {
        setError(u"cannot commit: "_s + error);
        rollback();
        return false;
    }
    return true;
}

void Storage::rollback() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    QString error;
    if (!run(query, u"ROLLBACK"_s, {}, &error))
        qCWarning(lcServer).noquote() << "storage: rollback failed:" << error;
}

QList<CollectionSchema> Storage::collections() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    QString error;
    QList<CollectionSchema> result;
    if (!run(query, u"SELECT name FROM collections ORDER BY name"_s, {}, &error)) {
        setError(u"cannot list collections: "_s + error);
        return result;
    }
    QStringList names;
    while (query.next())
        names.append(query.value(0).toString());
    for (const QString &name : std::as_const(names)) {
        if (auto schema = collection(name))
            result.append(*schema);
    }
    return result;
}

std::optional<CollectionSchema> Storage::collection(const QString &name) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    QString error;
    if (!run(query, u"SELECT title, fields, seq FROM collections WHERE name = ?"_s, {name}, &error)) {
        setError(u"cannot read collection %1: %2"_s.arg(name, error));
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    QJsonObject json{{u"title"_s, query.value(0).toString()},
                     {u"fields"_s, valueFromText(query.value(1)).toArray()}};
    auto schema = CollectionSchema::fromJson(json, &error, name);
    if (!schema) {
        setError(u"stored schema of %1 is unreadable: %2"_s.arg(name, error));
        return std::nullopt;
    }
    schema->seq = query.value(2).toLongLong();
    return schema;
}

bool Storage::createCollection(const CollectionSchema &schema)
{
    QJsonArray fields;
    for (const FieldSchema &field : schema.fields)
        fields.append(field.toJson());
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    QString error;
    const QString fieldsText = QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact));
    if (!run(query, u"INSERT INTO collections (name, title, fields) VALUES (?, ?, ?)"_s,
             {schema.name, schema.title, fieldsText}, &error)) {
        setError(u"cannot create collection %1: %2"_s.arg(schema.name, error));
        return false;
    }
    return true;
}

StoredRecord Storage::record(const QString &collection, const QString &id) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    QString error;
    StoredRecord result;
    if (!run(query, u"SELECT etag, seq, data FROM records WHERE collection = ? AND id = ?"_s,
             {collection, id}, &error)) {
        setError(u"cannot read record %1/%2: %3"_s.arg(collection, id, error));
        return result;
    }
    if (!query.next())
        return result;
    result.exists = true;
    result.etag = query.value(0).toString();
    result.seq = query.value(1).toLongLong();
    result.deleted = query.value(2).isNull();
    if (!result.deleted)
        result.data = objectFromText(query.value(2));
    return result;
}

std::optional<Storage::CollectionState> Storage::collectionState(const QString &name) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    QString error;
    if (!run(query, u"SELECT seq, forgotten FROM collections WHERE name = ?"_s, {name}, &error)) {
        setError(u"cannot read collection %1: %2"_s.arg(name, error));
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return CollectionState{query.value(0).toLongLong(), query.value(1).toLongLong()};
}

std::optional<RecordPage> Storage::records(const QString &collection, const QString &after, int limit) const
{
    Q_ASSERT(limit > 0);
    if (!begin(false))
        return std::nullopt;
    const auto state = collectionState(collection);
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    QString error;
    if (!state
        || !run(query, u"SELECT id, etag, seq, data FROM records WHERE collection = ? AND id > ifnull(?, '') "
                        "AND data IS NOT NULL ORDER BY id LIMIT ?"_s,
                {collection, after, limit + 1}, &error)) {
        if (!error.isEmpty())
            setError(u"cannot list records of %1: %2"_s.arg(collection, error));
        rollback();
        return std::nullopt;
    }
    RecordPage page;
    page.seq = state->seq;
    while (query.next()) {
        if (page.records.size() == limit) {
            page.next = page.records.constLast().id;
            break;
        }
        page.records.append(Record{query.value(0).toString(), query.value(1).toString(),
                                   query.value(2).toLongLong(), objectFromText(query.value(3))});
    }
    query.finish();
    if (!commit())
        return std::nullopt;
    return page;
}

std::optional<Change> Storage::write(const QString &collection, const QString &id,
                                     const std::optional<QJsonObject> &data, const QString &author)
{
    if (!begin(true))
        return std::nullopt;
    const auto state = collectionState(collection);
    if (!state) {
        rollback();
        return std::nullopt;
    }
    Change change;
    change.seq = state->seq + 1;
    change.collection = collection;
    change.id = id;
    change.op = data ? Change::Op::Put : Change::Op::Delete;
    change.etag = newEtag(change.seq);
    change.data = data.value_or(QJsonObject());
    change.author = author;
    const qint64 forgetUpTo = m_retainChanges > 0 ? change.seq - m_retainChanges : 0;
    if (!writeRows(change, forgetUpTo)) {
        rollback();
        return std::nullopt;
    }
    if (!commit())
        return std::nullopt;
    return change;
}

bool Storage::writeRows(const Change &change, qint64 forgetUpTo)
{
    const bool isPut = change.op == Change::Op::Put;
    const QVariant data = isPut ? QVariant(toText(change.data)) : QVariant(QMetaType::fromType<QString>());
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    QString error;
    const bool ok =
        run(query, u"UPDATE collections SET seq = ?, forgotten = max(forgotten, ?) WHERE name = ?"_s,
            {change.seq, forgetUpTo, change.collection}, &error)
        && run(query, u"INSERT INTO records (collection, id, etag, seq, data, author) VALUES (?, ?, ?, ?, ?, ?) "
                      "ON CONFLICT (collection, id) DO UPDATE SET etag = excluded.etag, seq = excluded.seq, "
                      "data = excluded.data, author = excluded.author"_s,
               {change.collection, change.id, change.etag, change.seq, data, change.author}, &error)
        && run(query, u"INSERT INTO changes (collection, seq, id, op, etag, data, author) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
               {change.collection, change.seq, change.id, isPut ? u"put"_s : u"delete"_s, change.etag, data,
                change.author}, &error)
        && (forgetUpTo <= 0
            || run(query, u"DELETE FROM changes WHERE collection = ? AND seq <= ?"_s,
                   {change.collection, forgetUpTo}, &error));
    if (!ok)
        setError(u"cannot write %1/%2: %3"_s.arg(change.collection, change.id, error));
    return ok;
}

ChangeFeed::Result Storage::changesSince(const QString &collection, qint64 since, int limit) const
{
    Q_ASSERT(limit > 0);
    Result result;
    if (!begin(false))
        return result;
    const auto state = collectionState(collection);
    if (!state) {
        rollback();
        return result;
    }
    result.exists = true;
    result.currentSeq = state->seq;
    // A client ahead of the feed holds a history this server does not have: it must reload.
    result.gone = since < state->forgotten || since > state->seq;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    QString error;
    if (!result.gone
        && !run(query, u"SELECT seq, id, op, etag, data, author FROM changes WHERE collection = ? "
                       "AND seq > ? ORDER BY seq LIMIT ?"_s,
                {collection, since, limit}, &error)) {
        setError(u"cannot read the changes of %1: %2"_s.arg(collection, error));
    }
    while (!result.gone && query.next()) {
        const bool isPut = query.value(2).toString() == u"put"_s;
        result.changes.append(Change{query.value(0).toLongLong(), collection, query.value(1).toString(),
                                     isPut ? Change::Op::Put : Change::Op::Delete, query.value(3).toString(),
                                     isPut ? objectFromText(query.value(4)) : QJsonObject(),
                                     query.value(5).toString()});
    }
    query.finish();
    [[maybe_unused]] const bool committed = commit(); // a read: nothing to lose
    return result;
}

bool Storage::checkIntegrity() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    QString error;
    if (!run(query, u"PRAGMA integrity_check"_s, {}, &error) || !query.next()) {
        setError(u"integrity check failed to run: "_s + error);
        return false;
    }
    const QString answer = query.value(0).toString();
    if (answer != u"ok"_s)
        setError(u"integrity check: "_s + answer);
    return answer == u"ok"_s;
}

} // namespace Etagere
