#include "appcontroller.h"

#include "applogging_p.h"
#include "localserver.h"
#include "mainwindow.h"
#include "identifiers.h"
#include "journal.h"
#include "journallocation.h"
#include "localsession.h"
#include "syncengine.h"

#include <QApplication>
#include <QMessageBox>
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

} // namespace

AppController::AppController(QObject *parent)
    : QObject(parent)
    , m_journalDirectory(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + u"/journals"_s)
{
    // Quitting waits for the local server to stop; see quit().
    qApp->setQuitOnLastWindowClosed(false);
    connect(qApp, &QGuiApplication::lastWindowClosed, this, &AppController::quit);
    m_probeTimer.setInterval(ProbeIntervalMs);
    connect(&m_probeTimer, &QTimer::timeout, this, &AppController::recoverServer);
}

AppController::~AppController()
{
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

void AppController::connectTo(const QUrl &server)
{
    qCInfo(lcApp) << "connecting to" << server;
    if (!openJournal(server))
        return;
    m_engine = std::make_unique<SyncEngine>(server, m_store.get());
    m_window = std::make_unique<MainWindow>(m_engine.get());
    if (m_server) {
        connect(m_engine.get(), &SyncEngine::connectionStateChanged, this,
                &AppController::onConnectionStateChanged);
        // The embedded server's token is in its local-token file, new at each start of it.
        const auto useLocalSession = [this] {
            if (const std::optional<LocalSession> session = LocalSession::read(m_server->dataDirectory()))
                m_engine->setBearerToken(session->token);
        };
        connect(m_engine.get(), &SyncEngine::authenticationRequired, this, useLocalSession);
        useLocalSession();
    }
    m_window->show();
    m_engine->start();
}

// The journal of this server and the person at the keyboard. The embedded server's is keyed
// by its data directory, as its port changes from run to run; a second window of the same
// user on the same server takes the next free slot (a journal belongs to one process).
bool AppController::openJournal(const QUrl &server)
{
    const QString user = localUserName();
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
