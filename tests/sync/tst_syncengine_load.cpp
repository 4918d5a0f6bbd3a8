#include "livemessage.h"
#include "memoryrecordstore.h"
#include "scriptedserver.h"
#include "syncengine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace Qt::StringLiterals;
using namespace Etagere;

namespace {

constexpr int Timeout = 10000;
constexpr qint64 LoadSeq = 7;
const QString Big = u"big"_s;

QString idOf(int n)
{
    return u"r%1"_s.arg(n, 4, 10, QChar(u'0'));
}

/// The scripted server's collection "big": `count` records, all at ETag "1", in one page.
QByteArray recordPage(int count)
{
    QJsonArray records;
    for (int n = 0; n < count; ++n) {
        records.append(QJsonObject{{u"id"_s, idOf(n)}, {u"etag"_s, u"\"1\""_s}, {u"seq"_s, 1},
                                   {u"data"_s, QJsonObject{{u"title"_s, u"Title %1"_s.arg(n)}, {u"done"_s, false}}}});
    }
    return QJsonDocument(QJsonObject{{u"seq"_s, LoadSeq}, {u"next"_s, QJsonValue::Null}, {u"records"_s, records}})
        .toJson(QJsonDocument::Compact);
}

/// What the store held before the load: record `n` at ETag "0", titled "Old n".
RecordState oldRecord(int n)
{
    RecordState state;
    state.collection = Big;
    state.id = idOf(n);
    state.uri = u"/v1/collections/big/records/"_s + state.id;
    state.etag = u"\"0\""_s;
    state.base = QJsonObject{{u"title"_s, u"Old %1"_s.arg(n)}, {u"done"_s, false}};
    state.local = state.base;
    return state;
}

ScriptedServer::Response unanswered()
{
    ScriptedServer::Response response;
    response.silent = true;
    return response;
}

/// One transaction the engine asked of the store.
struct Transaction
{
    qsizetype puts = 0;
    qsizetype removals = 0;
    std::optional<qint64> lastSeq;
    int loopTurns = 0;   ///< of the event loop, before it
    bool loading = false; ///< SyncEngine::isLoading() during it
    int reported = 0;     ///< SyncEngine::loadedRecords() during it
};

/// A MemoryRecordStore that records its transactions, runs a hook after each and can be
/// told to refuse them.
class RecordingStore : public MemoryRecordStore
{
public:
    [[nodiscard]] bool apply(const StoreBatch &batch) override
    {
        if (refuse)
            return false;
        transactions.append({batch.puts.size(), batch.removals.size(), batch.lastSeq, loopTurns,
                             engine && engine->isLoading(batch.collection),
                             engine ? engine->loadedRecords(batch.collection) : -1});
        const bool applied = MemoryRecordStore::apply(batch);
        if (afterApply)
            afterApply(int(transactions.size()));
        return applied;
    }
    [[nodiscard]] QString errorString() const override { return refuse ? u"disk full"_s : QString(); }

    QList<Transaction> transactions;
    std::function<void(int count)> afterApply;
    const SyncEngine *engine = nullptr;
    int loopTurns = 0;
    bool refuse = false;
};

} // namespace

/// How SyncEngine stores a collection it loads whole: a slice at a time, the event loop
/// running between slices, an edit made meanwhile kept, and a number in the store only once
/// the whole collection is there. Against a scripted server serving the collection "big".
class TestSyncEngineLoad : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void storesInSlices_data();
    void storesInSlices();
    void keepsEditsMadeWhileStoring();
    void removesOnlyCleanRecordsTheServerLacks();
    void numberWaitsForTheReload();

private:
    /// Serves `count` records, answers hellos with a welcome, and writes as `write` says.
    void serve(int count, std::function<ScriptedServer::Response(const ScriptedServer::Request &)> write = {});
    void startEngine();
    [[nodiscard]] QList<ScriptedServer::Request> writes() const;

    std::unique_ptr<ScriptedServer> m_scripted;
    std::unique_ptr<RecordingStore> m_store;
    std::unique_ptr<SyncEngine> m_engine;
    QTimer m_loopTurns;
    int m_loads = 0;             ///< requests for the records of "big"
    bool m_silentReloads = false; ///< leave every load after the first unanswered
};

void TestSyncEngineLoad::init()
{
    m_loads = 0;
    m_silentReloads = false;
    m_store = std::make_unique<RecordingStore>();
    QVERIFY(m_store->setCollections({CollectionSchema{Big, u"Big"_s, 1, {}}}));
    connect(&m_loopTurns, &QTimer::timeout, this, [this] { ++m_store->loopTurns; });
    m_loopTurns.start(0);
}

