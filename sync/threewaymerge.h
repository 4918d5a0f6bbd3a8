#pragma once

#include <QJsonObject>
#include <QStringList>

namespace Etagere {

/// Result of a field-by-field three-way merge.
struct MergeResult
{
    QJsonObject merged;            ///< base + both sides' non-conflicting changes; mine wins on conflicts
    QStringList conflictingFields; ///< changed by both sides to different values, sorted

    [[nodiscard]] bool isClean() const { return conflictingFields.isEmpty(); }
};

/// Merges `mine` and `theirs`, both derived from `base`, field by field. A field changed
/// on one side only takes that side's value; changed on both sides to the same value
/// takes it; changed on both sides to different values is a conflict. A missing member
/// counts as null. Pure function.
[[nodiscard]] MergeResult threeWayMerge(const QJsonObject &base, const QJsonObject &mine, const QJsonObject &theirs);

} // namespace Etagere
