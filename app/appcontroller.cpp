#include "appcontroller.h"

#include "applogging_p.h"
#include "localserver.h"
#include "mainwindow.h"
#include "memoryrecordstore.h"
#include "syncengine.h"

#include <QApplication>
#include <QMessageBox>

namespace Etagere {

AppController::AppController(QObject *parent)
    : QObject(parent)
    // In memory for now: a persistent journal replaces it without touching the engine.
    , m_store(std::make_unique<MemoryRecordStore>())
{
    // Quitting waits for the local server to stop; see quit().
    qApp->setQuitOnLastWindowClosed(false);
    connect(qApp, &QGuiApplication::lastWindowClosed, this, &AppController::quit);
}

AppController::~AppController()
{
    m_window.reset(); // before the engine it shows
    m_engine.reset(); // before the store it writes to
}

SyncEngine *AppController::engine() const
{
    return m_engine.get();
}

MainWindow *AppController::window() const
{
    return m_window.get();
}

void AppController::start(const QUrl &server)
{
    if (server.isValid()) {
        connectTo(server);
        return;
    }
    m_server = new LocalServer(this);
    connect(m_server, &LocalServer::ready, this, &AppController::connectTo);
    connect(m_server, &LocalServer::failed, this, &AppController::showFatalError);
    connect(m_server, &LocalServer::exitedUnexpectedly, this, [this](const QString &message) {
        if (!m_window)
            return;
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Etagere"), message, QMessageBox::Ok, m_window.get());
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    m_server->start();
}

void AppController::connectTo(const QUrl &server)
{
    qCInfo(lcApp) << "connecting to" << server;
    m_engine = std::make_unique<SyncEngine>(server, m_store.get());
    m_window = std::make_unique<MainWindow>(m_engine.get());
    m_window->show();
    m_engine->start();
}

void AppController::showFatalError(const QString &message)
{
    m_exitCode = 1;
    auto *box = new QMessageBox(QMessageBox::Critical, tr("Etagere"),
                                tr("Etagere cannot start its local server."), QMessageBox::Close);
    box->setInformativeText(message);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open(); // closing it closes the last window, which shuts down
}

void AppController::quit()
{
    if (std::exchange(m_shuttingDown, true))
        return;
    qCInfo(lcApp) << "shutting down";
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
