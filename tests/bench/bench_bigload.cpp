// How the main window copes with a big collection: the longest stall of the GUI thread
// (StallMonitor) while it loads one, sorts it, filters it and follows a burst of pushes.
//
// ctest runs it with 1,500 records. For the figures in the README:
//   ETAGERE_BIG_RECORDS=50000 ETAGERE_BIG_DATA=/tmp/etagere-big build/ci/tests/bench_bigload
// ETAGERE_BIG_DATA keeps the server's data directory, so that the collection is written only
// once (about two and a half minutes for 50,000 records); a directory that has it is reused.

#include "journal.h"
#include "memoryrecordstore.h"
#include "mainwindow.h"
#include "networkaccess.h"
#include "recordfiltermodel.h"
#include "recordtableview.h"
#include "recordtablemodel.h"
#include "stallmonitor.h"
#include "syncengine.h"
#include "testserver.h"

#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;
using namespace Etagere::Test;

namespace {

constexpr int Timeout = 600000;
const QString Big = u"big"_s;

int recordCount()
{
    const int fromEnvironment = qEnvironmentVariableIntValue("ETAGERE_BIG_RECORDS");
    return fromEnvironment > 0 ? fromEnvironment : 1500;
}

QJsonObject bigSchema()
{
    const auto field = [](const QString &name, const QString &type, const QString &title) {
        return QJsonObject{{u"name"_s, name}, {u"type"_s, type}, {u"title"_s, title}, {u"required"_s, false}};
    };
    return {{u"title"_s, u"Big"_s},
            {u"fields"_s, QJsonArray{field(u"title"_s, u"string"_s, u"Title"_s), field(u"owner"_s, u"string"_s, u"Owner"_s),
                                     field(u"estimate"_s, u"integer"_s, u"Estimate"_s),
                                     field(u"cost"_s, u"number"_s, u"Cost"_s), field(u"due"_s, u"date"_s, u"Due"_s),
                                     field(u"done"_s, u"boolean"_s, u"Done"_s), field(u"notes"_s, u"text"_s, u"Notes"_s)}}};
}

/// Record `n` of the big collection: the same content on every run.
QJsonObject bigRecord(int n)
{
    static const QStringList owners = {u"Alice"_s, u"Bob"_s, u"Chloé"_s, u"Dmitri"_s, u"Eve"_s, u"Farid"_s};
    static const QStringList words = {u"Ship"_s, u"Fix"_s, u"Review"_s, u"Plan"_s, u"Test"_s, u"Write"_s, u"Call"_s};
    QRandomGenerator random(quint32(n) + 1);
    QJsonObject data{{u"title"_s, u"%1 item %2"_s.arg(words.at(random.bounded(int(words.size())))).arg(n)},
                     {u"owner"_s, owners.at(random.bounded(int(owners.size())))},
                     {u"estimate"_s, random.bounded(1000)},
                     {u"cost"_s, random.bounded(100000) / 100.0},
                     {u"done"_s, random.bounded(2) == 1},
                     {u"notes"_s, u"Line one of %1\nline two"_s.arg(n)}};
    if (n % 7 != 0) // some without a date: they sort last
        data.insert(u"due"_s, QDate(2024, 1, 1).addDays(random.bounded(700)).toString(Qt::ISODate));
    return data;
}

QNetworkRequest jsonRequest(const QUrl &url)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setRawHeader("If-None-Match", "*");
    return request;
}

/// Creates the collection and its records over REST (64 requests in flight); false on any
/// failure. A collection that already exists (a kept data directory) is taken as filled.
bool fillBigCollection(const QUrl &server, const QByteArray &token, int count)
{
    NetworkAccess network;
    network.setBearerToken(token);
    const QUrl collectionUrl = server.resolved(QUrl(u"/v1/collections/"_s + Big));
    std::unique_ptr<QNetworkReply> created(network.put(jsonRequest(collectionUrl), QJsonDocument(bigSchema()).toJson()));
    QSignalSpy done(created.get(), &QNetworkReply::finished);
    if (!done.wait(10000))
        return false;
    const int status = created->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 412)
        return true;
    if (status != 201)
        return false;
    int next = 0;
    int finished = 0;
    bool ok = true;
    std::function<void()> sendNext = [&] {
        const int n = next++;
        const QUrl url = server.resolved(QUrl(u"/v1/collections/%1/records/r%2"_s.arg(Big).arg(n, 6, 10, QChar(u'0'))));
        QNetworkReply *reply = network.put(jsonRequest(url), QJsonDocument(bigRecord(n)).toJson(QJsonDocument::Compact));
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply] {
            ok = ok && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201;
            reply->deleteLater();
            ++finished;
            if (next < count)
                sendNext();
        });
    };
    for (int i = 0; i < 64 && next < count; ++i)
        sendNext();
    return QTest::qWaitFor([&] { return finished == count || !ok; }, Timeout) && ok;
}

} // namespace

/// One client on the big collection: a journal, an engine, the main window.
struct BigWindow
{
    BigWindow(const QUrl &server, const QByteArray &token, const QString &journalPath)
        : opened(journal.open(journalPath))
        , engine(server, &journal)
        , window(&engine)
    {
        engine.setBearerToken(token);
    }

    Journal journal;
    bool opened;
    SyncEngine engine;
    MainWindow window;
};

class BenchBigLoad : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void loadSortedIntoWindow();
    void searchBigCollection_data();
    void searchBigCollection();
    void followPushBurst();

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<BigWindow> m_big;
    QTemporaryDir m_journals;
    QTemporaryDir m_settings;
};

