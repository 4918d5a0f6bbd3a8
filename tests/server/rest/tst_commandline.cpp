// etagere-server's command line: no plain http beyond loopback, one server per data
// directory, the endpoint and local token files, clean shutdown on SIGTERM.
#include "localsession.h"
#include "restclient.h"
#include "testserver.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Etagere::TestServer;

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void refusesNonLoopback_data();
    void refusesNonLoopback();
    void usageErrors_data();
    void usageErrors();
    void listensOnLoopback_data();
    void listensOnLoopback();
    void secondServerOnSameDataDir();
    void endpointFileAndCleanShutdown();
    void restartAfterKill();
};

namespace {

struct Outcome
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs the server with `args` until it exits by itself (at most 5 s).
Outcome runToExit(const QStringList &args)
{
    QProcess process;
    process.start(TestServer::executablePath(), args);
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace

void TestCommandLine::refusesNonLoopback_data()
{
    QTest::addColumn<QString>("address");
    QTest::newRow("any IPv4") << u"0.0.0.0"_s;
    QTest::newRow("any IPv6") << u"::"_s;
    QTest::newRow("documentation address") << u"192.0.2.10"_s;
    QTest::newRow("private address") << u"10.1.2.3"_s;
}

void TestCommandLine::refusesNonLoopback()
{
    QFETCH(QString, address);
    QTemporaryDir dir;
    const Outcome outcome = runToExit({u"--data"_s, dir.path(), u"--listen"_s, address, u"--port"_s, u"0"_s});
    QCOMPARE(outcome.exitCode, 2);
    QVERIFY(outcome.out.isEmpty());
    QVERIFY2(outcome.err.contains("without TLS"), outcome.err.constData());
    QVERIFY(!QFile::exists(dir.filePath(u"etagere.sqlite"_s))); // refused before anything was opened
}

void TestCommandLine::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no --data") << QStringList{u"--port"_s, u"0"_s};
    QTest::newRow("port out of range") << QStringList{u"--data"_s, u"DIR"_s, u"--port"_s, u"70000"_s};
    QTest::newRow("port not a number") << QStringList{u"--data"_s, u"DIR"_s, u"--port"_s, u"http"_s};
    QTest::newRow("negative retention") << QStringList{u"--data"_s, u"DIR"_s, u"--retain-changes"_s, u"-1"_s};
    QTest::newRow("zero ping interval") << QStringList{u"--data"_s, u"DIR"_s, u"--ping-interval"_s, u"0"_s};
    QTest::newRow("not an address") << QStringList{u"--data"_s, u"DIR"_s, u"--listen"_s, u"example.org"_s};
    QTest::newRow("stray argument") << QStringList{u"--data"_s, u"DIR"_s, u"extra"_s};
    QTest::newRow("unknown option") << QStringList{u"--data"_s, u"DIR"_s, u"--colour"_s};
    QTest::newRow("missing value") << QStringList{u"--data"_s};
    QTest::newRow("zero session hours") << QStringList{u"--data"_s, u"DIR"_s, u"--session-hours"_s, u"0"_s};
    QTest::newRow("session hours not a number") << QStringList{u"--data"_s, u"DIR"_s, u"--session-hours"_s, u"x"_s};
    QTest::newRow("negative rate limit") << QStringList{u"--data"_s, u"DIR"_s, u"--rate-limit"_s, u"-1"_s};
    QTest::newRow("origin with a path") << QStringList{u"--data"_s, u"DIR"_s, u"--allow-origin"_s,
                                                       u"https://a.example/app"_s};
    QTest::newRow("origin without scheme") << QStringList{u"--data"_s, u"DIR"_s, u"--allow-origin"_s, u"a.example"_s};
    QTest::newRow("certificate without key") << QStringList{u"--data"_s, u"DIR"_s, u"--tls-cert"_s, u"c.pem"_s};
    QTest::newRow("invalid local user") << QStringList{u"--data"_s, u"DIR"_s, u"--local-user"_s, u"a b"_s};
    QTest::newRow("local user off loopback") << QStringList{u"--data"_s, u"DIR"_s, u"--local-user"_s, u"me"_s,
                                                            u"--listen"_s, u"0.0.0.0"_s, u"--insecure-listen"_s};
    QTest::newRow("unknown command") << QStringList{u"--data"_s, u"DIR"_s, u"users"_s, u"list"_s};
    QTest::newRow("command with a serving option") << QStringList{u"--data"_s, u"DIR"_s, u"--port"_s, u"1"_s,
                                                                  u"user"_s, u"list"_s};
}

void TestCommandLine::usageErrors()
{
    QFETCH(QStringList, args);
    QTemporaryDir dir;
    args.replaceInStrings(u"DIR"_s, dir.path());
    const Outcome outcome = runToExit(args);
    QCOMPARE(outcome.exitCode, 2);
    QVERIFY(!outcome.err.isEmpty());
}

void TestCommandLine::listensOnLoopback_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("host");
    QTest::newRow("127.0.0.1") << u"127.0.0.1"_s << u"127.0.0.1"_s;
    QTest::newRow("127.0.0.2") << u"127.0.0.2"_s << u"127.0.0.2"_s;
    QTest::newRow("localhost") << u"localhost"_s << u"127.0.0.1"_s;
}

