#include "localserver.h"
#include "localsession.h"
#include "testserver.h" // TestServer::executablePath(): the etagere-server of this build

#include <QDir>
#include <QLockFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace Etagere;
using namespace Qt::StringLiterals;

class TestLocalServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsReportsAndStops();
    void joinsTheServerHoldingTheDataDir();
    void failsClearly_data();
    void failsClearly();
    void joinerRestartsTheServerOnTheSamePort();
    void ownerRestartsItsServerAfterACrash();
    void recoveringJoinersShareOneServer();
    void recoveryFailsClearly_data();
    void recoveryFailsClearly();
};

namespace {

/// A LocalServer on `dir` running the etagere-server of this build.
std::unique_ptr<LocalServer> localServerOn(const QString &dir)
{
    auto server = std::make_unique<LocalServer>();
    server->setProgram(TestServer::executablePath());
    server->setDataDirectory(dir);
    return server;
}

/// Starts `server` and waits until it is ready (owned or joined).
bool startAndWait(LocalServer *server)
{
    QSignalSpy ready(server, &LocalServer::ready);
    server->start();
    return ready.wait(10000);
}

/// Stops `server` (its own process, if any) and waits until it is gone.
bool stopAndWait(LocalServer *server)
{
    QSignalSpy stopped(server, &LocalServer::stopped);
    server->stop();
    return !stopped.isEmpty() || stopped.wait(10000);
}

/// GET `url`/v1/collections with the token of the server on `dir` (its local user's).
QNetworkRequest collectionsRequest(const QUrl &url, const QString &dir)
{
    QNetworkRequest request(url.resolved(QUrl(u"/v1/collections"_s)));
    if (const std::optional<LocalSession> session = LocalSession::read(dir))
        request.setRawHeader("Authorization", "Bearer " + session->token);
    return request;
}

/// HTTP status of GET `url`/v1/collections; 0 when nothing answers.
int collectionsStatus(const QUrl &url, const QString &dir)
{
    QNetworkAccessManager network;
    std::unique_ptr<QNetworkReply> reply(network.get(collectionsRequest(url, dir)));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(5000))
        return 0;
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

/// The process id holding the data directory's server.lock, as the server wrote it; 0 when none.
qint64 lockHolder(const QString &dir)
{
    QLockFile lock(QDir(dir).filePath(u"server.lock"_s));
    qint64 pid = 0;
    QString host, application;
    return lock.getLockInfo(&pid, &host, &application) ? pid : 0;
}

} // namespace

void TestLocalServer::startsReportsAndStops()
{
    QTemporaryDir dir;
    LocalServer server;
    server.setProgram(TestServer::executablePath());
    server.setDataDirectory(dir.filePath(u"server"_s));
    QSignalSpy ready(&server, &LocalServer::ready);
    QSignalSpy failed(&server, &LocalServer::failed);
    server.start();
    QVERIFY(ready.wait(10000));
    QCOMPARE(failed.size(), 0);
    const QUrl url = ready.first().first().toUrl();
    QCOMPARE(url.scheme(), u"http"_s);
    QCOMPARE(url.host(), u"127.0.0.1"_s);
    QVERIFY(url.port() > 0);
    QCOMPARE(server.url(), url);
    QVERIFY(server.ownsServer());

    // It is a real, demo-filled server.
    QNetworkAccessManager network;
    std::unique_ptr<QNetworkReply> reply(network.get(collectionsRequest(url, dir.filePath(u"server"_s))));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(reply->readAll().contains("\"tasks\""));

    QSignalSpy stopped(&server, &LocalServer::stopped);
    server.stop();
    QVERIFY(stopped.wait(10000));
    QVERIFY(!server.ownsServer());
    QVERIFY(!QFile::exists(dir.filePath(u"server/endpoint"_s))); // a clean shutdown (SIGTERM)
}

