#pragma once

#include "conflict.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QListView;
class QTableView;

namespace Etagere {

class CollectionListModel;
class ConflictDialog;
class ConnectionIndicator;
class RecordTableModel;
class SyncEngine;

/// The main window: the collections on the left, the records of the selected one on the
/// right, actions to add and delete records, a status bar with the server, the
/// connection state and the number of pending edits. Opens a ConflictDialog for each
/// conflict the engine reports, one at a time, and passes the user's choice back to it.
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

private:
    void createViews();
    void createActions();
    void createMenusAndToolBar();
    void createStatusBar();
    void connectEngine();

    void selectFirstCollectionIfNone();
    void onCollectionSelected();
    void fitColumns();
    void updateActions();
    void updatePendingCount(int count);
    void updateConflictCount();

    void addRecord();
    void confirmDelete();
    void deleteRecords(const QStringList &ids);
    void showAbout();

    void enqueueConflict(const QString &collection, const QString &id);
    void dropConflict(const QString &collection, const QString &id);
    void showNextConflict();
    void onConflictDialogFinished();
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
    ConnectionIndicator *m_connection = nullptr;
    QLabel *m_serverLabel = nullptr;
    QLabel *m_userLabel = nullptr;
    QLabel *m_pendingLabel = nullptr;
    QLabel *m_conflictLabel = nullptr;
    QList<std::pair<QString, QString>> m_conflictQueue; ///< (collection, id) waiting for the dialog
    QPointer<ConflictDialog> m_conflictDialog;
};

} // namespace Etagere
