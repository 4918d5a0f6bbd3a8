#include "fetchrecordsjob.h"
#include "memoryrecordstore.h"
#include "runjob.h"
#include "syncengine.h"
#include "tcprelay.h"
#include "testserver.h"
#include "writerecordjob.h"

#include "networkaccess.h"
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace Etagere;

namespace {

constexpr int Timeout = 10000;
const QString Tasks = u"tasks"_s;

} // namespace

/// The engine against a real etagere-server started with `--demo` (collection "tasks").
/// "The other client" is played by the test with plain REST jobs. Failure paths that need
/// a server answering as told are in tst_syncengine_failures.cpp.
class TestSyncEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void loadsEveryCollection();
    void localEditIsOptimisticAndPendingUntilAcknowledged();
    void badValueIsRefusedLocally_data();
    void badValueIsRefusedLocally();
    void createAndDelete();
    void remoteChangesArePushed();
    void staleWriteMergesCleanly();
    void concurrentEditBecomesConflictAndResolves();
    void serverDeleteAgainstLocalEditIsConflict();
    void localDeleteAgainstServerEditIsConflict();
    void offlineEditIsSentWhenTheServerIsBack();
    void frozenServerIsLeftAndRejoined();
    void resetReloadsAndKeepsLocalEdits();

private:
    /// Starts the server (with --demo) and an engine for `engineUrl` (the server's own
    /// when empty).
    void startServer(const QStringList &extraArgs = {}, const QUrl &engineUrl = {});
    [[nodiscard]] bool startEngine();
    [[nodiscard]] QString someId() const;
    /// The server's copy of a record (listing the collection); nullopt when absent.
    [[nodiscard]] std::optional<Record> serverRecord(const QString &id);
    /// A write by "another client"; returns the new ETag (empty on failure).
    QString otherClientWrites(WriteRecordJob::Mode mode, const QString &id, const QJsonObject &data,
                              const QString &etag);

    NetworkAccess m_network;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<MemoryRecordStore> m_store;
    std::unique_ptr<SyncEngine> m_engine;
};

void TestSyncEngine::init()
{
    qRegisterMetaType<Etagere::ChangeSource>();
    qRegisterMetaType<Etagere::Conflict>();
}

void TestSyncEngine::cleanup()
{
    m_engine.reset();
    m_store.reset();
    m_server.reset();
}

void TestSyncEngine::startServer(const QStringList &extraArgs, const QUrl &engineUrl)
{
    m_server = std::make_unique<TestServer>(QStringList{u"--demo"_s} + extraArgs);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_network.setBearerToken(m_server->token());
    m_store = std::make_unique<MemoryRecordStore>();
    m_engine = std::make_unique<SyncEngine>(engineUrl.isEmpty() ? m_server->url() : engineUrl, m_store.get());
    m_engine->setBearerToken(m_server->token());
    m_engine->setTimings(1000, 50);
}

bool TestSyncEngine::startEngine()
{
    QSignalSpy reloaded(m_engine.get(), &SyncEngine::collectionReloaded);
    m_engine->start();
    return (!reloaded.isEmpty() || reloaded.wait(Timeout))
           && QTest::qWaitFor([this] { return m_engine->connectionState() == ConnectionState::Live; }, Timeout);
}

QString TestSyncEngine::someId() const
{
    const QList<RecordState> records = m_engine->records(Tasks);
    return records.isEmpty() ? QString() : records.constFirst().id;
}

std::optional<Record> TestSyncEngine::serverRecord(const QString &id)
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

QString TestSyncEngine::otherClientWrites(WriteRecordJob::Mode mode, const QString &id, const QJsonObject &data,
                                          const QString &etag)
{
    WriteRecordJob job(&m_network, m_server->url(), mode, Tasks, id, data, etag);
    if (!Test::runJob(job, Timeout))
        return {};
    return mode == WriteRecordJob::Mode::Delete ? u"deleted"_s : job.newEtag();
}

