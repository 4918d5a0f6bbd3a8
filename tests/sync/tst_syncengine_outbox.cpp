#include "fetchrecordsjob.h"
#include "memoryrecordstore.h"
#include "runjob.h"
#include "syncengine.h"
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

/// What the test does to a record before discarding it.
enum class Pending { Update, Delete, Create };

} // namespace

Q_DECLARE_METATYPE(Pending)

/// SyncEngine::discardPending() against a real etagere-server (--demo). "The other client"
/// is played by the test with plain REST jobs.
class TestSyncEngineOutbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void discardRevertsToTheServerCopy_data();
    void discardRevertsToTheServerCopy();
    void discardRefusedWhileWriteInFlight();
    void discardOfConflictTakesTheirs();
    void discardOfConflictWithServerDeleteRemoves();
    void refusedWithoutPendingEdit_data();
    void refusedWithoutPendingEdit();

private:
    void startServerAndEngine();
    [[nodiscard]] std::optional<Record> serverRecord(const QString &id);
    [[nodiscard]] int serverRecordCount();
    QString otherClientWrites(WriteRecordJob::Mode mode, const QString &id, const QJsonObject &data,
                              const QString &etag);
    /// Stops the engine, lets the other client change `id` (or delete it when `data` is
    /// empty), edits the owner locally and restarts: returns the conflict that follows.
    [[nodiscard]] std::optional<Conflict> makeConflict(const QString &id, const QJsonObject &theirs);

    NetworkAccess m_network;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<MemoryRecordStore> m_store;
    std::unique_ptr<SyncEngine> m_engine;
};

void TestSyncEngineOutbox::init()
{
    qRegisterMetaType<Etagere::ChangeSource>();
    qRegisterMetaType<Etagere::Conflict>();
}

void TestSyncEngineOutbox::cleanup()
{
    m_engine.reset();
    m_store.reset();
    m_server.reset();
}

void TestSyncEngineOutbox::startServerAndEngine()
{
    m_server = std::make_unique<TestServer>(QStringList{u"--demo"_s});
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_network.setBearerToken(m_server->token());
    m_store = std::make_unique<MemoryRecordStore>();
    m_engine = std::make_unique<SyncEngine>(m_server->url(), m_store.get());
    m_engine->setBearerToken(m_server->token());
    m_engine->setTimings(1000, 50);
    QSignalSpy reloaded(m_engine.get(), &SyncEngine::collectionReloaded);
    m_engine->start();
    QVERIFY(reloaded.wait(Timeout));
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->connectionState(), ConnectionState::Live, Timeout);
}

std::optional<Record> TestSyncEngineOutbox::serverRecord(const QString &id)
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

int TestSyncEngineOutbox::serverRecordCount()
{
    FetchRecordsJob job(&m_network, m_server->url(), Tasks);
    if (!Test::runJob(job, Timeout))
        return -1;
    return int(job.records().size());
}

QString TestSyncEngineOutbox::otherClientWrites(WriteRecordJob::Mode mode, const QString &id,
                                                const QJsonObject &data, const QString &etag)
{
    WriteRecordJob job(&m_network, m_server->url(), mode, Tasks, id, data, etag);
    if (!Test::runJob(job, Timeout))
        return {};
    return mode == WriteRecordJob::Mode::Delete ? u"deleted"_s : job.newEtag();
}

std::optional<Conflict> TestSyncEngineOutbox::makeConflict(const QString &id, const QJsonObject &theirs)
{
    const RecordState before = *m_engine->record(Tasks, id);
    m_engine->stop(); // the other client's change cannot reach us before our write
    const auto mode = theirs.isEmpty() ? WriteRecordJob::Mode::Delete : WriteRecordJob::Mode::Replace;
    if (otherClientWrites(mode, id, theirs, before.etag).isEmpty())
        return std::nullopt;
    if (!m_engine->setField(Tasks, id, u"owner"_s, u"Mine"_s))
        return std::nullopt;
    QSignalSpy added(m_engine.get(), &SyncEngine::conflictAdded);
    m_engine->start();
    if (!added.wait(Timeout))
        return std::nullopt;
    return added.constFirst().at(0).value<Conflict>();
}

