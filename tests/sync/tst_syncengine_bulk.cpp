#include "fetchrecordsjob.h"
#include "memoryrecordstore.h"
#include "networkaccess.h"
#include "runjob.h"
#include "syncengine.h"
#include "testserver.h"

#include <QSignalSpy>
#include <QTest>

using namespace Etagere;
using namespace Qt::StringLiterals;

namespace {

constexpr int Timeout = 10000;
const QString Tasks = u"tasks"_s;

using NewRecords = QList<std::pair<QString, QJsonObject>>;

/// A MemoryRecordStore that counts its transactions and can be told to refuse them.
class CountingStore : public MemoryRecordStore
{
public:
    [[nodiscard]] bool apply(const StoreBatch &batch) override
    {
        if (refuse)
            return false;
        ++applied;
        return MemoryRecordStore::apply(batch);
    }
    [[nodiscard]] QString errorString() const override { return refuse ? u"disk full"_s : QString(); }

    int applied = 0;
    bool refuse = false;
};

NewRecords someRecords(int count, const QString &prefix = u"bulk"_s)
{
    NewRecords records;
    for (int i = 0; i < count; ++i)
        records.append({u"%1-%2"_s.arg(prefix).arg(i), QJsonObject{{u"title"_s, u"Bulk %1"_s.arg(i)}}});
    return records;
}

} // namespace

/// SyncEngine::createRecordsWithIds() against a real etagere-server (`--demo`): many
/// records in one store transaction, each written once; all or nothing when one is refused.
class TestSyncEngineBulk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createsManyInOneTransaction();
    void refusesAllOrNothing_data();
    void refusesAllOrNothing();
    void nothingToCreate();

private:
    NetworkAccess m_network;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<CountingStore> m_store;
    std::unique_ptr<SyncEngine> m_engine;
};

void TestSyncEngineBulk::init()
{
    qRegisterMetaType<Etagere::ChangeSource>();
    m_server = std::make_unique<TestServer>(QStringList{u"--demo"_s});
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_network.setBearerToken(m_server->token());
    m_store = std::make_unique<CountingStore>();
    m_engine = std::make_unique<SyncEngine>(m_server->url(), m_store.get());
    m_engine->setBearerToken(m_server->token());
    m_engine->setTimings(1000, 50);
    QSignalSpy reloaded(m_engine.get(), &SyncEngine::collectionReloaded);
    m_engine->start();
    QVERIFY(reloaded.wait(Timeout));
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->connectionState(), ConnectionState::Live, Timeout);
}

void TestSyncEngineBulk::cleanup()
{
    m_engine.reset();
    m_store.reset();
    m_server.reset();
}

void TestSyncEngineBulk::createsManyInOneTransaction()
{
    QSignalSpy inserted(m_engine.get(), &SyncEngine::recordInserted);
    const int before = m_store->applied;
    const NewRecords records = someRecords(40);
    QString error;
    QVERIFY2(m_engine->createRecordsWithIds(Tasks, records, &error), qPrintable(error));
    QCOMPARE(m_store->applied, before + 1); // one transaction for the forty
    QCOMPARE(inserted.size(), 40);
    QCOMPARE(inserted.first().at(1).toString(), u"bulk-0"_s); // in the order given
    QCOMPARE(inserted.first().at(2).value<ChangeSource>(), ChangeSource::Local);
    QCOMPARE(m_engine->pendingCount(), 40);
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->pendingCount(), 0, Timeout);

    FetchRecordsJob fetch(&m_network, m_server->url(), Tasks);
    QVERIFY(Test::runJob(fetch, Timeout));
    QCOMPARE(fetch.records().size(), 20 + 40);
    for (const auto &[id, data] : records) {
        const std::optional<RecordState> state = m_engine->record(Tasks, id);
        QVERIFY(state && state->isOnServer());
        QCOMPARE(state->base, data);
    }
}

void TestSyncEngineBulk::refusesAllOrNothing_data()
{
    QTest::addColumn<QString>("collection");
    QTest::addColumn<NewRecords>("records");
    QTest::addColumn<bool>("storeFails");
    QTest::addColumn<QString>("error");
    NewRecords repeated = someRecords(3);
    repeated.append(repeated.first());
    NewRecords badId = someRecords(3);
    badId[2].first = u"not valid"_s;
    NewRecords badData = someRecords(3);
    badData[1].second = QJsonObject{{u"priority"_s, u"urgent"_s}};
    QTest::newRow("unknown collection") << u"nothere"_s << someRecords(2) << false << u"Unknown collection"_s;
    QTest::newRow("id twice") << Tasks << repeated << false << u"Record bulk-0 already exists"_s;
    QTest::newRow("invalid id") << Tasks << badId << false << u"\"not valid\" is not a valid record id"_s;
    QTest::newRow("breaks the schema") << Tasks << badData << false << u"bulk-1: "_s;
    QTest::newRow("store refuses") << Tasks << someRecords(3) << true << u"disk full"_s;
}

void TestSyncEngineBulk::refusesAllOrNothing()
{
    QFETCH(QString, collection);
    QFETCH(NewRecords, records);
    QFETCH(bool, storeFails);
    QFETCH(QString, error);
    QSignalSpy inserted(m_engine.get(), &SyncEngine::recordInserted);
    m_store->refuse = storeFails;
    QString reason;
    QVERIFY(!m_engine->createRecordsWithIds(collection, records, &reason));
    m_store->refuse = false;
    QVERIFY2(reason.contains(error), qPrintable(reason));
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(m_engine->records(Tasks).size(), 20);
    QCOMPARE(m_engine->pendingCount(), 0);

    // An id the engine knows already.
    NewRecords known = someRecords(2);
    known.append({m_engine->records(Tasks).first().id, QJsonObject{{u"title"_s, u"x"_s}}});
    QVERIFY(!m_engine->createRecordsWithIds(Tasks, known, &reason));
    QVERIFY(reason.contains(u"already exists"_s));
    QCOMPARE(m_engine->records(Tasks).size(), 20);
}

void TestSyncEngineBulk::nothingToCreate()
{
    const int before = m_store->applied;
    QVERIFY(m_engine->createRecordsWithIds(Tasks, {}));
    QCOMPARE(m_store->applied, before);
}

QTEST_GUILESS_MAIN(TestSyncEngineBulk)
#include "tst_syncengine_bulk.moc"
