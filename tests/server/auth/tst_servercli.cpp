// The account commands of etagere-server (user add|passwd|remove|list, grant, revoke): what
// each does to the accounts, their exit codes, and that a refused command changes nothing.
// They also work while a server runs on the same data directory, which sees the change.
#include "restclient.h"
#include "testserver.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;
using namespace Etagere::Test;

class TestServerCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void commands_data();
    void commands();
    void firstUserIsServerAdmin();
    void passwordChangeKeepsNothingOld();
    void noDatabaseNoDirectory();
    void worksWhileTheServerRuns();

private:
    /// A copy of the fixture's data directory for one test case.
    [[nodiscard]] std::unique_ptr<TestServer> fixtureCopy(QTemporaryDir *dir) const;

    QTemporaryDir m_fixture;
};

namespace {

const QByteArray Listed = "alice\tserver-admin\tpassword\t-\n"
                          "bob\tuser\tpassword\tnotes=read,tasks=write\n";

} // namespace

// alice (the server admin) and bob (read on notes, write on tasks), made once.
void TestServerCli::initTestCase()
{
    TestServer fixture;
    fixture.setDataDir(m_fixture.path());
    QVERIFY(fixture.addUser(u"alice"_s, u"alice pw"_s));
    QVERIFY(fixture.addUser(u"bob"_s, u"bob pw"_s));
    QVERIFY(fixture.grant(u"bob"_s, u"tasks"_s, u"write"_s));
    QVERIFY(fixture.grant(u"bob"_s, u"notes"_s, u"read"_s));
    QCOMPARE(fixture.runCommand({u"user"_s, u"list"_s}).out, Listed);
}

std::unique_ptr<TestServer> TestServerCli::fixtureCopy(QTemporaryDir *dir) const
{
    const QStringList files = QDir(m_fixture.path()).entryList(QDir::Files);
    for (const QString &file : files)
        QFile::copy(QDir(m_fixture.path()).filePath(file), dir->filePath(file));
    auto server = std::make_unique<TestServer>();
    server->setDataDir(dir->path());
    return server;
}

