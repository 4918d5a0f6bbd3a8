#include "fieldformat.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QLocale>

namespace Etagere {

namespace {

QString firstLine(const QString &text)
{
    const qsizetype end = text.indexOf(u'\n');
    if (end < 0)
        return text;
    return text.left(end) + QChar(0x2026); // horizontal ellipsis
}

QString formatTyped(const FieldSchema &field, const QVariant &typed, ValueFormat format)
{
    const QLocale locale;
    switch (field.type) {
    case FieldType::String:
    case FieldType::Enum:
        return typed.toString();
    case FieldType::Text:
        return format == ValueFormat::Cell ? firstLine(typed.toString()) : typed.toString();
    case FieldType::Integer:
        return locale.toString(typed.toLongLong());
    case FieldType::Number:
        return locale.toString(typed.toDouble(), 'g', QLocale::FloatingPointShortest);
    case FieldType::Boolean:
        return typed.toBool() ? QCoreApplication::translate("Etagere::FieldFormat", "Yes")
                              : QCoreApplication::translate("Etagere::FieldFormat", "No");
    case FieldType::Date:
        return locale.toString(typed.toDate(), QLocale::ShortFormat);
    case FieldType::DateTime:
        return locale.toString(typed.toDateTime().toLocalTime(), QLocale::ShortFormat);
    }
    return typed.toString();
}

} // namespace

QString formatFieldValue(const FieldSchema &field, const QJsonValue &value, ValueFormat format)
{
    const QVariant typed = field.toVariant(value);
    if (!typed.isValid())
        return {};
    return formatTyped(field, typed, format);
}

} // namespace Etagere
