#include "csvvalues.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

/// The texts of this file, in the translation context "Etagere::CsvValues" (lupdate reads Text::tr()).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Etagere::CsvValues)
};

QString shortestNumber(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

/// The text of a JSON value that does not fit its field: shown as it is.
QString jsonText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double:
        return shortestNumber(value.toDouble());
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array:
    case QJsonValue::Object: {
        const QJsonDocument document = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
        return QString::fromUtf8(document.toJson(QJsonDocument::Compact));
    }
    default:
        return QString();
    }
}

QString integerText(const QJsonValue &value)
{
    const double d = value.toDouble();
    const qint64 n = value.toInteger(0);
    return double(n) == d && std::isfinite(d) ? QString::number(n) : shortestNumber(d);
}

std::optional<QJsonValue> parseInteger(const QString &text)
{
    static const QRegularExpression digits(u"^[+-]?[0-9]+$"_s);
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    if (!digits.match(text).hasMatch() || !ok)
        return std::nullopt;
    return QJsonValue(n);
}

std::optional<QJsonValue> parseNumber(const QString &text)
{
    bool ok = false;
    const double d = text.toDouble(&ok); // the C locale: a dot, no group separators
    if (!ok || !std::isfinite(d))
        return std::nullopt;
    return QJsonValue(d);
}

std::optional<QJsonValue> parseBoolean(const QString &text)
{
    if (text.compare(u"true"_s, Qt::CaseInsensitive) == 0)
        return QJsonValue(true);
    if (text.compare(u"false"_s, Qt::CaseInsensitive) == 0)
        return QJsonValue(false);
    return std::nullopt;
}

/// The typed value of `text` (not empty) for `type`, before the field's own checks.
std::optional<QJsonValue> parse(FieldType type, const QString &text, QString *expected)
{
    switch (type) {
    case FieldType::Integer:
        *expected = Text::tr("an integer");
        return parseInteger(text.trimmed());
    case FieldType::Number:
        *expected = Text::tr("a number (with a dot as decimal separator)");
        return parseNumber(text.trimmed());
    case FieldType::Boolean:
        *expected = Text::tr("true or false");
        return parseBoolean(text.trimmed());
    default:
        return QJsonValue(text); // strings, dates, date-times and enum values: checkValue() judges
    }
}

QString shortened(const QString &text)
{
    return text.size() > 40 ? text.left(37) + u"..."_s : text;
}

} // namespace

QString csvIdColumn(const CollectionSchema &schema)
{
    return schema.field(u"id") ? u"_id"_s : u"id"_s;
}

CsvField toCsvField(const FieldSchema &field, const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return {};
    if (!field.checkValue(value).isEmpty())
        return {jsonText(value), value.isString() && value.toString().isEmpty()};
    switch (field.type) {
    case FieldType::Integer:
        return {integerText(value), false};
    case FieldType::Number:
        return {shortestNumber(value.toDouble()), false};
    case FieldType::Boolean:
        return {value.toBool() ? u"true"_s : u"false"_s, false};
    default:
        return {value.toString(), value.toString().isEmpty()};
    }
}

std::optional<QJsonValue> fromCsvField(const FieldSchema &field, const CsvField &cell, QString *error)
{
    const bool textual = field.type == FieldType::String || field.type == FieldType::Text;
    QJsonValue value(QJsonValue::Null);
    if (textual ? !cell.isNull() : !cell.text.trimmed().isEmpty()) {
        QString expected;
        const std::optional<QJsonValue> parsed = parse(field.type, cell.text, &expected);
        if (!parsed) {
            *error = Text::tr("%1: '%2' is not %3").arg(field.name, shortened(cell.text), expected);
            return std::nullopt;
        }
        value = *parsed;
    }
    if (const QString problem = field.checkValue(value); !problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    return value;
}

} // namespace Etagere