void TestSyncEngine::loadsEveryCollection()
{
    startServer();
    QSignalSpy userChanged(m_engine.get(), &SyncEngine::userChanged);
    QCOMPARE(m_engine->connectionState(), ConnectionState::Offline);
    QVERIFY(startEngine());
    const std::optional<CollectionSchema> tasks = m_engine->collection(Tasks);
    QVERIFY(tasks);
    QVERIFY(tasks->field(u"title"_s));
    const QList<RecordState> records = m_engine->records(Tasks);
    QCOMPARE(records.size(), 20);
    for (const RecordState &state : records) {
        QVERIFY(state.isOnServer());
        QVERIFY(!state.dirty);
        QVERIFY(!state.etag.isEmpty());
        QCOMPARE(state.local, state.base);
    }
    QCOMPARE(m_engine->pendingCount(), 0);
    QTRY_VERIFY(!m_engine->user().isEmpty());
    QCOMPARE(userChanged.size(), 1);
    const std::optional<Record> onServer = serverRecord(records.constFirst().id);
    QVERIFY(onServer);
    QCOMPARE(records.constFirst().local, onServer->data);
    QCOMPARE(records.constFirst().etag, onServer->etag);
}

void TestSyncEngine::localEditIsOptimisticAndPendingUntilAcknowledged()
{
    startServer();
    QVERIFY(startEngine());
    const QString id = someId();
    const RecordState before = *m_engine->record(Tasks, id);
    QSignalSpy changed(m_engine.get(), &SyncEngine::recordChanged);
    QSignalSpy pending(m_engine.get(), &SyncEngine::pendingCountChanged);

    QString error;
    QVERIFY(m_engine->setField(Tasks, id, u"title"_s, u"Changed here"_s, &error));
    // Visible at once, pending until the server answers.
    const RecordState now = *m_engine->record(Tasks, id);
    QCOMPARE(now.local.value("title"_L1).toString(), u"Changed here"_s);
    QVERIFY(now.dirty);
    QCOMPARE(now.etag, before.etag);
    QCOMPARE(m_engine->pendingCount(), 1);
    QCOMPARE(pending.constFirst().at(0).toInt(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.constFirst().at(2).toStringList(), QStringList{u"title"_s});
    QCOMPARE(changed.constFirst().at(3).value<ChangeSource>(), ChangeSource::Local);

    QTRY_COMPARE_WITH_TIMEOUT(m_engine->pendingCount(), 0, Timeout);
    const RecordState acked = *m_engine->record(Tasks, id);
    QVERIFY(!acked.dirty);
    QVERIFY(acked.etag != before.etag);
    QCOMPARE(acked.base, acked.local);
    QCOMPARE(changed.at(1).at(3).value<ChangeSource>(), ChangeSource::Server);
    const std::optional<Record> onServer = serverRecord(id);
    QVERIFY(onServer);
    QCOMPARE(onServer->data.value("title"_L1).toString(), u"Changed here"_s);
    QCOMPARE(onServer->etag, acked.etag);
    QVERIFY(m_engine->conflicts().isEmpty());
}

void TestSyncEngine::badValueIsRefusedLocally_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("enum value not listed") << u"priority"_s << QJsonValue(u"urgent"_s);
    QTest::newRow("number as text") << u"estimate"_s << QJsonValue(u"abc"_s);
    QTest::newRow("required set to null") << u"title"_s << QJsonValue(QJsonValue::Null);
    QTest::newRow("boolean as text") << u"done"_s << QJsonValue(u"yes"_s);
    QTest::newRow("bad date") << u"due"_s << QJsonValue(u"2026-13-45"_s);
    QTest::newRow("unknown field") << u"nope"_s << QJsonValue(1);
}