void TestSyncEngineOutbox::discardRevertsToTheServerCopy_data()
{
    QTest::addColumn<Pending>("pending");
    QTest::newRow("update") << Pending::Update;
    QTest::newRow("delete") << Pending::Delete;
    QTest::newRow("create") << Pending::Create;
}

void TestSyncEngineOutbox::discardRevertsToTheServerCopy()
{
    QFETCH(Pending, pending);
    startServerAndEngine();
    QString id = m_engine->records(Tasks).constFirst().id;
    const RecordState before = *m_engine->record(Tasks, id);
    m_engine->stop(); // nothing goes out: the edit waits in the outbox
    switch (pending) {
    case Pending::Update:
        QVERIFY(m_engine->setField(Tasks, id, u"title"_s, u"Never sent"_s));
        break;
    case Pending::Delete:
        QVERIFY(m_engine->deleteRecord(Tasks, id));
        break;
    case Pending::Create:
        id = m_engine->createRecord(Tasks, QJsonObject{{u"title"_s, u"Never sent"_s}});
        QVERIFY(!id.isEmpty());
        break;
    }
    QCOMPARE(m_engine->pendingCount(), 1);
    QSignalSpy changed(m_engine.get(), &SyncEngine::recordChanged);
    QSignalSpy removed(m_engine.get(), &SyncEngine::recordRemoved);
    QSignalSpy pendingCount(m_engine.get(), &SyncEngine::pendingCountChanged);

    QString error;
    QVERIFY2(m_engine->discardPending(Tasks, id, &error), qPrintable(error));
    QCOMPARE(m_engine->pendingCount(), 0);
    QCOMPARE(pendingCount.size(), 1);
    QCOMPARE(pendingCount.constFirst().at(0).toInt(), 0);
    if (pending == Pending::Create) {
        QVERIFY(!m_engine->record(Tasks, id));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.constFirst().at(2).value<ChangeSource>(), ChangeSource::Local);
        QVERIFY(changed.isEmpty());
    } else {
        const RecordState after = *m_engine->record(Tasks, id);
        QCOMPARE(after.local, before.base);
        QCOMPARE(after.base, before.base);
        QCOMPARE(after.etag, before.etag);
        QVERIFY(!after.dirty);
        QVERIFY(!after.deletedLocally);
        QVERIFY(removed.isEmpty());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.constFirst().at(2).toStringList(),
                 pending == Pending::Update ? QStringList{u"title"_s} : QStringList());
        QCOMPARE(changed.constFirst().at(3).value<ChangeSource>(), ChangeSource::Local);
    }

    // Back online: nothing is sent, the server keeps what it had.
    m_engine->start();
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->connectionState(), ConnectionState::Live, Timeout);
    QCOMPARE(m_engine->pendingCount(), 0);
    QCOMPARE(serverRecordCount(), 20);
    if (pending != Pending::Create)
        QCOMPARE(serverRecord(id)->data, before.base);
}

