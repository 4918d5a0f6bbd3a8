#include "cliprocess.h"
#include "serverprobe.h"
#include "tcprelay.h"
#include "testserver.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

namespace {

constexpr int Timeout = 20000;
const QString Tasks = u"tasks"_s;

} // namespace

/// etagere-cli, the executable, against a real etagere-server (--demo: collection "tasks"):
/// usage errors and bad input (exit code, message, nothing changed on the server), put and
/// get, create, a server that is down (the edit is queued, the next run sends it), watch,
/// and the default server found through the app's `endpoint` file.
class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void helpAndVersion_data();
    void helpAndVersion();
    void badInputChangesNothing_data();
    void badInputChangesNothing();
    void putThenGet();
    void createThenList();
    void putOnNewIdCreatesThenReplaces();
    void serverDownQueuesTheEditAndTheNextRunSendsIt();
    void watchPrintsOtherClientsChangesInOrder();
    void editsQueuedInASecondSlotAreAdoptedByTheNextRun();
    void defaultServerIsTheAppsLocalServer();

private:
    [[nodiscard]] QStringList withServer(const QStringList &arguments, const QUrl &server = {}) const;
    [[nodiscard]] QString firstRecordId();

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ServerProbe> m_probe;
    std::unique_ptr<QTemporaryDir> m_journals;
};

void TestCli::initTestCase()
{
    m_server = std::make_unique<TestServer>(QStringList{u"--demo"_s});
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    qputenv("ETAGERE_TOKEN", m_server->token()); // the CLI's runs inherit it
    m_probe = std::make_unique<ServerProbe>(m_server->url(), m_server->token());
}

void TestCli::init()
{
    m_journals = std::make_unique<QTemporaryDir>();
    QVERIFY(m_journals->isValid());
}

QStringList TestCli::withServer(const QStringList &arguments, const QUrl &server) const
{
    const QUrl url = server.isEmpty() ? m_server->url() : server;
    return QStringList{u"--server"_s, url.toString(), u"--journal-dir"_s, m_journals->path()} + arguments;
}

QString TestCli::firstRecordId()
{
    const QList<QJsonObject> records = m_probe->records(Tasks);
    return records.isEmpty() ? QString() : records.constFirst().value(u"id"_s).toString();
}

void TestCli::helpAndVersion_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("expected");
    QTest::newRow("help") << u"--help"_s << u"Exit codes:"_s;
    QTest::newRow("version") << u"--version"_s << u"etagere-cli 0.1.0"_s;
}

void TestCli::helpAndVersion()
{
    QFETCH(QString, option);
    QFETCH(QString, expected);
    CliProcess cli;
    QVERIFY(cli.run({option}, Timeout));
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY2(QString::fromUtf8(cli.standardOutput()).contains(expected), cli.standardOutput().constData());
}

