#include "mergepatch.h"

namespace Etagere::MergePatch {

// RFC 7396 section 2. Recursion follows the patch, whose depth the decoder bounds.
QJsonValue apply(const QJsonValue &target, const QJsonValue &patch)
{
    if (!patch.isObject())
        return patch;
    QJsonObject result = target.isObject() ? target.toObject() : QJsonObject();
    const QJsonObject members = patch.toObject();
    for (auto it = members.constBegin(); it != members.constEnd(); ++it) {
        if (it.value().isNull())
            result.remove(it.key());
        else
            result.insert(it.key(), apply(result.value(it.key()), it.value()));
    }
    return result;
}

QJsonObject diff(const QJsonObject &from, const QJsonObject &to)
{
    QJsonObject patch;
    for (auto it = from.constBegin(); it != from.constEnd(); ++it) {
        if (!to.contains(it.key()))
            patch.insert(it.key(), QJsonValue::Null);
    }
    for (auto it = to.constBegin(); it != to.constEnd(); ++it) {
        const QJsonValue before = from.value(it.key());
        if (before == it.value() && from.contains(it.key()))
            continue;
        const bool bothObjects = before.isObject() && it.value().isObject();
        patch.insert(it.key(), bothObjects ? QJsonValue(diff(before.toObject(), it.value().toObject())) : it.value());
    }
    return patch;
}

} // namespace Etagere::MergePatch