void TestSyncEngineOutbox::discardRefusedWhileWriteInFlight()
{
    startServerAndEngine();
    const QString id = m_engine->records(Tasks).constFirst().id;
    // A frozen server holds the write in flight for as long as the test wants.
    const auto pid = pid_t(m_server->processId());
    QVERIFY(pid > 0);
    QCOMPARE(::kill(pid, SIGSTOP), 0);
    auto thaw = qScopeGuard([pid] { ::kill(pid, SIGCONT); });
    QVERIFY(m_engine->setField(Tasks, id, u"title"_s, u"In flight"_s));
    const RecordState sent = *m_engine->record(Tasks, id);
    QSignalSpy changed(m_engine.get(), &SyncEngine::recordChanged);

    QString error;
    QVERIFY(!m_engine->discardPending(Tasks, id, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(*m_engine->record(Tasks, id), sent); // nothing changed, nothing lost
    QCOMPARE(m_engine->pendingCount(), 1);
    QVERIFY(changed.isEmpty());

    QCOMPARE(::kill(pid, SIGCONT), 0);
    thaw.dismiss();
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->pendingCount(), 0, Timeout);
    QCOMPARE(serverRecord(id)->data.value("title"_L1).toString(), u"In flight"_s);
    QCOMPARE(m_engine->record(Tasks, id)->local.value("title"_L1).toString(), u"In flight"_s);
    error.clear();
    QVERIFY(!m_engine->discardPending(Tasks, id, &error)); // the write landed: nothing to take back
    QVERIFY(!error.isEmpty());
}

void TestSyncEngineOutbox::discardOfConflictTakesTheirs()
{
    startServerAndEngine();
    const QString id = m_engine->records(Tasks).constFirst().id;
    QJsonObject theirs = m_engine->record(Tasks, id)->base;
    theirs.insert(u"owner"_s, u"Zoe"_s);
    const std::optional<Conflict> conflict = makeConflict(id, theirs);
    QVERIFY(conflict);
    QCOMPARE(conflict->theirs, theirs);
    QCOMPARE(m_engine->pendingCount(), 1);
    QSignalSpy conflictRemoved(m_engine.get(), &SyncEngine::conflictRemoved);
    QSignalSpy changed(m_engine.get(), &SyncEngine::recordChanged);

    QString error;
    QVERIFY2(m_engine->discardPending(Tasks, id, &error), qPrintable(error));
    QCOMPARE(conflictRemoved.size(), 1);
    QVERIFY(m_engine->conflicts().isEmpty());
    QCOMPARE(m_engine->pendingCount(), 0);
    const RecordState after = *m_engine->record(Tasks, id);
    QCOMPARE(after.local, theirs);
    QCOMPARE(after.base, theirs);
    QCOMPARE(after.etag, conflict->theirsEtag);
    QVERIFY(!after.dirty);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.constFirst().at(2).toStringList(), QStringList{u"owner"_s});

    // The record is in step with the server: the next edit is written over their version.
    QVERIFY(m_engine->setField(Tasks, id, u"title"_s, u"After discard"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->pendingCount(), 0, Timeout);
    theirs.insert(u"title"_s, u"After discard"_s);
    QCOMPARE(serverRecord(id)->data, theirs);
    QVERIFY(m_engine->conflicts().isEmpty());
}

void TestSyncEngineOutbox::discardOfConflictWithServerDeleteRemoves()
{
    startServerAndEngine();
    const QString id = m_engine->records(Tasks).constFirst().id;
    const std::optional<Conflict> conflict = makeConflict(id, {});
    QVERIFY(conflict);
    QVERIFY(!conflict->hasTheirs);
    QSignalSpy removed(m_engine.get(), &SyncEngine::recordRemoved);
    QSignalSpy conflictRemoved(m_engine.get(), &SyncEngine::conflictRemoved);

    QVERIFY(m_engine->discardPending(Tasks, id));
    QVERIFY(!m_engine->record(Tasks, id)); // their deletion stands
    QCOMPARE(removed.size(), 1);
    QCOMPARE(conflictRemoved.size(), 1);
    QVERIFY(m_engine->conflicts().isEmpty());
    QCOMPARE(m_engine->pendingCount(), 0);
    QVERIFY(!QTest::qWaitFor([this] { return m_engine->pendingCount() != 0; }, 200));
    QVERIFY(!serverRecord(id));
}

void TestSyncEngineOutbox::refusedWithoutPendingEdit_data()
{
    QTest::addColumn<bool>("known");
    QTest::newRow("clean record") << true;
    QTest::newRow("unknown record") << false;
}

void TestSyncEngineOutbox::refusedWithoutPendingEdit()
{
    QFETCH(bool, known);
    startServerAndEngine();
    const QString id = known ? m_engine->records(Tasks).constFirst().id : u"no-such-record"_s;
    const QList<RecordState> before = m_engine->records(Tasks);
    QSignalSpy changed(m_engine.get(), &SyncEngine::recordChanged);
    QSignalSpy removed(m_engine.get(), &SyncEngine::recordRemoved);
    QString error;
    QVERIFY(!m_engine->discardPending(Tasks, id, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!m_engine->discardPending(u"no-such-collection"_s, id));
    QCOMPARE(m_engine->records(Tasks), before);
    QVERIFY(changed.isEmpty());
    QVERIFY(removed.isEmpty());
}

QTEST_GUILESS_MAIN(TestSyncEngineOutbox)
#include "tst_syncengine_outbox.moc"
