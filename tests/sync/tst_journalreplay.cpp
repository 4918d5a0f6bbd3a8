#include "fetchchangesjob.h"
#include "fetchrecordsjob.h"
#include "journal.h"
#include "networkaccess.h"
#include "rawdatabase.h"
#include "runjob.h"
#include "scriptedserver.h"
#include "syncengine.h"
#include "testserver.h"
#include "writerecordjob.h"

#include <QJsonDocument>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace Etagere;

namespace {

constexpr int Timeout = 10000;
const QString Tasks = u"tasks"_s;

} // namespace

/// The engine over a Journal: what a restart finds, sends and resumes. Against a real
/// etagere-server (--demo, collection "tasks"); "the other client" is played with plain
/// REST jobs; the hello test uses a scripted server to read what the engine sends.
class TestJournalReplay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void pendingEditsReachTheServerExactlyOnce();
    void replayedUpdateTheServerHasIsNoConflict_data();
    void replayedUpdateTheServerHasIsNoConflict();
    void restartResumesFromThePersistedSeq();
    void helloCarriesThePersistedSeq();
    void editTheJournalRefusesIsNotShown();
    void serverDataTheJournalRefusesIsReloadedLater();

private:
    [[nodiscard]] QString journalPath() const { return m_dir.filePath(u"test.journal"_s); }
    void startServer();
    /// Opens the journal and an engine on it for `server` (the test server's when empty).
    void openEngine(const QUrl &server = {});
    /// Starts the engine and waits until it is live with every collection loaded or resumed.
    [[nodiscard]] bool startEngine();
    void closeEngine();
    /// The server's changes of "tasks" after `since`.
    [[nodiscard]] QList<Change> serverChanges(qint64 since);
    [[nodiscard]] std::optional<Record> serverRecord(const QString &id);
    QString otherClientWrites(WriteRecordJob::Mode mode, const QString &id, const QJsonObject &data,
                              const QString &etag);

    QTemporaryDir m_dir;
    NetworkAccess m_network;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<SyncEngine> m_engine;
};

void TestJournalReplay::init()
{
    qRegisterMetaType<Etagere::ChangeSource>();
    qRegisterMetaType<Etagere::Conflict>();
    QVERIFY(m_dir.isValid());
    QFile::remove(journalPath());
}

void TestJournalReplay::cleanup()
{
    closeEngine();
    m_server.reset();
}

void TestJournalReplay::startServer()
{
    m_server = std::make_unique<TestServer>(QStringList{u"--demo"_s});
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_network.setBearerToken(m_server->token());
}

void TestJournalReplay::openEngine(const QUrl &server)
{
    m_journal = std::make_unique<Journal>();
    QVERIFY2(m_journal->open(journalPath()), qPrintable(m_journal->errorString()));
    m_engine = std::make_unique<SyncEngine>(server.isEmpty() ? m_server->url() : server, m_journal.get());
    if (m_server) // a test may open the journal before there is any server
        m_engine->setBearerToken(m_server->token());
    m_engine->setTimings(1000, 50);
}

bool TestJournalReplay::startEngine()
{
    m_engine->start();
    return QTest::qWaitFor([this] { return m_engine->connectionState() == ConnectionState::Live
                                           && m_journal->lastSeq(Tasks) > 0; }, Timeout);
}

void TestJournalReplay::closeEngine()
{
    m_engine.reset();
    m_journal.reset();
}

QList<Change> TestJournalReplay::serverChanges(qint64 since)
{
    FetchChangesJob job(&m_network, m_server->url(), Tasks, since);
    if (!Test::runJob(job, Timeout))
        return {};
    return job.changes();
}

std::optional<Record> TestJournalReplay::serverRecord(const QString &id)
{
    FetchRecordsJob job(&m_network, m_server->url(), Tasks);
    if (!Test::runJob(job, Timeout))
        return std::nullopt;
    for (const Record &record : job.records()) {
        if (record.id == id)
            return record;
    }
    return std::nullopt;
}

QString TestJournalReplay::otherClientWrites(WriteRecordJob::Mode mode, const QString &id, const QJsonObject &data,
                                             const QString &etag)
{
    WriteRecordJob job(&m_network, m_server->url(), mode, Tasks, id, data, etag);
    if (!Test::runJob(job, Timeout))
        return {};
    return mode == WriteRecordJob::Mode::Delete ? u"deleted"_s : job.newEtag();
}

