// MainWindow, the live collaboration cues: presence announced for the current record and
// the records with an open editor, the Activity panel, and going to a record from it.

#include "mainwindow.h"
#include "mainwindow_p.h"

#include "activitypanel.h"
#include "collectionlistmodel.h"
#include "presenceannouncer.h"
#include "recorddelegate.h"
#include "recordtableview.h"
#include "recordtablemodel.h"

#include <QAction>
#include <QListView>
#include <QMenu>
#include <QStatusBar>
#include <QTableView>

namespace Etagere {

namespace {

constexpr int ActivityPanelWidth = 300;

} // namespace

ActivityPanel *MainWindow::activityPanel() const
{
    return m_activityPanel;
}

PresenceAnnouncer *MainWindow::presenceAnnouncer() const
{
    return m_presence;
}

void MainWindow::createLiveCues()
{
    m_presence = new PresenceAnnouncer(m_engine, this);
    const auto *delegate = qobject_cast<RecordDelegate *>(m_recordView->itemDelegate());
    Q_ASSERT(delegate);
    connect(delegate, &RecordDelegate::editorOpened, m_presence, &PresenceAnnouncer::editorOpened);
    connect(delegate, &RecordDelegate::editorClosed, m_presence, &PresenceAnnouncer::editorClosed);
    // Whatever model the view shows (the table, or a proxy over it), its current row is the
    // record the user is on; a reset leaves no current row.
    connect(m_records, &RecordTableModel::collectionChanged, this, &MainWindow::announceCurrentRecord);
    connect(m_recordView->model(), &QAbstractItemModel::modelReset, this, &MainWindow::announceCurrentRecord);
    connect(m_recordView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::announceCurrentRecord);

    m_activityPanel = new ActivityPanel(m_engine, this);
    addDockWidget(Qt::RightDockWidgetArea, m_activityPanel);
    resizeDocks({m_activityPanel}, {ActivityPanelWidth}, Qt::Horizontal);
    QAction *toggle = m_activityPanel->toggleViewAction();
    toggle->setText(tr("&Activity"));
    toggle->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_A);
    m_viewMenu->addAction(toggle);
    connect(m_activityPanel, &ActivityPanel::recordRequested, this, &MainWindow::showRecord);
}

void MainWindow::announceCurrentRecord()
{
    m_presence->setCollection(m_records->collection());
    m_presence->setCurrentRecord(m_recordView->currentRecord());
}

bool MainWindow::showRecord(const QString &collection, const QString &id)
{
    const int collectionRow = m_collections->rowOf(collection);
    if (collectionRow >= 0)
        m_collectionView->setCurrentIndex(m_collections->index(collectionRow)); // switches the table
    if (collectionRow < 0 || !m_recordView->setCurrentRecord(id, 0)) {
        statusBar()->showMessage(tr("That record is not in the table (deleted, or hidden by a filter)"),
                                 StatusMessageMs);
        return false;
    }
    m_recordView->setFocus();
    return true;
}

} // namespace Etagere