void TestSyncEngine::badValueIsRefusedLocally()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    startServer();
    QVERIFY(startEngine());
    const QString id = someId();
    const RecordState before = *m_engine->record(Tasks, id);
    QSignalSpy changed(m_engine.get(), &SyncEngine::recordChanged);
    QString error;
    QVERIFY(!m_engine->setField(Tasks, id, field, value, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(*m_engine->record(Tasks, id), before);
    QCOMPARE(m_engine->pendingCount(), 0);
    QVERIFY(changed.isEmpty());

    QVERIFY(!m_engine->setField(Tasks, u"no-such-record"_s, u"title"_s, u"x"_s, &error));
    QVERIFY(m_engine->createRecord(Tasks, QJsonObject{{field, value}}, &error).isEmpty());
    QCOMPARE(m_engine->records(Tasks).size(), 20);
}

void TestSyncEngine::createAndDelete()
{
    startServer();
    QVERIFY(startEngine());
    QSignalSpy inserted(m_engine.get(), &SyncEngine::recordInserted);
    QSignalSpy removed(m_engine.get(), &SyncEngine::recordRemoved);
    const QJsonObject data{{u"title"_s, u"Brand new"_s}, {u"priority"_s, u"high"_s}};
    const QString id = m_engine->createRecord(Tasks, data);
    QVERIFY(!id.isEmpty());
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.constFirst().at(2).value<ChangeSource>(), ChangeSource::Local);
    QVERIFY(!m_engine->record(Tasks, id)->isOnServer());
    QCOMPARE(m_engine->pendingCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->pendingCount(), 0, Timeout);
    QVERIFY(m_engine->record(Tasks, id)->isOnServer());
    QCOMPARE(serverRecord(id)->data, data);
    QCOMPARE(inserted.size(), 1); // our own echo is not a second insert

    QVERIFY(m_engine->deleteRecord(Tasks, id));
    QVERIFY(m_engine->record(Tasks, id)->deletedLocally); // pending until the server confirms
    QCOMPARE(m_engine->pendingCount(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!m_engine->record(Tasks, id), Timeout);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.constFirst().at(2).value<ChangeSource>(), ChangeSource::Server);
    QCOMPARE(m_engine->pendingCount(), 0);
    QVERIFY(!serverRecord(id));
    QVERIFY(!m_engine->deleteRecord(Tasks, id));
}

void TestSyncEngine::remoteChangesArePushed()
{
    startServer();
    QVERIFY(startEngine());
    const QString id = someId();
    const RecordState before = *m_engine->record(Tasks, id);
    QSignalSpy changed(m_engine.get(), &SyncEngine::recordChanged);
    QJsonObject theirs = before.base;
    theirs.insert(u"owner"_s, u"Zoe"_s);
    QVERIFY(!otherClientWrites(WriteRecordJob::Mode::Replace, id, theirs, before.etag).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, Timeout); // may already have arrived
    QCOMPARE(changed.constFirst().at(2).toStringList(), QStringList{u"owner"_s});
    QCOMPARE(changed.constFirst().at(3).value<ChangeSource>(), ChangeSource::Remote);
    QVERIFY(!changed.constFirst().at(4).toString().isEmpty());
    QCOMPARE(m_engine->record(Tasks, id)->local, theirs);
    QVERIFY(!m_engine->record(Tasks, id)->dirty);

    QSignalSpy removed(m_engine.get(), &SyncEngine::recordRemoved);
    QVERIFY(!otherClientWrites(WriteRecordJob::Mode::Delete, id, {}, m_engine->record(Tasks, id)->etag).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, Timeout);
    QCOMPARE(removed.constFirst().at(2).value<ChangeSource>(), ChangeSource::Remote);
    QVERIFY(!m_engine->record(Tasks, id));
}

