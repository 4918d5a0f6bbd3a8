#include "recordtableview.h"

#include "recordfiltermodel.h"
#include "recordtablemodel.h"

#include <QHeaderView>
#include <QPainter>
#include <QScrollBar>

namespace Etagere {

namespace {
constexpr int PlaceholderMargin = 24; ///< around the placeholder text, in pixels
}

RecordTableView::RecordTableView(QWidget *parent)
    : QTableView(parent)
{
}

RecordTableView::~RecordTableView() = default;

void RecordTableView::setModel(QAbstractItemModel *model)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_modelConnections))
        disconnect(connection);
    m_modelConnections.clear();
    QTableView::setModel(model); // the view and its headers connect first: these run after theirs
    if (!model)
        return;
    const auto restore = [this] { restoreAnchor(); };
    m_modelConnections
        << connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
                   [this](const QModelIndex &parent) {
                       if (!parent.isValid())
                           captureAnchor();
                   })
        << connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                   [this](const QModelIndex &parent, int first, int last) {
                       if (!parent.isValid())
                           captureAnchor(first, last);
                   })
        << connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, [this] { captureAnchor(); })
        << connect(model, &QAbstractItemModel::rowsInserted, this, restore)
        << connect(model, &QAbstractItemModel::rowsRemoved, this, restore)
        << connect(model, &QAbstractItemModel::layoutChanged, this, restore)
        << connect(model, &QAbstractItemModel::modelAboutToBeReset, this, &RecordTableView::rememberSelection)
        << connect(model, &QAbstractItemModel::modelReset, this, &RecordTableView::restoreSelection);
}

QString RecordTableView::editingRecord() const
{
    return m_editing;
}

QString RecordTableView::currentRecord() const
{
    const QModelIndex current = currentIndex();
    return current.isValid() ? recordAt(current.row()) : QString();
}

bool RecordTableView::setCurrentRecord(const QString &id, int column)
{
    const QModelIndex index = indexOfRecord(id, column >= 0 ? column : std::max(currentIndex().column(), 0));
    if (!index.isValid())
        return false;
    setCurrentIndex(index);
    scrollTo(index);
    return true;
}

QModelIndex RecordTableView::indexOfRecord(const QString &id, int column) const
{
    if (const auto *filter = qobject_cast<const RecordFilterModel *>(model()))
        return filter->indexOfRecord(id, column);
    if (const auto *records = qobject_cast<const RecordTableModel *>(model()))
        return records->index(records->rowOf(id), column);
    if (!model() || id.isEmpty())
        return {};
    const QModelIndexList found =
        model()->match(model()->index(0, column), RecordTableModel::RecordIdRole, id, 1, Qt::MatchExactly);
    return found.isEmpty() ? QModelIndex() : found.constFirst();
}

QString RecordTableView::placeholderText() const
{
    return m_placeholderText;
}

void RecordTableView::setPlaceholderText(const QString &text)
{
    if (text == m_placeholderText)
        return;
    m_placeholderText = text;
    viewport()->update();
}

void RecordTableView::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    if (m_placeholderText.isEmpty() || (model() && model()->rowCount() > 0))
        return;
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const QRect area = viewport()->rect().adjusted(PlaceholderMargin, PlaceholderMargin, -PlaceholderMargin,
                                                   -PlaceholderMargin);
    painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, m_placeholderText);
}

bool RecordTableView::edit(const QModelIndex &index, EditTrigger trigger, QEvent *event)
{
    const bool editing = QTableView::edit(index, trigger, event);
    updateEditingRecord();
    return editing;
}

void RecordTableView::closeEditor(QWidget *editor, QAbstractItemDelegate::EndEditHint hint)
{
    QTableView::closeEditor(editor, hint); // may open the next cell's editor (Tab)
    updateEditingRecord();
}

void RecordTableView::updateEditingRecord()
{
    const QString now = state() == EditingState ? currentRecord() : QString();
    if (now == m_editing)
        return;
    m_editing = now;
    emit editingRecordChanged(now);
}

// Before rows come, go or move: the records in view and where they are. Only the record
// being edited while it is in view; none at the very top of the list (new rows should show
// there rather than push the view).
void RecordTableView::captureAnchor(int removedFirst, int removedLast)
{
    if (m_anchoring || !model())
        return;
    m_anchoring = true;
    m_anchors.clear();
    const int editedRow = state() == EditingState ? currentIndex().row() : -1;
    if (editedRow >= 0) {
        const int position = rowViewportPosition(editedRow);
        if (position >= 0 && position < viewport()->height())
            m_anchors.append({recordAt(editedRow), position});
    }
    if (!m_anchors.isEmpty() || verticalScrollBar()->value() == 0)
        return;
    const int bottom = viewport()->height();
    for (int row = rowAt(0); row >= 0 && rowViewportPosition(row) < bottom; ++row) {
        if (row < removedFirst || row > removedLast || removedFirst < 0)
            m_anchors.append({recordAt(row), rowViewportPosition(row)});
        if (row + 1 >= model()->rowCount())
            break;
    }
}

// After the change: scrolls the records in view back to where they were. Which ones: from
// the top, the first record that moved as far as the one below it did (a record that moved
// by itself, sorted elsewhere, is skipped), so that a gap closes from below and a record
// arriving in the middle pushes down only what is under it.
void RecordTableView::restoreAnchor()
{
    m_anchoring = false;
    const QList<std::pair<QString, int>> anchors = std::exchange(m_anchors, {});
    QList<int> deltas; // how far each record in view moved, top to bottom (gone: skipped)
    for (const auto &[id, before] : anchors) {
        const QModelIndex index = indexOfRecord(id);
        if (index.isValid())
            deltas << rowViewportPosition(index.row()) - before;
    }
    if (deltas.isEmpty())
        return;
    int delta = deltas.constFirst();
    for (qsizetype i = 0; i + 1 < deltas.size(); ++i) {
        if (deltas.at(i) == deltas.at(i + 1)) {
            delta = deltas.at(i);
            break;
        }
    }
    updateGeometries(); // the scroll range of the new row count, before scrolling in it
    if (verticalScrollMode() == ScrollPerItem) {
        const int height = verticalHeader()->defaultSectionSize();
        delta = height > 0 ? qRound(double(delta) / height) : 0;
    }
    if (delta != 0)
        verticalScrollBar()->setValue(verticalScrollBar()->value() + delta);
}

void RecordTableView::rememberSelection()
{
    m_savedCurrent = currentRecord();
    m_savedColumn = std::max(currentIndex().column(), 0);
    m_savedSelection.clear();
    if (!selectionModel())
        return;
    const QModelIndexList rows = selectionModel()->selectedRows();
    for (const QModelIndex &row : rows)
        m_savedSelection << recordAt(row.row());
}

// After a reset (a reload of the collection, say) the same records are current and selected.
void RecordTableView::restoreSelection()
{
    if (!selectionModel() || model()->columnCount() == 0)
        return;
    QItemSelection selection;
    for (const QString &id : std::as_const(m_savedSelection)) {
        const QModelIndex first = indexOfRecord(id);
        if (first.isValid())
            selection.select(first, first.siblingAtColumn(model()->columnCount() - 1));
    }
    selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    const QModelIndex current = indexOfRecord(m_savedCurrent, std::min(m_savedColumn, model()->columnCount() - 1));
    if (current.isValid())
        selectionModel()->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
    m_savedSelection.clear();
    m_savedCurrent.clear();
}

QString RecordTableView::recordAt(int row) const
{
    return model() ? model()->index(row, 0).data(RecordTableModel::RecordIdRole).toString() : QString();
}

} // namespace Etagere
