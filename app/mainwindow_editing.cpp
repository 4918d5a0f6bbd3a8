// MainWindow: everyday editing. The sorted and filtered table's columns (remembered per
// collection), Undo and Redo, Find, the record form, and what the window remembers.

#include "mainwindow.h"
#include "mainwindow_p.h"

#include "conflictresolver.h"
#include "recorddelegate.h"
#include "recordfiltermodel.h"
#include "recordform.h"
#include "recordhistory.h"
#include "recordsearchbar.h"
#include "recordtablemodel.h"
#include "recordtableview.h"
#include "syncengine.h"
#include "tableplaceholder.h"
#include "windowsettings.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHeaderView>
#include <QMenu>
#include <QStatusBar>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {
constexpr int FittedRows = 300; ///< rows a column is fitted to: enough to judge, quick on a big collection
}

// The records: the quick search above the table, which shows them sorted and filtered.
QWidget *MainWindow::createRecordsPane(QWidget *parent)
{
    m_filter->setSourceModel(m_records);
    auto *pane = new QWidget(parent);
    m_searchBar = new RecordSearchBar(m_filter, pane);
    m_recordView = new RecordTableView(pane);
    m_recordView->setModel(m_filter);
    new TablePlaceholder(m_engine, m_filter, m_recordView); // a child of the view
    m_recordView->setItemDelegate(new RecordDelegate(m_recordView));
    m_recordView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_recordView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_recordView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                  | QAbstractItemView::AnyKeyPressed);
    m_recordView->setAlternatingRowColors(true);
    m_recordView->setWordWrap(false);
    m_recordView->setAccessibleName(tr("Records"));
    setUpHeaders();
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_searchBar);
    layout->addWidget(m_recordView);
    connect(m_searchBar, &RecordSearchBar::done, m_recordView, qOverload<>(&QWidget::setFocus));
    connect(m_records, &QAbstractItemModel::modelAboutToBeReset, this, &MainWindow::saveColumns);
    connect(m_records, &QAbstractItemModel::modelReset, this, &MainWindow::restoreColumns);
    connect(m_recordView, &RecordTableView::editingRecordChanged, this, &MainWindow::updatePinnedRecord);
    return pane;
}

void MainWindow::setUpHeaders()
{
    m_recordView->verticalHeader()->hide();
    m_recordView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    QHeaderView *header = m_recordView->horizontalHeader();
    header->setStretchLastSection(true);
    header->setHighlightSections(false);
    header->setResizeContentsPrecision(FittedRows);
    header->setSortIndicatorClearable(true); // a third click: the collection's order again
    header->setSortIndicator(-1, Qt::AscendingOrder);
    m_recordView->setSortingEnabled(true);
}

RecordFilterModel *MainWindow::filterModel() const
{
    return m_filter;
}

RecordSearchBar *MainWindow::searchBar() const
{
    return m_searchBar;
}

RecordForm *MainWindow::recordForm() const
{
    return m_form;
}

QDockWidget *MainWindow::recordFormPanel() const
{
    return m_formPanel;
}

QUndoStack *MainWindow::undoStack() const
{
    return m_undoStack;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_form->commit();
    saveColumns();
    WindowSettings::saveWindow(this);
    QMainWindow::closeEvent(event);
}