void TestJournalReplay::pendingEditsReachTheServerExactlyOnce()
{
    startServer();
    openEngine();
    QVERIFY(startEngine());
    const qint64 before = m_journal->lastSeq(Tasks);
    const QList<RecordState> records = m_engine->records(Tasks);
    const QString updated = records.at(0).id;
    const QString deleted = records.at(1).id;

    // The server freezes: the writes go into its socket and may or may not be applied.
    const auto pid = pid_t(m_server->processId());
    QCOMPARE(::kill(pid, SIGSTOP), 0);
    auto thaw = qScopeGuard([pid] { ::kill(pid, SIGCONT); });
    QVERIFY(m_engine->setField(Tasks, updated, u"title"_s, u"Replayed"_s));
    QVERIFY(m_engine->deleteRecord(Tasks, deleted));
    const QJsonObject data{{u"title"_s, u"Created before the crash"_s}, {u"priority"_s, u"low"_s}};
    const QString created = m_engine->createRecord(Tasks, data);
    QVERIFY(!created.isEmpty());
    QCOMPARE(m_engine->pendingCount(), 3);
    QTest::qWait(200); // let the engine send them
    closeEngine();     // the client "crashes" before any answer
    QCOMPARE(::kill(pid, SIGCONT), 0);
    thaw.dismiss();

    // A new engine on the same journal shows the pending edits at once, then sends them.
    openEngine();
    QCOMPARE(m_engine->pendingCount(), 3);
    QVERIFY(m_engine->collection(Tasks));
    QCOMPARE(m_engine->records(Tasks).size(), 21);
    QCOMPARE(m_engine->record(Tasks, updated)->local.value("title"_L1).toString(), u"Replayed"_s);
    QVERIFY(m_engine->record(Tasks, deleted)->deletedLocally);
    QVERIFY(!m_engine->record(Tasks, created)->isOnServer());
    QSignalSpy conflicts(m_engine.get(), &SyncEngine::conflictAdded);
    m_engine->start();
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->pendingCount(), 0, Timeout);
    QVERIFY(conflicts.isEmpty());

    QCOMPARE(serverRecord(updated)->data.value("title"_L1).toString(), u"Replayed"_s);
    QCOMPARE(serverRecord(updated)->etag, m_engine->record(Tasks, updated)->etag);
    QVERIFY(!serverRecord(deleted));
    QCOMPARE(serverRecord(created)->data, data);
    QMap<QString, int> changesPerId; // exactly once: one change per edit, whoever sent it
    for (const Change &change : serverChanges(before))
        ++changesPerId[change.id];
    QCOMPARE(changesPerId, (QMap<QString, int>{{updated, 1}, {deleted, 1}, {created, 1}}));
    QTRY_COMPARE_WITH_TIMEOUT(m_journal->lastSeq(Tasks), before + 3, Timeout);
}

void TestJournalReplay::replayedUpdateTheServerHasIsNoConflict_data()
{
    QTest::addColumn<bool>("journalHasTheChange");
    // The journal's number already counts the write: no push of it comes, the 412 answers.
    QTest::newRow("answered by a 412 with equal content") << true;
    // It does not: the catch-up push and the 412 race; either must be taken as applied.
    QTest::newRow("answered by the catch-up push") << false;
}

void TestJournalReplay::replayedUpdateTheServerHasIsNoConflict()
{
    QFETCH(bool, journalHasTheChange);
    startServer();
    openEngine();
    QVERIFY(startEngine());
    const qint64 before = m_journal->lastSeq(Tasks);
    RecordState pending = m_engine->records(Tasks).at(0);
    closeEngine();

    // The last run sent this edit and the server applied it, but the run ended before the
    // answer was stored: the journal still holds it as pending, with the old ETag.
    pending.local.insert(u"title"_s, u"Applied already"_s);
    pending.dirty = true;
    const QString serverEtag = otherClientWrites(WriteRecordJob::Mode::Replace, pending.id, pending.local, pending.etag);
    QVERIFY(!serverEtag.isEmpty());
    {
        Journal journal;
        QVERIFY(journal.open(journalPath()));
        QVERIFY(journal.apply(StoreBatch{Tasks, {pending}, {}, journalHasTheChange ? before + 1 : before}));
    }

    openEngine();
    QCOMPARE(m_engine->pendingCount(), 1);
    QSignalSpy conflicts(m_engine.get(), &SyncEngine::conflictAdded);
    QSignalSpy failed(m_engine.get(), &SyncEngine::writeFailed);
    QVERIFY(startEngine());
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->pendingCount(), 0, Timeout);
    QVERIFY(conflicts.isEmpty());
    QVERIFY(failed.isEmpty());
    QVERIFY(m_engine->conflicts().isEmpty());
    const RecordState after = *m_engine->record(Tasks, pending.id);
    QCOMPARE(after.etag, serverEtag);
    QCOMPARE(after.local, pending.local);
    QVERIFY(!after.dirty);
    QCOMPARE(serverChanges(before).size(), 1); // not written a second time
    QCOMPARE(serverRecord(pending.id)->etag, serverEtag);
    QTRY_COMPARE_WITH_TIMEOUT(m_journal->lastSeq(Tasks), before + 1, Timeout);
    QVERIFY(!m_journal->record(Tasks, pending.id)->dirty); // and so it is stored
}

