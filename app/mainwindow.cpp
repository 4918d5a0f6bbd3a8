#include "mainwindow.h"
#include "mainwindow_p.h"

#include "applogging_p.h"
#include "collectionactions.h"
#include "collectionlistmodel.h"
#include "conflictlistmodel.h"
#include "conflictresolver.h"
#include "conflictspanel.h"
#include "connectionindicator.h"
#include "loadprogressindicator.h"
#include "outboxpanel.h"
#include "recordfiltermodel.h"
#include "recordform.h"
#include "recordsearchbar.h"
#include "recordtablemodel.h"
#include "recordtableview.h"
#include "recordtitle.h"
#include "syncengine.h"
#include "windowsettings.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

constexpr int MaxFittedColumnWidth = 280;
constexpr int MaxFittedTextColumnWidth = 220; ///< multi-line text shows its first line only

/// A plus sign in the palette's text colour, for when the icon theme has no list-add.
QIcon drawnPlusIcon(const QPalette &palette)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(palette.color(QPalette::WindowText), 4, Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(QPointF(16, 6), QPointF(16, 26));
    painter.drawLine(QPointF(6, 16), QPointF(26, 16));
    return QIcon(pixmap);
}

/// `icon` with a red badge in its top right corner holding `count` (white, bold).
QIcon withBadge(const QIcon &icon, int count)
{
    if (count <= 0)
        return icon;
    QPixmap pixmap = icon.pixmap(32, 32);
    if (pixmap.isNull()) {
        pixmap = QPixmap(32, 32);
        pixmap.fill(Qt::transparent);
    }
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF badge(14, 0, 18, 18);
    painter.setPen(QPen(Qt::white, 1.5));
    painter.setBrush(QColor(0xc6, 0x28, 0x28));
    painter.drawEllipse(badge);
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(count > 9 ? 9 : 12);
    painter.setFont(font);
    painter.drawText(badge, Qt::AlignCenter, count > 99 ? u"99+"_s : QString::number(count));
    return QIcon(pixmap);
}

} // namespace

MainWindow::MainWindow(SyncEngine *engine, QWidget *parent)
    : QMainWindow(parent)
    , m_engine(engine)
    , m_collections(new CollectionListModel(engine, this))
    , m_records(new RecordTableModel(engine, this))
    , m_filter(new RecordFilterModel(this))
{
    Q_ASSERT(engine);
    setWindowTitle(tr("Etagere"));
    createViews();
    createActions();
    createMenusAndToolBar();
    createStatusBar();
    createPanels();
    createRecordForm();
    createLiveCues();
    resize(1100, 650);
    WindowSettings::restoreWindow(this);
    connectEngine();
    selectFirstCollectionIfNone();
    updateActions();
}

MainWindow::~MainWindow()
{
    // The children go after this destructor: their last signals (an editor closing, a
    // selection cleared) must not reach a window that is half gone.
    for (const QObject *child : std::initializer_list<const QObject *>{
             m_recordView, m_recordView->selectionModel(), m_collectionView->selectionModel(), m_form, m_records,
             m_filter, m_collections})
        disconnect(child, nullptr, this, nullptr);
}

CollectionListModel *MainWindow::collectionModel() const
{
    return m_collections;
}

RecordTableModel *MainWindow::recordModel() const
{
    return m_records;
}

ConflictsPanel *MainWindow::conflictsPanel() const
{
    return m_conflictsPanel;
}

OutboxPanel *MainWindow::outboxPanel() const
{
    return m_outboxPanel;
}

ConflictResolver *MainWindow::conflictResolver() const
{
    return m_resolver;
}

RecordTableView *MainWindow::recordView() const
{
    return m_recordView;
}

void MainWindow::createViews()
{
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_collectionView = new QListView(splitter);
    m_collectionView->setModel(m_collections);
    m_collectionView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_collectionView->setAccessibleName(tr("Collections"));

    QWidget *records = createRecordsPane(splitter);

    splitter->addWidget(m_collectionView);
    splitter->addWidget(records);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({150, 950});
    setCentralWidget(splitter);

    connect(m_collections, &QAbstractItemModel::rowsInserted, this, &MainWindow::selectFirstCollectionIfNone);
    connect(m_collections, &QAbstractItemModel::modelReset, this, &MainWindow::selectFirstCollectionIfNone);
    connect(m_collectionView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::onCollectionSelected);
    connect(m_records, &QAbstractItemModel::modelReset, this, &MainWindow::updateActions);
    connect(m_records, &QAbstractItemModel::dataChanged, this, &MainWindow::updateActions);
    connect(m_records, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateActions);
    connect(m_recordView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateActions);
    connect(m_recordView->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::updateActions);
    connect(m_records, &RecordTableModel::editRejected, this,
            [this](const QString &message) { statusBar()->showMessage(message, StatusMessageMs); });
}