void TestCli::badInputChangesNothing_data()
{
    QTest::addColumn<QStringList>("arguments"); // "@ID" stands for an existing record's id
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");

    const QString good = uR"({"title":"fine"})"_s;
    QTest::newRow("unknown command") << QStringList{u"frob"_s} << 2 << u"unknown command \"frob\""_s;
    QTest::newRow("no command") << QStringList{} << 2 << u"no command given"_s;
    QTest::newRow("unknown option") << QStringList{u"--bogus"_s, u"collections"_s} << 2 << u"bogus"_s;
    QTest::newRow("list: missing collection") << QStringList{u"list"_s} << 2 << u"list takes 1 argument"_s;
    QTest::newRow("get: missing id") << QStringList{u"get"_s, Tasks} << 2 << u"get takes 2 argument"_s;
    QTest::newRow("put: missing JSON") << QStringList{u"put"_s, Tasks, u"@ID"_s} << 2 << u"put takes 3"_s;
    QTest::newRow("list: extra argument") << QStringList{u"list"_s, Tasks, u"x"_s} << 2 << u"list takes 1"_s;
    QTest::newRow("bad collection name") << QStringList{u"list"_s, u"Tasks!"_s} << 2 << u"not a collection name"_s;
    QTest::newRow("bad record id") << QStringList{u"get"_s, Tasks, u"a/b"_s} << 2 << u"not a record id"_s;
    QTest::newRow("bad JSON") << QStringList{u"put"_s, Tasks, u"@ID"_s, uR"({"title":)"_s} << 2 << u"JSON:"_s;
    QTest::newRow("JSON not an object") << QStringList{u"put"_s, Tasks, u"@ID"_s, u"[1]"_s} << 2
                                        << u"must be a JSON object"_s;
    QTest::newRow("bad server URL") << QStringList{u"--server"_s, u"ftp://x"_s, u"collections"_s} << 2
                                    << u"is not an http:// or https:// URL"_s;
    QTest::newRow("bad timeout") << QStringList{u"--timeout"_s, u"soon"_s, u"collections"_s} << 2 << u"--timeout"_s;
    QTest::newRow("list: unknown collection") << QStringList{u"list"_s, u"nope"_s} << 4
                                              << u"unknown collection \"nope\""_s;
    QTest::newRow("put: unknown collection") << QStringList{u"put"_s, u"nope"_s, u"@ID"_s, good} << 4
                                             << u"unknown collection \"nope\""_s;
    QTest::newRow("watch: unknown collection") << QStringList{u"watch"_s, u"nope"_s} << 4
                                               << u"unknown collection \"nope\""_s;
    QTest::newRow("get: unknown record") << QStringList{u"get"_s, Tasks, u"nope"_s} << 4 << u"no record \"nope\""_s;
    QTest::newRow("put: bad record id") << QStringList{u"put"_s, Tasks, u"a b"_s, good} << 2 << u"not a record id"_s;
    QTest::newRow("put: new id, bad data") << QStringList{u"put"_s, Tasks, u"new-id"_s, uR"({"notes":"n"})"_s} << 4
                                           << u"title"_s;
    QTest::newRow("put: enum value") << QStringList{u"put"_s, Tasks, u"@ID"_s, uR"({"title":"t","priority":"urgent"})"_s}
                                     << 4 << u"priority"_s;
    QTest::newRow("put: required field missing") << QStringList{u"put"_s, Tasks, u"@ID"_s, uR"({"notes":"n"})"_s}
                                                 << 4 << u"title"_s;
    QTest::newRow("put: wrong type") << QStringList{u"put"_s, Tasks, u"@ID"_s, uR"({"title":"t","done":"yes"})"_s}
                                     << 4 << u"done"_s;
    QTest::newRow("create: unknown field") << QStringList{u"create"_s, Tasks, uR"({"title":"t","colour":1})"_s} << 4
                                           << u"colour"_s;
    QTest::newRow("create: bad date") << QStringList{u"create"_s, Tasks, uR"({"title":"t","due":"2024-02-30"})"_s}
                                      << 4 << u"due"_s;
}

void TestCli::badInputChangesNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const QString id = firstRecordId();
    QVERIFY(!id.isEmpty());
    arguments.replaceInStrings(u"@ID"_s, id);
    const qint64 before = m_probe->seq(Tasks);
    QVERIFY(before > 0);

    CliProcess cli;
    QVERIFY(cli.run(withServer(arguments), Timeout));
    QVERIFY(!cli.crashed());
    QCOMPARE(cli.exitCode(), exitCode);
    QVERIFY2(cli.standardError().contains(message), qPrintable(cli.standardError()));
    QVERIFY(cli.standardOutput().isEmpty());
    QCOMPARE(m_probe->seq(Tasks), before); // nothing written
}

