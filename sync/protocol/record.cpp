#include "record.h"

#include "jsonread_p.h"

using namespace Qt::StringLiterals;

namespace Etagere {

QJsonValue nullIfMissing(const QJsonValue &value)
{
    return value.isUndefined() ? QJsonValue(QJsonValue::Null) : value;
}

QJsonValue fieldValue(const QJsonObject &data, const QString &field)
{
    return nullIfMissing(data.value(field));
}

bool sameData(const QJsonObject &a, const QJsonObject &b)
{
    const auto within = [](const QJsonObject &one, const QJsonObject &other) {
        for (auto it = one.begin(); it != one.end(); ++it) {
            if (nullIfMissing(it.value()) != fieldValue(other, it.key()))
                return false;
        }
        return true;
    };
    return within(a, b) && within(b, a);
}

QJsonObject Record::toJson() const
{
    return {{u"id"_s, id}, {u"etag"_s, etag}, {u"seq"_s, seq}, {u"data"_s, data}};
}

std::optional<Record> Record::fromJson(const QJsonValue &json, QString *error)
{
    Detail::ObjectReader reader(json, u"record"_s, error);
    Record record;
    record.id = reader.recordId(u"id"_s);
    record.etag = reader.etag(u"etag"_s);
    record.seq = reader.integer(u"seq"_s, 0);
    record.data = reader.object(u"data"_s);
    return reader.isOk() ? std::optional(record) : std::nullopt;
}

QJsonObject RecordPage::toJson() const
{
    QJsonArray array;
    for (const Record &record : records)
        array.append(record.toJson());
    return {{u"seq"_s, seq}, {u"records"_s, array}, {u"next"_s, next.isEmpty() ? QJsonValue() : QJsonValue(next)}};
}

std::optional<RecordPage> RecordPage::fromJson(const QJsonValue &json, QString *error)
{
    Detail::ObjectReader reader(json, u"record page"_s, error);
    RecordPage page;
    page.seq = reader.integer(u"seq"_s, 0);
    page.records = reader.list<Record>(u"records"_s);
    const QJsonValue next = reader.value(u"next"_s);
    if (reader.isOk() && !next.isNull())
        page.next = reader.recordId(u"next"_s);
    return reader.isOk() ? std::optional(page) : std::nullopt;
}

} // namespace Etagere
