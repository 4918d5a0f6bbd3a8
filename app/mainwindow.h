#pragma once

#include "conflict.h"

#include <QIcon>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QListView;
class QMenu;
class QTableView;

namespace Etagere {

class CollectionActions;
class CollectionListModel;
class ConflictResolver;
class ConflictsPanel;
class ConnectionIndicator;
class OutboxPanel;
class RecordTableModel;
class SyncEngine;

/// The main window: the collections on the left, the records of the selected one on the
/// right, actions to add and delete records, a status bar with the server, the
/// connection state, the number of pending edits and of conflicts. Docked below: the
/// Conflicts panel (every unresolved conflict) and the Outbox (every pending edit).
///
/// Conflicts do not interrupt: a conflict on the record the user is on (the current row,
/// typically the edit they just made) opens the ConflictDialog at once; any other goes to
/// the Conflicts panel, which is shown, with a status-bar note. The user resolves those in
/// any order from the panel or with Resolve Conflict; a badge on that action counts them.
///
/// Talks only to its models and to the SyncEngine's public API. Does not own the engine,
/// which must outlive the window.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(SyncEngine *engine, QWidget *parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] CollectionListModel *collectionModel() const;
    [[nodiscard]] RecordTableModel *recordModel() const;
    [[nodiscard]] QTableView *recordView() const;
    [[nodiscard]] ConflictsPanel *conflictsPanel() const;
    [[nodiscard]] OutboxPanel *outboxPanel() const;
    [[nodiscard]] ConflictResolver *conflictResolver() const;
    /// New Collection…, Import CSV…, Export CSV… (in the File menu).
    [[nodiscard]] CollectionActions *collectionActions() const;

Q_SIGNALS:
    /// File > Settings: the owner shows the settings (they concern more than this window).
    void settingsRequested();

private:
    void createViews();
    void createActions();
    void createMenusAndToolBar();
    void createStatusBar();
    void createPanels();
    void connectEngine();

    void selectFirstCollectionIfNone();
    void onCollectionSelected();
    void fitColumns();
    void updateActions();
    void updateConflictCount();

    void addRecord();
    void confirmDelete();
    void deleteRecords(const QStringList &ids);
    void showAbout();

    void onConflictAdded(const Conflict &conflict);
    [[nodiscard]] bool isCurrentRecord(const QString &collection, const QString &id) const;
    void resolveCurrentRecord();

    [[nodiscard]] QStringList selectedIds() const;

    SyncEngine *m_engine;
    CollectionListModel *m_collections;
    RecordTableModel *m_records;
    QListView *m_collectionView = nullptr;
    QTableView *m_recordView = nullptr;
    QAction *m_addAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_resolveAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_settingsAction = nullptr;
    ConnectionIndicator *m_connection = nullptr;
    QLabel *m_serverLabel = nullptr;
    QLabel *m_userLabel = nullptr;
    QLabel *m_conflictLabel = nullptr;
    ConflictResolver *m_resolver = nullptr;
    CollectionActions *m_collectionActions = nullptr;
    ConflictsPanel *m_conflictsPanel = nullptr;
    OutboxPanel *m_outboxPanel = nullptr;
    QIcon m_resolveIcon; ///< without the badge
    QMenu *m_viewMenu = nullptr;
};

} // namespace Etagere
