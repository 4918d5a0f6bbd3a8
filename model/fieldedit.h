#pragma once

#include <QMetaType>
#include <QVariant>

namespace Etagere {

/// An edit of one cell, as an editor makes it: `to` is the new value and `from` the value
/// the cell held when the editor opened (both as RecordTableModel's EditRole gives them).
/// Pass it to RecordTableModel::setData with FieldEditRole so that an edit begun before
/// somebody else changed the same cell becomes a conflict instead of overwriting them.
struct FieldEdit
{
    QVariant from;
    QVariant to;
};

} // namespace Etagere

Q_DECLARE_METATYPE(Etagere::FieldEdit)