void TestJournalReplay::restartResumesFromThePersistedSeq()
{
    startServer();
    openEngine();
    QVERIFY(startEngine());
    const qint64 before = m_journal->lastSeq(Tasks);
    const QList<RecordState> records = m_engine->records(Tasks);
    closeEngine();

    // While the client is not running, another one changes two records.
    QJsonObject theirs = records.at(0).base;
    theirs.insert(u"owner"_s, u"Zoe"_s);
    QVERIFY(!otherClientWrites(WriteRecordJob::Mode::Replace, records.at(0).id, theirs, records.at(0).etag).isEmpty());
    QVERIFY(!otherClientWrites(WriteRecordJob::Mode::Delete, records.at(1).id, {}, records.at(1).etag).isEmpty());

    openEngine();
    QCOMPARE(m_journal->lastSeq(Tasks), before);
    QSignalSpy reloaded(m_engine.get(), &SyncEngine::collectionReloaded);
    QSignalSpy changed(m_engine.get(), &SyncEngine::recordChanged);
    QSignalSpy removed(m_engine.get(), &SyncEngine::recordRemoved);
    m_engine->start();
    QTRY_COMPARE_WITH_TIMEOUT(m_journal->lastSeq(Tasks), before + 2, Timeout);
    QCOMPARE(m_engine->record(Tasks, records.at(0).id)->local, theirs);
    QVERIFY(!m_engine->record(Tasks, records.at(1).id));
    QCOMPARE(m_engine->records(Tasks).size(), 19);
    QVERIFY(reloaded.isEmpty()); // resumed, not loaded again
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.constFirst().at(3).value<ChangeSource>(), ChangeSource::Remote);
    QCOMPARE(removed.size(), 1);
    closeEngine();

    Journal journal; // the number is on disk with the data
    QVERIFY(journal.open(journalPath()));
    QCOMPARE(journal.lastSeq(Tasks), before + 2);
    QCOMPARE(journal.record(Tasks, records.at(0).id)->local, theirs);
}

void TestJournalReplay::helloCarriesThePersistedSeq()
{
    ScriptedServer scripted;
    QVERIFY(scripted.listen());
    scripted.setHandler([](const ScriptedServer::Request &request) {
        if (request.path == "/v1/collections"_L1)
            return ScriptedServer::json(200, R"({"collections":[{"name":"tasks","title":"Tasks","seq":9,
                "fields":[{"name":"title","type":"string","title":"Title","required":true}]}]})");
        return ScriptedServer::json(404, R"({"type":"about:blank","title":"Not Found","status":404})");
    });
    {
        Journal journal;
        QVERIFY(journal.open(journalPath()));
        RecordState state;
        state.collection = Tasks;
        state.id = u"r1"_s;
        state.uri = u"/v1/collections/tasks/records/r1"_s;
        state.etag = u"\"7\""_s;
        state.base = QJsonObject{{u"title"_s, u"One"_s}};
        state.local = state.base;
        QVERIFY(journal.apply(StoreBatch{Tasks, {state}, {}, 7}));
    }
    QSignalSpy texts(&scripted, &ScriptedServer::textReceived);
    openEngine(scripted.url());
    m_engine->start();
    const auto helloWithTasks = [&texts] {
        for (const QList<QVariant> &text : std::as_const(texts)) {
            const QJsonObject hello = QJsonDocument::fromJson(text.at(0).toString().toUtf8()).object();
            if (hello.value("type"_L1) == "hello"_L1 && hello.value("collections"_L1).toObject().contains(Tasks))
                return hello.value("collections"_L1).toObject().value(Tasks).toInteger();
        }
        return qint64(-1);
    };
    QTRY_VERIFY_WITH_TIMEOUT(helloWithTasks() >= 0, Timeout);
    QCOMPARE(helloWithTasks(), 7);
    for (const ScriptedServer::Request &request : scripted.requests())
        QVERIFY2(!request.path.endsWith("/records"_L1), qPrintable(request.path)); // no full load
    QCOMPARE(m_engine->record(Tasks, u"r1"_s)->local.value("title"_L1).toString(), u"One"_s);
}