void TestCli::putThenGet()
{
    const QString id = firstRecordId();
    const QJsonObject data{{u"title"_s, u"Round trip"_s}, {u"priority"_s, u"high"_s}, {u"estimate"_s, 2.5}};
    const qint64 before = m_probe->seq(Tasks);
    CliProcess put;
    QVERIFY(put.run(withServer({u"put"_s, Tasks, id, QString::fromUtf8(QJsonDocument(data).toJson())}), Timeout));
    QCOMPARE(put.exitCode(), 0);
    const QList<QJsonObject> written = put.jsonLines();
    QCOMPARE(written.size(), 1);
    QCOMPARE(written.constFirst().value(u"id"_s).toString(), id);
    QCOMPARE(written.constFirst().value(u"pending"_s).toBool(true), false);

    CliProcess get;
    QVERIFY(get.run(withServer({u"get"_s, Tasks, id}), Timeout));
    QCOMPARE(get.exitCode(), 0);
    const QList<QJsonObject> read = get.jsonLines();
    QCOMPARE(read.size(), 1);
    QCOMPARE(read.constFirst(), written.constFirst());
    // On the server: the whole record replaced (fields left out are null), in one write.
    const std::optional<QJsonObject> server = m_probe->get(u"/v1/collections/tasks/records/"_s + id);
    QVERIFY(server);
    QCOMPARE(server->value(u"title"_s).toString(), u"Round trip"_s);
    QCOMPARE(server->value(u"estimate"_s).toDouble(), 2.5);
    QVERIFY(server->value(u"owner"_s).isNull());
    QCOMPARE(read.constFirst().value(u"data"_s).toObject(), *server);
    QCOMPARE(m_probe->seq(Tasks), before + 1);
}

void TestCli::createThenList()
{
    CliProcess create;
    QVERIFY(create.run(withServer({u"create"_s, Tasks, uR"({"title":"Created by the CLI"})"_s}), Timeout));
    QCOMPARE(create.exitCode(), 0);
    QCOMPARE(create.jsonLines().size(), 1);
    const QString id = create.jsonLines().constFirst().value(u"id"_s).toString();
    QVERIFY(!id.isEmpty());

    CliProcess list;
    QVERIFY(list.run(withServer({u"list"_s, Tasks}), Timeout));
    QCOMPARE(list.exitCode(), 0);
    const QList<QJsonObject> listed = list.jsonLines();
    QCOMPARE(listed.size(), m_probe->records(Tasks).size());
    const auto created = std::find_if(listed.cbegin(), listed.cend(),
                                      [&id](const QJsonObject &line) { return line.value(u"id"_s) == id; });
    QVERIFY(created != listed.cend());
    QCOMPARE(created->value(u"data"_s).toObject().value(u"title"_s).toString(), u"Created by the CLI"_s);
}

void TestCli::putOnNewIdCreatesThenReplaces()
{
    const QString id = u"chosen-by-the-user"_s;
    QVERIFY(!m_probe->get(u"/v1/collections/tasks/records/"_s + id));
    const qint64 before = m_probe->seq(Tasks);
    CliProcess put;
    QVERIFY(put.run(withServer({u"put"_s, Tasks, id, uR"({"title":"Put on a new id"})"_s}), Timeout));
    QCOMPARE(put.exitCode(), 0);
    QCOMPARE(put.jsonLines().size(), 1);
    QCOMPARE(put.jsonLines().constFirst().value(u"id"_s).toString(), id);
    QCOMPARE(m_probe->seq(Tasks), before + 1); // exactly one change: the creation
    const QList<QJsonObject> created = m_probe->changes(Tasks, before);
    QCOMPARE(created.size(), 1);
    QCOMPARE(created.constFirst().value(u"id"_s).toString(), id);
    QCOMPARE(created.constFirst().value(u"op"_s).toString(), u"put"_s);
    QCOMPARE(m_probe->get(u"/v1/collections/tasks/records/"_s + id)->value(u"title"_s).toString(),
             u"Put on a new id"_s);

    // The same id again, in the same journal: now a replace of every field, in one write.
    QVERIFY(put.run(withServer({u"put"_s, Tasks, id, uR"({"title":"Replaced","priority":"low","done":true})"_s}),
                    Timeout));
    QCOMPARE(put.exitCode(), 0);
    QCOMPARE(m_probe->seq(Tasks), before + 2);
    const std::optional<QJsonObject> server = m_probe->get(u"/v1/collections/tasks/records/"_s + id);
    QVERIFY(server);
    QCOMPARE(server->value(u"title"_s).toString(), u"Replaced"_s);
    QCOMPARE(server->value(u"priority"_s).toString(), u"low"_s);
    QCOMPARE(server->value(u"done"_s).toBool(), true);
}

