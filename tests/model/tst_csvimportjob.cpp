#include "csvfixture.h"
#include "csvimportjob.h"
#include "identifiers.h"
#include "networkaccess.h"
#include "writerecordjob.h"

#include <QSignalSpy>
#include <QTest>

using namespace Etagere;
using namespace Qt::StringLiterals;

namespace {

using Test::CsvFixture;

const QByteArray Header = "title,notes,count,price,done,due,at,size\r\n"_ba;

/// `count` valid records, one line each: "Item N".
QByteArray validRows(int count, int from = 0)
{
    QByteArray rows;
    for (int i = from; i < from + count; ++i)
        rows += "Item " + QByteArray::number(i) + ",,\"" + QByteArray::number(i) + "\",2.5,true,2024-01-02,,M\r\n";
    return rows;
}

struct Expected
{
    qint64 line;
    QString reason; ///< a part of it
};

/// "line: reason" of each problem, for messages.
QString describe(const QList<CsvImportProblem> &problems)
{
    QStringList lines;
    for (const CsvImportProblem &p : problems)
        lines << u"%1: %2"_s.arg(p.line).arg(p.reason);
    return lines.join(u"; "_s);
}

} // namespace

Q_DECLARE_METATYPE(QList<Expected>)

/// CsvImportJob against a real etagere-server: every record reaches the server, or none
/// does. A refused line is reported with its physical line number and reason before
/// anything is written; a cancel while writing, or a record the server refuses, takes back
/// what was written.
class TestCsvImportJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void importsEveryRecord();
    void keepsTheIdsOfAnIdColumn();
    void headerOnlyImportsNothing();
    void refusesBeforeWriting_data();
    void refusesBeforeWriting();
    void listsAtMostMaxProblems();
    void cancelWhileReadingWritesNothing();
    void cancelWhileWritingRemovesWhatWasWritten();
    void recordRefusedWhileWritingRollsBack();
    void unknownCollectionAndMissingFile();

private:
    /// Runs a job on `path` to its end (window `window`); the job is the caller's.
    [[nodiscard]] std::unique_ptr<CsvImportJob> run(const QString &path, int window = CsvImportJob::DefaultWindow);

    std::unique_ptr<CsvFixture> m_fixture;
};

void TestCsvImportJob::init()
{
    qRegisterMetaType<Etagere::ChangeSource>();
    qRegisterMetaType<Etagere::Conflict>();
    m_fixture = std::make_unique<CsvFixture>();
    QVERIFY(m_fixture->start());
}

void TestCsvImportJob::cleanup()
{
    m_fixture.reset();
}

std::unique_ptr<CsvImportJob> TestCsvImportJob::run(const QString &path, int window)
{
    auto job = std::make_unique<CsvImportJob>(m_fixture->engine.get(), CsvFixture::Items, path);
    job->setWindow(window);
    QSignalSpy finished(job.get(), &CsvImportJob::finished);
    job->start();
    if (!finished.wait(CsvFixture::TimeoutMs * 2))
        qWarning("the import did not finish");
    return job;
}

