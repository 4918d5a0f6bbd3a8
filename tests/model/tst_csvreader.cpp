#include "csvreader.h"
#include "csvtestutil.h"

#include <QBuffer>
#include <QTemporaryFile>
#include <QTest>

using namespace Etagere;
using namespace Qt::StringLiterals;

namespace {

struct ReadResult
{
    QStringList rows;   ///< each described with Test::describe()
    QList<qint64> lines;
    CsvReader::Error error = CsvReader::Error::None;
    qint64 errorLine = 0;
    qint64 bytesRead = 0;
};

ReadResult readAll(const QByteArray &input)
{
    QBuffer buffer;
    buffer.setData(input);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    ReadResult result;
    CsvRow row;
    while (reader.readRow(&row)) {
        result.rows << Test::describe(row);
        result.lines << reader.lineNumber();
    }
    result.error = reader.error();
    result.errorLine = reader.errorLine();
    result.bytesRead = reader.bytesRead();
    CsvRow after;
    if (reader.readRow(&after)) // the end, or an error, is final
        result.rows << u"read after the end"_s;
    return result;
}

/// 65,536 bytes: the reader's chunk size, so that what follows starts a new chunk.
QByteArray fillChunk(qsizetype leave)
{
    return QByteArray(64 * 1024 - leave, 'x');
}

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reads_data();
    void reads();
    void refuses_data();
    void refuses();
    void errorStringNamesTheLine();
    void readsInChunksFromAFile();
};

void TestCsvReader::reads_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("rows");
    QTest::addColumn<QList<qint64>>("lines");
    using Lines = QList<qint64>;

    QTest::newRow("empty input") << ""_ba << QStringList() << Lines();
    QTest::newRow("CRLF records") << "a,b,c\r\nd,e,f\r\n"_ba << QStringList{u"[a],[b],[c]"_s, u"[d],[e],[f]"_s}
                                  << Lines{1, 2};
    QTest::newRow("LF records") << "a,b\nc,d\n"_ba << QStringList{u"[a],[b]"_s, u"[c],[d]"_s} << Lines{1, 2};
    QTest::newRow("CR records") << "a,b\rc,d\r"_ba << QStringList{u"[a],[b]"_s, u"[c],[d]"_s} << Lines{1, 2};
    QTest::newRow("no final line break") << "a,b\r\nc,d"_ba << QStringList{u"[a],[b]"_s, u"[c],[d]"_s} << Lines{1, 2};
    QTest::newRow("comma in quotes") << "\"a,b\",c\r\n"_ba << QStringList{u"\"a,b\",[c]"_s} << Lines{1};
    QTest::newRow("doubled quote") << "\"say \"\"hi\"\"\",x\r\n"_ba << QStringList{u"\"say \"hi\"\",[x]"_s} << Lines{1};
    QTest::newRow("only a quote") << "\"\"\"\"\r\n"_ba << QStringList{u"\"\"\""_s} << Lines{1};
    QTest::newRow("CRLF in quotes kept")
        << "\"line1\r\nline2\",x\r\ny,z\r\n"_ba << QStringList{u"\"line1\\r\\nline2\",[x]"_s, u"[y],[z]"_s}
        << Lines{1, 3};
    QTest::newRow("LF in quotes kept") << "\"a\nb\nc\",d\ne,f"_ba << QStringList{u"\"a\\nb\\nc\",[d]"_s, u"[e],[f]"_s}
                                       << Lines{1, 4};
    QTest::newRow("CR in quotes kept") << "\"a\rb\",c\rd"_ba << QStringList{u"\"a\\rb\",[c]"_s, u"[d]"_s} << Lines{1, 3};
    QTest::newRow("empty fields") << ",,\r\n"_ba << QStringList{u"[],[],[]"_s} << Lines{1};
    QTest::newRow("quoted empty is not null") << "\"\",,x\r\n"_ba << QStringList{u"\"\",[],[x]"_s} << Lines{1};
    QTest::newRow("quoted last field") << "a,\"b\""_ba << QStringList{u"[a],\"b\""_s} << Lines{1};
    QTest::newRow("quoted field then CRLF") << "\"a\"\r\n\"b\"\r\n"_ba << QStringList{u"\"a\""_s, u"\"b\""_s} << Lines{1, 2};
    QTest::newRow("spaces are data") << " a , b \r\n"_ba << QStringList{u"[ a ],[ b ]"_s} << Lines{1};
    QTest::newRow("blank line") << "a\r\n\r\nb\r\n"_ba << QStringList{u"[a]"_s, u"[]"_s, u"[b]"_s} << Lines{1, 2, 3};
    QTest::newRow("BOM skipped") << "\xEF\xBB\xBFid,name\r\n1,x"_ba << QStringList{u"[id],[name]"_s, u"[1],[x]"_s}
                                 << Lines{1, 2};
    QTest::newRow("only a BOM") << "\xEF\xBB\xBF"_ba << QStringList() << Lines();
    QTest::newRow("UTF-8 text") << "Chlo\xC3\xA9,\xE6\x97\xA5\xE6\x9C\xAC,\xF0\x9F\x93\x9A\r\n"_ba
                                << QStringList{u"[Chloé],[日本],[📚]"_s} << Lines{1};
    QTest::newRow("CRLF split between chunks")
        << fillChunk(1) + "\r\nnext"_ba << QStringList{u'[' + QString(64 * 1024 - 1, u'x') + u']', u"[next]"_s}
        << Lines{1, 2};
    QTest::newRow("UTF-8 character split between chunks")
        << fillChunk(1) + "\xC3\xA9,z"_ba << QStringList{u'[' + QString(64 * 1024 - 1, u'x') + u"é],[z]"_s} << Lines{1};
    QTest::newRow("quoted field over chunks")
        << "\""_ba + fillChunk(1) + "\"\"\r\n\",2\r\n3"_ba
        << QStringList{u'"' + QString(64 * 1024 - 1, u'x') + u"\"\\r\\n\",[2]"_s, u"[3]"_s} << Lines{1, 3};
}

