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
/// conflict, deleted), a tint on conflicted rows, a highlight on remotely changed cells in
/// the author's colour (personColor()) that fades with RecordTableModel::RemoteChangeStrengthRole.
/// Presence (RecordTableModel::PresenceRole) shows in the first column: a bar on the left
/// edge in the colour of the first person there and a round badge per person with their
/// initial at the right end, filled for editing, a ring for viewing; three at most, then
/// "+N". Hovering the badges shows who is there.
///
/// Editors: each carries a hint below it when somebody else is editing the same record
/// ("Bob is editing this record"), kept up to date while it is open. editorOpened() and
/// editorClosed() tell which record an editor is for (PresenceAnnouncer listens).
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
    void destroyEditor(QWidget *editor, const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

    /// Background of a cell somebody else changed moments ago (author unknown).
    [[nodiscard]] static QColor remoteChangeColor();
    /// Background of a cell `author` changed moments ago, at `strength` (1 down to 0 as it
    /// fades): their colour, translucent.
    [[nodiscard]] static QColor remoteChangeColor(const QString &author, qreal strength);
    /// Background tint of a record in conflict.
    [[nodiscard]] static QColor conflictColor();
    /// Where the presence badges of `count` people go in a first-column cell at `cell`
    /// (empty for none).
    [[nodiscard]] static QRect presenceArea(const QRect &cell, int count);

Q_SIGNALS:
    /// An editor of the record `recordId` (RecordTableModel::RecordIdRole) opened.
    void editorOpened(const QString &recordId) const;
    /// That editor closed (committed, cancelled, or its row went away).
    void editorClosed(const QString &recordId) const;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace Etagere
