#pragma once

#include <QTableView>

namespace Etagere {

/// The records table. A QTableView that keeps the user's place while rows come, go and
/// move under live changes and sorting:
///
/// - the records in view stay where they are on screen when rows are inserted, removed or
///   reordered above them; a record that leaves the view or arrives in it moves only the
///   rows below it; while a cell is being edited, the record being edited stays where it is
///   (as far as the view can scroll), whatever moves around it. At the very top of the
///   list, new rows show instead of pushing the view;
/// - the current record and the selected records are kept by record id
///   (RecordTableModel::RecordIdRole) across a reset of the model, such as a reload.
///
/// It also says which record is being edited in a cell (editingRecordChanged()), so that a
/// filter can keep that row while the editor is open.
class RecordTableView : public QTableView
{
    Q_OBJECT

public:
    explicit RecordTableView(QWidget *parent = nullptr);
    ~RecordTableView() override;

    void setModel(QAbstractItemModel *model) override;
    using QTableView::edit;

    /// The id of the record whose cell editor is open; empty when none.
    [[nodiscard]] QString editingRecord() const;
    /// The id of the current record; empty when none.
    [[nodiscard]] QString currentRecord() const;
    /// Makes the record `id` current (in `column`, or the current column) and scrolls to it.
    /// False when the model does not show it.
    bool setCurrentRecord(const QString &id, int column = -1);
    /// The index of the record `id` in `column`; invalid when not shown.
    [[nodiscard]] QModelIndex indexOfRecord(const QString &id, int column = 0) const;

    /// A text shown in the middle of the table while it has no row (see TablePlaceholder).
    [[nodiscard]] QString placeholderText() const;
    void setPlaceholderText(const QString &text);

Q_SIGNALS:
    void editingRecordChanged(const QString &id);

protected:
    bool edit(const QModelIndex &index, EditTrigger trigger, QEvent *event) override;
    void closeEditor(QWidget *editor, QAbstractItemDelegate::EndEditHint hint) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void captureAnchor(int removedFirst = -1, int removedLast = -1);
    void restoreAnchor();
    void rememberSelection();
    void restoreSelection();
    void updateEditingRecord();
    [[nodiscard]] QString recordAt(int row) const;

    QList<QMetaObject::Connection> m_modelConnections;
    /// The records in view before the current change, with their positions in the viewport;
    /// empty when the view need not be kept in place.
    QList<std::pair<QString, int>> m_anchors;
    bool m_anchoring = false; ///< between a change's "about to" signal and its end
    QString m_editing;
    QString m_savedCurrent; ///< across a reset
    int m_savedColumn = 0;
    QStringList m_savedSelection;
    QString m_placeholderText;
};

} // namespace Etagere
