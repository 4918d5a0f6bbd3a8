#include "collectionschema.h"

#include "identifiers.h"
#include "jsonread_p.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

/// Reads `fields`: an array of valid field descriptions with unique names (checked with a
/// set, so that many fields do not cost quadratic time). Sets *errorField to the name the
/// faulty description carries.
QList<FieldSchema> readFields(Detail::ObjectReader &reader, QString *errorField)
{
    const QJsonArray array = reader.array(u"fields"_s);
    QList<FieldSchema> fields;
    QSet<QString> names;
    for (qsizetype i = 0; i < array.size() && reader.isOk(); ++i) {
        QString reason;
        const std::optional<FieldSchema> field = FieldSchema::fromJson(array.at(i), &reason);
        if (!field) {
            reader.fail(u"fields[%1]: %2"_s.arg(i).arg(reason));
            *errorField = array.at(i).toObject().value(u"name"_s).toString();
            break;
        }
        if (names.contains(field->name)) {
            reader.fail(u"field name '%1' is used twice"_s.arg(field->name));
            *errorField = field->name;
        }
        names.insert(field->name);
        fields.append(*field);
    }
    return reader.isOk() ? fields : QList<FieldSchema>();
}

} // namespace

int CollectionSchema::indexOf(QStringView fieldName) const
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (fields.at(i).name == fieldName)
            return int(i);
    }
    return -1;
}

const FieldSchema *CollectionSchema::field(QStringView fieldName) const
{
    const int i = indexOf(fieldName);
    return i < 0 ? nullptr : &fields.at(i);
}

ValidationResult CollectionSchema::validate(const QJsonObject &data) const
{
    // A set of the names, not indexOf() per member: that is quadratic in the number of fields.
    QSet<QStringView> names;
    names.reserve(fields.size());
    for (const FieldSchema &f : fields)
        names.insert(f.name);
    for (auto it = data.constBegin(); it != data.constEnd(); ++it) {
        if (!names.contains(it.key()))
            return {it.key(), u"%1: not a field of collection '%2'"_s.arg(it.key(), name)};
    }
    for (const FieldSchema &f : fields) {
        const QString problem = f.checkValue(data.value(f.name));
        if (!problem.isEmpty())
            return {f.name, problem};
    }
    return {};
}

QJsonObject CollectionSchema::toJson() const
{
    QJsonArray fieldArray;
    for (const FieldSchema &f : fields)
        fieldArray.append(f.toJson());
    return {{u"name"_s, name}, {u"title"_s, title}, {u"seq"_s, seq}, {u"fields"_s, fieldArray}};
}

std::optional<CollectionSchema> CollectionSchema::fromJson(const QJsonObject &json, QString *error,
                                                           const QString &nameOverride, QString *errorField)
{
    QString faultyField;
    Detail::ObjectReader reader(json, u"collection"_s, error);
    CollectionSchema schema;
    schema.name = nameOverride.isEmpty() ? reader.string(u"name"_s) : nameOverride;
    if (reader.isOk() && !isValidCollectionName(schema.name))
        reader.fail(u"'%1' is not a valid collection name: it must match [a-z][a-z0-9_-]{0,63}"_s.arg(schema.name));
    schema.title = reader.optionalString(u"title"_s);
    if (schema.title.isEmpty())
        schema.title = schema.name;
    schema.seq = reader.has(u"seq"_s) ? reader.integer(u"seq"_s, 0) : 0;
    schema.fields = readFields(reader, &faultyField);
    if (errorField)
        *errorField = reader.isOk() ? QString() : faultyField;
    return reader.isOk() ? std::optional(schema) : std::nullopt;
}

} // namespace Etagere