void TestCli::serverDownQueuesTheEditAndTheNextRunSendsIt()
{
    TcpRelay relay; // one address, whether the server behind it is there or not
    QVERIFY(relay.listen());
    relay.setTarget(quint16(m_server->url().port()));
    CliProcess cli;
    QVERIFY(cli.run(withServer({u"collections"_s}, relay.url()), Timeout)); // the journal learns the schema
    QCOMPARE(cli.exitCode(), 0);
    const QString id = firstRecordId();
    const qint64 before = m_probe->seq(Tasks);

    relay.setTarget(0);
    QVERIFY(cli.run(withServer({u"put"_s, Tasks, id, uR"({"title":"Written offline"})"_s}, relay.url()), Timeout));
    QCOMPARE(cli.exitCode(), 3);
    QVERIFY2(cli.standardError().contains(u"is queued"_s), qPrintable(cli.standardError()));
    QVERIFY(cli.run(withServer({u"put"_s, Tasks, id, uR"({"title":"t","done":3})"_s}, relay.url()), Timeout));
    QCOMPARE(cli.exitCode(), 4); // checked against the journal's schema even offline
    QVERIFY(cli.run(withServer({u"collections"_s}, relay.url()), Timeout));
    QCOMPARE(cli.exitCode(), 3);
    QVERIFY2(cli.standardError().contains(u"1 edit(s) stay queued"_s), qPrintable(cli.standardError()));
    QCOMPARE(m_probe->seq(Tasks), before);

    relay.setTarget(quint16(m_server->url().port()));
    QVERIFY(cli.run(withServer({u"collections"_s}, relay.url()), Timeout)); // any run replays
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(m_probe->seq(Tasks), before + 1);
    const std::optional<QJsonObject> server = m_probe->get(u"/v1/collections/tasks/records/"_s + id);
    QVERIFY(server);
    QCOMPARE(server->value(u"title"_s).toString(), u"Written offline"_s);
}

