#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

class QAction;
class QWidget;

namespace Etagere {

class CsvExportJob;
class CsvImportJob;
class ProgressDialog;
class SyncEngine;

/// The actions on whole collections, for a window's menus: New Collection…, Import CSV…
/// and Export CSV…. Each opens its dialogs on top of the window, without nested event
/// loops: the NewCollectionDialog, a file dialog, a ProgressDialog while the work runs
/// (Cancel works), and a message box when something went wrong (what was refused, line by
/// line). The work is done by SyncEngine::createCollection(), CsvImportJob and
/// CsvExportJob; import and export act on the collection `currentCollection` names when
/// they start, one at a time. Short outcomes go out through message() (a status bar).
///
/// Does not own the engine or the window, which must outlive it.
class CollectionActions : public QObject
{
    Q_OBJECT

public:
    using CollectionProvider = std::function<QString()>;

    CollectionActions(SyncEngine *engine, QWidget *window, CollectionProvider currentCollection,
                      QObject *parent = nullptr);
    ~CollectionActions() override;

    /// New Collection…, Import CSV…, Export CSV…, in menu order.
    [[nodiscard]] QList<QAction *> actions() const;
    [[nodiscard]] QAction *newCollectionAction() const;
    [[nodiscard]] QAction *importAction() const;
    [[nodiscard]] QAction *exportAction() const;

    /// What the actions do: open the dialog, or a file dialog.
    void newCollection();
    void chooseImportFile();
    void chooseExportFile();
    /// Imports `path` into the current collection (Import CSV… once a file is chosen).
    void importFile(const QString &path);
    /// Exports the current collection to `path` (Export CSV… once a file is chosen).
    void exportFile(const QString &path);

    /// Whether an import or export is running.
    [[nodiscard]] bool isBusy() const;
    /// The progress dialog of the running import or export; null when none runs.
    [[nodiscard]] ProgressDialog *progressDialog() const;

Q_SIGNALS:
    void collectionCreated(const QString &name);
    void message(const QString &text);

private:
    [[nodiscard]] QString collectionForTransfer();
    [[nodiscard]] QString displayName(const QString &collection) const;
    ProgressDialog *openProgress(const QString &title);
    void onImportProgress(qint64 done, qint64 total);
    void onImportFinished(CsvImportJob *job);
    void onExportFinished(CsvExportJob *job);
    void endTransfer();
    void showProblem(const QString &title, const QString &text, const QString &details = {},
                     const QString &more = {});
    void updateActions();

    SyncEngine *m_engine;
    QWidget *m_window;
    CollectionProvider m_currentCollection;
    QAction *m_new;
    QAction *m_import;
    QAction *m_export;
    QPointer<CsvImportJob> m_importJob;
    QPointer<CsvExportJob> m_exportJob;
    QPointer<ProgressDialog> m_progress;
};

} // namespace Etagere