void TestCsvReader::reads()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, rows);
    QFETCH(QList<qint64>, lines);
    const ReadResult result = readAll(input);
    QCOMPARE(result.error, CsvReader::Error::None);
    QCOMPARE(result.rows, rows);
    QCOMPARE(result.lines, lines);
    QCOMPARE(result.bytesRead, qint64(input.size()));
}

void TestCsvReader::refuses_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<CsvReader::Error>("error");
    QTest::addColumn<qint64>("line");
    QTest::addColumn<int>("rowsBefore"); // records read before the error

    QTest::newRow("quote inside unquoted field") << "ok\r\na\"b,c\r\n"_ba << CsvReader::Error::Syntax << 2LL << 1;
    QTest::newRow("text after closing quote") << "\"ab\"c,d\r\n"_ba << CsvReader::Error::Syntax << 1LL << 0;
    QTest::newRow("space after closing quote") << "\"ab\" ,d\r\n"_ba << CsvReader::Error::Syntax << 1LL << 0;
    QTest::newRow("quote never closed") << "x\r\n\"open\r\nstill open\r\n"_ba << CsvReader::Error::Syntax << 2LL << 1;
    QTest::newRow("not UTF-8") << "ok\r\nbad\xFF\r\n"_ba << CsvReader::Error::Encoding << 2LL << 1;
    QTest::newRow("Latin-1 text") << "name\r\nChlo\xE9\r\n"_ba << CsvReader::Error::Encoding << 2LL << 1;
    QTest::newRow("ends inside a character") << "ok\r\nab\xC3"_ba << CsvReader::Error::Encoding << 2LL << 1;
    QTest::newRow("NUL character") << "a\0b"_ba << CsvReader::Error::Encoding << 1LL << 0;
    QTest::newRow("record too long") << QByteArray(CsvReader::MaxRecordLength + 1, 'x') << CsvReader::Error::TooLong
                                     << 1LL << 0;
    QTest::newRow("quoted record too long, line where it starts")
        << "a\r\n\""_ba + QByteArray(CsvReader::MaxRecordLength / 2, '\n') + QByteArray(CsvReader::MaxRecordLength, 'y')
        << CsvReader::Error::TooLong << 2LL << 1;
}

void TestCsvReader::refuses()
{
    QFETCH(QByteArray, input);
    QFETCH(CsvReader::Error, error);
    QFETCH(qint64, line);
    QFETCH(int, rowsBefore);
    const ReadResult result = readAll(input);
    QCOMPARE(result.error, error);
    QCOMPARE(result.errorLine, line);
    QCOMPARE(result.rows.size(), rowsBefore);
}

void TestCsvReader::errorStringNamesTheLine()
{
    QBuffer buffer;
    buffer.setData("a,b\r\n\"c\"d\r\n"_ba);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    CsvRow row;
    QVERIFY(reader.errorString().isEmpty());
    QVERIFY(reader.readRow(&row));
    QVERIFY(!reader.readRow(&row));
    QCOMPARE(reader.errorString(), u"line 2: text after the closing quote of a field"_s);
    QCOMPARE(reader.errorReason(), u"text after the closing quote of a field"_s);
}

void TestCsvReader::readsInChunksFromAFile()
{
    // 20,000 records of a few fields each, several of them spanning lines: the line numbers
    // stay right over every chunk boundary, and bytesRead() grows to the file's size.
    QTemporaryFile file;
    QVERIFY(file.open());
    QList<qint64> expectedLines;
    qint64 line = 1;
    for (int i = 0; i < 20000; ++i) {
        expectedLines << line;
        const bool multiLine = i % 7 == 0;
        file.write(QByteArray::number(i) + (multiLine ? ",\"two\r\nlines\",é\r\n"_ba : ",plain,é\r\n"_ba));
        line += multiLine ? 2 : 1;
    }
    QVERIFY(file.seek(0));
    CsvReader reader(&file);
    CsvRow row;
    QList<qint64> lines;
    qint64 lastBytes = 0;
    bool grew = true;
    while (reader.readRow(&row)) {
        QCOMPARE(row.size(), 3);
        QCOMPARE(row.first().text.toInt(), int(lines.size()));
        lines << reader.lineNumber();
        grew = grew && reader.bytesRead() >= lastBytes;
        lastBytes = reader.bytesRead();
    }
    QCOMPARE(reader.error(), CsvReader::Error::None);
    QVERIFY(grew);
    QCOMPARE(reader.bytesRead(), file.size());
    QCOMPARE(lines, expectedLines);
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