void MainWindow::createActions()
{
    m_addAction = new QAction(themedIcon(u"list-add"_s, drawnPlusIcon(palette())), tr("&Add Record"), this);
    m_addAction->setShortcut(QKeySequence::New);
    m_addAction->setStatusTip(tr("Add a record to this collection"));
    connect(m_addAction, &QAction::triggered, this, &MainWindow::addRecord);

    m_deleteAction = new QAction(themedIcon(u"edit-delete"_s, style()->standardIcon(QStyle::SP_TrashIcon)),
                                 tr("&Delete Record…"), this);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    // Only while the table has focus: Del in the collection list or an editor is theirs.
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_deleteAction->setStatusTip(tr("Delete the selected records"));
    m_recordView->addAction(m_deleteAction);
    connect(m_deleteAction, &QAction::triggered, this, &MainWindow::confirmDelete);

    m_resolveIcon = themedIcon(u"dialog-warning"_s, style()->standardIcon(QStyle::SP_MessageBoxWarning));
    m_resolveAction = new QAction(m_resolveIcon, tr("&Resolve Conflict…"), this);
    m_resolveAction->setShortcut(Qt::CTRL | Qt::Key_R);
    m_resolveAction->setStatusTip(tr("Choose between your version of a record and the version somebody else saved"));
    connect(m_resolveAction, &QAction::triggered, this, &MainWindow::resolveCurrentRecord);

    m_quitAction = new QAction(themedIcon(u"application-exit"_s, QIcon()), tr("&Quit"), this);
    m_quitAction->setShortcut(Qt::CTRL | Qt::Key_Q); // QKeySequence::Quit is empty in some key schemes
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_settingsAction = new QAction(themedIcon(u"preferences-system"_s, QIcon()), tr("&Settings…"), this);
    m_settingsAction->setShortcut(Qt::CTRL | Qt::Key_Comma); // QKeySequence::Preferences is empty on Linux
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::settingsRequested);

    m_aboutAction = new QAction(tr("&About Etagere"), this);
    m_aboutAction->setShortcut(QKeySequence::HelpContents);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    createEditing();
}

void MainWindow::createMenusAndToolBar()
{
    m_collectionActions = new CollectionActions(m_engine, this, [this] { return m_records->collection(); }, this);
    connect(m_collectionActions, &CollectionActions::message, this,
            [this](const QString &message) { statusBar()->showMessage(message, StatusMessageMs); });
    connect(m_collectionActions, &CollectionActions::collectionCreated, this, [this](const QString &name) {
        m_collectionView->setCurrentIndex(m_collections->index(m_collections->rowOf(name)));
    });
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addActions(m_collectionActions->actions());
    file->addSeparator();
    file->addAction(m_settingsAction);
    file->addSeparator();
    file->addAction(m_quitAction);
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_findAction);
    QMenu *record = menuBar()->addMenu(tr("&Record"));
    record->addAction(m_addAction);
    record->addAction(m_deleteAction);
    record->addSeparator();
    record->addAction(m_resolveAction);
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);

    QToolBar *toolBar = addToolBar(tr("Records"));
    toolBar->setObjectName(u"recordsToolBar"_s);
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_addAction);
    toolBar->addAction(m_deleteAction);
    toolBar->addSeparator();
    toolBar->addAction(m_undoAction);
    toolBar->addAction(m_redoAction);
    toolBar->addSeparator();
    toolBar->addAction(m_resolveAction);
}

void MainWindow::createStatusBar()
{
    m_userLabel = new QLabel(this);
    m_serverLabel = new QLabel(m_engine->server().toDisplayString(), this);
    m_serverLabel->setToolTip(tr("The server this window is connected to"));
    m_serverLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_conflictLabel = new QLabel(this);
    QPalette warning = m_conflictLabel->palette();
    warning.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_conflictLabel->setPalette(warning);
    m_connection = new ConnectionIndicator(this); // also says what becomes of the pending edits
    m_connection->setServer(m_engine->server());
    m_loadProgress = new LoadProgressIndicator(m_engine, this);
    statusBar()->addPermanentWidget(m_loadProgress);
    statusBar()->addPermanentWidget(m_userLabel);
    statusBar()->addPermanentWidget(m_serverLabel);
    statusBar()->addPermanentWidget(m_conflictLabel);
    statusBar()->addPermanentWidget(m_connection);
}

