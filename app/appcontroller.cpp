#include "appcontroller.h"

#include "applogging_p.h"
#include "appsettings.h"
#include "certificatetrust.h"
#include "localserver.h"
#include "mainwindow.h"
#include "recordtablemodel.h"
#include "settingsdialog.h"
#include "identifiers.h"
#include "journal.h"
#include "journallocation.h"
#include "localsession.h"
#include "networkaccess.h"
#include "signincontroller.h"
#include "syncengine.h"
#include "tokenstore.h"

#include <QApplication>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

/// While the connection is down, how often to check that the local server is still there.
constexpr int ProbeIntervalMs = 5000;
/// More unexpected exits of our own server than this within CrashWindowMs: stop restarting it.
constexpr int MaxCrashes = 3;
constexpr qint64 CrashWindowMs = 60000;
constexpr int RecoveredMessageMs = 5000;

/// Where QSettings keeps the account last signed in on `server` (a user name is no secret).
QString accountKey(const QUrl &server)
{
    return u"accounts/%1/user"_s.arg(AppSettings::serverSettingsKey(NetworkAccess::serverKey(server)));
}

/// The account last signed in on `server`; the local user's name when there was none.
QString accountFor(const QUrl &server)
{
    return QSettings().value(accountKey(server), localUserName()).toString();
}

void rememberAccount(const QUrl &server, const QString &user)
{
    QSettings().setValue(accountKey(server), user);
}

} // namespace

AppController::AppController(QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<AppSettings>())
    , m_tokens(std::make_unique<TokenStore>())
    , m_journalDirectory(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + u"/journals"_s)
{
    // Quitting waits for the local server to stop; see quit().
    qApp->setQuitOnLastWindowClosed(false);
    connect(qApp, &QGuiApplication::lastWindowClosed, this, &AppController::quit);
    connect(m_settings.get(), &AppSettings::changed, this, &AppController::applySettings);
    m_settings->applyTheme();
    m_probeTimer.setInterval(ProbeIntervalMs);
    connect(&m_probeTimer, &QTimer::timeout, this, &AppController::recoverServer);
}

AppController::~AppController()
{
    m_signIn.reset(); // they use the window and the engine
    m_trust.reset();
    m_window.reset(); // before the engine it shows
    m_engine.reset(); // before the store it writes to
}

void AppController::setLocalServerPaths(const QString &program, const QString &dataDirectory)
{
    m_serverProgram = program;
    m_serverDataDirectory = dataDirectory;
}

void AppController::setJournalDirectory(const QString &path)
{
    m_journalDirectory = path;
}

SyncEngine *AppController::engine() const
{
    return m_engine.get();
}

MainWindow *AppController::window() const
{
    return m_window.get();
}

LocalServer *AppController::localServer() const
{
    return m_server;
}

SignInController *AppController::signIn() const
{
    return m_signIn.get();
}

CertificateTrust *AppController::certificateTrust() const
{
    return m_trust.get();
}

AppSettings *AppController::settings() const
{
    return m_settings.get();
}

