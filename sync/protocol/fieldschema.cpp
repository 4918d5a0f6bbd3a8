#include "fieldschema.h"

#include "identifiers.h"
#include "jsonread_p.h"

#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

struct TypeName
{
    FieldType type;
    QStringView name;
};

constexpr TypeName TypeNames[] = {
    {FieldType::String, u"string"},   {FieldType::Text, u"text"},
    {FieldType::Integer, u"integer"}, {FieldType::Number, u"number"},
    {FieldType::Boolean, u"boolean"}, {FieldType::Date, u"date"},
    {FieldType::DateTime, u"datetime"}, {FieldType::Enum, u"enum"},
};

// ---- strict date and time parsing -------------------------------------------------------

/// The number written by `count` ASCII digits at `pos`, or -1.
int digitsAt(QStringView s, qsizetype pos, qsizetype count)
{
    if (pos < 0 || pos + count > s.size())
        return -1;
    int n = 0;
    for (qsizetype i = pos; i < pos + count; ++i) {
        if (s[i] < u'0' || s[i] > u'9')
            return -1;
        n = n * 10 + (s[i].unicode() - u'0');
    }
    return n;
}

/// `YYYY-MM-DD`, a real calendar date.
std::optional<QDate> parseDate(QStringView s)
{
    if (s.size() != 10 || s[4] != u'-' || s[7] != u'-')
        return std::nullopt;
    const int y = digitsAt(s, 0, 4), m = digitsAt(s, 5, 2), d = digitsAt(s, 8, 2);
    if (y < 0 || m < 0 || d < 0 || !QDate::isValid(y, m, d))
        return std::nullopt;
    return QDate(y, m, d);
}

/// Milliseconds of an optional fraction `.d{1,9}` at the start of `s`; sets *length. -1 if bad.
int parseFraction(QStringView s, qsizetype *length)
{
    *length = 0;
    if (s.isEmpty() || s[0] != u'.')
        return 0;
    qsizetype n = 1;
    while (n < s.size() && n <= 9 && s[n] >= u'0' && s[n] <= u'9')
        ++n;
    if (n == 1)
        return -1;
    *length = n;
    const QString ms = s.mid(1, n - 1).left(3).toString().leftJustified(3, u'0');
    return ms.toInt();
}

/// `HH:MM:SS[.fraction]` followed by `Z` or `+00:00`, at the start of `s`.
std::optional<QTime> parseUtcTime(QStringView s)
{
    if (s.size() < 9 || s[2] != u':' || s[5] != u':')
        return std::nullopt;
    const int h = digitsAt(s, 0, 2), m = digitsAt(s, 3, 2), sec = digitsAt(s, 6, 2);
    qsizetype fractionLength = 0;
    const int ms = parseFraction(s.mid(8), &fractionLength);
    const QStringView zone = s.mid(8 + fractionLength);
    if (h < 0 || m < 0 || sec < 0 || ms < 0 || (zone != u"Z" && zone != u"+00:00"))
        return std::nullopt;
    if (!QTime::isValid(h, m, sec, ms))
        return std::nullopt;
    return QTime(h, m, sec, ms);
}

/// ISO 8601 in UTC: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+00:00)`.
std::optional<QDateTime> parseUtcDateTime(QStringView s)
{
    if (s.size() < 20 || s[10] != u'T')
        return std::nullopt;
    const std::optional<QDate> date = parseDate(s.first(10));
    const std::optional<QTime> time = parseUtcTime(s.mid(11));
    if (!date || !time)
        return std::nullopt;
    return QDateTime(*date, *time, Qt::UTC);
}

QString formatDateTime(const QDateTime &dateTime)
{
    const QDateTime utc = dateTime.toUTC();
    return utc.toString(utc.time().msec() == 0 ? Qt::ISODate : Qt::ISODateWithMs);
}

// ---- messages ----------------------------------------------------------------------------

/// How a value is shown in a message: strings in single quotes, shortened.
QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: {
        const QString s = value.toString();
        return u'\'' + (s.size() > 40 ? s.left(37) + u"..."_s : s) + u'\'';
    }
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    default:
        return u"null"_s;
    }
}

QString expected(const QString &what, const QJsonValue &value)
{
    return u"expected "_s + what + u", got "_s + describe(value);
}