void TestLocalServer::joinsTheServerHoldingTheDataDir()
{
    QTemporaryDir dir;
    LocalServer first;
    first.setProgram(TestServer::executablePath());
    first.setDataDirectory(dir.path());
    QSignalSpy firstReady(&first, &LocalServer::ready);
    first.start();
    QVERIFY(firstReady.wait(10000));

    LocalServer second; // as a second window of the app would
    second.setProgram(TestServer::executablePath());
    second.setDataDirectory(dir.path());
    QSignalSpy secondReady(&second, &LocalServer::ready);
    QSignalSpy secondFailed(&second, &LocalServer::failed);
    second.start();
    QVERIFY(secondReady.wait(10000));
    QCOMPARE(secondFailed.size(), 0);
    QCOMPARE(second.url(), first.url());
    QVERIFY(!second.ownsServer());
    QVERIFY(first.ownsServer());

    QSignalSpy secondStopped(&second, &LocalServer::stopped);
    second.stop(); // nothing of its own to stop
    QCOMPARE(secondStopped.size(), 1);
    QVERIFY(first.ownsServer());
    QSignalSpy firstStopped(&first, &LocalServer::stopped);
    first.stop();
    QVERIFY(firstStopped.wait(10000));
}

void TestLocalServer::failsClearly_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("no such program") << u"/nonexistent/etagere-server"_s << u"/nonexistent/etagere-server"_s;
    QTest::newRow("exits at once") << u"/bin/false"_s << u"exit code 1"_s;
}

void TestLocalServer::failsClearly()
{
    QFETCH(QString, program);
    QFETCH(QString, messagePart);
    QTemporaryDir dir;
    LocalServer server;
    server.setProgram(program);
    server.setDataDirectory(dir.path());
    QSignalSpy ready(&server, &LocalServer::ready);
    QSignalSpy failed(&server, &LocalServer::failed);
    server.start();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    QVERIFY2(failed.first().first().toString().contains(messagePart), qPrintable(failed.first().first().toString()));
    QCOMPARE(ready.size(), 0);
    QVERIFY(!server.url().isValid());
}

// The app that started the server quits (stops it): the one that joined starts a server
// again on the same port, so the URL everything points at stays valid.
void TestLocalServer::joinerRestartsTheServerOnTheSamePort()
{
    QTemporaryDir dir;
    const auto owner = localServerOn(dir.path());
    const auto joiner = localServerOn(dir.path());
    QVERIFY(startAndWait(owner.get()));
    QVERIFY(startAndWait(joiner.get()));
    const QUrl url = owner->url();
    QCOMPARE(joiner->url(), url);
    QCOMPARE(joiner->port(), quint16(url.port()));
    QVERIFY(!joiner->ownsServer());

    QVERIFY(stopAndWait(owner.get()));
    QCOMPARE(collectionsStatus(url, dir.path()), 0); // nobody serves it now

    QSignalSpy recovered(joiner.get(), &LocalServer::recovered);
    QSignalSpy recoveryFailed(joiner.get(), &LocalServer::recoveryFailed);
    joiner->recover();
    QVERIFY(joiner->isStarting());
    QVERIFY(recovered.wait(10000));
    QCOMPARE(recoveryFailed.size(), 0);
    QCOMPARE(recovered.first().first().toUrl(), url);
    QCOMPARE(joiner->url(), url);
    QVERIFY(joiner->ownsServer());
    QCOMPARE(collectionsStatus(url, dir.path()), 200);

    joiner->recover(); // its own server runs: nothing to do
    QVERIFY(!joiner->isStarting());
    QVERIFY(stopAndWait(joiner.get()));
}

void TestLocalServer::ownerRestartsItsServerAfterACrash()
{
    QTemporaryDir dir;
    const auto owner = localServerOn(dir.path());
    QVERIFY(startAndWait(owner.get()));
    const QUrl url = owner->url();
    const qint64 pid = lockHolder(dir.path());
    QVERIFY(pid > 0);

    QSignalSpy exited(owner.get(), &LocalServer::exitedUnexpectedly);
    QSignalSpy recovered(owner.get(), &LocalServer::recovered);
    QCOMPARE(::kill(pid_t(pid), SIGKILL), 0); // a crash: the lock and endpoint files stay behind
    QVERIFY(exited.wait(10000));
    QVERIFY(!owner->ownsServer());
    owner->recover();
    QVERIFY(recovered.wait(10000));
    QCOMPARE(owner->url(), url);
    QVERIFY(owner->ownsServer());
    QVERIFY(lockHolder(dir.path()) != pid);
    QCOMPARE(collectionsStatus(url, dir.path()), 200);
    QVERIFY(stopAndWait(owner.get()));
}

