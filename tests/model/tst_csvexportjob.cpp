#include "csvexportjob.h"
#include "csvfixture.h"
#include "csvimportjob.h"
#include "csvreader.h"
#include "csvtestutil.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace Etagere;
using namespace Qt::StringLiterals;

namespace {

using Test::CsvFixture;

QList<CsvRow> readCsv(const QString &path, bool *ok)
{
    QFile file(path);
    *ok = file.open(QIODevice::ReadOnly);
    QList<CsvRow> rows;
    if (!*ok)
        return rows;
    CsvReader reader(&file);
    CsvRow row;
    while (reader.readRow(&row))
        rows << row;
    *ok = reader.error() == CsvReader::Error::None;
    return rows;
}

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("unreadable");
}

} // namespace

/// CsvExportJob against a real etagere-server: every record, typed values written so that
/// an import gives the same data back, progress, the file replaced atomically.
class TestCsvExportJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void writesHeaderAndEveryRecord();
    void roundTripThroughImport();
    void leavesOutRecordsBeingDeleted();
    void cancelLeavesTheFileAsItWas();
    void reportsFileErrors();

private:
    [[nodiscard]] std::unique_ptr<CsvExportJob> run(const QString &collection, const QString &path, bool bom = false);
    [[nodiscard]] QString create(const QJsonObject &data);

    std::unique_ptr<CsvFixture> m_fixture;
};

void TestCsvExportJob::init()
{
    qRegisterMetaType<Etagere::ChangeSource>();
    m_fixture = std::make_unique<CsvFixture>();
    QVERIFY(m_fixture->start());
}

void TestCsvExportJob::cleanup()
{
    m_fixture.reset();
}

std::unique_ptr<CsvExportJob> TestCsvExportJob::run(const QString &collection, const QString &path, bool bom)
{
    auto job = std::make_unique<CsvExportJob>(m_fixture->engine.get(), collection, path);
    job->setWriteBom(bom);
    QSignalSpy finished(job.get(), &CsvExportJob::finished);
    job->start();
    if (!finished.wait(CsvFixture::TimeoutMs))
        qWarning("the export did not finish");
    return job;
}

QString TestCsvExportJob::create(const QJsonObject &data)
{
    QString error;
    const QString id = m_fixture->engine->createRecord(CsvFixture::Items, data, &error);
    if (id.isEmpty())
        qWarning("%s", qPrintable(error));
    return id;
}

void TestCsvExportJob::writesHeaderAndEveryRecord()
{
    // The demo collection: twenty tasks.
    const QString path = m_fixture->directory.filePath(u"tasks.csv"_s);
    auto job = run(u"tasks"_s, path, true);
    QCOMPARE(job->error(), CsvExportJob::Error::None);
    QCOMPARE(job->total(), 20);
    QCOMPARE(job->written(), 20);
    QVERIFY(readBytes(path).startsWith("\xEF\xBB\xBF" "id,title,notes,owner,priority,estimate,due,done\r\n"));
    bool ok = false;
    const QList<CsvRow> rows = readCsv(path, &ok);
    QVERIFY(ok);
    QCOMPARE(rows.size(), 21);
    const QList<RecordState> records = m_fixture->engine->records(u"tasks"_s);
    for (int i = 0; i < records.size(); ++i) {
        const CsvRow &row = rows.at(i + 1);
        QCOMPARE(row.size(), 8);
        QCOMPARE(row.at(0).text, records.at(i).id); // ordered by id, like the engine
        QCOMPARE(row.at(1).text, records.at(i).local.value(u"title"_s).toString());
        QCOMPARE(row.at(7).text, records.at(i).local.value(u"done"_s).toBool() ? u"true"_s : u"false"_s);
    }
}

