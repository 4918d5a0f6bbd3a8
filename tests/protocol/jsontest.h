#pragma once
// Test helpers: JSON text <-> QJsonValue with QJsonDocument only (independent of WireCodec).

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

namespace JsonTest {

/// Any JSON value written as text; undefined when the text is not one valid JSON value.
inline QJsonValue parse(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson('[' + text + ']', &error);
    if (error.error != QJsonParseError::NoError || document.array().size() != 1)
        return QJsonValue(QJsonValue::Undefined);
    return document.array().first();
}

inline QJsonObject object(const QByteArray &text)
{
    return parse(text).toObject();
}

/// Compact text of a value (keys sorted), for readable QCOMPARE output.
inline QByteArray text(const QJsonValue &value)
{
    if (value.isUndefined())
        return "<undefined>";
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

} // namespace JsonTest