void TestSyncEngine::staleWriteMergesCleanly()
{
    startServer();
    QVERIFY(startEngine());
    const QString id = someId();
    const RecordState before = *m_engine->record(Tasks, id);
    m_engine->stop(); // the other client's change cannot reach us before our write
    QJsonObject theirs = before.base;
    theirs.insert(u"owner"_s, u"Zoe"_s);
    QVERIFY(!otherClientWrites(WriteRecordJob::Mode::Replace, id, theirs, before.etag).isEmpty());
    QVERIFY(m_engine->setField(Tasks, id, u"title"_s, u"Mine"_s));
    QSignalSpy conflicts(m_engine.get(), &SyncEngine::conflictAdded);
    m_engine->start(); // PUT If-Match: the old ETag -> 412 -> merge -> PUT again

    QTRY_COMPARE_WITH_TIMEOUT(m_engine->pendingCount(), 0, Timeout);
    QVERIFY(conflicts.isEmpty());
    const RecordState after = *m_engine->record(Tasks, id);
    QCOMPARE(after.local.value("owner"_L1).toString(), u"Zoe"_s);
    QCOMPARE(after.local.value("title"_L1).toString(), u"Mine"_s);
    const std::optional<Record> onServer = serverRecord(id);
    QCOMPARE(onServer->data, after.local);
    QCOMPARE(onServer->etag, after.etag);
}

void TestSyncEngine::concurrentEditBecomesConflictAndResolves()
{
    startServer();
    QVERIFY(startEngine());
    const QString id = someId();
    const RecordState before = *m_engine->record(Tasks, id);
    m_engine->stop();
    QJsonObject theirs = before.base;
    theirs.insert(u"title"_s, u"Theirs"_s);
    const QString theirsEtag = otherClientWrites(WriteRecordJob::Mode::Replace, id, theirs, before.etag);
    QVERIFY(!theirsEtag.isEmpty());
    QVERIFY(m_engine->setField(Tasks, id, u"title"_s, u"Mine"_s));
    QSignalSpy conflicts(m_engine.get(), &SyncEngine::conflictAdded);
    m_engine->start();

    QTRY_VERIFY_WITH_TIMEOUT(!conflicts.isEmpty(), Timeout);
    const Conflict conflict = conflicts.constFirst().at(0).value<Conflict>();
    QCOMPARE(conflict.id, id);
    QCOMPARE(conflict.conflictingFields, QStringList{u"title"_s});
    QCOMPARE(conflict.base, before.base);
    QCOMPARE(conflict.mine.value("title"_L1).toString(), u"Mine"_s);
    QCOMPARE(conflict.theirs, theirs);
    QCOMPARE(conflict.theirsEtag, theirsEtag);
    QVERIFY(conflict.hasMine && conflict.hasTheirs);
    QCOMPARE(m_engine->conflicts().size(), 1);
    QVERIFY(m_engine->record(Tasks, id)->dirty); // still pending, suspended
    QCOMPARE(m_engine->pendingCount(), 1);
    QCOMPARE(serverRecord(id)->data, theirs); // nothing was overwritten
    QString error;
    QVERIFY(!m_engine->setField(Tasks, id, u"title"_s, u"Again"_s, &error));

    QTRY_VERIFY_WITH_TIMEOUT(m_engine->connectionState() == ConnectionState::Live, Timeout);
    QCOMPARE(conflicts.size(), 1);
    QJsonObject chosen = conflict.mine;
    chosen.insert(u"title"_s, u"Chosen"_s);
    QSignalSpy conflictRemoved(m_engine.get(), &SyncEngine::conflictRemoved);
    QVERIFY(m_engine->resolveConflict(Tasks, id, chosen, &error));
    QCOMPARE(conflictRemoved.size(), 1);
    QVERIFY(m_engine->conflicts().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->pendingCount(), 0, Timeout);
    QCOMPARE(serverRecord(id)->data, chosen);
    QCOMPARE(m_engine->record(Tasks, id)->local, chosen);
    QVERIFY(!m_engine->resolveConflict(Tasks, id, chosen)); // no conflict any more
}

