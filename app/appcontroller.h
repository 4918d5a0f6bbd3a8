#pragma once

#include "connectionstate.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace Etagere {

class AppSettings;
class CertificateTrust;
class LocalServer;
class MainWindow;
class RecordStore;
class SignInController;
class SyncEngine;
class TokenStore;

/// Puts the application together: finds the server (the one given, or the embedded local
/// one), opens the journal of that server and the local user (a Journal under the journal
/// directory: pending edits of an earlier run show at once and are sent), builds the
/// SyncEngine and the main window, starts syncing,
/// and shuts everything down in order when the last window closes (the local server it
/// started gets SIGTERM and the application quits once it is gone).
///
/// Identity: on the embedded server, the person at the keyboard signs in with the server's
/// LocalSession file (read again whenever the server ends the session, as a restarted
/// server issues a new one). On a remote server, a SignInController signs in with the
/// keychain's token or the login dialog, and CertificateTrust asks about untrusted
/// certificates. Journals are per server and account: signing in as someone else reopens
/// the window on that account's journal.
///
/// On the embedded local server, keeps it alive: when the engine loses its connection
/// (the application that started the server quit, or the server died), it asks the
/// LocalServer to start it again on the same port, or to join the one another Etagere
/// started there, so that the engine's URL stays valid and it reconnects by itself. What
/// cannot be recovered is shown in the status bar and a message box.
///
/// Owns everything it creates. Lives in the GUI thread; one per application.
class AppController : public QObject
{
    Q_OBJECT

public:
    explicit AppController(QObject *parent = nullptr);
    ~AppController() override;

    /// For tests: the embedded server's program and data directory (empty: LocalServer's
    /// defaults). Call before start().
    void setLocalServerPaths(const QString &program, const QString &dataDirectory);
    /// Where journals are kept; default `<AppLocalDataLocation>/journals`. Call before start().
    void setJournalDirectory(const QString &path);

    /// Connects to `server`; with an empty URL, starts the embedded local server first.
    void start(const QUrl &server);
    /// Connects to the remote `server` as `account` with the session `token` (as
    /// `etagere --demo` opens its windows); the login dialog comes only if the server refuses it.
    void startAs(const QUrl &server, const QString &account, const QByteArray &token);
    /// Stops syncing and the local server, then quits the application (also what
    /// closing the last window does).
    void quit();

    [[nodiscard]] SyncEngine *engine() const;
    [[nodiscard]] MainWindow *window() const;
    /// The embedded server; null when start() was given a URL.
    [[nodiscard]] LocalServer *localServer() const;
    /// Signs in on a remote server; null on the embedded one.
    [[nodiscard]] SignInController *signIn() const;
    [[nodiscard]] CertificateTrust *certificateTrust() const;
    [[nodiscard]] AppSettings *settings() const;
    /// File > Settings.
    void showSettings();

private:
    void connectTo(const QUrl &server);
    /// connectTo() as `user`, with `token` when it is already known.
    void connectAs(const QUrl &server, const QString &user, const QByteArray &token);
    void switchAccount(const QUrl &server, const QString &user, const QByteArray &token);
    void useLocalSession();
    void setUpRemoteSignIn(const QString &user, const QByteArray &token);
    void applySettings();
    [[nodiscard]] bool openJournal(const QUrl &server, const QString &user);
    void showFatalError(const QString &what, const QString &details);
    void onConnectionStateChanged(ConnectionState state);
    void onServerExited(const QString &message);
    void onServerRecovered();
    void onRecoveryFailed(const QString &message);
    void recoverServer();
    [[nodiscard]] bool registerCrash();
    void showStatus(const QString &message, int timeoutMs = 0);
    void showWarning(const QString &message);

    std::unique_ptr<RecordStore> m_store;
    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<SignInController> m_signIn;
    std::unique_ptr<CertificateTrust> m_trust;
    QPointer<LocalServer> m_server;
    QString m_serverProgram;
    QString m_serverDataDirectory;
    QString m_journalDirectory;
    QTimer m_probeTimer;         ///< while the connection is down: is the local server still there?
    QElapsedTimer m_crashWindow; ///< since the first of the recent unexpected exits
    int m_crashes = 0;           ///< unexpected exits of our server within m_crashWindow
    bool m_recoveryAbandoned = false;
    QString m_lastRecoveryError; ///< shown in a message box once, not at every probe
    int m_exitCode = 0;
    bool m_shuttingDown = false;
};

} // namespace Etagere
