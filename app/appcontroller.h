#pragma once

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>

namespace Etagere {

class LocalServer;
class MainWindow;
class RecordStore;
class SyncEngine;

/// Puts the application together: finds the server (the one given, or the embedded local
/// one), builds the record store, the SyncEngine and the main window, starts syncing,
/// and shuts everything down in order when the last window closes (the local server it
/// started gets SIGTERM and the application quits once it is gone).
///
/// Owns everything it creates. Lives in the GUI thread; one per application.
class AppController : public QObject
{
    Q_OBJECT

public:
    explicit AppController(QObject *parent = nullptr);
    ~AppController() override;

    /// Connects to `server`; with an empty URL, starts the embedded local server first.
    void start(const QUrl &server);
    /// Stops syncing and the local server, then quits the application (also what
    /// closing the last window does).
    void quit();

    [[nodiscard]] SyncEngine *engine() const;
    [[nodiscard]] MainWindow *window() const;

private:
    void connectTo(const QUrl &server);
    void showFatalError(const QString &message);

    std::unique_ptr<RecordStore> m_store;
    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<MainWindow> m_window;
    QPointer<LocalServer> m_server;
    int m_exitCode = 0;
    bool m_shuttingDown = false;
};

} // namespace Etagere