// A command, its stdin, its exit code, and `user list` afterwards (empty: unchanged).
void TestServerCli::commands_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("listAfter");

    const QByteArray carol = "carol\tuser\tpassword\t-\n";
    QTest::newRow("add") << QStringList{u"user"_s, u"add"_s, u"carol"_s} << "pw\n"_ba << 0 << Listed + carol;
    QTest::newRow("add, password without newline") << QStringList{u"user"_s, u"add"_s, u"carol"_s} << "pw"_ba << 0
                                                    << Listed + carol;
    QTest::newRow("add, CRLF") << QStringList{u"user"_s, u"add"_s, u"carol"_s} << "pw\r\n"_ba << 0 << Listed + carol;
    QTest::newRow("add existing") << QStringList{u"user"_s, u"add"_s, u"bob"_s} << "pw\n"_ba << 4 << QByteArray();
    QTest::newRow("add, no password") << QStringList{u"user"_s, u"add"_s, u"carol"_s} << QByteArray() << 2
                                      << QByteArray();
    QTest::newRow("add, empty line") << QStringList{u"user"_s, u"add"_s, u"carol"_s} << "\nsecond\n"_ba << 2
                                     << QByteArray();
    QTest::newRow("add, password over 1 KiB") << QStringList{u"user"_s, u"add"_s, u"carol"_s}
                                              << QByteArray(1025, 'p') + '\n' << 2 << QByteArray();
    QTest::newRow("add, bad name") << QStringList{u"user"_s, u"add"_s, u"carol smith"_s} << "pw\n"_ba << 2
                                   << QByteArray();
    QTest::newRow("add, name too long") << QStringList{u"user"_s, u"add"_s, QString(65, u'c')} << "pw\n"_ba << 2
                                        << QByteArray();
    QTest::newRow("passwd") << QStringList{u"user"_s, u"passwd"_s, u"bob"_s} << "new\n"_ba << 0 << QByteArray();
    QTest::newRow("passwd, unknown") << QStringList{u"user"_s, u"passwd"_s, u"carol"_s} << "new\n"_ba << 4
                                     << QByteArray();
    QTest::newRow("passwd, empty") << QStringList{u"user"_s, u"passwd"_s, u"bob"_s} << "\n"_ba << 2 << QByteArray();
    QTest::newRow("remove") << QStringList{u"user"_s, u"remove"_s, u"bob"_s} << QByteArray() << 0
                            << "alice\tserver-admin\tpassword\t-\n"_ba;
    QTest::newRow("remove, unknown") << QStringList{u"user"_s, u"remove"_s, u"carol"_s} << QByteArray() << 4
                                     << QByteArray();
    QTest::newRow("grant") << QStringList{u"grant"_s, u"alice"_s, u"notes"_s, u"read"_s} << QByteArray() << 0
                           << "alice\tserver-admin\tpassword\tnotes=read\n" + Listed.mid(Listed.indexOf("bob"));
    QTest::newRow("grant, lowering") << QStringList{u"grant"_s, u"bob"_s, u"tasks"_s, u"read"_s} << QByteArray() << 0
                                     << Listed.left(Listed.indexOf("bob")) + "bob\tuser\tpassword\tnotes=read,tasks=read\n";
    QTest::newRow("grant, unknown user") << QStringList{u"grant"_s, u"carol"_s, u"notes"_s, u"read"_s} << QByteArray()
                                         << 4 << QByteArray();
    QTest::newRow("grant, bad right") << QStringList{u"grant"_s, u"bob"_s, u"notes"_s, u"owner"_s} << QByteArray() << 2
                                      << QByteArray();
    QTest::newRow("grant, bad collection name") << QStringList{u"grant"_s, u"bob"_s, u"Notes"_s, u"read"_s}
                                                << QByteArray() << 2 << QByteArray();
    QTest::newRow("revoke") << QStringList{u"revoke"_s, u"bob"_s, u"notes"_s} << QByteArray() << 0
                            << Listed.left(Listed.indexOf("bob")) + "bob\tuser\tpassword\ttasks=write\n";
    QTest::newRow("revoke, no grant") << QStringList{u"revoke"_s, u"alice"_s, u"notes"_s} << QByteArray() << 4
                                      << QByteArray();
    QTest::newRow("revoke, unknown user") << QStringList{u"revoke"_s, u"carol"_s, u"notes"_s} << QByteArray() << 4
                                          << QByteArray();
    QTest::newRow("user alone") << QStringList{u"user"_s} << QByteArray() << 2 << QByteArray();
    QTest::newRow("add without name") << QStringList{u"user"_s, u"add"_s} << "pw\n"_ba << 2 << QByteArray();
    QTest::newRow("add, two names") << QStringList{u"user"_s, u"add"_s, u"a"_s, u"b"_s} << "pw\n"_ba << 2
                                    << QByteArray();
    QTest::newRow("list with an argument") << QStringList{u"user"_s, u"list"_s, u"bob"_s} << QByteArray() << 2
                                           << QByteArray();
    QTest::newRow("grant without right") << QStringList{u"grant"_s, u"bob"_s, u"notes"_s} << QByteArray() << 2
                                         << QByteArray();
    QTest::newRow("revoke without collection") << QStringList{u"revoke"_s, u"bob"_s} << QByteArray() << 2
                                               << QByteArray();
    QTest::newRow("unknown verb") << QStringList{u"user"_s, u"rename"_s, u"bob"_s} << QByteArray() << 2
                                  << QByteArray();
}

