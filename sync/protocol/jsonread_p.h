#pragma once
// Private helpers shared by the protocol parsers: typed, checked access to JSON members.

#include "identifiers.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <optional>

namespace Etagere::Detail {

/// 2^53: the largest magnitude of an integer the protocol accepts (exact in a double).
inline constexpr qint64 MaxSafeInteger = Q_INT64_C(9007199254740992);

/// The value as an integer when it is a JSON number that is integral and within +-2^53.
inline std::optional<qint64> integerValue(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const qint64 first = value.toInteger(0);
    if (first != value.toInteger(1)) // not integral, or outside qint64
        return std::nullopt;
    if (first > MaxSafeInteger || first < -MaxSafeInteger)
        return std::nullopt;
    return first;
}

/// A strong entity tag as sent on the wire: `"..."` with no quote, space or control inside.
inline bool isValidStrongEtag(QStringView tag)
{
    if (tag.size() < 2 || !tag.startsWith(u'"') || !tag.endsWith(u'"'))
        return false;
    for (const QChar c : tag.mid(1, tag.size() - 2)) {
        if (c.unicode() < 0x21 || c == u'"' || c.unicode() == 0x7f)
            return false;
    }
    return true;
}

/// Reads the members of one JSON object and keeps the first error, prefixed with `what`.
/// Every getter returns a default value once an error has been seen.
class ObjectReader
{
public:
    ObjectReader(const QJsonValue &json, const QString &what, QString *error)
        : m_object(json.toObject()), m_what(what), m_error(error)
    {
        if (!json.isObject())
            fail(QStringLiteral("must be a JSON object"));
    }

    [[nodiscard]] bool isOk() const { return m_ok; }
    [[nodiscard]] const QJsonObject &json() const { return m_object; }
    [[nodiscard]] bool has(const QString &key) const { return m_object.contains(key); }

    /// Records an error (the first one wins) and returns false.
    bool fail(const QString &reason)
    {
        if (m_ok && m_error)
            *m_error = m_what + QStringLiteral(": ") + reason;
        m_ok = false;
        return false;
    }

    /// A required member of any type (null allowed).
    QJsonValue value(const QString &key)
    {
        if (m_ok && !m_object.contains(key))
            fail(quoted(key) + QStringLiteral(" is missing"));
        return m_ok ? m_object.value(key) : QJsonValue();
    }

    QString string(const QString &key)
    {
        const QJsonValue v = value(key);
        if (m_ok && !v.isString())
            fail(quoted(key) + QStringLiteral(" must be a string"));
        return m_ok ? v.toString() : QString();
    }

    /// An optional string member: `fallback` when absent or null, an error when not a string.
    QString optionalString(const QString &key, const QString &fallback = {})
    {
        return m_object.value(key).isNull() || m_object.value(key).isUndefined() ? fallback : string(key);
    }

    QString collectionName(const QString &key)
    {
        const QString name = string(key);
        if (m_ok && !isValidCollectionName(name))
            fail(QStringLiteral("'%1' is not a valid collection name").arg(name));
        return m_ok ? name : QString();
    }

    QString recordId(const QString &key)
    {
        const QString id = string(key);
        if (m_ok && !isValidRecordId(id))
            fail(QStringLiteral("'%1' is not a valid record id").arg(id));
        return m_ok ? id : QString();
    }

    QString etag(const QString &key)
    {
        const QString tag = string(key);
        if (m_ok && !isValidStrongEtag(tag))
            fail(QStringLiteral("'%1' is not a quoted strong ETag").arg(tag));
        return m_ok ? tag : QString();
    }

    /// A required integer member (within +-2^53) not below `minimum`.
    qint64 integer(const QString &key, qint64 minimum)
    {
        const QJsonValue v = value(key);
        const std::optional<qint64> n = integerValue(v);
        if (m_ok && (!n || *n < minimum))
            fail(quoted(key) + QStringLiteral(" must be an integer >= %1").arg(minimum));
        return m_ok ? *n : 0;
    }

    QJsonObject object(const QString &key)
    {
        const QJsonValue v = value(key);
        if (m_ok && !v.isObject())
            fail(quoted(key) + QStringLiteral(" must be an object"));
        return m_ok ? v.toObject() : QJsonObject();
    }

    QJsonArray array(const QString &key)
    {
        const QJsonValue v = value(key);
        if (m_ok && !v.isArray())
            fail(quoted(key) + QStringLiteral(" must be an array"));
        return m_ok ? v.toArray() : QJsonArray();
    }

    /// The array `key` with each element read by T::fromJson; fails at the first bad one.
    template<typename T>
    QList<T> list(const QString &key)
    {
        const QJsonArray elements = array(key);
        QList<T> result;
        for (qsizetype i = 0; i < elements.size() && m_ok; ++i) {
            QString reason;
            if (const std::optional<T> element = T::fromJson(elements.at(i), &reason))
                result.append(*element);
            else
                fail(QStringLiteral("%1[%2]: %3").arg(key).arg(i).arg(reason));
        }
        return result;
    }

    static QString quoted(const QString &key) { return u'\'' + key + u'\''; }

private:
    QJsonObject m_object;
    QString m_what;
    QString *m_error;
    bool m_ok = true;
};

} // namespace Etagere::Detail
