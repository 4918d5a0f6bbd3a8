#include "threewaymerge.h"

#include "record.h"

#include <QSet>

namespace Etagere {

namespace {

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

/// Same values, a missing member counting as null.
} // namespace

MergeResult threeWayMerge(const QJsonObject &base, const QJsonObject &mine, const QJsonObject &theirs)
{
    MergeResult result;
    result.merged = base;
    for (const QString &key : allKeys(base, mine, theirs)) {
        const QJsonValue b = base.value(key);
        const QJsonValue m = mine.value(key);
        const QJsonValue t = theirs.value(key);
        const bool mineChanged = nullIfMissing(m) != nullIfMissing(b);
        const bool theirsChanged = nullIfMissing(t) != nullIfMissing(b);
        if (mineChanged && theirsChanged && nullIfMissing(m) != nullIfMissing(t))
            result.conflictingFields.append(key);
        if (mineChanged)
            setMember(result.merged, key, m);
        else if (theirsChanged)
            setMember(result.merged, key, t);
    }
    return result;
}

RecordMerge mergeRecord(const QJsonObject &base, const std::optional<QJsonObject> &mine,
                        const std::optional<QJsonObject> &theirs)
{
    using Outcome = RecordMerge::Outcome;
    if (mine && theirs) {
        const MergeResult fields = threeWayMerge(base, *mine, *theirs);
        return {fields.isClean() ? Outcome::Keep : Outcome::Conflict, fields.merged, fields.conflictingFields};
    }
    const std::optional<QJsonObject> &survivor = mine ? mine : theirs;
    if (!survivor || sameData(*survivor, base))
        return {Outcome::Delete, {}, {}};
    return {Outcome::Conflict, {}, {}}; // an edit against a deletion
}

} // namespace Etagere