void TestSyncEngineLoad::cleanup()
{
    m_loopTurns.stop();
    disconnect(&m_loopTurns, nullptr, this, nullptr);
    m_engine.reset();
    m_scripted.reset();
    m_store.reset();
}

void TestSyncEngineLoad::serve(int count, std::function<ScriptedServer::Response(const ScriptedServer::Request &)> write)
{
    m_scripted = std::make_unique<ScriptedServer>();
    QVERIFY(m_scripted->listen());
    const QByteArray page = recordPage(count);
    m_scripted->setHandler([this, page, write](const ScriptedServer::Request &request) {
        if (request.path == "/v1/collections"_L1)
            return ScriptedServer::json(200, R"({"collections":[{"name":"big","title":"Big","seq":7,"fields":[
                {"name":"title","type":"string","title":"Title","required":true},
                {"name":"done","type":"boolean","title":"Done","required":false}]}]})");
        if (request.path == "/v1/collections/big/records"_L1 && ++m_loads > 1 && m_silentReloads)
            return unanswered();
        if (request.path == "/v1/collections/big/records"_L1)
            return ScriptedServer::json(200, page);
        if (write)
            return write(request);
        return unanswered();
    });
}

void TestSyncEngineLoad::startEngine()
{
    m_engine = std::make_unique<SyncEngine>(m_scripted->url(), m_store.get());
    m_store->engine = m_engine.get();
    m_engine->setTimings(1000, 50);
    m_engine->start();
}

QList<ScriptedServer::Request> TestSyncEngineLoad::writes() const
{
    QList<ScriptedServer::Request> found;
    for (const ScriptedServer::Request &request : m_scripted->requests()) {
        if (request.method == "PUT")
            found.append(request);
    }
    return found;
}

void TestSyncEngineLoad::storesInSlices_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("slices");
    QTest::newRow("no record") << 0 << 1;
    QTest::newRow("one record") << 1 << 1;
    QTest::newRow("one whole slice") << 1000 << 1;
    QTest::newRow("one more than a slice") << 1001 << 2;
    QTest::newRow("two and a half slices") << 2500 << 3;
}

void TestSyncEngineLoad::storesInSlices()
{
    QFETCH(int, count);
    QFETCH(int, slices);
    serve(count);
    startEngine();
    QSignalSpy reloaded(m_engine.get(), &SyncEngine::collectionReloaded);
    QSignalSpy progress(m_engine.get(), &SyncEngine::collectionLoadProgress);
    QVERIFY(reloaded.wait(Timeout));

    // One page: progress only says that it is all there when storing it takes a while.
    QCOMPARE(progress.size(), slices > 1 ? 1 : 0);
    if (slices > 1)
        QCOMPARE(progress.constFirst(), QVariantList({Big, count}));
    const QList<Transaction> &transactions = m_store->transactions;
    QCOMPARE(transactions.size(), slices);
    qsizetype stored = 0;
    for (int i = 0; i < slices; ++i) {
        const Transaction &slice = transactions.at(i);
        stored += slice.puts;
        QVERIFY(slice.loading);
        QCOMPARE(slice.reported, slices > 1 ? count : 0); // what the progress said
        if (i > 0) // the window's events were handled between two slices
            QVERIFY2(slice.loopTurns > transactions.at(i - 1).loopTurns, qPrintable(QString::number(i)));
        if (i == slices - 1)
            QCOMPARE(slice.lastSeq, std::optional<qint64>(LoadSeq));
        else if (i == 0) // a restart before the last slice loads the collection again
            QCOMPARE(slice.lastSeq, std::optional<qint64>(0));
        else
            QCOMPARE(slice.lastSeq, std::nullopt);
    }
    QCOMPARE(stored, count);
    QCOMPARE(reloaded.size(), 1);
    QVERIFY(!m_engine->isLoading(Big));
    QCOMPARE(m_engine->loadedRecords(Big), 0);
    QCOMPARE(m_engine->records(Big).size(), count);
    QCOMPARE(m_store->lastSeq(Big), LoadSeq);
    if (count > 0)
        QCOMPARE(m_engine->record(Big, idOf(count - 1))->local.value("title"_L1).toString(),
                 u"Title %1"_s.arg(count - 1));
}