/// The reason `value` (not null) does not fit a field of `type`, or empty.
QString typeProblem(FieldType type, const QJsonValue &value, const QStringList &values)
{
    switch (type) {
    case FieldType::String:
    case FieldType::Text:
        return value.isString() ? QString() : expected(u"a string"_s, value);
    case FieldType::Integer:
        if (!value.isDouble())
            return expected(u"an integer"_s, value);
        return Detail::integerValue(value) ? QString()
                                           : describe(value) + u" is not an integer within +-2^53"_s;
    case FieldType::Number:
        if (!value.isDouble())
            return expected(u"a number"_s, value);
        return std::isfinite(value.toDouble()) ? QString() : describe(value) + u" is not a finite number"_s;
    case FieldType::Boolean:
        return value.isBool() ? QString() : expected(u"true or false"_s, value);
    case FieldType::Date:
        if (!value.isString())
            return expected(u"a date string"_s, value);
        return parseDate(value.toString()) ? QString() : describe(value) + u" is not a valid date (YYYY-MM-DD)"_s;
    case FieldType::DateTime:
        if (!value.isString())
            return expected(u"a date-time string"_s, value);
        return parseUtcDateTime(value.toString())
                ? QString()
                : describe(value) + u" is not a UTC date-time (YYYY-MM-DDTHH:MM:SSZ)"_s;
    case FieldType::Enum:
        if (value.isString() && values.contains(value.toString()))
            return QString();
        return describe(value) + u" is not one of "_s + values.join(u", "_s);
    }
    return u"unknown field type"_s;
}

// ---- FieldSchema::fromJson pieces -------------------------------------------------------

/// Reads `values` of an enum field: a non-empty array of distinct non-empty strings.
/// Repeats are found with a set: a list search made 100,000 values take half a minute.
QStringList readEnumValues(Detail::ObjectReader &reader)
{
    const QJsonArray array = reader.array(u"values"_s);
    QStringList values;
    QSet<QString> seen;
    for (const QJsonValue &v : array) {
        const QString value = v.toString();
        if (!v.isString() || value.isEmpty())
            reader.fail(u"enum values must be non-empty strings"_s);
        else if (seen.contains(value))
            reader.fail(u"enum value '%1' is listed twice"_s.arg(value));
        seen.insert(value);
        values.append(value);
    }
    if (values.isEmpty())
        reader.fail(u"an enum field needs at least one value"_s);
    return reader.isOk() ? values : QStringList();
}

/// `values` is only meaningful for enums; an empty array is tolerated elsewhere.
void refuseValues(Detail::ObjectReader &reader)
{
    if (!reader.has(u"values"_s))
        return;
    const QJsonValue v = reader.json().value(u"values"_s);
    if (!v.isArray() || !v.toArray().isEmpty())
        reader.fail(u"'values' is only allowed for enum fields"_s);
}

QString readFieldName(Detail::ObjectReader &reader)
{
    const QString name = reader.string(u"name"_s);
    if (reader.isOk() && !isValidFieldName(name))
        reader.fail(u"a field name must match [a-z][a-z0-9_]{0,63}"_s);
    return name;
}

FieldType readFieldType(Detail::ObjectReader &reader)
{
    const QString typeName = reader.string(u"type"_s);
    const std::optional<FieldType> type = fieldTypeFromName(typeName);
    if (reader.isOk() && !type)
        reader.fail(u"unknown type '%1'"_s.arg(typeName));
    return type.value_or(FieldType::String);
}

bool readRequired(Detail::ObjectReader &reader)
{
    const QJsonValue required = reader.json().value(u"required"_s);
    if (!required.isUndefined() && !required.isBool())
        reader.fail(u"'required' must be true or false"_s);
    return required.toBool(false);
}

// ---- fromVariant pieces ------------------------------------------------------------------

bool isFloatingPoint(const QVariant &value)
{
    const int id = value.metaType().id();
    return id == QMetaType::Double || id == QMetaType::Float;
}

QJsonValue integerFromVariant(const QVariant &value)
{
    if (isFloatingPoint(value)) {
        const double d = value.toDouble();
        const qint64 n = QJsonValue(d).toInteger(0);
        return double(n) == d ? QJsonValue(n) : QJsonValue(d);
    }
    bool ok = false;
    const qint64 n = value.metaType().id() == QMetaType::QString ? value.toString().trimmed().toLongLong(&ok)
                                                                  : value.toLongLong(&ok);
    return ok ? QJsonValue(n) : QJsonValue::fromVariant(value);
}

QJsonValue numberFromVariant(const QVariant &value)
{
    bool ok = false;
    const double d = value.metaType().id() == QMetaType::QString ? value.toString().trimmed().toDouble(&ok)
                                                                  : value.toDouble(&ok);
    return ok ? QJsonValue(d) : QJsonValue::fromVariant(value);
}