void TestSyncEngine::serverDeleteAgainstLocalEditIsConflict()
{
    startServer();
    QVERIFY(startEngine());
    const QString id = someId();
    const RecordState before = *m_engine->record(Tasks, id);
    m_engine->stop();
    QVERIFY(!otherClientWrites(WriteRecordJob::Mode::Delete, id, {}, before.etag).isEmpty());
    QVERIFY(m_engine->setField(Tasks, id, u"owner"_s, u"Mine"_s));
    QSignalSpy conflicts(m_engine.get(), &SyncEngine::conflictAdded);
    m_engine->start();

    QTRY_VERIFY_WITH_TIMEOUT(!conflicts.isEmpty(), Timeout);
    const Conflict conflict = conflicts.constFirst().at(0).value<Conflict>();
    QVERIFY(conflict.hasMine);
    QVERIFY(!conflict.hasTheirs);
    QCOMPARE(conflict.mine.value("owner"_L1).toString(), u"Mine"_s);
    QVERIFY(m_engine->record(Tasks, id)); // the local edit is kept

    // Keep mine: the record is created again under its id.
    QVERIFY(m_engine->resolveConflict(Tasks, id, conflict.mine));
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->pendingCount(), 0, Timeout);
    QCOMPARE(serverRecord(id)->data, conflict.mine);
}

void TestSyncEngine::localDeleteAgainstServerEditIsConflict()
{
    startServer();
    QVERIFY(startEngine());
    const QString id = someId();
    const RecordState before = *m_engine->record(Tasks, id);
    m_engine->stop();
    QJsonObject theirs = before.base;
    theirs.insert(u"owner"_s, u"Zoe"_s);
    QVERIFY(!otherClientWrites(WriteRecordJob::Mode::Replace, id, theirs, before.etag).isEmpty());
    QVERIFY(m_engine->deleteRecord(Tasks, id));
    QSignalSpy conflicts(m_engine.get(), &SyncEngine::conflictAdded);
    m_engine->start();

    QTRY_VERIFY_WITH_TIMEOUT(!conflicts.isEmpty(), Timeout);
    const Conflict conflict = conflicts.constFirst().at(0).value<Conflict>();
    QVERIFY(!conflict.hasMine);
    QVERIFY(conflict.hasTheirs);
    QCOMPARE(conflict.theirs, theirs);
    QVERIFY(serverRecord(id)); // not deleted behind the user's back

    QTRY_VERIFY_WITH_TIMEOUT(m_engine->connectionState() == ConnectionState::Live, Timeout);
    QCOMPARE(conflicts.size(), 1); // the pushed copy of the same version is not a second conflict
    QVERIFY(m_engine->resolveByDeleting(Tasks, id));
    QTRY_VERIFY_WITH_TIMEOUT(!m_engine->record(Tasks, id), Timeout);
    QCOMPARE(m_engine->pendingCount(), 0);
    QVERIFY(!serverRecord(id));
}

void TestSyncEngine::offlineEditIsSentWhenTheServerIsBack()
{
    // The engine talks to a relay that keeps its port while the server behind it dies and
    // comes back (on another port): the address never changes, and no port is given away.
    TcpRelay relay;
    QVERIFY(relay.listen());
    startServer({}, relay.url());
    relay.setTarget(quint16(m_server->url().port()));
    QVERIFY(startEngine());
    const QString id = someId();

    m_server->kill();
    relay.setTarget(0);
    QTRY_VERIFY_WITH_TIMEOUT(m_engine->connectionState() == ConnectionState::Reconnecting, Timeout);
    QVERIFY(m_engine->setField(Tasks, id, u"title"_s, u"Written offline"_s));
    QCOMPARE(m_engine->pendingCount(), 1);
    QVERIFY(!QTest::qWaitFor([this] { return m_engine->pendingCount() == 0; }, 300)); // nowhere to send it

    QVERIFY2(m_server->restart(), qPrintable(m_server->errorString()));
    relay.setTarget(quint16(m_server->url().port()));
    // A restarted local server gives its local user a new token (its local-token file), as
    // the app reads it again.
    m_network.setBearerToken(m_server->token());
    m_engine->setBearerToken(m_server->token());
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->connectionState(), ConnectionState::Live, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->pendingCount(), 0, Timeout);
    QCOMPARE(serverRecord(id)->data.value("title"_L1).toString(), u"Written offline"_s);
}