// The store holds an older copy of every record (a run that stopped during its load).
// While the engine stores the new one, the user edits a record of a slice stored already
// and one of a slice still to come: neither edit is overwritten.
void TestSyncEngineLoad::keepsEditsMadeWhileStoring()
{
    QList<RecordState> old;
    for (int n = 0; n < 2500; ++n)
        old.append(oldRecord(n));
    QVERIFY(m_store->apply(StoreBatch{Big, old, {}, 0}));
    m_store->transactions.clear();
    serve(2500);
    m_store->afterApply = [this](int count) {
        if (count != 1)
            return;
        QTimer::singleShot(0, m_engine.get(), [this] {
            QVERIFY(m_engine->isLoading(Big));
            QVERIFY(m_engine->setField(Big, idOf(500), u"done"_s, true));  // stored with the first slice
            QVERIFY(m_engine->setField(Big, idOf(2400), u"done"_s, true)); // in the third
        });
    };
    startEngine();
    QSignalSpy reloaded(m_engine.get(), &SyncEngine::collectionReloaded);
    QVERIFY(reloaded.wait(Timeout));
    QCOMPARE(m_store->transactions.size(), 5); // three slices, two edits

    const RecordState early = *m_engine->record(Big, idOf(500));
    QVERIFY(early.dirty);
    QCOMPARE(early.local, QJsonObject({{u"title"_s, u"Title 500"_s}, {u"done"_s, true}}));
    QCOMPARE(early.etag, u"\"1\""_s);
    const RecordState late = *m_engine->record(Big, idOf(2400));
    QVERIFY(late.dirty);
    QCOMPARE(late.local, QJsonObject({{u"title"_s, u"Old 2400"_s}, {u"done"_s, true}}));
    QCOMPARE(late.etag, u"\"0\""_s); // its write meets the server's copy (412) and merges
    QCOMPARE(m_engine->record(Big, idOf(2401))->local.value("title"_L1).toString(), u"Title 2401"_s);
    QCOMPARE(m_engine->pendingCount(), 2);
    QStringList pending = m_engine->pendingIds(Big);
    pending.sort();
    QCOMPARE(pending, QStringList({idOf(500), idOf(2400)}));
    QCOMPARE(m_engine->pendingIds(u"other"_s), QStringList());
    QTRY_COMPARE_WITH_TIMEOUT(writes().size(), 2, Timeout);
}

void TestSyncEngineLoad::removesOnlyCleanRecordsTheServerLacks()
{
    RecordState gone = oldRecord(9000);
    RecordState pending = oldRecord(9001); // created here, never sent
    pending.uri.clear();
    pending.etag.clear();
    pending.base = {};
    pending.dirty = true;
    QVERIFY(m_store->apply(StoreBatch{Big, {gone, pending}, {}, 0}));
    serve(1500);
    startEngine();
    QSignalSpy reloaded(m_engine.get(), &SyncEngine::collectionReloaded);
    QVERIFY(reloaded.wait(Timeout));
    QVERIFY(!m_engine->record(Big, gone.id));
    QCOMPARE(m_engine->record(Big, pending.id), pending);
    QCOMPARE(m_engine->records(Big).size(), 1501);
    QCOMPARE(m_store->transactions.constLast().removals, 1);
}

// A push the store refuses makes the engine load the collection again; pushes keep coming
// meanwhile. Until that load is stored, none of them may store a number: a restart would
// resume from it and never see the refused change.
void TestSyncEngineLoad::numberWaitsForTheReload()
{
    serve(1);
    m_silentReloads = true;
    QSignalSpy texts(m_scripted.get(), &ScriptedServer::textReceived);
    startEngine();
    QTRY_COMPARE_WITH_TIMEOUT(m_store->lastSeq(Big), LoadSeq, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!texts.isEmpty(), Timeout); // the hello
    m_scripted->sendText(QString::fromUtf8(
        QJsonDocument(LiveMessage::welcome({{Big, LoadSeq}}, u"alice"_s).toJson()).toJson(QJsonDocument::Compact)));
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->connectionState(), ConnectionState::Live, Timeout);

    const auto push = [this](qint64 seq) {
        Change change;
        change.seq = seq;
        change.collection = Big;
        change.id = u"pushed%1"_s.arg(seq);
        change.etag = u"\"1\""_s;
        change.data = QJsonObject{{u"title"_s, u"Pushed"_s}};
        change.author = u"bob"_s;
        m_scripted->sendText(QString::fromUtf8(
            QJsonDocument(LiveMessage::changed(change).toJson()).toJson(QJsonDocument::Compact)));
    };
    QSignalSpy failed(m_engine.get(), &SyncEngine::errorOccurred);
    m_store->refuse = true;
    push(LoadSeq + 1);
    QVERIFY(failed.wait(Timeout));
    m_store->refuse = false;
    push(LoadSeq + 2);
    QTRY_VERIFY_WITH_TIMEOUT(m_engine->record(Big, u"pushed9"_s).has_value(), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(m_loads, 2, Timeout);
    QCOMPARE(m_store->lastSeq(Big), LoadSeq);
    QVERIFY(m_engine->isLoading(Big));
}

QTEST_GUILESS_MAIN(TestSyncEngineLoad)
#include "tst_syncengine_load.moc"