void TestServerCli::commands()
{
    QFETCH(QStringList, command);
    QFETCH(QByteArray, input);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, listAfter);
    QTemporaryDir dir;
    const std::unique_ptr<TestServer> server = fixtureCopy(&dir);
    const TestServer::CommandResult result = server->runCommand(command, input);
    QCOMPARE(result.exitCode, exitCode);
    if (exitCode != 0)
        QVERIFY2(result.err.startsWith("etagere-server: "), result.err.constData());
    QVERIFY(!result.err.contains("pw") && !result.out.contains("pw")); // no password is ever echoed
    QCOMPARE(server->runCommand({u"user"_s, u"list"_s}).out, listAfter.isEmpty() ? Listed : listAfter);
}

void TestServerCli::firstUserIsServerAdmin()
{
    QTemporaryDir dir;
    TestServer server;
    server.setDataDir(dir.path() + u"/new"_s); // user add creates the directory
    const TestServer::CommandResult first = server.runCommand({u"user"_s, u"add"_s, u"root"_s}, "pw\n");
    QCOMPARE(first.exitCode, 0);
    QVERIFY2(first.err.contains("server admin"), first.err.constData());
    QVERIFY(server.addUser(u"second"_s, u"pw"_s));
    QCOMPARE(server.runCommand({u"user"_s, u"list"_s}).out,
             "root\tserver-admin\tpassword\t-\nsecond\tuser\tpassword\t-\n"_ba);
}

// After `user passwd`, the new password logs in and the old one no longer does.
void TestServerCli::passwordChangeKeepsNothingOld()
{
    QTemporaryDir dir;
    const std::unique_ptr<TestServer> server = fixtureCopy(&dir);
    QVERIFY2(server->start(), qPrintable(server->errorString()));
    QCOMPARE(server->runCommand({u"user"_s, u"passwd"_s, u"bob"_s}, "bob's new pw\n").exitCode, 0);
    RestClient client(server->url());
    QCOMPARE(client.login(u"bob"_s, u"bob pw"_s).status, 401);
    QCOMPARE(client.login(u"bob"_s, u"bob's new pw"_s).status, 201);
}

// Only `user add` creates a data directory; the others need a database.
void TestServerCli::noDatabaseNoDirectory()
{
    QTemporaryDir dir;
    TestServer server;
    const QString missing = dir.filePath(u"typo"_s);
    server.setDataDir(missing);
    const TestServer::CommandResult result = server.runCommand({u"user"_s, u"list"_s});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("no database"), result.err.constData());
    QCOMPARE(server.runCommand({u"grant"_s, u"bob"_s, u"notes"_s, u"read"_s}).exitCode, 1);
    QVERIFY(!QFile::exists(missing));
}

// The commands do not take the data directory's lock: they work while a server runs there,
// and the server sees what they did at once.
void TestServerCli::worksWhileTheServerRuns()
{
    QTemporaryDir dir;
    const std::unique_ptr<TestServer> server = fixtureCopy(&dir);
    QVERIFY2(server->start(), qPrintable(server->errorString()));
    RestClient admin(server->url(), server->token());
    QCOMPARE(admin.createCollection(u"news"_s, testFields()), 201);
    QVERIFY(server->addUser(u"dora"_s, u"dora pw"_s));
    RestClient dora(server->url());
    QVERIFY(dora.logInAs(u"dora"_s, u"dora pw"_s));
    QVERIFY(dora.get(u"/v1/collections/news"_s).isProblem(403));
    QVERIFY(server->grant(u"dora"_s, u"news"_s, u"read"_s));
    QCOMPARE(dora.get(u"/v1/collections/news"_s).status, 200);
    QVERIFY(server->revoke(u"dora"_s, u"news"_s));
    QVERIFY(dora.get(u"/v1/collections/news"_s).isProblem(403));
    QVERIFY(server->removeUser(u"dora"_s));
    QVERIFY(dora.get(u"/v1/collections"_s).isProblem(401));
}

QTEST_GUILESS_MAIN(TestServerCli)
#include "tst_servercli.moc"
