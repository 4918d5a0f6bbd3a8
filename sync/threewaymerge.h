#pragma once

#include <QJsonObject>
#include <QStringList>

#include <optional>

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

/// What becomes of a record when both sides may have edited or deleted it.
struct RecordMerge
{
    enum class Outcome {
        Keep,     ///< the record lives on as `merged` (a clean field merge)
        Delete,   ///< it goes: both deleted it, or one deleted it and the other left it unchanged
        Conflict, ///< the user decides: an edit against a deletion, or fields in conflict
    };

    Outcome outcome = Outcome::Keep;
    QJsonObject merged;            ///< when both sides have the record: threeWayMerge()'s result
    QStringList conflictingFields; ///< the fields in conflict; empty for an edit against a deletion
};

/// The record-level merge: `mine` and `theirs` are each side's copy, std::nullopt when
/// that side deleted the record. "Unchanged" compares values with `base` (a missing member
/// counts as null). Both copies present: threeWayMerge(). Pure function.
[[nodiscard]] RecordMerge mergeRecord(const QJsonObject &base, const std::optional<QJsonObject> &mine,
                                      const std::optional<QJsonObject> &theirs);

} // namespace Etagere
