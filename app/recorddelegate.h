#pragma once

#include <QStyledItemDelegate>

namespace Etagere {

/// Edits and paints the cells of a RecordTableModel (or any model that offers its roles:
/// RecordTableModel::FieldTypeRole, FieldRequiredRole, FieldValuesRole, PendingRole, ...).
///
/// Editors per field type: QLineEdit (string), QPlainTextEdit (text, several lines),
/// QLineEdit with a 64-bit integer validator (integer), QDoubleSpinBox (number),
/// QCheckBox (boolean; the cell itself also toggles its check state), QDateEdit with a
/// calendar popup (date), QDateTimeEdit in local time (datetime), QComboBox (enum, with an
/// empty choice when the field is not required). An emptied editor of a field that is not
/// required writes null.
///
/// Painting: pending cells in italics, a state icon in the first column (pending,
/// conflict, deleted), a tint on conflicted rows, a highlight on remotely changed cells.
/// Talks only to the model it is given.
class RecordDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit RecordDelegate(QObject *parent = nullptr);
    ~RecordDelegate() override;

    [[nodiscard]] QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                        const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override;

    /// Background of a cell somebody else changed moments ago.
    [[nodiscard]] static QColor remoteChangeColor();
    /// Background tint of a record in conflict.
    [[nodiscard]] static QColor conflictColor();

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace Etagere
