#pragma once

#include <QJsonObject>
#include <QJsonValue>

namespace Etagere::MergePatch {

/// RFC 7396 MergePatch(target, patch). Pure.
[[nodiscard]] QJsonValue apply(const QJsonValue &target, const QJsonValue &patch);

/// A merge patch that turns `from` into `to` (members removed in `to` become null; members
/// that are objects on both sides are diffed recursively; unchanged members are left out,
/// so equal objects give {}). apply(from, diff(from, to)) == to whenever `to` holds no
/// null member at any depth (a merge patch cannot set a member to null).
[[nodiscard]] QJsonObject diff(const QJsonObject &from, const QJsonObject &to);

} // namespace Etagere::MergePatch