void MainWindow::connectEngine()
{
    const auto showConnection = [this](ConnectionState state) {
        m_connection->setLastError(m_engine->connectionError());
        m_connection->setState(state);
    };
    showConnection(m_engine->connectionState());
    connect(m_engine, &SyncEngine::connectionStateChanged, this, showConnection);
    connect(m_engine, &SyncEngine::reconnectScheduled, this, [this](int delayMs, int attempt) {
        m_connection->setLastError(m_engine->connectionError());
        m_connection->setReconnectDelay(delayMs, attempt);
    });
    const auto showUser = [this](const QString &user) {
        m_userLabel->setText(user.isEmpty() ? QString() : tr("Signed in as %1").arg(user));
    };
    showUser(m_engine->user());
    connect(m_engine, &SyncEngine::userChanged, this, showUser);
    m_connection->setPendingCount(m_engine->pendingCount());
    connect(m_engine, &SyncEngine::pendingCountChanged, m_connection, &ConnectionIndicator::setPendingCount);
    connect(m_engine, &SyncEngine::conflictAdded, this, &MainWindow::onConflictAdded);
    connect(m_engine, &SyncEngine::conflictRemoved, this, &MainWindow::updateConflictCount);
    connect(m_engine, &SyncEngine::writeFailed, this, [this](const QString &, const QString &, const QString &message) {
        statusBar()->showMessage(tr("The server refused a change: %1").arg(message), StatusMessageMs);
    });
    connect(m_engine, &SyncEngine::errorOccurred, this,
            [this](const QString &message) { statusBar()->showMessage(message, StatusMessageMs); });
    updateConflictCount();
    if (!m_engine->conflicts().isEmpty()) // e.g. kept from the last session: listed, not popped up
        m_conflictsPanel->show();
}

void MainWindow::createPanels()
{
    m_resolver = new ConflictResolver(m_engine, this);
    connect(m_resolver, &ConflictResolver::message, this,
            [this](const QString &message) { statusBar()->showMessage(message, StatusMessageMs); });
    m_conflictsPanel = new ConflictsPanel(m_engine, this);
    connect(m_conflictsPanel, &ConflictsPanel::resolveRequested, m_resolver, &ConflictResolver::open);
    m_outboxPanel = new OutboxPanel(m_engine, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_conflictsPanel);
    tabifyDockWidget(m_conflictsPanel, m_outboxPanel);
    m_conflictsPanel->hide(); // shown when there is something to resolve, or from the View menu
    m_outboxPanel->hide();
    QAction *conflicts = m_conflictsPanel->toggleViewAction();
    conflicts->setText(tr("&Conflicts"));
    conflicts->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_C);
    QAction *outbox = m_outboxPanel->toggleViewAction();
    outbox->setText(tr("&Outbox"));
    outbox->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_O);
    m_viewMenu->addAction(conflicts);
    m_viewMenu->addAction(outbox);
}

void MainWindow::selectFirstCollectionIfNone()
{
    if (!m_collectionView->currentIndex().isValid() && m_collections->rowCount() > 0)
        m_collectionView->setCurrentIndex(m_collections->index(0));
}

void MainWindow::onCollectionSelected()
{
    const QModelIndex current = m_collectionView->currentIndex();
    m_form->setRecordId({}); // saves what was being changed in the form
    m_searchBar->clear();
    m_records->setCollection(current.data(CollectionListModel::NameRole).toString());
    setWindowTitle(current.isValid() ? tr("%1 — Etagere").arg(current.data().toString()) : tr("Etagere"));
}

void MainWindow::fitColumns()
{
    m_recordView->resizeColumnsToContents();
    const QList<FieldSchema> fields = m_records->schema().fields;
    for (int column = 0; column < fields.size(); ++column) {
        const int cap = fields.at(column).type == FieldType::Text ? MaxFittedTextColumnWidth : MaxFittedColumnWidth;
        if (m_recordView->columnWidth(column) > cap)
            m_recordView->setColumnWidth(column, cap);
    }
}

