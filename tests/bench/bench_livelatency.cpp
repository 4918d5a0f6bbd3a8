#include "memoryrecordstore.h"
#include "scriptedserver.h"
#include "syncengine.h"
#include "testserver.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace Qt::StringLiterals;
using namespace Etagere;

namespace {

constexpr int Timeout = 10000;
constexpr int PushedChanges = 1000;
constexpr int LoadedRecords = 10000;
const QString Tasks = u"tasks"_s;

/// One desktop client: its own store and engine.
struct Client
{
    /// `token`: the session, for a real server (a scripted one asks for none).
    explicit Client(const QUrl &server, const QByteArray &token = {})
        : engine(server, &store)
    {
        engine.setBearerToken(token);
    }

    MemoryRecordStore store;
    SyncEngine engine;
};

/// Runs `action`, then the event loop until `done()` holds when `signal` of `sender`
/// fires. Exact (no polling interval). False after Timeout ms.
template<typename Sender, typename Signal>
bool runUntil(const Sender *sender, Signal signal, const std::function<bool()> &done,
              const std::function<void()> &action)
{
    QEventLoop loop;
    bool reached = false;
    const auto check = [&] {
        if (!reached && done()) {
            reached = true;
            loop.quit();
        }
    };
    QObject::connect(sender, signal, &loop, check);
    QTimer::singleShot(Timeout, &loop, &QEventLoop::quit);
    action();
    check();
    if (!reached)
        loop.exec();
    return reached;
}

QByteArray schemaJson()
{
    return R"({"collections":[{"name":"tasks","title":"Tasks","seq":0,
        "fields":[{"name":"title","type":"string","title":"Title","required":true}]}]})"_ba;
}

QString recordId(int n)
{
    return u"r%1"_s.arg(n, 5, 10, QLatin1Char('0'));
}

/// The records pages of a collection of `count` records, keyed by the `after` they answer.
QHash<QString, QByteArray> recordPages(int count, int pageSize)
{
    QHash<QString, QByteArray> pages;
    for (int first = 0; first < count; first += pageSize) {
        QJsonArray records;
        const int end = qMin(count, first + pageSize);
        for (int n = first; n < end; ++n) {
            records.append(QJsonObject{{u"id"_s, recordId(n)}, {u"etag"_s, u"\"0\""_s}, {u"seq"_s, 0},
                                       {u"data"_s, QJsonObject{{u"title"_s, u"Task %1"_s.arg(n)}}}});
        }
        const QJsonValue next = end < count ? QJsonValue(recordId(end - 1)) : QJsonValue(QJsonValue::Null);
        const QJsonObject page{{u"seq"_s, 0}, {u"records"_s, records}, {u"next"_s, next}};
        pages.insert(first == 0 ? QString() : recordId(first - 1), QJsonDocument(page).toJson(QJsonDocument::Compact));
    }
    return pages;
}

QString changeText(qint64 seq, int record)
{
    Change change;
    change.seq = seq;
    change.collection = Tasks;
    change.id = recordId(record);
    change.etag = u"\"%1\""_s.arg(seq);
    change.data = QJsonObject{{u"title"_s, u"Pushed %1"_s.arg(seq)}};
    change.author = u"bench"_s;
    return QString::fromUtf8(QJsonDocument(LiveMessage::changed(change).toJson()).toJson(QJsonDocument::Compact));
}

} // namespace

class BenchLiveLatency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void setFieldToRemoteRecordChanged();
    void applyPushedChanges();
    void loadLargeCollection();

private:
    /// A scripted server with one collection of `records` records ("r00000"...).
    [[nodiscard]] std::unique_ptr<ScriptedServer> scriptedCollection(int records);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Client> m_alice;
    std::unique_ptr<Client> m_bob;
    int m_round = 0;
};

void BenchLiveLatency::initTestCase()
{
    // Logging would be measured too: keep the client and the server (which inherits the
    // environment) quiet but for warnings.
    const QString quiet = u"etagere.*.debug=false;etagere.*.info=false"_s;
    qputenv("QT_LOGGING_RULES", quiet.toUtf8());
    QLoggingCategory::setFilterRules(QString(quiet).replace(u';', u'\n'));
    qRegisterMetaType<Etagere::ChangeSource>();
    m_server = std::make_unique<TestServer>(QStringList{u"--demo"_s});
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_alice = std::make_unique<Client>(m_server->url(), m_server->token());
    m_bob = std::make_unique<Client>(m_server->url(), m_server->token());
    for (Client *client : {m_alice.get(), m_bob.get()}) {
        client->engine.start();
        const SyncEngine &engine = client->engine;
        QVERIFY(QTest::qWaitFor([&engine] {
            return engine.connectionState() == ConnectionState::Live && engine.records(Tasks).size() == 20;
        }, Timeout));
    }
}