QJsonValue booleanFromVariant(const QVariant &value)
{
    if (value.metaType().id() == QMetaType::Bool)
        return value.toBool();
    const QString s = value.toString();
    if (s == u"true" || s == u"false")
        return s == u"true";
    return QJsonValue::fromVariant(value);
}

QJsonValue dateFromVariant(const QVariant &value)
{
    if (value.metaType().id() == QMetaType::QDate)
        return value.toDate().isValid() ? QJsonValue(value.toDate().toString(Qt::ISODate)) : QJsonValue();
    const QString s = value.toString().trimmed();
    const QDate date = QDate::fromString(s, Qt::ISODate);
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue(s);
}

QJsonValue dateTimeFromVariant(const QVariant &value)
{
    if (value.metaType().id() == QMetaType::QDateTime)
        return value.toDateTime().isValid() ? QJsonValue(formatDateTime(value.toDateTime())) : QJsonValue();
    const QString s = value.toString().trimmed();
    const QDateTime dateTime = QDateTime::fromString(s, Qt::ISODateWithMs);
    return dateTime.isValid() ? QJsonValue(formatDateTime(dateTime)) : QJsonValue(s);
}

bool isTextual(FieldType type)
{
    return type == FieldType::String || type == FieldType::Text;
}

} // namespace

QString fieldTypeName(FieldType type)
{
    for (const TypeName &entry : TypeNames) {
        if (entry.type == type)
            return entry.name.toString();
    }
    return QString();
}

std::optional<FieldType> fieldTypeFromName(QStringView name)
{
    for (const TypeName &entry : TypeNames) {
        if (entry.name == name)
            return entry.type;
    }
    return std::nullopt;
}

QJsonObject FieldSchema::toJson() const
{
    QJsonObject json{{u"name"_s, name}, {u"type"_s, fieldTypeName(type)}, {u"title"_s, title},
                     {u"required"_s, required}};
    if (type == FieldType::Enum)
        json.insert(u"values"_s, QJsonArray::fromStringList(values));
    return json;
}

std::optional<FieldSchema> FieldSchema::fromJson(const QJsonValue &json, QString *error)
{
    const QString rawName = json.toObject().value(u"name"_s).toString();
    Detail::ObjectReader reader(json, rawName.isEmpty() ? u"field"_s : u"field '%1'"_s.arg(rawName), error);
    FieldSchema field;
    field.name = readFieldName(reader);
    field.type = readFieldType(reader);
    field.title = reader.optionalString(u"title"_s, field.name);
    if (field.title.isEmpty())
        field.title = field.name;
    field.required = readRequired(reader);
    if (field.type == FieldType::Enum)
        field.values = readEnumValues(reader);
    else
        refuseValues(reader);
    return reader.isOk() ? std::optional(field) : std::nullopt;
}

QString FieldSchema::checkValue(const QJsonValue &value) const
{
    if (value.isNull() || value.isUndefined())
        return required ? name + u": a value is required"_s : QString();
    const QString problem = typeProblem(type, value, values);
    return problem.isEmpty() ? problem : name + u": "_s + problem;
}

QVariant FieldSchema::toVariant(const QJsonValue &value) const
{
    if (value.isNull() || value.isUndefined())
        return QVariant();
    if (!typeProblem(type, value, values).isEmpty() && type != FieldType::Enum)
        return value.toVariant(); // the wrong type: shown as it is, nothing is hidden
    switch (type) {
    case FieldType::Integer:
        return QVariant::fromValue(value.toInteger());
    case FieldType::Number:
        return value.toDouble();
    case FieldType::Boolean:
        return value.toBool();
    case FieldType::Date:
        return *parseDate(value.toString());
    case FieldType::DateTime:
        return *parseUtcDateTime(value.toString());
    default:
        return value.isString() ? QVariant(value.toString()) : value.toVariant();
    }
}

QJsonValue FieldSchema::fromVariant(const QVariant &value) const
{
    if (!value.isValid() || value.isNull())
        return QJsonValue();
    if (value.metaType() == QMetaType::fromType<QJsonValue>())
        return value.value<QJsonValue>();
    if (!isTextual(type) && value.metaType().id() == QMetaType::QString && value.toString().trimmed().isEmpty())
        return QJsonValue(); // a cleared editor means "no value"
    switch (type) {
    case FieldType::Integer:
        return integerFromVariant(value);
    case FieldType::Number:
        return numberFromVariant(value);
    case FieldType::Boolean:
        return booleanFromVariant(value);
    case FieldType::Date:
        return dateFromVariant(value);
    case FieldType::DateTime:
        return dateTimeFromVariant(value);
    default:
        return value.toString();
    }
}

} // namespace Etagere
