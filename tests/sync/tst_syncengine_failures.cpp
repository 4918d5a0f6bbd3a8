#include "memoryrecordstore.h"
#include "scriptedserver.h"
#include "syncengine.h"

#include <QSignalSpy>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace Etagere;

namespace {

constexpr int Timeout = 10000;
const QString Tasks = u"tasks"_s;

} // namespace

/// SyncEngine's failure paths, against a scripted server that serves one collection with
/// one record ("r1", ETag "1") and answers writes as each test tells it.
class TestSyncEngineFailures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void refusedWriteIsReportedAndNotRepeated();
    void serverErrorIsRetried();
    void recordForgottenByTheServerIsConflict();

private:
    /// Starts the scripted server and the engine; writes are answered by `write`.
    void startScripted(std::function<ScriptedServer::Response(const ScriptedServer::Request &)> write);
    [[nodiscard]] int writeCount() const;

    std::unique_ptr<ScriptedServer> m_scripted;
    std::unique_ptr<MemoryRecordStore> m_store;
    std::unique_ptr<SyncEngine> m_engine;
};

void TestSyncEngineFailures::init()
{
    qRegisterMetaType<Etagere::Conflict>();
}

void TestSyncEngineFailures::cleanup()
{
    m_engine.reset();
    m_scripted.reset();
    m_store.reset();
}

void TestSyncEngineFailures::startScripted(std::function<ScriptedServer::Response(const ScriptedServer::Request &)> write)
{
    m_scripted = std::make_unique<ScriptedServer>();
    QVERIFY(m_scripted->listen());
    m_scripted->setHandler([write](const ScriptedServer::Request &request) {
        if (request.path == "/v1/collections"_L1)
            return ScriptedServer::json(200, R"({"collections":[{"name":"tasks","title":"Tasks","seq":1,
                "fields":[{"name":"title","type":"string","title":"Title","required":true}]}]})");
        if (request.path == "/v1/collections/tasks/records"_L1)
            return ScriptedServer::json(200, R"({"seq":1,"next":null,"records":[
                {"id":"r1","etag":"\"1\"","seq":1,"data":{"title":"One"}}]})");
        return write(request);
    });
    m_store = std::make_unique<MemoryRecordStore>();
    m_engine = std::make_unique<SyncEngine>(m_scripted->url(), m_store.get());
    m_engine->setTimings(1000, 50);
    QSignalSpy reloaded(m_engine.get(), &SyncEngine::collectionReloaded);
    m_engine->start();
    QVERIFY(reloaded.wait(Timeout));
}

int TestSyncEngineFailures::writeCount() const
{
    int count = 0;
    for (const ScriptedServer::Request &request : m_scripted->requests())
        count += request.method == "PUT" ? 1 : 0;
    return count;
}

void TestSyncEngineFailures::refusedWriteIsReportedAndNotRepeated()
{
    startScripted([](const ScriptedServer::Request &) {
        return ScriptedServer::json(422, R"({"type":"about:blank","title":"Unprocessable","status":422,
            "detail":"too long for this server","field":"title"})");
    });
    QSignalSpy failed(m_engine.get(), &SyncEngine::writeFailed);
    QVERIFY(m_engine->setField(Tasks, u"r1"_s, u"title"_s, u"Very long"_s));
    QVERIFY(failed.wait(Timeout));
    QVERIFY(failed.constFirst().at(2).toString().contains(u"too long for this server"_s));
    QCOMPARE(m_engine->record(Tasks, u"r1"_s)->local.value("title"_L1).toString(), u"Very long"_s);
    QVERIFY(m_engine->record(Tasks, u"r1"_s)->dirty); // kept, still pending
    QCOMPARE(m_engine->pendingCount(), 1);
    QVERIFY(!QTest::qWaitFor([this] { return writeCount() > 1; }, 500)); // no loop
    QVERIFY(m_engine->setField(Tasks, u"r1"_s, u"title"_s, u"Shorter"_s)); // the user edits again
    QTRY_COMPARE_WITH_TIMEOUT(writeCount(), 2, Timeout);
}

void TestSyncEngineFailures::serverErrorIsRetried()
{
    int writes = 0;
    startScripted([&writes](const ScriptedServer::Request &request) {
        if (++writes == 1)
            return ScriptedServer::json(503, R"({"type":"about:blank","title":"Busy","status":503})");
        return ScriptedServer::json(200, request.body, {{"ETag"_ba, "\"2\""_ba}});
    });
    QSignalSpy failed(m_engine.get(), &SyncEngine::writeFailed);
    QVERIFY(m_engine->setField(Tasks, u"r1"_s, u"title"_s, u"Retried"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->pendingCount(), 0, Timeout);
    QCOMPARE(writes, 2);
    QVERIFY(failed.isEmpty());
    QCOMPARE(m_engine->record(Tasks, u"r1"_s)->etag, u"\"2\""_s);
    QCOMPARE(m_scripted->requests().constLast().headers.value("if-match"), "\"1\""_ba);
}

void TestSyncEngineFailures::recordForgottenByTheServerIsConflict()
{
    startScripted([](const ScriptedServer::Request &) {
        return ScriptedServer::json(404, R"({"type":"about:blank","title":"Not Found","status":404})");
    });
    QSignalSpy conflicts(m_engine.get(), &SyncEngine::conflictAdded);
    QVERIFY(m_engine->setField(Tasks, u"r1"_s, u"title"_s, u"Mine"_s));
    QVERIFY(conflicts.wait(Timeout));
    const Conflict conflict = conflicts.constFirst().at(0).value<Conflict>();
    QVERIFY(conflict.hasMine);
    QVERIFY(!conflict.hasTheirs);
    QCOMPARE(conflict.mine.value("title"_L1).toString(), u"Mine"_s);
    QVERIFY(m_engine->resolveByDeleting(Tasks, u"r1"_s)); // accept the server's deletion
    QVERIFY(!m_engine->record(Tasks, u"r1"_s));
    QCOMPARE(m_engine->pendingCount(), 0);
    QCOMPARE(writeCount(), 1);
}

QTEST_GUILESS_MAIN(TestSyncEngineFailures)
#include "tst_syncengine_failures.moc"