void TestCsvExportJob::roundTripThroughImport()
{
    // Every type, with the values that are easy to lose: an empty string next to null,
    // line breaks and quotes, doubles that have no short decimal form, 2^53.
    const QList<QJsonObject> data{
        {{u"title"_s, u"Tricky, \"quoted\""_s}, {u"notes"_s, u"line 1\r\nline 2\n"_s}, {u"count"_s, 9007199254740992LL},
         {u"price"_s, 0.1 + 0.2}, {u"done"_s, true}, {u"due"_s, u"2024-02-29"_s},
         {u"at"_s, u"2024-05-01T09:30:00.125Z"_s}, {u"size"_s, u"S"_s}},
        {{u"title"_s, u" spaces "_s}, {u"notes"_s, u""_s}, {u"count"_s, -1}, {u"price"_s, 1e-300}, {u"done"_s, false}},
        {{u"title"_s, u"Only a title"_s}},
    };
    QStringList ids;
    for (const QJsonObject &d : data)
        ids << create(d);
    QTRY_COMPARE_WITH_TIMEOUT(m_fixture->engine->pendingCount(), 0, CsvFixture::TimeoutMs);

    const QString path = m_fixture->directory.filePath(u"items.csv"_s);
    auto exported = run(CsvFixture::Items, path);
    QCOMPARE(exported->error(), CsvExportJob::Error::None);

    // Into a second collection of the same schema, ids and all.
    CollectionSchema copy = CsvFixture::itemsSchema();
    copy.name = u"copy"_s;
    QSignalSpy reloaded(m_fixture->engine.get(), &SyncEngine::collectionReloaded);
    QVERIFY(m_fixture->engine->createCollection(copy));
    QVERIFY(reloaded.wait(CsvFixture::TimeoutMs));
    CsvImportJob import(m_fixture->engine.get(), u"copy"_s, path);
    QSignalSpy imported(&import, &CsvImportJob::finished);
    import.start();
    QVERIFY(imported.wait(CsvFixture::TimeoutMs));
    QCOMPARE(import.error(), CsvImportJob::Error::None);

    const QList<Record> original = m_fixture->serverRecords(CsvFixture::Items);
    const QList<Record> copied = m_fixture->serverRecords(u"copy"_s);
    QCOMPARE(copied.size(), original.size());
    for (qsizetype i = 0; i < original.size(); ++i) {
        QCOMPARE(copied.at(i).id, original.at(i).id);
        QCOMPARE(copied.at(i).data, original.at(i).data); // nulls are left out on both sides
    }
}

void TestCsvExportJob::leavesOutRecordsBeingDeleted()
{
    const QString kept = create({{u"title"_s, u"kept"_s}});
    const QString gone = create({{u"title"_s, u"gone"_s}});
    QTRY_COMPARE_WITH_TIMEOUT(m_fixture->engine->pendingCount(), 0, CsvFixture::TimeoutMs);
    m_fixture->engine->stop(); // the deletion stays pending
    QVERIFY(m_fixture->engine->deleteRecord(CsvFixture::Items, gone));
    QVERIFY(m_fixture->engine->setField(CsvFixture::Items, kept, u"title"_s, u"kept, edited"_s));
    const QString path = m_fixture->directory.filePath(u"pending.csv"_s);
    auto job = run(CsvFixture::Items, path);
    QCOMPARE(job->total(), 1);
    bool ok = false;
    const QList<CsvRow> rows = readCsv(path, &ok);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(1).at(1).text, u"kept, edited"_s); // what the user sees, pending edits included
}

void TestCsvExportJob::cancelLeavesTheFileAsItWas()
{
    for (int i = 0; i < 300; ++i)
        QVERIFY(!create({{u"title"_s, u"Record %1"_s.arg(i)}, {u"notes"_s, QString(2000, u'n')}}).isEmpty());
    const QString path = m_fixture->writeFile(u"old.csv"_s, "what was there before\r\n"_ba);
    CsvExportJob job(m_fixture->engine.get(), CsvFixture::Items, path);
    QSignalSpy finished(&job, &CsvExportJob::finished);
    QSignalSpy progress(&job, &CsvExportJob::progressChanged);
    job.start();
    job.cancel(); // before the first slice ran
    QCOMPARE(finished.size(), 1);
    QCOMPARE(job.error(), CsvExportJob::Error::Cancelled);
    QTest::qWait(50);
    QCOMPARE(progress.size(), 0);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(readBytes(path), "what was there before\r\n"_ba);

    auto whole = run(CsvFixture::Items, path);
    QCOMPARE(whole->error(), CsvExportJob::Error::None);
    QCOMPARE(whole->written(), 300);
    QVERIFY(readBytes(path).startsWith("id,title"));
}

void TestCsvExportJob::reportsFileErrors()
{
    auto noDirectory = run(CsvFixture::Items, m_fixture->directory.filePath(u"no/such/dir/x.csv"_s));
    QCOMPARE(noDirectory->error(), CsvExportJob::Error::File);
    QVERIFY(noDirectory->errorString().contains(u"x.csv"_s));
    auto unknown = run(u"nothere"_s, m_fixture->directory.filePath(u"y.csv"_s));
    QCOMPARE(unknown->error(), CsvExportJob::Error::UnknownCollection);
    QVERIFY(!QFile::exists(m_fixture->directory.filePath(u"y.csv"_s)));
}

QTEST_GUILESS_MAIN(TestCsvExportJob)
#include "tst_csvexportjob.moc"
