// Figures of a big CSV import and export on a real etagere-server, with the app's store
// (a Journal: one fsync per creation) or a MemoryRecordStore:
//
//   ETAGERE_CSV_ROWS=20000 build/ci/tests/bench_csvimport
//
// For each: the time to read and check the file, to write every record (until the
// server acknowledged the last), the longest time the event loop was kept from running
// (what a window would feel as a freeze), and the same for an export and for a cancel at
// half-way that takes everything back. ctest runs it with 300 records.

#include "csvexportjob.h"
#include "csvfixture.h"
#include "csvimportjob.h"
#include "journal.h"
#include "stallmonitor.h"

#include <QElapsedTimer>

#include <cstdio>

using namespace Etagere;
using namespace Etagere::Test;
using namespace Qt::StringLiterals;

namespace {

constexpr int Timeout = 600000;

/// ETAGERE_CSV_WINDOW: creations in flight at once (CsvImportJob::setWindow()).
int window()
{
    const int window = qEnvironmentVariableIntValue("ETAGERE_CSV_WINDOW");
    return window > 0 ? window : CsvImportJob::DefaultWindow;
}

int rowCount()
{
    const int rows = qEnvironmentVariableIntValue("ETAGERE_CSV_ROWS");
    return rows > 0 ? rows : 300;
}

} // namespace

class BenchCsvImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importExportCancel_data();
    void importExportCancel();
};

void BenchCsvImport::importExportCancel_data()
{
    QTest::addColumn<bool>("journal");
    QTest::newRow("Journal (the app's store)") << true;
    QTest::newRow("MemoryRecordStore") << false;
}

void BenchCsvImport::importExportCancel()
{
    QFETCH(bool, journal);
    const int rows = rowCount();
    QTemporaryDir directory;
    TestServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    std::unique_ptr<RecordStore> store;
    if (journal) {
        auto opened = std::make_unique<Journal>();
        QVERIFY2(opened->open(directory.filePath(u"journal.sqlite"_s)), qPrintable(opened->errorString()));
        store = std::move(opened);
    } else {
        store = std::make_unique<MemoryRecordStore>();
    }
    SyncEngine engine(server.url(), store.get());
    engine.setBearerToken(server.token());
    engine.start();
    QTRY_VERIFY_WITH_TIMEOUT(engine.connectionState() == ConnectionState::Live, 10000);
    QSignalSpy reloaded(&engine, &SyncEngine::collectionReloaded);
    QVERIFY(engine.createCollection(CsvFixture::itemsSchema()));
    QVERIFY(reloaded.wait(10000));

    QFile file(directory.filePath(u"items.csv"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("title,notes,count,price,done,due,at,size\r\n");
    for (int i = 0; i < rows; ++i) {
        file.write("Item " + QByteArray::number(i) + ",\"A note, with a comma\r\nand a second line\","
                   + QByteArray::number(i) + "," + QByteArray::number(i * 0.25) + ",true,2024-06-01,"
                   + "2024-06-01T12:00:00Z,M\r\n");
    }
    file.close();
    const double megabytes = double(file.size()) / (1024 * 1024);

    // The import.
    QElapsedTimer clock;
    qint64 readMs = 0;
    CsvImportJob import(&engine, u"items"_s, file.fileName());
    import.setWindow(window());
    connect(&import, &CsvImportJob::phaseChanged, this, [&](CsvImportJob::Phase phase) {
        if (phase == CsvImportJob::Phase::Writing)
            readMs = clock.elapsed();
    });
    QSignalSpy imported(&import, &CsvImportJob::finished);
    StallMonitor monitor;
    monitor.start();
    clock.start();
    import.start();
    QVERIFY(imported.wait(Timeout));
    const qint64 importMs = clock.elapsed();
    const qint64 importStall = monitor.longestStallMs();
    QCOMPARE(import.error(), CsvImportJob::Error::None);
    QCOMPARE(import.imported(), rows);
    NetworkAccess network;
    network.setBearerToken(server.token());
    FetchRecordsJob fetch(&network, server.url(), u"items"_s);
    fetch.setPageSize(1000);
    QVERIFY(Test::runJob(fetch, 60000));
    QCOMPARE(fetch.records().size(), rows);

    // The export of what was imported.
    CsvExportJob exporter(&engine, u"items"_s, directory.filePath(u"out.csv"_s));
    QSignalSpy exported(&exporter, &CsvExportJob::finished);
    monitor.start();
    clock.restart();
    exporter.start();
    QVERIFY(exported.wait(Timeout));
    const qint64 exportMs = clock.elapsed();
    const qint64 exportStall = monitor.longestStallMs();
    QCOMPARE(exporter.error(), CsvExportJob::Error::None);

    // The same file into a second collection, cancelled at half-way.
    CollectionSchema copy = CsvFixture::itemsSchema();
    copy.name = u"copy"_s;
    reloaded.clear();
    QVERIFY(engine.createCollection(copy));
    QVERIFY(reloaded.wait(10000));
    CsvImportJob cancelled(&engine, u"copy"_s, file.fileName());
    cancelled.setWindow(window());
    qint64 cancelAt = 0;
    connect(&cancelled, &CsvImportJob::progressChanged, this, [&](qint64 done, qint64 total) {
        if (cancelled.phase() == CsvImportJob::Phase::Writing && done >= total / 2 && cancelAt == 0) {
            cancelAt = clock.elapsed();
            cancelled.cancel();
        }
    });
    QSignalSpy cancelFinished(&cancelled, &CsvImportJob::finished);
    monitor.start();
    clock.restart();
    cancelled.start();
    QVERIFY(cancelFinished.wait(Timeout));
    const qint64 rollbackMs = clock.elapsed() - cancelAt;
    QCOMPARE(cancelled.error(), CsvImportJob::Error::Cancelled);
    FetchRecordsJob left(&network, server.url(), u"copy"_s);
    QVERIFY(Test::runJob(left, 60000));
    QCOMPARE(left.records().size(), 0);

    std::printf(
        "%s, window %d, %d records (%.1f MB): read and checked in %lld ms, written in %lld ms (%.0f records/s), "
        "longest event-loop stall %lld ms; export %lld ms (stall %lld ms); cancel at %d records, "
        "taken back in %lld ms (%d removed), longest stall %lld ms\n",
        journal ? "Journal" : "MemoryRecordStore", window(), rows, megabytes, static_cast<long long>(readMs),
        static_cast<long long>(importMs - readMs), rows * 1000.0 / std::max<qint64>(1, importMs - readMs),
        static_cast<long long>(importStall), static_cast<long long>(exportMs), static_cast<long long>(exportStall),
        cancelled.removed(), static_cast<long long>(rollbackMs), cancelled.removed(),
        static_cast<long long>(monitor.longestStallMs()));
    std::fflush(stdout);
}

QTEST_GUILESS_MAIN(BenchCsvImport)
#include "bench_csvimport.moc"