void MainWindow::updateActions()
{
    m_addAction->setEnabled(m_records->columnCount() > 0);
    const QStringList ids = selectedIds();
    const bool deletable = std::any_of(ids.cbegin(), ids.cend(), [this](const QString &id) {
        return !m_records->index(m_records->rowOf(id), 0).data(RecordTableModel::DeletedRole).toBool();
    });
    m_deleteAction->setEnabled(deletable);
    m_resolveAction->setEnabled(!m_engine->conflicts().isEmpty());
}

void MainWindow::updateConflictCount()
{
    const int count = int(m_engine->conflicts().size());
    m_conflictLabel->setText(tr("Conflicts: %n", nullptr, count));
    m_conflictLabel->setVisible(count > 0);
    m_connection->setConflictCount(count);
    m_resolveAction->setIcon(withBadge(m_resolveIcon, count));
    m_resolveAction->setToolTip(count == 0 ? tr("No conflict to resolve")
                                           : tr("Resolve a conflict (%n waiting)", nullptr, count));
    updateActions();
}

QStringList MainWindow::selectedIds() const
{
    QStringList ids;
    const QModelIndexList rows = m_recordView->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows)
        ids << m_filter->recordIdAt(row.row());
    return ids;
}

void MainWindow::addRecord()
{
    const QString id = m_records->insertRecord();
    if (id.isEmpty())
        return;
    m_filter->setPinnedRecord(id); // shown while it is filled in, whatever the search
    if (!m_recordView->setCurrentRecord(id, 0))
        return;
    const QModelIndex first = m_recordView->currentIndex();
    if (first.flags().testFlag(Qt::ItemIsEditable))
        m_recordView->edit(first);
}

void MainWindow::confirmDelete()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete Record"),
                                ids.size() == 1
                                    ? tr("Delete this record? Everybody working on this collection will see it go.")
                                    : tr("Delete these %1 records? Everybody working on this collection will see "
                                         "them go.").arg(ids.size()),
                                QMessageBox::Cancel, this);
    QPushButton *deleteButton = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, deleteButton, ids] {
        if (box->clickedButton() == deleteButton)
            deleteRecords(ids);
    });
    box->open();
}

void MainWindow::deleteRecords(const QStringList &ids)
{
    int refused = 0;
    if (ids.size() > 1) // one step to undo
        m_undoStack->beginMacro(tr("deletion of %n records", nullptr, int(ids.size())));
    for (const QString &id : ids) {
        if (!m_records->removeRecord(m_records->rowOf(id)))
            ++refused;
    }
    if (ids.size() > 1)
        m_undoStack->endMacro();
    if (refused > 0)
        statusBar()->showMessage(tr("Records that could not be deleted: %n", nullptr, refused), StatusMessageMs);
}

void MainWindow::showAbout()
{
    auto *box = new QMessageBox(QMessageBox::Information, tr("About Etagere"),
                                tr("Etagere %1\nEdit shared records live, together.")
                                    .arg(QCoreApplication::applicationVersion()),
                                QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::onConflictAdded(const Conflict &conflict)
{
    updateConflictCount();
    // The record the user is on (most often the edit they just made) asks at once; a
    // conflict elsewhere must not interrupt: it waits in the panel, with a note.
    if (!m_resolver->isOpen() && isCurrentRecord(conflict.collection, conflict.id)
        && m_resolver->open(conflict.collection, conflict.id))
        return;
    m_conflictsPanel->show();
    m_conflictsPanel->raise();
    const std::optional<CollectionSchema> schema = m_engine->collection(conflict.collection);
    const QString title = recordTitle(schema.value_or(CollectionSchema()), conflict.id,
                                      conflict.hasMine ? conflict.mine : conflict.theirs, conflict.base);
    statusBar()->showMessage(tr("Conflict on “%1”: it waits in the Conflicts panel").arg(title), StatusMessageMs);
}

bool MainWindow::isCurrentRecord(const QString &collection, const QString &id) const
{
    return m_records->collection() == collection && !id.isEmpty() && m_recordView->currentRecord() == id;
}

// The current record's conflict when it has one, else the one selected in the panel.
void MainWindow::resolveCurrentRecord()
{
    const QModelIndex current = m_recordView->currentIndex();
    if (current.isValid() && current.data(RecordTableModel::ConflictRole).toBool()) {
        m_resolver->open(m_records->collection(), m_recordView->currentRecord());
        return;
    }
    const QModelIndex listed = m_conflictsPanel->view()->currentIndex();
    if (listed.isValid()) {
        m_resolver->open(listed.data(ConflictListModel::CollectionRole).toString(),
                         listed.data(ConflictListModel::RecordIdRole).toString());
    }
}

} // namespace Etagere
