#include "localserver.h"
#include "testserver.h" // TestServer::executablePath(): the etagere-server of this build

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

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
};

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
    std::unique_ptr<QNetworkReply> reply(network.get(QNetworkRequest(url.resolved(QUrl(u"/v1/collections"_s)))));
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

QTEST_MAIN(TestLocalServer)
#include "tst_localserver.moc"