void TestCli::watchPrintsOtherClientsChangesInOrder()
{
    CliProcess watch;
    watch.start(withServer({u"watch"_s, Tasks}));
    QTRY_VERIFY_WITH_TIMEOUT(watch.standardError().contains(u"watching tasks from seq"_s), Timeout);
    const qint64 start = m_probe->seq(Tasks);

    // Another client: a creation, a replacement, a deletion.
    const QString id = u"watched-record"_s;
    QCOMPARE(m_probe->write(Tasks, id, QJsonObject{{u"title"_s, u"one"_s}}), 201);
    const QString etag = m_probe->changes(Tasks, start).constLast().value(u"etag"_s).toString();
    QCOMPARE(m_probe->write(Tasks, id, QJsonObject{{u"title"_s, u"two"_s}}, etag), 200);
    const QString etag2 = m_probe->changes(Tasks, start).constLast().value(u"etag"_s).toString();
    QCOMPARE(m_probe->write(Tasks, id, std::nullopt, etag2), 204);

    const QList<QJsonObject> expected = m_probe->changes(Tasks, start);
    QCOMPARE(expected.size(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(watch.jsonLines().size(), 3, Timeout);
    QCOMPARE(watch.jsonLines(), expected); // the protocol's change objects, in order, each once
    QCOMPARE(expected.at(0).value(u"seq"_s).toInteger(), start + 1);
    QCOMPARE(expected.at(2).value(u"op"_s).toString(), u"delete"_s);

    QSignalSpy finished(&watch, &CliProcess::finished);
    watch.process()->terminate(); // SIGTERM
    QVERIFY(finished.wait(Timeout));
    QVERIFY(!watch.crashed());
    QCOMPARE(watch.exitCode(), 0);
}

void TestCli::editsQueuedInASecondSlotAreAdoptedByTheNextRun()
{
    // A `watch` holds the journal's first slot, as an open window would; runs made meanwhile
    // take the second. An edit queued there while the server is away must not wait for
    // someone to use slot 2 again: the next run on slot 1 takes it over and sends it.
    TcpRelay relay;
    QVERIFY(relay.listen());
    relay.setTarget(quint16(m_server->url().port()));
    CliProcess watch;
    watch.start(withServer({u"watch"_s, Tasks}, relay.url()));
    QTRY_VERIFY_WITH_TIMEOUT(watch.standardError().contains(u"watching tasks from seq"_s), Timeout);
    CliProcess cli;
    QVERIFY(cli.run(withServer({u"collections"_s}, relay.url()), Timeout)); // slot 2 learns the schema
    QCOMPARE(cli.exitCode(), 0);
    const QString id = firstRecordId();
    const qint64 before = m_probe->seq(Tasks);

    relay.setTarget(0);
    relay.dropAll();
    QVERIFY(cli.run(withServer({u"put"_s, Tasks, id, uR"({"title":"Queued in slot 2"})"_s}, relay.url()), Timeout));
    QCOMPARE(cli.exitCode(), 3);
    QSignalSpy watchEnded(&watch, &CliProcess::finished);
    watch.process()->terminate();
    QVERIFY(watchEnded.wait(Timeout)); // slot 1 is free again, and holds no pending edit

    relay.setTarget(quint16(m_server->url().port()));
    QVERIFY(cli.run(withServer({u"collections"_s, u"--verbose"_s}, relay.url()), Timeout));
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY2(cli.standardError().contains(u"adopted 1 pending records of"_s), qPrintable(cli.standardError()));
    QCOMPARE(m_probe->seq(Tasks), before + 1);
    const std::optional<QJsonObject> server = m_probe->get(u"/v1/collections/tasks/records/"_s + id);
    QVERIFY(server);
    QCOMPARE(server->value(u"title"_s).toString(), u"Queued in slot 2"_s);
    QVERIFY(cli.run(withServer({u"collections"_s}, relay.url()), Timeout));
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(m_probe->seq(Tasks), before + 1); // sent once, not again
}

void TestCli::defaultServerIsTheAppsLocalServer()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_DATA_HOME"_s, home.path());
    CliProcess cli;
    cli.setEnvironment(environment);

    QVERIFY(cli.run({u"collections"_s}, Timeout)); // no app running: no endpoint file
    QCOMPARE(cli.exitCode(), 3);
    QVERIFY2(cli.standardError().contains(u"no local Etagere server is running"_s), qPrintable(cli.standardError()));

    const QString serverDir = home.filePath(u"Etagere/Etagere/server"_s);
    QVERIFY(QDir().mkpath(serverDir));
    QFile endpoint(QDir(serverDir).filePath(u"endpoint"_s));
    QVERIFY(endpoint.open(QIODevice::WriteOnly));
    endpoint.write(m_server->url().toString().toUtf8() + '\n');
    endpoint.close();
    QVERIFY(cli.run({u"collections"_s}, Timeout));
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(cli.jsonLines().size(), 1);
    QCOMPARE(cli.jsonLines().constFirst().value(u"name"_s).toString(), Tasks);
    // The app's journal of its local server: keyed by the server's data directory.
    const QStringList journals = QDir(home.filePath(u"Etagere/Etagere/journals"_s))
                                     .entryList({u"local_*.journal"_s}, QDir::Files);
    QCOMPARE(journals.size(), 1);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