void TestSyncEngine::frozenServerIsLeftAndRejoined()
{
    // SIGSTOP: the server's socket stays open but says nothing, no pong, no message. The
    // engine must notice within 2.5 ping intervals, reconnect, and resume once it thaws.
    startServer();
    m_engine->setTimings(300, 50);
    QVERIFY(startEngine());
    const QString id = someId();
    const auto pid = pid_t(m_server->processId());
    QVERIFY(pid > 0);
    QSignalSpy states(m_engine.get(), &SyncEngine::connectionStateChanged);
    QCOMPARE(::kill(pid, SIGSTOP), 0);
    auto thaw = qScopeGuard([pid] { ::kill(pid, SIGCONT); });
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->connectionState(), ConnectionState::Reconnecting, Timeout);
    QVERIFY(!QTest::qWaitFor([this] { return m_engine->connectionState() == ConnectionState::Live; }, 1000));

    QCOMPARE(::kill(pid, SIGCONT), 0);
    thaw.dismiss();
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->connectionState(), ConnectionState::Live, Timeout);
    QCOMPARE(states.constFirst().at(0).value<ConnectionState>(), ConnectionState::Reconnecting);
    QSignalSpy changed(m_engine.get(), &SyncEngine::recordChanged);
    QJsonObject theirs = m_engine->record(Tasks, id)->base;
    theirs.insert(u"owner"_s, u"After the thaw"_s);
    QVERIFY(!otherClientWrites(WriteRecordJob::Mode::Replace, id, theirs, m_engine->record(Tasks, id)->etag).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->record(Tasks, id)->local, theirs, Timeout); // pushed again
}

void TestSyncEngine::resetReloadsAndKeepsLocalEdits()
{
    startServer({u"--retain-changes"_s, u"1"_s});
    QVERIFY(startEngine());
    const QList<RecordState> records = m_engine->records(Tasks);
    const RecordState edited = records.at(0);
    const RecordState changedElsewhere = records.at(1);
    const RecordState deletedElsewhere = records.at(2);
    m_engine->stop();
    // While we are away, two changes happen: the server keeps only the last one.
    QJsonObject theirs = changedElsewhere.base;
    theirs.insert(u"owner"_s, u"Zoe"_s);
    QVERIFY(!otherClientWrites(WriteRecordJob::Mode::Replace, changedElsewhere.id, theirs, changedElsewhere.etag).isEmpty());
    QVERIFY(!otherClientWrites(WriteRecordJob::Mode::Delete, deletedElsewhere.id, {}, deletedElsewhere.etag).isEmpty());
    QVERIFY(m_engine->setField(Tasks, edited.id, u"owner"_s, u"Offline me"_s));

    QSignalSpy reloaded(m_engine.get(), &SyncEngine::collectionReloaded);
    m_engine->start(); // hello with our old number -> reset -> reload
    QTRY_VERIFY_WITH_TIMEOUT(!reloaded.isEmpty(), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->pendingCount(), 0, Timeout);
    QCOMPARE(m_engine->record(Tasks, changedElsewhere.id)->local, theirs);
    QVERIFY(!m_engine->record(Tasks, deletedElsewhere.id));
    QCOMPARE(m_engine->record(Tasks, edited.id)->local.value("owner"_L1).toString(), u"Offline me"_s);
    QCOMPARE(serverRecord(edited.id)->data.value("owner"_L1).toString(), u"Offline me"_s);
    QCOMPARE(m_engine->records(Tasks).size(), 19);
}

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
