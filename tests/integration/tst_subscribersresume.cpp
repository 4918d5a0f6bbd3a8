// Three subscribers whose connections are cut at random while four writers stream writes
// into one collection: each ends with exactly the server's state, and applied every change
// once, in order, with no gap (their stores check the sequence numbers they are given).
#include "fetchrecordsjob.h"
#include "identifiers.h"
#include "memoryrecordstore.h"
#include "runjob.h"
#include "syncengine.h"
#include "tcprelay.h"
#include "testserver.h"
#include "writerecordjob.h"

#include "networkaccess.h"
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace Etagere;

namespace {

constexpr int Timeout = 120000;
const QString Tasks = u"tasks"_s;

/// Writes in CI; ETAGERE_SOAK_WRITES sets another number (the full size: 10000).
int totalWrites()
{
    bool ok = false;
    const int writes = qEnvironmentVariableIntValue("ETAGERE_SOAK_WRITES", &ok);
    return ok && writes > 0 ? writes : 1200;
}

/// A store that records every batch whose sequence number is not the next one.
class GaplessStore : public MemoryRecordStore
{
public:
    [[nodiscard]] bool apply(const StoreBatch &batch) override
    {
        // (The first number, 0 before, is the load's.)
        if (batch.lastSeq && lastSeq(batch.collection) > 0 && *batch.lastSeq != lastSeq(batch.collection) + 1)
            faults.append(u"%1 after %2"_s.arg(*batch.lastSeq).arg(lastSeq(batch.collection)));
        return MemoryRecordStore::apply(batch);
    }

    QStringList faults;
};

/// One subscriber: an engine behind a relay that the test cuts at will.
struct Subscriber
{
    Subscriber(quint16 serverPort, const QByteArray &token)
        : listening(relay.listen())
        , engine(relay.url(), &store)
        , reloaded(&engine, &SyncEngine::collectionReloaded)
    {
        relay.setTarget(serverPort);
        engine.setTimings(1000, 20);
        engine.setBearerToken(token);
    }

    TcpRelay relay;
    bool listening;
    GaplessStore store;
    SyncEngine engine;
    QSignalSpy reloaded;
};

/// Creates records and updates its own ones (If-Match with the ETag it got), one write at
/// a time, until it made `writes` of them.
class Writer : public QObject
{
    Q_OBJECT

public:
    Writer(const QUrl &server, const QByteArray &token, int writes, quint32 seed)
        : m_server(server), m_remaining(writes), m_random(seed)
    {
        m_network.setBearerToken(token);
    }

    void start() { writeNext(); }

    QStringList errors;

Q_SIGNALS:
    void finished();

private:
    void writeNext()
    {
        if (m_remaining-- <= 0) {
            Q_EMIT finished();
            return;
        }
        const bool update = !m_etags.isEmpty() && m_random.bounded(2) == 0;
        const QString id = update ? m_etags.keys().at(int(m_random.bounded(quint32(m_etags.size())))) : newRecordId();
        const QJsonObject data{{u"title"_s, u"write %1"_s.arg(m_remaining)}};
        auto *job = new WriteRecordJob(&m_network, m_server, update ? WriteRecordJob::Mode::Replace
                                                                    : WriteRecordJob::Mode::Create,
                                       Tasks, id, data, m_etags.value(id), this);
        connect(job, &RestJob::finished, this, [this](RestJob *done) { onWritten(static_cast<WriteRecordJob *>(done)); });
        job->start();
    }

    void onWritten(WriteRecordJob *job)
    {
        if (job->error() != RestJob::Error::None) {
            errors.append(job->errorString());
            m_remaining = 0;
        } else {
            m_etags.insert(job->id(), job->newEtag());
        }
        writeNext();
    }

    NetworkAccess m_network;
    QUrl m_server;
    int m_remaining;
    QRandomGenerator m_random;
    QHash<QString, QString> m_etags;
};

} // namespace

class TestSubscribersResume : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void everySubscriberEndsWithTheServersState();