void TestCommandLine::listensOnLoopback()
{
    QFETCH(QString, address);
    QFETCH(QString, host);
    QTemporaryDir dir;
    QProcess process;
    process.start(TestServer::executablePath(), {u"--data"_s, dir.path(), u"--listen"_s, address, u"--port"_s, u"0"_s,
                                                 u"--local-user"_s, u"me"_s});
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 10000);
    const QString line = QString::fromUtf8(process.readLine());
    QVERIFY2(line.startsWith(u"listening on http://%1:"_s.arg(host)), qPrintable(line));
    QVERIFY(line.endsWith(u'\n'));
    // The local token was written before the line: it is complete and owner-only.
    const std::optional<Etagere::LocalSession> session = Etagere::LocalSession::read(dir.path());
    QVERIFY(session);
    QCOMPARE(session->user, u"me"_s);
    const QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                               | QFileDevice::ReadUser | QFileDevice::WriteUser;
    QCOMPARE(QFile::permissions(Etagere::LocalSession::path(dir.path())) & ~ownerOnly, QFileDevice::Permissions());
    const qint64 lifetime = QDateTime::currentDateTimeUtc().secsTo(session->expires);
    QVERIFY2(lifetime > 29 * 24 * 3600 && lifetime <= 30 * 24 * 3600, qPrintable(QString::number(lifetime)));
    Etagere::Test::RestClient client(QUrl(line.mid(13).trimmed()), session->token);
    QCOMPARE(client.get(u"/v1/collections"_s).status, 200);
    client.setToken({});
    QCOMPARE(client.get(u"/v1/collections"_s).status, 401);
    process.terminate();
    QVERIFY(process.waitForFinished(5000));
}

void TestCommandLine::secondServerOnSameDataDir()
{
    TestServer first;
    QVERIFY2(first.start(), qPrintable(first.errorString()));
    const Outcome second = runToExit({u"--data"_s, first.dataDir(), u"--port"_s, u"0"_s});
    QCOMPARE(second.exitCode, 3);
    QVERIFY(second.out.isEmpty());
    QVERIFY2(second.err.contains("in use"), second.err.constData());
    Etagere::Test::RestClient client(first.url(), first.token()); // the first one is unharmed
    QCOMPARE(client.get(u"/v1/collections"_s).status, 200);
}

void TestCommandLine::endpointFileAndCleanShutdown()
{
    QTemporaryDir dir;
    QProcess process;
    process.start(TestServer::executablePath(), {u"--data"_s, dir.path(), u"--port"_s, u"0"_s});
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 10000);
    const QByteArray url = process.readLine().trimmed().mid(13);
    QFile endpoint(dir.filePath(u"endpoint"_s));
    QVERIFY(endpoint.open(QIODevice::ReadOnly));
    QCOMPARE(endpoint.readAll().trimmed(), url);
    endpoint.close();
    process.terminate();
    QVERIFY(process.waitForFinished(5000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(!QFile::exists(dir.filePath(u"endpoint"_s)));
}

void TestCommandLine::restartAfterKill()
{
    TestServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    Etagere::Test::RestClient client(server.url(), server.token());
    const QString c = client.newCollection();
    server.kill(); // leaves a stale lock file behind
    QVERIFY2(server.restart(), qPrintable(server.errorString()));
    client.setBase(server.url());
    client.setToken(server.token());
    QCOMPARE(client.get(u"/v1/collections/"_s + c).status, 200);
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