void AppController::showSettings()
{
    auto *dialog = new SettingsDialog(m_settings.get(), m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString user = m_signIn ? m_signIn->user() : localUserName();
    dialog->setAccount(user, m_engine->server(), !m_signIn);
    connect(dialog, &SettingsDialog::signOutRequested, this, [this, dialog] {
        dialog->reject();
        if (m_signIn)
            m_signIn->signOut();
    });
    dialog->open();
}

void AppController::applySettings()
{
    m_settings->applyTheme();
    if (m_window)
        m_window->recordModel()->setRemoteHighlightDuration(m_settings->highlightMs());
}

void AppController::start(const QUrl &server)
{
    if (server.isValid()) {
        connectTo(server);
        return;
    }
    m_server = new LocalServer(this);
    if (!m_serverProgram.isEmpty())
        m_server->setProgram(m_serverProgram);
    if (!m_serverDataDirectory.isEmpty())
        m_server->setDataDirectory(m_serverDataDirectory);
    connect(m_server, &LocalServer::ready, this, &AppController::connectTo);
    connect(m_server, &LocalServer::failed, this, [this](const QString &message) {
        showFatalError(tr("Etagere cannot start its local server."), message);
    });
    connect(m_server, &LocalServer::exitedUnexpectedly, this, &AppController::onServerExited);
    connect(m_server, &LocalServer::recovered, this, &AppController::onServerRecovered);
    connect(m_server, &LocalServer::recoveryFailed, this, &AppController::onRecoveryFailed);
    m_server->start();
}

void AppController::startAs(const QUrl &server, const QString &account, const QByteArray &token)
{
    Q_ASSERT(server.isValid());
    connectAs(server, account, token);
}

void AppController::connectTo(const QUrl &server)
{
    connectAs(server, m_server ? localUserName() : accountFor(server), {});
}

void AppController::connectAs(const QUrl &server, const QString &user, const QByteArray &token)
{
    qCInfo(lcApp) << "connecting to" << server << "as" << user;
    if (!openJournal(server, user))
        return;
    m_engine = std::make_unique<SyncEngine>(server, m_store.get());
    m_window = std::make_unique<MainWindow>(m_engine.get());
    m_window->recordModel()->setRemoteHighlightDuration(m_settings->highlightMs());
    connect(m_window.get(), &MainWindow::settingsRequested, this, &AppController::showSettings);
    m_trust = std::make_unique<CertificateTrust>(m_engine.get(), m_window.get());
    connect(m_trust.get(), &CertificateTrust::notice, this, [this](const QString &text) { showStatus(text); });
    if (m_server) {
        connect(m_engine.get(), &SyncEngine::connectionStateChanged, this,
                &AppController::onConnectionStateChanged);
        connect(m_engine.get(), &SyncEngine::authenticationRequired, this, &AppController::useLocalSession);
        useLocalSession();
    } else {
        setUpRemoteSignIn(user, token);
    }
    m_window->show();
    m_engine->start();
}

void AppController::setUpRemoteSignIn(const QString &user, const QByteArray &token)
{
    m_signIn = std::make_unique<SignInController>(m_engine.get(), user, m_tokens.get(), m_window.get());
    connect(m_signIn.get(), &SignInController::notice, this, &AppController::showWarning);
    // Queued: the controller that emits it is among what switchAccount() replaces.
    connect(m_signIn.get(), &SignInController::accountChanged, this, &AppController::switchAccount,
            Qt::QueuedConnection);
    if (token.isEmpty())
        m_signIn->start();
    else
        m_engine->setBearerToken(token);
}

// Another account (or server) signed in: its edits belong in its own journal, so the window
// is rebuilt on it. What the previous account left pending stays in that account's journal.
void AppController::switchAccount(const QUrl &server, const QString &user, const QByteArray &token)
{
    qCInfo(lcApp) << "switching to" << user << "at" << server;
    rememberAccount(server, user);
    m_signIn.reset();
    m_trust.reset();
    m_window.reset();
    m_engine.reset();
    m_store.reset();
    connectAs(server, user, token);
}

// The embedded server's session for the person at the keyboard. Read again when the server
// ends the session: a server started anew (by another window, after a crash) issued a new one.
void AppController::useLocalSession()
{
    QString error;
    const std::optional<LocalSession> session = LocalSession::read(m_server->dataDirectory(), &error);
    if (!session) {
        showStatus(tr("Cannot sign in to the local server: %1").arg(error));
        return;
    }
    if (session->token == m_engine->bearerToken()) {
        showStatus(tr("The local server refused its own session; restart Etagere."));
        return;
    }
    m_engine->setBearerToken(session->token);
}

// The journal of this server and the person at the keyboard. The embedded server's is keyed
// by its data directory, as its port changes from run to run; a second window of the same
// user on the same server takes the next free slot (a journal belongs to one process).
bool AppController::openJournal(const QUrl &server, const QString &user)
{
    const QString path = m_server ? JournalLocation::localPath(m_journalDirectory, m_server->dataDirectory(), user)
                                  : JournalLocation::path(m_journalDirectory, server, user);
    auto journal = std::make_unique<Journal>();
    if (!journal->openFreeSlot(path)) {
        showFatalError(tr("Etagere cannot open its journal of pending edits."), journal->errorString());
        return false;
    }
    qCInfo(lcApp) << "journal" << journal->path();
    // Before the engine reads it: what other windows queued and left shows and goes out.
    const int adopted = journal->adoptOrphanedSlots();
    QString problem = adopted < 0 ? journal->errorString() : QString();
    if (!journal->keptJournals().isEmpty())
        problem = tr("Pending edits of another Etagere window were not taken over (a record is pending in both, "
                     "or the file cannot be read); they stay in %1.").arg(journal->keptJournals().join(u", "_s));
    if (!problem.isEmpty()) // once the window is shown
        QMetaObject::invokeMethod(this, [this, problem] { showWarning(problem); }, Qt::QueuedConnection);
    m_store = std::move(journal);
    return true;
}

void AppController::showFatalError(const QString &what, const QString &details)
{
    m_exitCode = 1;
    auto *box = new QMessageBox(QMessageBox::Critical, tr("Etagere"), what, QMessageBox::Close);
    box->setInformativeText(details);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open(); // closing it closes the last window, which shuts down
}

// The engine lost the embedded server (or never reached it). Its URL is the only one it
// knows, so the server must come back there: whoever started it may have quit (then it was
// stopped) or it died. The LocalServer finds out by trying to start it again (the server's
// lock on the data directory decides who owns it), now and then periodically while the
// connection stays down; when the server is in fact still there, that changes nothing.
void AppController::onConnectionStateChanged(ConnectionState state)
{
    if (state == ConnectionState::Live || state == ConnectionState::Connecting) {
        m_probeTimer.stop();
        return;
    }
    if (m_shuttingDown || m_probeTimer.isActive())
        return;
    m_probeTimer.start();
    recoverServer();
}

void AppController::recoverServer()
{
    if (!m_server || m_shuttingDown || m_recoveryAbandoned)
        return;
    m_server->recover();
}

void AppController::onServerExited(const QString &message)
{
    if (m_shuttingDown)
        return;
    if (registerCrash()) {
        m_recoveryAbandoned = true;
        m_probeTimer.stop();
        showWarning(tr("The local server keeps stopping; Etagere no longer restarts it. "
                       "Restart Etagere to try again.\n%1")
                        .arg(message));
        return;
    }
    showStatus(tr("The local server stopped; starting it again…"));
    recoverServer();
}

// Counts an unexpected exit of our server; true when that makes too many lately.
bool AppController::registerCrash()
{
    if (!m_crashWindow.isValid() || m_crashWindow.hasExpired(CrashWindowMs)) {
        m_crashWindow.start();
        m_crashes = 0;
    }
    return ++m_crashes > MaxCrashes;
}

void AppController::onServerRecovered()
{
    m_lastRecoveryError.clear();
    if (m_server->ownsServer()) {
        showStatus(tr("Etagere started the local server again at %1.").arg(m_server->url().toDisplayString()),
                   RecoveredMessageMs);
    } else if (m_window) {
        m_window->statusBar()->clearMessage();
    }
}

// Shown in the status bar until something else is; a message box the first time only,
// as the probe keeps trying (and usually fails the same way) while the connection is down.
void AppController::onRecoveryFailed(const QString &message)
{
    showStatus(tr("The local server is gone and cannot be started again: %1").arg(message));
    if (std::exchange(m_lastRecoveryError, message) != message)
        showWarning(message);
}

void AppController::showStatus(const QString &message, int timeoutMs)
{
    if (m_window)
        m_window->statusBar()->showMessage(QString(message).replace(u'\n', u' '), timeoutMs);
}

void AppController::showWarning(const QString &message)
{
    if (!m_window)
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Etagere"), message, QMessageBox::Ok, m_window.get());
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void AppController::quit()
{
    if (std::exchange(m_shuttingDown, true))
        return;
    qCInfo(lcApp) << "shutting down";
    m_probeTimer.stop();
    if (m_window)
        m_window->hide();
    if (m_engine)
        m_engine->stop();
    if (!m_server) {
        QCoreApplication::exit(m_exitCode);
        return;
    }
    connect(m_server, &LocalServer::stopped, this, [this] { QCoreApplication::exit(m_exitCode); });
    m_server->stop();
}

} // namespace Etagere