void TestCsvImportJob::importsEveryRecord()
{
    const QByteArray file = "\xEF\xBB\xBF"_ba + Header
        + "Widget,\"two\r\nlines, \"\"quoted\"\"\",-3,0.1,false,2024-02-29,2024-05-01T09:30:00Z,L\r\n"_ba
        + "Empty notes,\"\",,,,,,\r\n"_ba + validRows(150);
    const QString path = m_fixture->writeFile(u"items.csv"_s, file);
    const qint64 seqBefore = m_fixture->serverSeq();
    auto job = std::make_unique<CsvImportJob>(m_fixture->engine.get(), CsvFixture::Items, path);
    job->setWindow(8);
    QSignalSpy phases(job.get(), &CsvImportJob::phaseChanged);
    QSignalSpy progress(job.get(), &CsvImportJob::progressChanged);
    QSignalSpy finished(job.get(), &CsvImportJob::finished);
    job->start();
    QVERIFY(finished.wait(CsvFixture::TimeoutMs));
    QCOMPARE(job->error(), CsvImportJob::Error::None);
    QCOMPARE(job->recordCount(), 152);
    QCOMPARE(job->imported(), 152);
    QCOMPARE(phases.size(), 3);
    QCOMPARE(phases.at(1).first().value<CsvImportJob::Phase>(), CsvImportJob::Phase::Writing);
    QCOMPARE(progress.last().at(0).toLongLong(), 152);
    QCOMPARE(progress.last().at(1).toLongLong(), 152);
    QVERIFY(job->errorString().contains(u"152 records imported"_s));

    const QList<Record> records = m_fixture->serverRecords();
    QCOMPARE(records.size(), 152);
    QCOMPARE(m_fixture->serverSeq(), seqBefore + 152); // one write each, nothing else
    const auto widget = std::find_if(records.cbegin(), records.cend(),
                                     [](const Record &r) { return r.data.value(u"title"_s) == u"Widget"_s; });
    QVERIFY(widget != records.cend());
    const QJsonObject expected{{u"title"_s, u"Widget"_s},     {u"notes"_s, u"two\r\nlines, \"quoted\""_s},
                               {u"count"_s, -3},              {u"price"_s, 0.1},
                               {u"done"_s, false},            {u"due"_s, u"2024-02-29"_s},
                               {u"at"_s, u"2024-05-01T09:30:00Z"_s}, {u"size"_s, u"L"_s}};
    QCOMPARE(widget->data, expected);
    const auto empty = std::find_if(records.cbegin(), records.cend(),
                                    [](const Record &r) { return r.data.value(u"title"_s) == u"Empty notes"_s; });
    QCOMPARE(empty->data, (QJsonObject{{u"title"_s, u"Empty notes"_s}, {u"notes"_s, u""_s}}));
    QCOMPARE(m_fixture->engine->pendingCount(), 0);
}

void TestCsvImportJob::keepsTheIdsOfAnIdColumn()
{
    const QString path = m_fixture->writeFile(u"ids.csv"_s, "size,id,title\nS,first-1,One\nL,,Two\n"_ba);
    auto job = run(path);
    QCOMPARE(job->error(), CsvImportJob::Error::None);
    const QList<Record> records = m_fixture->serverRecords();
    QCOMPARE(records.size(), 2);
    const auto first = std::find_if(records.cbegin(), records.cend(), [](const Record &r) { return r.id == u"first-1"_s; });
    QVERIFY(first != records.cend());
    QCOMPARE(first->data, (QJsonObject{{u"title"_s, u"One"_s}, {u"size"_s, u"S"_s}}));
    const Record &other = first == records.cbegin() ? records.last() : records.first();
    QCOMPARE(other.data.value(u"title"_s).toString(), u"Two"_s); // an empty id: a new one
    QVERIFY(isValidRecordId(other.id));

    // The same file again: its first record exists now, so nothing is written.
    const qint64 seq = m_fixture->serverSeq();
    auto again = run(path);
    QCOMPARE(again->error(), CsvImportJob::Error::Refused);
    QCOMPARE(again->problems().size(), 1);
    QCOMPARE(again->problems().first().line, 2);
    QCOMPARE(again->problems().first().reason, u"a record with the id first-1 already exists in \"items\""_s);
    QCOMPARE(m_fixture->serverSeq(), seq);
}

void TestCsvImportJob::headerOnlyImportsNothing()
{
    const QString path = m_fixture->writeFile(u"header.csv"_s, Header);
    auto job = run(path);
    QCOMPARE(job->error(), CsvImportJob::Error::None);
    QCOMPARE(job->imported(), 0);
    QVERIFY(m_fixture->serverRecords().isEmpty());
}

