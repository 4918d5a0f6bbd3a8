// CollectionSchema::fromJson and validate: the input is one document, an array
// `[schema, record...]` (or a lone schema). Each record is validated against the schema,
// and every field value goes through FieldSchema::toVariant and fromVariant.
#include "collectionschema.h"
#include "fuzzcommon.h"

#include <QJsonArray>

namespace {

void checkFields(const Etagere::CollectionSchema &schema, const QJsonObject &data)
{
    for (const Etagere::FieldSchema &field : schema.fields) {
        const QJsonValue value = data.value(field.name);
        const QString problem = field.checkValue(value);
        const QJsonValue back = field.fromVariant(field.toVariant(value));
        // A value the field accepts is given back as an acceptable value.
        if (problem.isEmpty())
            Fuzz::require(field.checkValue(back).isEmpty(), "an accepted value survives toVariant/fromVariant");
    }
}

void validateAll(const Etagere::CollectionSchema &schema, const QJsonArray &array)
{
    for (qsizetype i = 1; i < array.size(); ++i) {
        const QJsonObject data = array.at(i).toObject();
        const Etagere::ValidationResult result = schema.validate(data);
        Fuzz::require(result.isValid() || !result.detail.isEmpty(), "a refusal has a reason");
        checkFields(schema, data);
    }
}

void parse(const QJsonValue &json)
{
    using Etagere::CollectionSchema;
    const QJsonArray array = json.isArray() ? json.toArray() : QJsonArray{json};
    if (array.isEmpty())
        return;
    QString error;
    const std::optional<CollectionSchema> schema = CollectionSchema::fromJson(array.first().toObject(), &error);
    Fuzz::require(schema.has_value() || !error.isEmpty(), "a refused schema has a reason");
    if (!schema)
        return;
    const std::optional<CollectionSchema> reparsed = CollectionSchema::fromJson(schema->toJson(), &error);
    Fuzz::require(reparsed.has_value() && *reparsed == *schema, "a schema survives toJson and fromJson");
    validateAll(*schema, array);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::forEachDocument(Fuzz::bytes(data, size), parse);
    return 0;
}