void BenchLiveLatency::cleanupTestCase()
{
    m_alice.reset();
    m_bob.reset();
    m_server.reset();
}

void BenchLiveLatency::setFieldToRemoteRecordChanged()
{
    // Wall time from Alice's setField() to Bob's recordChanged() with her value: REST PUT,
    // commit on the real etagere-server, WebSocket push, Bob's engine applying it. Each
    // round edits another of the 20 records, so no write waits behind the previous one.
    // Qt Test may call this function more than once (a warm-up run first): the round
    // counter lives in the object so that every round writes a new value.
    const QList<RecordState> records = m_alice->engine.records(Tasks);
    QBENCHMARK {
        const QString id = records.at(m_round % records.size()).id;
        const QJsonValue value(u"Benchmark %1"_s.arg(++m_round));
        const auto bobHasIt = [&] { return m_bob->engine.record(Tasks, id)->local.value("title"_L1) == value; };
        const auto edit = [&] { QVERIFY(m_alice->engine.setField(Tasks, id, u"title"_s, value)); };
        QVERIFY(runUntil(&m_bob->engine, &SyncEngine::recordChanged, bobHasIt, edit));
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_alice->engine.pendingCount(), 0, Timeout);
    QVERIFY(m_alice->engine.conflicts().isEmpty());
    for (const RecordState &mine : m_alice->engine.records(Tasks)) {
        const std::optional<RecordState> bobs = m_bob->engine.record(Tasks, mine.id);
        QVERIFY(bobs && bobs->local == mine.local && bobs->etag == mine.etag);
    }
}

std::unique_ptr<ScriptedServer> BenchLiveLatency::scriptedCollection(int records)
{
    auto server = std::make_unique<ScriptedServer>();
    if (!server->listen())
        return nullptr;
    const QHash<QString, QByteArray> pages = recordPages(records, 200);
    server->setHandler([pages](const ScriptedServer::Request &request) {
        if (request.path == "/v1/collections"_L1)
            return ScriptedServer::json(200, schemaJson());
        const auto page = pages.constFind(request.query.queryItemValue(u"after"_s));
        if (request.path != "/v1/collections/tasks/records"_L1 || page == pages.cend())
            return ScriptedServer::json(404, "{}"_ba);
        return ScriptedServer::json(200, *page);
    });
    return server;
}

void BenchLiveLatency::applyPushedChanges()
{
    // Wall time for the engine to receive and apply 1000 pushed changes (each a new
    // version of one of 1000 records): WebSocket frames from an in-process scripted
    // server, decoding, ordering, the decision table, the store, recordChanged.
    std::unique_ptr<ScriptedServer> server = scriptedCollection(PushedChanges);
    QVERIFY(server);
    QSignalSpy hellos(server.get(), &ScriptedServer::textReceived);
    Client client(server->url());
    client.engine.start();
    QVERIFY(QTest::qWaitFor([&] { return client.engine.records(Tasks).size() == PushedChanges && !hellos.isEmpty(); },
                            Timeout));
    server->sendText(u"{\"type\":\"welcome\",\"user\":\"bench\",\"collections\":{\"tasks\":0}}"_s);
    QVERIFY(QTest::qWaitFor([&] { return client.engine.connectionState() == ConnectionState::Live; }, Timeout));
    qint64 seq = 0;
    QBENCHMARK {
        const qint64 target = seq + PushedChanges;
        const auto allApplied = [&] { return client.store.lastSeq(Tasks) == target; };
        const auto push = [&] {
            for (int n = 0; n < PushedChanges; ++n)
                server->sendText(changeText(++seq, n));
        };
        QVERIFY(runUntil(&client.engine, &SyncEngine::recordChanged, allApplied, push));
    }
    QCOMPARE(client.engine.record(Tasks, recordId(PushedChanges - 1))->local.value("title"_L1).toString(),
             u"Pushed %1"_s.arg(seq));
}

void BenchLiveLatency::loadLargeCollection()
{
    // Wall time for a fresh engine to list the collections and load 10,000 records in
    // pages of 200 from an in-process scripted server.
    std::unique_ptr<ScriptedServer> server = scriptedCollection(LoadedRecords);
    QVERIFY(server);
    QBENCHMARK {
        Client client(server->url());
        const auto loaded = [&] { return client.engine.records(Tasks).size() == LoadedRecords; };
        QVERIFY(runUntil(&client.engine, &SyncEngine::collectionReloaded, loaded, [&] { client.engine.start(); }));
    }
}

QTEST_GUILESS_MAIN(BenchLiveLatency)
#include "bench_livelatency.moc"