void BenchBigLoad::initTestCase()
{
    const QString quiet = u"etagere.*.debug=false;etagere.*.info=false"_s;
    qputenv("QT_LOGGING_RULES", quiet.toUtf8());
    QLoggingCategory::setFilterRules(QString(quiet).replace(u';', u'\n'));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
    m_server = std::make_unique<TestServer>(QStringList{u"--demo"_s});
    if (const QString kept = qEnvironmentVariable("ETAGERE_BIG_DATA"); !kept.isEmpty())
        m_server->setDataDir(kept);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    QElapsedTimer clock;
    clock.start();
    QVERIFY(fillBigCollection(m_server->url(), m_server->token(), recordCount()));
    qInfo("collection of %d records ready in %lld ms", recordCount(), clock.elapsed());
}

void BenchBigLoad::cleanupTestCase()
{
    m_big.reset();
    m_server.reset();
}

// From an empty journal: the window opens, the engine loads every record page by page into
// the journal, the model and a proxy sorted by date.
void BenchBigLoad::loadSortedIntoWindow()
{
    m_big = std::make_unique<BigWindow>(m_server->url(), m_server->token(), m_journals.filePath(u"window.journal"_s));
    QVERIFY(m_big->opened);
    MainWindow &window = m_big->window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy progress(&m_big->engine, &SyncEngine::collectionLoadProgress);
    StallMonitor monitor;
    QElapsedTimer clock;

    monitor.start();
    clock.start();
    m_big->engine.start();
    QTRY_COMPARE_WITH_TIMEOUT(window.recordModel()->collection(), Big, Timeout);
    window.recordView()->sortByColumn(window.recordModel()->schema().indexOf(u"due"_s), Qt::DescendingOrder);
    QTRY_COMPARE_WITH_TIMEOUT(window.recordModel()->rowCount(), recordCount(), Timeout);
    const qint64 loaded = clock.elapsed();
    QTest::qWait(500); // what follows the load (repaints, column fitting)
    monitor.stop();

    QCOMPARE(window.filterModel()->rowCount(), recordCount());
    QVERIFY(progress.size() >= recordCount() / 200 - 1); // each page but the last
    qInfo("load: %d records in %lld ms, %lld progress reports; longest stall %lld ms (ended at %lld ms), "
          "%d stalls over 50 ms", recordCount(), loaded, qint64(progress.size()), monitor.longestStallMs(),
          monitor.longestStallEndedAtMs(), monitor.stallsOver50Ms());
}

void BenchBigLoad::searchBigCollection_data()
{
    QTest::addColumn<QString>("search");
    QTest::newRow("one record") << u"item 1234"_s;
    QTest::newRow("a sixth of them") << u"chloe"_s;
    QTest::newRow("cleared") << QString();
}

// The quick search over the loaded collection, as the search bar applies it.
void BenchBigLoad::searchBigCollection()
{
    QFETCH(QString, search);
    if (!m_big || m_big->window.recordModel()->rowCount() != recordCount())
        QSKIP("needs loadSortedIntoWindow");
    StallMonitor monitor;
    QElapsedTimer clock;
    monitor.start();
    clock.start();
    m_big->window.filterModel()->setSearchText(search);
    const qint64 took = clock.elapsed();
    QTest::qWait(200);
    monitor.stop();
    qInfo("search \"%s\": %d of %d records in %lld ms; longest stall %lld ms", qPrintable(search),
          m_big->window.filterModel()->rowCount(), recordCount(), took, monitor.longestStallMs());
    QVERIFY(m_big->window.filterModel()->rowCount() > 0);
}

// Another client changes the date of 500 records (the column the window sorts by): the
// window follows each push (rows move) and stays responsive.
void BenchBigLoad::followPushBurst()
{
    if (!m_big || m_big->window.recordModel()->rowCount() != recordCount())
        QSKIP("needs loadSortedIntoWindow");
    MemoryRecordStore store;
    SyncEngine other(m_server->url(), &store);
    other.setBearerToken(m_server->token());
    other.start();
    QTRY_VERIFY_WITH_TIMEOUT(other.records(Big).size() == recordCount()
                                 && other.connectionState() == ConnectionState::Live, Timeout);
    const QList<RecordState> records = other.records(Big);
    const int changes = std::min(500, recordCount());
    QDate first(2030, 1, 1); // later than any date so far (a kept data directory has earlier runs')
    for (const RecordState &record : records)
        first = std::max(first, QDate::fromString(record.local.value(u"due"_s).toString(), Qt::ISODate).addDays(1));
    StallMonitor monitor;
    QElapsedTimer clock;
    monitor.start();
    clock.start();
    for (int n = 0; n < changes; ++n) {
        const QString id = records.at((n * 7919) % records.size()).id;
        QVERIFY(other.setField(Big, id, u"due"_s, first.addDays(n).toString(Qt::ISODate)));
    }
    const QString last = records.at(((changes - 1) * 7919) % records.size()).id;
    const QModelIndex lastCell = m_big->window.recordModel()->index(m_big->window.recordModel()->rowOf(last),
                                                                   m_big->window.recordModel()->schema().indexOf(u"due"_s));
    QTRY_COMPARE_WITH_TIMEOUT(lastCell.data(Qt::EditRole).toDate(), first.addDays(changes - 1), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(other.pendingCount(), 0, Timeout);
    const qint64 took = clock.elapsed();
    monitor.stop();
    // The newest date sorts first (descending).
    QCOMPARE(m_big->window.filterModel()->recordIdAt(0), last);
    qInfo("push burst: %d changes followed in %lld ms; longest stall %lld ms, %d stalls over 50 ms", changes, took,
          monitor.longestStallMs(), monitor.stallsOver50Ms());
}

QTEST_MAIN(BenchBigLoad)
#include "bench_bigload.moc"
