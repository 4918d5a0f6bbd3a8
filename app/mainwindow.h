#pragma once

#include "conflict.h"

#include <QIcon>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QDockWidget;
class QLabel;
class QListView;
class QMenu;
class QUndoStack;

namespace Etagere {

class ActivityPanel;
class CollectionActions;
class CollectionListModel;
class ConflictResolver;
class ConflictsPanel;
class ConnectionIndicator;
class LoadProgressIndicator;
class OutboxPanel;
class PresenceAnnouncer;
class RecordFilterModel;
class RecordForm;
class RecordHistory;
class RecordSearchBar;
class RecordTableModel;
class RecordTableView;
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
/// Live cues (mainwindow_live.cpp): the current record and the records with an open editor
/// are announced to the others (PresenceAnnouncer); the table shows who else is where
/// (RecordDelegate); the Activity panel lists the others' latest changes and goes to the
/// record of the one clicked.
///
/// Everyday editing: the table sorts by any column (click a header; a third click goes back
/// to the collection's order) and filters through a quick search (Ctrl+F; Esc clears it),
/// both kept while live changes arrive, with the selected record and the rows in view kept
/// in place. Undo and Redo (Edit menu) take back the user's own edits as new edits. The
/// Record panel shows the current record as a form. Geometry, docks and, per collection,
/// the columns (widths, order, sort) are remembered (WindowSettings). While collections
/// load as a whole, the status bar counts the records received.
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
    /// What the table shows: recordModel() sorted and filtered.
    [[nodiscard]] RecordFilterModel *filterModel() const;
    [[nodiscard]] RecordTableView *recordView() const;
    [[nodiscard]] RecordSearchBar *searchBar() const;
    [[nodiscard]] RecordForm *recordForm() const;
    [[nodiscard]] QDockWidget *recordFormPanel() const;
    [[nodiscard]] QUndoStack *undoStack() const;
    [[nodiscard]] ConflictsPanel *conflictsPanel() const;
    [[nodiscard]] OutboxPanel *outboxPanel() const;
    [[nodiscard]] ConflictResolver *conflictResolver() const;
    [[nodiscard]] ActivityPanel *activityPanel() const;
    /// Announces this window's current record and editors; a form that edits a record
    /// reports its editor here too (editorOpened/editorClosed).
    [[nodiscard]] PresenceAnnouncer *presenceAnnouncer() const;

    /// Shows collection `collection` and makes record `id` the current, selected row of
    /// the table. False, with a status-bar note, when the table does not hold it (deleted,
    /// or hidden by a filter).
    bool showRecord(const QString &collection, const QString &id);

Q_SIGNALS:
    /// File > Settings: the owner shows the settings (they concern more than this window).
    void settingsRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createViews();
    [[nodiscard]] QWidget *createRecordsPane(QWidget *parent);
    void setUpHeaders();
    void createEditing();
    void createRecordForm();
    void createActions();
    void createMenusAndToolBar();
    void createStatusBar();
    void createPanels();
    void connectEngine();
    void createLiveCues();
    void announceCurrentRecord();

    void selectFirstCollectionIfNone();
    void onCollectionSelected();
    void fitColumns();
    void saveColumns();
    void restoreColumns();
    void updatePinnedRecord();
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
    RecordFilterModel *m_filter;
    QListView *m_collectionView = nullptr;
    RecordTableView *m_recordView = nullptr;
    RecordSearchBar *m_searchBar = nullptr;
    RecordForm *m_form = nullptr;
    QDockWidget *m_formPanel = nullptr;
    QUndoStack *m_undoStack = nullptr;
    RecordHistory *m_history = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_findAction = nullptr;
    LoadProgressIndicator *m_loadProgress = nullptr;
    QString m_columnsCollection;  ///< the collection whose columns the table shows
    QStringList m_columnsFields;  ///< and its fields
    bool m_columnsSettled = false; ///< restored, or fitted to rows: worth saving
    std::pair<int, Qt::SortOrder> m_sortBeforeReset{-1, Qt::AscendingOrder};
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
    ActivityPanel *m_activityPanel = nullptr;
    PresenceAnnouncer *m_presence = nullptr;
};

} // namespace Etagere
