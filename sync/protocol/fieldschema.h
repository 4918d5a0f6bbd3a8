#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace Etagere {

/// The value types a collection field can hold (PROTOCOL.md, "Field types").
enum class FieldType { String, Text, Integer, Number, Boolean, Date, DateTime, Enum };

/// Wire name of a field type ("string", "text", ...).
QString fieldTypeName(FieldType type);
/// Parses a wire name; nullopt for an unknown name.
std::optional<FieldType> fieldTypeFromName(QStringView name);

/// One field of a collection schema: `{"name", "type", "title", "required", "values"?}`.
/// A plain value type; pure, no I/O.
struct FieldSchema
{
    QString name;
    FieldType type = FieldType::String;
    QString title;
    bool required = false;
    QStringList values; ///< allowed values, only for FieldType::Enum

    [[nodiscard]] QJsonObject toJson() const;
    /// Parses and checks one field description; on failure returns nullopt and sets *error.
    /// `name` must match `[a-z][a-z0-9_]{0,63}`; `title` defaults to the name, `required` to
    /// false; an enum needs `values`: at least one, distinct, non-empty strings. Other types
    /// refuse a non-empty `values`. Unknown members are ignored.
    [[nodiscard]] static std::optional<FieldSchema> fromJson(const QJsonValue &json, QString *error);

    /// Empty when `value` is acceptable for this field (null only when not required),
    /// otherwise a human-readable reason that starts with the field name
    /// ("priority: 'urgent' is not one of low, normal, high"). An integer must be integral
    /// and within +-2^53 (inclusive); a datetime is `YYYY-MM-DDTHH:MM:SS[.fraction]` ending
    /// in `Z` or `+00:00`. An undefined value counts as null.
    [[nodiscard]] QString checkValue(const QJsonValue &value) const;

    /// Converts a wire value to the typed value a Qt editor works with
    /// (QString, qint64, double, bool, QDate, QDateTime in UTC); null gives an invalid QVariant.
    /// A value of the wrong type is returned as QJsonValue::toVariant() would, so nothing is hidden.
    [[nodiscard]] QVariant toVariant(const QJsonValue &value) const;
    /// The inverse of toVariant(); an invalid or null QVariant gives JSON null.
    /// The result may still fail checkValue() (for example an enum value that is not listed).
    /// A QString is parsed for number, integer, boolean, date and datetime fields (an empty one
    /// gives null there); a string that does not parse is returned as a JSON string. A datetime
    /// string without offset is taken as local time; every datetime is written in UTC.
    [[nodiscard]] QJsonValue fromVariant(const QVariant &value) const;

    friend bool operator==(const FieldSchema &, const FieldSchema &) = default;
};

} // namespace Etagere
