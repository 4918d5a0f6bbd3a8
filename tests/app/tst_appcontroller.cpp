#include "appcontroller.h"
#include "localserver.h"
#include "localsession.h"
#include "mainwindow.h"
#include "syncengine.h"
#include "testserver.h" // TestServer::executablePath(): the etagere-server of this build

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace Etagere;
using namespace Qt::StringLiterals;

/// AppController on the embedded server (real etagere-server processes): when the engine
/// loses that server, the controller brings it back at the same URL.
class TestAppController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void joinerTakesOverWhenTheOwnerQuits();
    void ownerRestartsItsServerAfterACrash();
    void showsWhatCannotBeRecovered();
    void stopsRestartingAServerThatKeepsDying();
};

namespace {

constexpr int RecoverTimeoutMs = 20000;

std::unique_ptr<AppController> controllerOn(const QString &dir)
{
    auto controller = std::make_unique<AppController>();
    // Closing the test's windows must not quit the test's event loops.
    QObject::disconnect(qApp, &QGuiApplication::lastWindowClosed, controller.get(), nullptr);
    controller->setLocalServerPaths(TestServer::executablePath(), dir);
    controller->setJournalDirectory(dir + u"/journals"_s);
    controller->start(QUrl());
    return controller;
}

bool isLive(const AppController &controller)
{
    return controller.engine() && controller.engine()->connectionState() == ConnectionState::Live
        && !controller.engine()->records(u"tasks"_s).isEmpty();
}

/// The record's data on the server whose data directory is `dir`, read over REST with its
/// local user's token; empty when that fails.
QJsonObject serverRecord(const QUrl &server, const QString &dir, const QString &id)
{
    QNetworkAccessManager network;
    QNetworkRequest request(server.resolved(QUrl(u"/v1/collections/tasks/records/"_s + id)));
    if (const std::optional<LocalSession> session = LocalSession::read(dir))
        request.setRawHeader("Authorization", "Bearer " + session->token);
    std::unique_ptr<QNetworkReply> reply(network.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(5000) || reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
        return {};
    return QJsonDocument::fromJson(reply->readAll()).object();
}

/// Stops the server the controller started, as quitting does (a clean SIGTERM, not the
/// destructor's SIGKILL).
bool stopServer(const AppController &controller)
{
    QSignalSpy stopped(controller.localServer(), &LocalServer::stopped);
    controller.localServer()->stop();
    return !stopped.isEmpty() || stopped.wait(10000);
}

qint64 lockHolder(const QString &dir)
{
    QLockFile lock(QDir(dir).filePath(u"server.lock"_s));
    qint64 pid = 0;
    QString host, application;
    return lock.getLockInfo(&pid, &host, &application) ? pid : 0;
}

} // namespace

// Another Etagere started the server and quits (stops it): this one starts it again on the
// same port, its engine reconnects on its own, and an edit made meanwhile reaches the server.
void TestAppController::joinerTakesOverWhenTheOwnerQuits()
{
    QTemporaryDir dir;
    LocalServer owner;
    owner.setProgram(TestServer::executablePath());
    owner.setDataDirectory(dir.path());
    QSignalSpy ownerReady(&owner, &LocalServer::ready);
    owner.start();
    QVERIFY(ownerReady.wait(10000));

    const auto controller = controllerOn(dir.path());
    QTRY_VERIFY_WITH_TIMEOUT(isLive(*controller), 10000);
    QVERIFY(!controller->localServer()->ownsServer());
    SyncEngine *engine = controller->engine();
    QCOMPARE(engine->server(), owner.url());

    QSignalSpy states(engine, &SyncEngine::connectionStateChanged);
    QSignalSpy ownerStopped(&owner, &LocalServer::stopped);
    owner.stop();
    QVERIFY(ownerStopped.wait(10000));
    QTRY_VERIFY(states.contains(QVariantList{QVariant::fromValue(ConnectionState::Reconnecting)}));
    const QString id = engine->records(u"tasks"_s).constFirst().id;
    QVERIFY(engine->setField(u"tasks"_s, id, u"title"_s, u"written while the server was away"_s));

    QTRY_VERIFY_WITH_TIMEOUT(isLive(*controller) && engine->pendingCount() == 0, RecoverTimeoutMs);
    QVERIFY(controller->localServer()->ownsServer());
    QCOMPARE(controller->localServer()->url(), owner.url());
    QCOMPARE(engine->server(), owner.url());
    QCOMPARE(serverRecord(owner.url(), dir.path(), id).value(u"title"_s).toString(),
             u"written while the server was away"_s);
    QVERIFY(stopServer(*controller));
}

// The server this Etagere started dies: it starts it again, at the same URL.
void TestAppController::ownerRestartsItsServerAfterACrash()
{
    QTemporaryDir dir;
    const auto controller = controllerOn(dir.path());
    QTRY_VERIFY_WITH_TIMEOUT(isLive(*controller), 10000);
    LocalServer *server = controller->localServer();
    QVERIFY(server->ownsServer());
    const QUrl url = server->url();
    const qint64 pid = lockHolder(dir.path());
    QVERIFY(pid > 0);

    QSignalSpy exited(server, &LocalServer::exitedUnexpectedly);
    QSignalSpy recovered(server, &LocalServer::recovered);
    QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);
    QVERIFY(exited.wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(recovered.size(), 1, 10000);
    QVERIFY(server->ownsServer());
    QCOMPARE(server->url(), url);
    QVERIFY(lockHolder(dir.path()) != pid);
    QVERIFY2(controller->window()->statusBar()->currentMessage().contains(url.toDisplayString()),
             qPrintable(controller->window()->statusBar()->currentMessage()));
    QTRY_VERIFY_WITH_TIMEOUT(isLive(*controller), RecoverTimeoutMs);
    QCOMPARE(controller->engine()->server(), url);
    QVERIFY(stopServer(*controller));
}

// The server cannot be started again (here: its program is gone): the user is told, in the
// status bar and once in a message box, and the application goes on.
void TestAppController::showsWhatCannotBeRecovered()
{
    QTemporaryDir dir;
    LocalServer owner;
    owner.setProgram(TestServer::executablePath());
    owner.setDataDirectory(dir.path());
    QSignalSpy ownerReady(&owner, &LocalServer::ready);
    owner.start();
    QVERIFY(ownerReady.wait(10000));
    const auto controller = controllerOn(dir.path());
    QTRY_VERIFY_WITH_TIMEOUT(isLive(*controller), 10000);
    const QString missing = dir.filePath(u"uninstalled/etagere-server"_s);
    controller->localServer()->setProgram(missing);

    QSignalSpy recoveryFailed(controller->localServer(), &LocalServer::recoveryFailed);
    QSignalSpy ownerStopped(&owner, &LocalServer::stopped);
    owner.stop();
    QVERIFY(ownerStopped.wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(recoveryFailed.size(), 1, 10000); // may come while waiting for the owner
    QStatusBar *statusBar = controller->window()->statusBar();
    QVERIFY2(statusBar->currentMessage().contains(QDir::toNativeSeparators(missing)),
             qPrintable(statusBar->currentMessage()));
    QTRY_COMPARE(controller->window()->findChildren<QMessageBox *>().size(), 1);
    QVERIFY(controller->engine()->connectionState() != ConnectionState::Live);
}

// A server that dies again and again is not restarted forever: after a few times the
// user is told, and nothing more is started.
void TestAppController::stopsRestartingAServerThatKeepsDying()
{
    QTemporaryDir dir;
    const auto controller = controllerOn(dir.path());
    QTRY_VERIFY_WITH_TIMEOUT(isLive(*controller), 10000);
    LocalServer *server = controller->localServer();
    QSignalSpy exited(server, &LocalServer::exitedUnexpectedly);
    QSignalSpy recovered(server, &LocalServer::recovered);
    for (int crash = 1; crash <= 4; ++crash) {
        QTRY_VERIFY_WITH_TIMEOUT(server->ownsServer(), 10000);
        const qint64 pid = lockHolder(dir.path());
        QVERIFY(pid > 0);
        QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);
        QTRY_COMPARE_WITH_TIMEOUT(exited.size(), crash, 10000);
    }
    QCOMPARE(recovered.size(), 3);
    QVERIFY(!server->isStarting()); // a restart would have begun as the exit was reported
    QVERIFY(!server->ownsServer());
    const QList<QMessageBox *> boxes = controller->window()->findChildren<QMessageBox *>();
    QCOMPARE(boxes.size(), 1);
    QVERIFY2(boxes.first()->text().contains(u"keeps stopping"_s), qPrintable(boxes.first()->text()));
}

QTEST_MAIN(TestAppController)
#include "tst_appcontroller.moc"
