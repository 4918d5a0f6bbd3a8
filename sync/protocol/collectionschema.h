#pragma once
#include "fieldschema.h"

#include <QList>

namespace Etagere {

/// The outcome of validating a record body against a schema. Converts to true when valid.
struct ValidationResult
{
    QString field;  ///< the field at fault, empty when the body as a whole is wrong
    QString detail; ///< empty when valid

    [[nodiscard]] bool isValid() const { return detail.isEmpty(); }
    explicit operator bool() const { return isValid(); }
};

/// A collection: its name, title, current sequence number and field list.
/// Wire form: `{"name", "title", "seq", "fields": [...]}`. Pure value type.
struct CollectionSchema
{
    QString name;
    QString title;
    qint64 seq = 0;
    QList<FieldSchema> fields;

    /// Index of the field called `name` in fields, or -1.
    [[nodiscard]] int indexOf(QStringView fieldName) const;
    [[nodiscard]] const FieldSchema *field(QStringView fieldName) const;

    /// Checks a record body: a JSON object, no unknown fields, every value of the
    /// right type, every required field present and not null. Reports the first problem:
    /// unknown members first (in key order), then the fields in schema order.
    [[nodiscard]] ValidationResult validate(const QJsonObject &data) const;

    /// Full wire form including name and seq.
    [[nodiscard]] QJsonObject toJson() const;
    /// Parses the wire form. `name` may come from the URL instead of the body; pass it
    /// as `nameOverride` (then a "name" member in the body is ignored).
    /// Checks the name, unique field names, known types, enum values present.
    /// `title` is optional: missing, null or empty, it defaults to the name. `seq` is optional
    /// (default 0). Unknown members are ignored (forward compatibility).
    /// When one field description is at fault, *errorField (when given) is set to the `name`
    /// it carries (empty when it has none); otherwise it is cleared.
    [[nodiscard]] static std::optional<CollectionSchema> fromJson(const QJsonObject &json, QString *error,
                                                                  const QString &nameOverride = {},
                                                                  QString *errorField = nullptr);

    friend bool operator==(const CollectionSchema &, const CollectionSchema &) = default;
};

} // namespace Etagere