// Two joiners notice at the same time: one starts the server, the other joins it, at the same URL.
void TestLocalServer::recoveringJoinersShareOneServer()
{
    QTemporaryDir dir;
    const auto owner = localServerOn(dir.path());
    const auto first = localServerOn(dir.path());
    const auto second = localServerOn(dir.path());
    QVERIFY(startAndWait(owner.get()));
    QVERIFY(startAndWait(first.get()));
    QVERIFY(startAndWait(second.get()));
    const QUrl url = owner->url();
    QVERIFY(stopAndWait(owner.get()));

    QSignalSpy firstRecovered(first.get(), &LocalServer::recovered);
    QSignalSpy secondRecovered(second.get(), &LocalServer::recovered);
    first->recover();
    second->recover();
    QTRY_COMPARE_WITH_TIMEOUT(firstRecovered.size() + secondRecovered.size(), 2, 10000);
    QCOMPARE(first->url(), url);
    QCOMPARE(second->url(), url);
    QVERIFY(first->ownsServer() != second->ownsServer());
    QCOMPARE(collectionsStatus(url, dir.path()), 200);
    QVERIFY(stopAndWait(first.get()));
    QVERIFY(stopAndWait(second.get()));
}

void TestLocalServer::recoveryFailsClearly_data()
{
    QTest::addColumn<bool>("portTaken"); // else another server holds the data directory elsewhere
    QTest::newRow("port taken by another program") << true;
    QTest::newRow("data directory served at another URL") << false;
}

void TestLocalServer::recoveryFailsClearly()
{
    QFETCH(bool, portTaken);
    QTemporaryDir dir;
    const auto owner = localServerOn(dir.path());
    const auto joiner = localServerOn(dir.path());
    QVERIFY(startAndWait(owner.get()));
    QVERIFY(startAndWait(joiner.get()));
    const QUrl url = owner->url();
    QVERIFY(stopAndWait(owner.get()));

    QTcpServer squatter;
    std::unique_ptr<TestServer> other;
    QString expected;
    if (portTaken) {
        QVERIFY(squatter.listen(QHostAddress::LocalHost, quint16(url.port())));
        expected = u"cannot listen on 127.0.0.1 port %1"_s.arg(url.port());
    } else {
        quint16 otherPort = 0;
        while (otherPort == 0 || otherPort == url.port()) {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            otherPort = probe.serverPort();
        }
        other = std::make_unique<TestServer>(QStringList{u"--port"_s, QString::number(otherPort)});
        other->setDataDir(dir.path());
        QVERIFY2(other->start(), qPrintable(other->errorString()));
        QVERIFY(other->url() != url);
        expected = other->url().toDisplayString();
    }

    QSignalSpy recovered(joiner.get(), &LocalServer::recovered);
    QSignalSpy recoveryFailed(joiner.get(), &LocalServer::recoveryFailed);
    QSignalSpy failed(joiner.get(), &LocalServer::failed);
    joiner->recover();
    QVERIFY(recoveryFailed.wait(10000));
    const QString message = recoveryFailed.first().first().toString();
    QVERIFY2(message.contains(expected), qPrintable(message));
    QVERIFY2(message.contains(url.toDisplayString()), qPrintable(message));
    QCOMPARE(recovered.size(), 0);
    QCOMPARE(failed.size(), 0); // not the first start's failure: the app goes on
    QCOMPARE(joiner->url(), url);
    QVERIFY(!joiner->ownsServer());
    QVERIFY(!joiner->isStarting());
}

QTEST_MAIN(TestLocalServer)
#include "tst_localserver.moc"
