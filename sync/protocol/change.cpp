#include "change.h"

#include "jsonread_p.h"

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

/// A delete may carry the last tag, an empty string or null.
QString readDeleteEtag(Detail::ObjectReader &reader)
{
    const QJsonValue tag = reader.value(u"etag"_s);
    if (!reader.isOk() || tag.isNull() || (tag.isString() && tag.toString().isEmpty()))
        return QString();
    return reader.etag(u"etag"_s);
}

/// `data` is the record after a put, null for a delete.
QJsonObject readData(Detail::ObjectReader &reader, Change::Op op)
{
    if (op == Change::Op::Put)
        return reader.object(u"data"_s);
    const QJsonValue data = reader.value(u"data"_s);
    if (reader.isOk() && !data.isNull())
        reader.fail(u"'data' must be null for a delete"_s);
    return QJsonObject();
}

} // namespace

QJsonObject Change::toJson() const
{
    const bool isDelete = op == Op::Delete;
    return {{u"seq"_s, seq},
            {u"collection"_s, collection},
            {u"id"_s, id},
            {u"op"_s, isDelete ? u"delete"_s : u"put"_s},
            {u"etag"_s, etag},
            {u"data"_s, isDelete ? QJsonValue() : QJsonValue(data)},
            {u"author"_s, author}};
}

std::optional<Change> Change::fromJson(const QJsonValue &json, QString *error)
{
    Detail::ObjectReader reader(json, u"change"_s, error);
    Change change;
    change.seq = reader.integer(u"seq"_s, 1);
    change.collection = reader.collectionName(u"collection"_s);
    change.id = reader.recordId(u"id"_s);
    const QString op = reader.string(u"op"_s);
    if (reader.isOk() && op != u"put" && op != u"delete")
        reader.fail(u"'op' must be \"put\" or \"delete\", not '%1'"_s.arg(op));
    change.op = op == u"delete" ? Op::Delete : Op::Put;
    change.etag = change.op == Op::Put ? reader.etag(u"etag"_s) : readDeleteEtag(reader);
    change.data = readData(reader, change.op);
    change.author = reader.string(u"author"_s);
    return reader.isOk() ? std::optional(change) : std::nullopt;
}

QJsonObject ChangePage::toJson() const
{
    QJsonArray array;
    for (const Change &change : changes)
        array.append(change.toJson());
    return {{u"seq"_s, seq}, {u"changes"_s, array}};
}

std::optional<ChangePage> ChangePage::fromJson(const QJsonValue &json, QString *error)
{
    Detail::ObjectReader reader(json, u"change page"_s, error);
    ChangePage page;
    page.seq = reader.integer(u"seq"_s, 0);
    page.changes = reader.list<Change>(u"changes"_s);
    return reader.isOk() ? std::optional(page) : std::nullopt;
}

} // namespace Etagere