// Undo and Redo of the user's own edits (the model records them in a RecordHistory), and Find.
void MainWindow::createEditing()
{
    m_undoStack = new QUndoStack(this);
    m_history = new RecordHistory(m_engine, m_undoStack, this);
    m_records->setHistory(m_history);
    connect(m_history, &RecordHistory::failed, this,
            [this](const QString &message) { statusBar()->showMessage(message, StatusMessageMs); });
    m_undoAction = m_undoStack->createUndoAction(this, tr("&Undo"));
    m_undoAction->setIcon(themedIcon(u"edit-undo"_s, QIcon()));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_undoStack->createRedoAction(this, tr("&Redo"));
    m_redoAction->setIcon(themedIcon(u"edit-redo"_s, QIcon()));
    m_redoAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    // The toolbar says Undo and Redo; the menu and the tooltips say what.
    m_undoAction->setIconText(tr("Undo"));
    m_redoAction->setIconText(tr("Redo"));
    connect(m_undoStack, &QUndoStack::undoTextChanged, m_undoAction, [this](const QString &text) {
        m_undoAction->setToolTip(text.isEmpty() ? tr("Undo") : tr("Undo %1").arg(text));
    });
    connect(m_undoStack, &QUndoStack::redoTextChanged, m_redoAction, [this](const QString &text) {
        m_redoAction->setToolTip(text.isEmpty() ? tr("Redo") : tr("Redo %1").arg(text));
    });
    m_findAction = new QAction(themedIcon(u"edit-find"_s, QIcon()), tr("&Find…"), this);
    m_findAction->setShortcut(QKeySequence::Find);
    m_findAction->setStatusTip(tr("Search the records of this collection"));
    connect(m_findAction, &QAction::triggered, m_searchBar, &RecordSearchBar::focusSearch);
}

// The record panel: the current record as a form, docked on the right.
void MainWindow::createRecordForm()
{
    m_form = new RecordForm(m_records, this);
    m_formPanel = new QDockWidget(tr("Record"), this);
    m_formPanel->setObjectName(u"recordFormPanel"_s);
    m_formPanel->setWidget(m_form);
    addDockWidget(Qt::RightDockWidgetArea, m_formPanel);
    resizeDocks({m_formPanel}, {320}, Qt::Horizontal);
    QAction *toggle = m_formPanel->toggleViewAction();
    toggle->setText(tr("Record &Form"));
    toggle->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_R);
    m_viewMenu->insertAction(m_viewMenu->actions().value(0), toggle);
    connect(m_form, &RecordForm::resolveRequested, m_resolver, &ConflictResolver::open);
    connect(m_form, &RecordForm::unsavedChangesChanged, this, &MainWindow::updatePinnedRecord);
    connect(m_recordView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid()) // none while the model resets: the form keeps its record
                    m_form->setRecordId(m_recordView->currentRecord());
            });
}

void MainWindow::saveColumns()
{
    const QHeaderView *header = m_recordView->horizontalHeader();
    m_sortBeforeReset = {header->sortIndicatorSection(), header->sortIndicatorOrder()};
    // Columns fitted to an empty table (the collection still loading) are not worth keeping.
    if (m_columnsSettled && header->count() == m_columnsFields.size())
        WindowSettings::saveColumns(header, m_columnsCollection, m_columnsFields);
}

// After the model reset (another collection, or a reload): the columns as the user left
// them for this collection, or fitted to the content; then the sort they show.
void MainWindow::restoreColumns()
{
    QStringList fields;
    for (const FieldSchema &field : m_records->schema().fields)
        fields << field.name;
    // The same columns again (the collection loaded): a sort chosen meanwhile stays.
    const bool sameColumns = m_records->collection() == m_columnsCollection && fields == m_columnsFields;
    m_columnsCollection = m_records->collection();
    m_columnsFields = fields;
    QHeaderView *header = m_recordView->horizontalHeader();
    m_columnsSettled = WindowSettings::restoreColumns(header, m_columnsCollection, m_columnsFields);
    if (!m_columnsSettled) {
        fitColumns();
        const auto [section, order] = sameColumns ? m_sortBeforeReset : std::pair(-1, Qt::AscendingOrder);
        header->setSortIndicator(section, order);
        m_columnsSettled = m_records->rowCount() > 0;
    }
    const int section = header->sortIndicatorSection();
    m_recordView->sortByColumn(section >= 0 && section < header->count() ? section : -1, header->sortIndicatorOrder());
}

// The record being changed (in a cell, or in the form) stays in view whatever the search.
void MainWindow::updatePinnedRecord()
{
    QString pinned = m_recordView->editingRecord();
    if (pinned.isEmpty() && m_form->hasUnsavedChanges())
        pinned = m_form->recordId();
    m_filter->setPinnedRecord(pinned);
}

} // namespace Etagere