void TestCsvImportJob::refusesBeforeWriting_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<CsvImportJob::Error>("error");
    QTest::addColumn<QList<Expected>>("problems");
    using E = CsvImportJob::Error;
    using P = QList<Expected>;

    QTest::newRow("empty file") << QByteArray() << E::Header << P();
    QTest::newRow("unknown column") << "title,colour\nA,red\n"_ba << E::Header
                                    << P{{1, u"unknown column \"colour\": the columns of \"items\" are id and title, notes"_s}};
    QTest::newRow("column twice") << "title,count,count\n"_ba << E::Header << P{{1, u"the column \"count\" appears twice"_s}};
    QTest::newRow("required field without column") << "count,notes\n1,x\n"_ba << E::Header
                                                   << P{{1, u"no column for the required field \"title\""_s}};
    QTest::newRow("unnamed column") << "title,\nA,b\n"_ba << E::Header << P{{1, u"column 2 has no name"_s}};
    QTest::newRow("every header problem") << "Title,size,size\n"_ba << E::Header
                                          << P{{1, u"unknown column \"Title\""_s}, {1, u"appears twice"_s},
                                               {1, u"required field \"title\""_s}};
    QTest::newRow("bad integer on line 3") << Header + validRows(1) + "B,,many,,,,,\r\n"_ba + validRows(2) << E::Refused
                                           << P{{3, u"count: 'many' is not an integer"_s}};
    QTest::newRow("line numbers count lines inside quotes")
        << Header + "A,\"one\r\ntwo\r\nthree\",,,,,,\r\n"_ba + "B,,,,maybe,,,\r\n"_ba << E::Refused
        << P{{5, u"done: 'maybe' is not true or false"_s}};
    QTest::newRow("blank lines count") << Header + "\r\n\r\n"_ba + "C,,,,,,,XL\r\n"_ba << E::Refused
                                       << P{{4, u"size: 'XL' is not one of S, M, L"_s}};
    QTest::newRow("required value missing") << Header + validRows(2) + ",note,,,,,,\r\n"_ba << E::Refused
                                            << P{{4, u"title: a value is required"_s}};
    QTest::newRow("local date-time") << Header + "D,,,,,,2024-05-01 10:00,\r\n"_ba << E::Refused
                                     << P{{2, u"is not a UTC date-time"_s}};
    QTest::newRow("too few values") << Header + "E,,1\r\n"_ba << E::Refused
                                    << P{{2, u"3 values, but the header has 8 columns"_s}};
    QTest::newRow("several refused lines")
        << Header + "F,,x,,,,,\r\n"_ba + validRows(1) + "G,,,y,,,,\r\n"_ba << E::Refused
        << P{{2, u"count"_s}, {4, u"price: 'y' is not a number"_s}};
    QTest::newRow("id used twice") << "id,title\nr1,A\nr2,B\nr1,C\n"_ba << E::Refused
                                   << P{{4, u"the id r1 is already used on line 2"_s}};
    QTest::newRow("invalid id") << "id,title\nno spaces please,A\n"_ba << E::Refused
                                << P{{2, u"\"no spaces please\" is not a valid record id"_s}};
    QTest::newRow("quote in the middle of a field") << Header + validRows(1) + "H\"i,,,,,,,\r\n"_ba << E::Malformed
                                                    << P{{3, u"a quote inside a field"_s}};
    QTest::newRow("quoted field never closed") << Header + validRows(2) + "\"I,,,,,,,\r\nJ\r\n"_ba << E::Malformed
                                               << P{{4, u"never closed"_s}};
    QTest::newRow("Latin-1 file") << Header + "Chlo\xE9,,,,,,,\r\n"_ba << E::Malformed
                                  << P{{2, u"not UTF-8"_s}};
}