private:
    [[nodiscard]] static bool matches(const Subscriber &subscriber, const QList<Record> &records, qint64 seq);

    NetworkAccess m_network;
    std::unique_ptr<TestServer> m_server;
};

void TestSubscribersResume::init()
{
    m_server = std::make_unique<TestServer>(QStringList{u"--demo"_s});
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_network.setBearerToken(m_server->token());
}

void TestSubscribersResume::cleanup()
{
    m_server.reset();
}

bool TestSubscribersResume::matches(const Subscriber &subscriber, const QList<Record> &records, qint64 seq)
{
    const QList<RecordState> states = subscriber.store.records(Tasks);
    if (subscriber.store.lastSeq(Tasks) != seq || states.size() != records.size())
        return false;
    for (qsizetype i = 0; i < states.size(); ++i) {
        const RecordState &state = states.at(i);
        const Record &record = records.at(i);
        if (state.id != record.id || state.etag != record.etag || state.local != record.data || state.dirty)
            return false;
    }
    return true;
}

void TestSubscribersResume::everySubscriberEndsWithTheServersState()
{
    const quint16 port = quint16(m_server->url().port());
    std::vector<std::unique_ptr<Subscriber>> subscribers;
    for (int i = 0; i < 3; ++i) {
        subscribers.push_back(std::make_unique<Subscriber>(port, m_server->token()));
        QVERIFY(subscribers.back()->listening);
        subscribers.back()->engine.start();
    }
    const auto allLive = [&] {
        return std::all_of(subscribers.cbegin(), subscribers.cend(), [](const auto &s) {
            return s->engine.connectionState() == ConnectionState::Live && !s->reloaded.isEmpty();
        });
    };
    QTRY_VERIFY_WITH_TIMEOUT(allLive(), Timeout);

    // Four writers; meanwhile a random subscriber loses its connection every 50 to 250 ms.
    const int writes = totalWrites();
    std::vector<std::unique_ptr<Writer>> writers;
    std::vector<std::unique_ptr<QSignalSpy>> finished;
    for (int i = 0; i < 4; ++i) {
        writers.push_back(std::make_unique<Writer>(m_server->url(), m_server->token(), writes / 4, quint32(i + 7)));
        finished.push_back(std::make_unique<QSignalSpy>(writers.back().get(), &Writer::finished));
    }
    QRandomGenerator random(42);
    int drops = 0;
    QTimer dropper;
    dropper.callOnTimeout([&] {
        subscribers.at(random.bounded(3))->relay.dropAll();
        ++drops;
        dropper.start(50 + int(random.bounded(200)));
    });
    dropper.start(50);
    for (const auto &writer : writers)
        writer->start();
    const auto written = [&] {
        return std::all_of(finished.cbegin(), finished.cend(), [](const auto &spy) { return !spy->isEmpty(); });
    };
    QTRY_VERIFY_WITH_TIMEOUT(written(), Timeout);
    dropper.stop();
    for (const auto &writer : writers)
        QVERIFY2(writer->errors.isEmpty(), qPrintable(writer->errors.join(u"; "_s)));
    QVERIFY(drops > 3);

    FetchRecordsJob state(&m_network, m_server->url(), Tasks);
    QVERIFY2(Test::runJob(state, Timeout), qPrintable(state.errorString()));
    QCOMPARE(state.seq(), qint64(20 + writes)); // the demo's 20, then ours
    for (const auto &subscriber : subscribers) {
        QTRY_VERIFY_WITH_TIMEOUT(matches(*subscriber, state.records(), state.seq()), Timeout);
        QVERIFY2(subscriber->store.faults.isEmpty(), qPrintable(subscriber->store.faults.join(u", "_s)));
        QCOMPARE(subscriber->reloaded.size(), 1); // resumed every time; never reloaded
    }
}

QTEST_GUILESS_MAIN(TestSubscribersResume)
#include "tst_subscribersresume.moc"