void TestJournalReplay::editTheJournalRefusesIsNotShown()
{
    // No server: the journal alone decides. It holds a schema and one record on the server.
    {
        Journal journal;
        QVERIFY(journal.open(journalPath()));
        QString error;
        const auto schema = CollectionSchema::fromJson(
            QJsonDocument::fromJson(R"({"name":"tasks","title":"Tasks","fields":[
                {"name":"title","type":"string","title":"Title","required":true}]})").object(), &error);
        QVERIFY2(schema, qPrintable(error));
        QVERIFY(journal.setCollections({*schema}));
        RecordState state;
        state.collection = Tasks;
        state.id = u"r1"_s;
        state.uri = u"/v1/collections/tasks/records/r1"_s;
        state.etag = u"\"1\""_s;
        state.base = QJsonObject{{u"title"_s, u"One"_s}};
        state.local = state.base;
        QVERIFY(journal.apply(StoreBatch{Tasks, {state}, {}, 1}));
    }
    openEngine(QUrl(u"http://127.0.0.1:1"_s));
    const RecordState before = *m_engine->record(Tasks, u"r1"_s);
    {
        const RawDatabase raw(journalPath()); // the disk is "full" from now on
        QVERIFY(raw.exec(RawDatabase::poisonTrigger(u"INSERT"_s, u"records"_s)));
    }
    QSignalSpy changed(m_engine.get(), &SyncEngine::recordChanged);
    QSignalSpy inserted(m_engine.get(), &SyncEngine::recordInserted);
    QSignalSpy pending(m_engine.get(), &SyncEngine::pendingCountChanged);
    QSignalSpy errors(m_engine.get(), &SyncEngine::errorOccurred);
    QString error;
    QVERIFY(!m_engine->setField(Tasks, u"r1"_s, u"title"_s, u"Lost?"_s, &error));
    QVERIFY2(error.contains(u"injected failure"_s), qPrintable(error));
    QVERIFY(m_engine->createRecord(Tasks, QJsonObject{{u"title"_s, u"New"_s}}, &error).isEmpty());
    QVERIFY(!m_engine->deleteRecord(Tasks, u"r1"_s));
    QVERIFY(!m_engine->setFieldFrom(Tasks, u"r1"_s, u"title"_s, u"Elsewhere"_s, u"Mine"_s, &error));
    QCOMPARE(*m_engine->record(Tasks, u"r1"_s), before);
    QCOMPARE(m_engine->records(Tasks).size(), 1);
    QCOMPARE(m_engine->pendingCount(), 0);
    QVERIFY(m_engine->conflicts().isEmpty());
    QVERIFY(changed.isEmpty());
    QVERIFY(inserted.isEmpty());
    QVERIFY(pending.isEmpty());
    QCOMPARE(errors.size(), 4);

    {
        const RawDatabase raw(journalPath()); // space again
        QVERIFY(raw.exec(u"DROP TRIGGER poison"_s));
    }
    QVERIFY(m_engine->setField(Tasks, u"r1"_s, u"title"_s, u"Kept"_s, &error));
    QCOMPARE(m_engine->pendingCount(), 1);
    closeEngine();
    Journal journal;
    QVERIFY(journal.open(journalPath()));
    QCOMPARE(journal.record(Tasks, u"r1"_s)->local.value("title"_L1).toString(), u"Kept"_s);
    QVERIFY(journal.record(Tasks, u"r1"_s)->dirty);
}

void TestJournalReplay::serverDataTheJournalRefusesIsReloadedLater()
{
    startServer();
    openEngine();
    QVERIFY(startEngine());
    const RecordState before = m_engine->records(Tasks).at(0);
    const qint64 seq = m_journal->lastSeq(Tasks);
    QSignalSpy errors(m_engine.get(), &SyncEngine::errorOccurred);
    QSignalSpy changed(m_engine.get(), &SyncEngine::recordChanged);
    auto raw = std::make_unique<RawDatabase>(journalPath());
    QVERIFY(raw->exec(RawDatabase::poisonTrigger(u"INSERT"_s, u"records"_s)));

    QJsonObject theirs = before.base;
    theirs.insert(u"owner"_s, u"Zoe"_s);
    QVERIFY(!otherClientWrites(WriteRecordJob::Mode::Replace, before.id, theirs, before.etag).isEmpty());
    QVERIFY(errors.wait(Timeout)); // the push could not be stored: memory did not move either
    QCOMPARE(*m_engine->record(Tasks, before.id), before);
    QCOMPARE(m_journal->lastSeq(Tasks), seq);
    QVERIFY(changed.isEmpty());

    QSignalSpy reloaded(m_engine.get(), &SyncEngine::collectionReloaded);
    QVERIFY(raw->exec(u"DROP TRIGGER poison"_s));
    raw.reset();
    QTRY_VERIFY_WITH_TIMEOUT(!reloaded.isEmpty(), Timeout); // learnt again by a reload
    QCOMPARE(m_engine->record(Tasks, before.id)->local, theirs);
    QCOMPARE(m_journal->lastSeq(Tasks), seq + 1);
    QCOMPARE(m_journal->record(Tasks, before.id)->local, theirs);
}

QTEST_GUILESS_MAIN(TestJournalReplay)
#include "tst_journalreplay.moc"