void TestCsvImportJob::refusesBeforeWriting()
{
    QFETCH(QByteArray, file);
    QFETCH(CsvImportJob::Error, error);
    QFETCH(QList<Expected>, problems);
    const qint64 seqBefore = m_fixture->serverSeq();
    QSignalSpy inserted(m_fixture->engine.get(), &SyncEngine::recordInserted);
    auto job = run(m_fixture->writeFile(u"bad.csv"_s, file));
    QVERIFY(job->isFinished());
    QCOMPARE(job->error(), error);
    QVERIFY(!job->errorString().isEmpty());
    const QList<CsvImportProblem> got = job->problems();
    QVERIFY2(got.size() == problems.size(), qPrintable(describe(got)));
    for (qsizetype i = 0; i < problems.size(); ++i) {
        QCOMPARE(got.at(i).line, problems.at(i).line);
        QVERIFY2(got.at(i).reason.contains(problems.at(i).reason), qPrintable(describe(got)));
    }
    // Nothing was written: not locally, not on the server.
    QCOMPARE(inserted.size(), 0);
    QVERIFY(m_fixture->engine->records(CsvFixture::Items).isEmpty());
    QCOMPARE(m_fixture->serverSeq(), seqBefore);
    QVERIFY(m_fixture->serverRecords().isEmpty());
}

void TestCsvImportJob::listsAtMostMaxProblems()
{
    QByteArray file = Header;
    for (int i = 0; i < 150; ++i)
        file += validRows(1, i) + "bad,,x,,,,,\r\n"_ba;
    auto job = run(m_fixture->writeFile(u"many.csv"_s, file));
    QCOMPARE(job->error(), CsvImportJob::Error::Refused);
    QCOMPARE(job->refusedCount(), 150);
    QCOMPARE(job->problems().size(), CsvImportJob::MaxProblems);
    QCOMPARE(job->problems().first().line, 3);
    QCOMPARE(job->problems().last().line, 201);
    QVERIFY(job->errorString().contains(u"150 records cannot be imported"_s));
    QVERIFY(m_fixture->serverRecords().isEmpty());
}

void TestCsvImportJob::cancelWhileReadingWritesNothing()
{
    const QString path = m_fixture->writeFile(u"read.csv"_s, Header + validRows(5000));
    CsvImportJob job(m_fixture->engine.get(), CsvFixture::Items, path);
    QSignalSpy finished(&job, &CsvImportJob::finished);
    connect(&job, &CsvImportJob::progressChanged, &job, [&job] {
        if (job.phase() == CsvImportJob::Phase::Reading)
            job.cancel(); // after the first slice: the file is not read to its end yet
    });
    job.start();
    QVERIFY(finished.wait(CsvFixture::TimeoutMs));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(job.error(), CsvImportJob::Error::Cancelled);
    QCOMPARE(job.imported(), 0);
    QVERIFY(m_fixture->engine->records(CsvFixture::Items).isEmpty());
    QVERIFY(m_fixture->serverRecords().isEmpty());
}

void TestCsvImportJob::cancelWhileWritingRemovesWhatWasWritten()
{
    const QString path = m_fixture->writeFile(u"cancel.csv"_s, Header + validRows(400));
    CsvImportJob job(m_fixture->engine.get(), CsvFixture::Items, path);
    job.setWindow(16);
    QSignalSpy finished(&job, &CsvImportJob::finished);
    QList<CsvImportJob::Phase> phases;
    connect(&job, &CsvImportJob::phaseChanged, &job, [&](CsvImportJob::Phase phase) { phases << phase; });
    connect(&job, &CsvImportJob::progressChanged, &job, [&job](qint64 done) {
        if (job.phase() == CsvImportJob::Phase::Writing && done >= 40)
            job.cancel();
    });
    job.start();
    QVERIFY(finished.wait(CsvFixture::TimeoutMs));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(job.error(), CsvImportJob::Error::Cancelled);
    QCOMPARE(phases, (QList<CsvImportJob::Phase>{CsvImportJob::Phase::Reading, CsvImportJob::Phase::Writing,
                                                 CsvImportJob::Phase::RollingBack, CsvImportJob::Phase::Finished}));
    QVERIFY2(job.imported() >= 40 && job.imported() < 400, qPrintable(QString::number(job.imported())));
    QVERIFY(job.removed() >= job.imported()); // what reached the server, and what was on its way
    QCOMPARE(job.leftPending(), 0);
    QVERIFY(job.errorString().contains(u"removed again"_s));
    // Nothing is left behind: not on the server, not in the engine, nothing pending.
    QVERIFY(m_fixture->serverRecords().isEmpty());
    QVERIFY(m_fixture->engine->records(CsvFixture::Items).isEmpty());
    QCOMPARE(m_fixture->engine->pendingCount(), 0);
}

