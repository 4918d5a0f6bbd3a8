#include "fetchrecordsjob.h"
#include "runjob.h"
#include "testserver.h"
#include "writerecordjob.h"

#include "networkaccess.h"
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

namespace {

constexpr int Timeout = 60000;
const QString Tasks = u"tasks"_s;
const QString Counter = u"estimate"_s;

/// What a client last saw of a record: the copy it writes over.
struct Seen
{
    QString etag;
    QJsonObject data;
};

/// One client doing read-modify-write increments of `estimate` with If-Match, as a user
/// pressing "+1" would: it writes over the copy it last saw; a 412 hands it the server's
/// copy, from which it tries again. Counts the increments the server accepted.
class Incrementer : public QObject
{
    Q_OBJECT

public:
    Incrementer(const QUrl &server, const QByteArray &token, const QList<Record> &records, int increments,
                quint32 seed)
        : m_server(server), m_remaining(increments), m_random(seed)
    {
        m_network.setBearerToken(token);
        for (const Record &record : records)
            m_seen.insert(record.id, Seen{record.etag, record.data});
    }

    void start() { sendNext(); }

    QHash<QString, int> accepted; ///< per record id
    int refused = 0;              ///< 412s, each retried
    QStringList errors;           ///< anything else: the test fails

Q_SIGNALS:
    void finished();

private:
    void sendNext()
    {
        if (m_remaining == 0) {
            Q_EMIT finished();
            return;
        }
        const QList<QString> ids = m_seen.keys();
        const QString id = ids.at(int(m_random.bounded(quint32(ids.size()))));
        QJsonObject data = m_seen.value(id).data;
        data.insert(Counter, data.value(Counter).toDouble() + 1);
        auto *job = new WriteRecordJob(&m_network, m_server, WriteRecordJob::Mode::Replace, Tasks, id, data,
                                       m_seen.value(id).etag, this);
        connect(job, &RestJob::finished, this, [this](RestJob *done) { onWritten(static_cast<WriteRecordJob *>(done)); });
        job->start();
    }

    void onWritten(WriteRecordJob *job)
    {
        if (job->error() == RestJob::Error::None) {
            ++accepted[job->id()];
            --m_remaining;
            m_seen.insert(job->id(), Seen{job->newEtag(), job->data()});
        } else if (job->error() == RestJob::Error::Conflict && job->serverData().isObject()) {
            ++refused;
            m_seen.insert(job->id(), Seen{job->serverEtag(), job->serverData().toObject()});
        } else {
            errors.append(job->errorString());
            m_remaining = 0;
        }
        sendNext();
    }

    NetworkAccess m_network;
    QUrl m_server;
    QHash<QString, Seen> m_seen;
    int m_remaining;
    QRandomGenerator m_random;
};

} // namespace

/// Many clients increment the same counters with If-Match against a real etagere-server:
/// a write over a stale copy must be refused (412), never applied, so each counter ends
/// exactly at its start plus the number of increments the server answered 2xx.
class TestConcurrentIncrements : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void everyAcceptedIncrementCounts_data();
    void everyAcceptedIncrementCounts();

private:
    [[nodiscard]] QList<Record> serverRecords();

    NetworkAccess m_network;
    std::unique_ptr<TestServer> m_server;
};

void TestConcurrentIncrements::init()
{
    m_server = std::make_unique<TestServer>(QStringList{u"--demo"_s});
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_network.setBearerToken(m_server->token());
}

void TestConcurrentIncrements::cleanup()
{
    m_server.reset();
}

QList<Record> TestConcurrentIncrements::serverRecords()
{
    FetchRecordsJob job(&m_network, m_server->url(), Tasks);
    if (!Test::runJob(job, Timeout))
        return {};
    return job.records();
}

void TestConcurrentIncrements::everyAcceptedIncrementCounts_data()
{
    QTest::addColumn<int>("clients");
    QTest::addColumn<int>("records");
    QTest::addColumn<int>("increments"); // per client
    QTest::newRow("8 clients, 4 records") << 8 << 4 << 40;
    QTest::newRow("8 clients, 1 record") << 8 << 1 << 25;
    QTest::newRow("2 clients, 1 record") << 2 << 1 << 50;
}

void TestConcurrentIncrements::everyAcceptedIncrementCounts()
{
    QFETCH(int, clients);
    QFETCH(int, records);
    QFETCH(int, increments);
    const QList<Record> before = serverRecords().mid(0, records);
    QCOMPARE(before.size(), records);

    std::vector<std::unique_ptr<Incrementer>> incrementers;
    std::vector<std::unique_ptr<QSignalSpy>> finished;
    for (int i = 0; i < clients; ++i) {
        incrementers.push_back(std::make_unique<Incrementer>(m_server->url(), m_server->token(), before, increments, quint32(i + 1)));
        finished.push_back(std::make_unique<QSignalSpy>(incrementers.back().get(), &Incrementer::finished));
    }
    for (const auto &incrementer : incrementers)
        incrementer->start(); // all at once: their writes interleave at the server
    const auto allDone = [&] {
        return std::all_of(finished.cbegin(), finished.cend(), [](const auto &spy) { return !spy->isEmpty(); });
    };
    QTRY_VERIFY_WITH_TIMEOUT(allDone(), Timeout);

    int refused = 0;
    QHash<QString, int> accepted;
    for (const auto &incrementer : incrementers) {
        QVERIFY2(incrementer->errors.isEmpty(), qPrintable(incrementer->errors.join(u"; "_s)));
        refused += incrementer->refused;
        for (auto it = incrementer->accepted.cbegin(); it != incrementer->accepted.cend(); ++it)
            accepted[it.key()] += it.value();
    }
    const QList<Record> after = serverRecords();
    for (const Record &start : before) {
        const auto end = std::find_if(after.cbegin(), after.cend(), [&](const Record &r) { return r.id == start.id; });
        QVERIFY(end != after.cend());
        QCOMPARE(end->data.value(Counter).toDouble(), start.data.value(Counter).toDouble() + accepted.value(start.id));
    }
    // All start from the same copy: when they share one record, all but one first write is stale.
    if (records == 1)
        QVERIFY(refused >= clients - 1);
}

QTEST_GUILESS_MAIN(TestConcurrentIncrements)
#include "tst_concurrentincrements.moc"
