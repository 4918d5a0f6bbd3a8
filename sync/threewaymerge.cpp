#include "threewaymerge.h"

#include <QSet>

namespace Etagere {

namespace {

/// A missing member counts as null.
QJsonValue normalized(const QJsonValue &value)
{
    return value.isUndefined() ? QJsonValue(QJsonValue::Null) : value;
}

QStringList allKeys(const QJsonObject &a, const QJsonObject &b, const QJsonObject &c)
{
    QSet<QString> keys;
    for (const QJsonObject *object : {&a, &b, &c}) {
        for (auto it = object->begin(); it != object->end(); ++it)
            keys.insert(it.key());
    }
    QStringList sorted(keys.begin(), keys.end());
    sorted.sort();
    return sorted;
}

/// Sets `key` to `value` as the chosen side had it: absent stays absent.
void setMember(QJsonObject &object, const QString &key, const QJsonValue &value)
{
    if (value.isUndefined())
        object.remove(key);
    else
        object.insert(key, value);
}

} // namespace

MergeResult threeWayMerge(const QJsonObject &base, const QJsonObject &mine, const QJsonObject &theirs)
{
    MergeResult result;
    result.merged = base;
    for (const QString &key : allKeys(base, mine, theirs)) {
        const QJsonValue b = base.value(key);
        const QJsonValue m = mine.value(key);
        const QJsonValue t = theirs.value(key);
        const bool mineChanged = normalized(m) != normalized(b);
        const bool theirsChanged = normalized(t) != normalized(b);
        if (mineChanged && theirsChanged && normalized(m) != normalized(t))
            result.conflictingFields.append(key);
        if (mineChanged)
            setMember(result.merged, key, m);
        else if (theirsChanged)
            setMember(result.merged, key, t);
    }
    return result;
}

} // namespace Etagere