void TestCsvImportJob::recordRefusedWhileWritingRollsBack()
{
    // Somebody else creates a record under an id of the file once it was read (when the
    // import checked the ids, nobody had it): that line fails while writing.
    const QByteArray file = "id,title\n"_ba + [] {
        QByteArray rows;
        for (int i = 0; i < 120; ++i)
            rows += "r" + QByteArray::number(i) + ",Row " + QByteArray::number(i) + "\n";
        return rows;
    }();
    CsvImportJob job(m_fixture->engine.get(), CsvFixture::Items, m_fixture->writeFile(u"clash.csv"_s, file));
    job.setWindow(8);
    QSignalSpy finished(&job, &CsvImportJob::finished);
    NetworkAccess network;
    network.setBearerToken(m_fixture->server->token());
    bool otherWrote = false;
    connect(&job, &CsvImportJob::phaseChanged, &job, [&](CsvImportJob::Phase phase) {
        if (phase != CsvImportJob::Phase::Writing)
            return;
        WriteRecordJob other(&network, m_fixture->server->url(), WriteRecordJob::Mode::Create, CsvFixture::Items,
                             u"r100"_s, QJsonObject{{u"title"_s, u"Theirs"_s}}, QString());
        otherWrote = Test::runJob(other, CsvFixture::TimeoutMs);
    });
    job.start();
    QVERIFY(finished.wait(CsvFixture::TimeoutMs));
    QVERIFY(otherWrote);
    QCOMPARE(job.error(), CsvImportJob::Error::WriteFailed);
    QCOMPARE(job.problems().size(), 1);
    QCOMPARE(job.problems().first().line, 102); // the header is line 1, r0 line 2
    QVERIFY2(job.errorString().startsWith(u"Line 102: "_s), qPrintable(job.errorString()));
    QVERIFY(job.removed() >= 100);
    // Only theirs is left, as they wrote it.
    const QList<Record> records = m_fixture->serverRecords();
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.first().id, u"r100"_s);
    QCOMPARE(records.first().data.value(u"title"_s).toString(), u"Theirs"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_fixture->engine->records(CsvFixture::Items).size(), 1, CsvFixture::TimeoutMs);
    QCOMPARE(m_fixture->engine->pendingCount(), 0);
}

void TestCsvImportJob::unknownCollectionAndMissingFile()
{
    const QString path = m_fixture->writeFile(u"ok.csv"_s, Header + validRows(1));
    CsvImportJob unknown(m_fixture->engine.get(), u"nothere"_s, path);
    QSignalSpy unknownFinished(&unknown, &CsvImportJob::finished);
    unknown.start();
    QVERIFY(unknownFinished.wait(CsvFixture::TimeoutMs));
    QCOMPARE(unknown.error(), CsvImportJob::Error::UnknownCollection);

    CsvImportJob missing(m_fixture->engine.get(), CsvFixture::Items, path + u".gone"_s);
    QSignalSpy missingFinished(&missing, &CsvImportJob::finished);
    missing.start();
    QVERIFY(missingFinished.wait(CsvFixture::TimeoutMs));
    QCOMPARE(missing.error(), CsvImportJob::Error::File);
    QVERIFY(missing.errorString().contains(u".gone"_s));
    QVERIFY(m_fixture->serverRecords().isEmpty());
}

QTEST_GUILESS_MAIN(TestCsvImportJob)
#include "tst_csvimportjob.moc"
