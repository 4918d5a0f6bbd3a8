#include "csvreader.h"
#include "csvtestutil.h"
#include "csvwriter.h"

#include <QBuffer>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace Etagere;
using namespace Qt::StringLiterals;

namespace {

QByteArray write(const QList<CsvRow> &rows, bool bom = false)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer);
    writer.setWriteBom(bom);
    for (const CsvRow &row : rows) {
        if (!writer.writeRow(row))
            return "write failed"_ba;
    }
    return buffer.data();
}

QList<CsvRow> read(const QByteArray &bytes, bool *ok)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    QList<CsvRow> rows;
    CsvRow row;
    while (reader.readRow(&row))
        rows << row;
    *ok = reader.error() == CsvReader::Error::None;
    return rows;
}

CsvField plain(const QString &text) { return {text, false}; }
CsvField quoted(const QString &text) { return {text, true}; }

/// What the reader gives back for a field the writer wrote: quoted when it had to be.
CsvField asRead(const CsvField &field)
{
    return {field.text, CsvWriter::formatField(field).startsWith(u'"')};
}

QString randomText(QRandomGenerator &random)
{
    static const QList<QChar> alphabet{u'a', u'Z', u'0', u' ', u',', u'"', u'\r', u'\n', u'\t', u'é', u'日', u';'};
    QString text;
    const int length = random.bounded(6);
    for (int i = 0; i < length; ++i)
        text += alphabet.at(random.bounded(int(alphabet.size())));
    return text;
}

} // namespace

class TestCsvWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatField_data();
    void formatField();
    void writesRows_data();
    void writesRows();
    void roundTrip_data();
    void roundTrip();
    void randomRoundTrip();
    void reportsWriteFailure();
};

void TestCsvWriter::formatField_data()
{
    QTest::addColumn<CsvField>("field");
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << plain(u"abc"_s) << u"abc"_s;
    QTest::newRow("null") << plain(QString()) << QString();
    QTest::newRow("empty string") << quoted(QString()) << u"\"\""_s;
    QTest::newRow("asked to quote") << quoted(u"abc"_s) << u"\"abc\""_s;
    QTest::newRow("comma") << plain(u"a,b"_s) << u"\"a,b\""_s;
    QTest::newRow("quote") << plain(u"say \"hi\""_s) << u"\"say \"\"hi\"\"\""_s;
    QTest::newRow("LF") << plain(u"a\nb"_s) << u"\"a\nb\""_s;
    QTest::newRow("CR") << plain(u"a\rb"_s) << u"\"a\rb\""_s;
    QTest::newRow("leading space") << plain(u" a"_s) << u"\" a\""_s;
    QTest::newRow("trailing tab") << plain(u"a\t"_s) << u"\"a\t\""_s;
    QTest::newRow("inner space") << plain(u"a b"_s) << u"a b"_s;
    QTest::newRow("semicolon") << plain(u"a;b"_s) << u"a;b"_s;
    QTest::newRow("unicode") << plain(u"Chloé 日本"_s) << u"Chloé 日本"_s;
}

void TestCsvWriter::formatField()
{
    QFETCH(CsvField, field);
    QFETCH(QString, text);
    QCOMPARE(CsvWriter::formatField(field), text);
}

void TestCsvWriter::writesRows_data()
{
    QTest::addColumn<QList<CsvRow>>("rows");
    QTest::addColumn<bool>("bom");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("nothing") << QList<CsvRow>() << false << QByteArray();
    QTest::newRow("CRLF after each record")
        << QList<CsvRow>{{plain(u"id"_s), plain(u"title"_s)}, {plain(u"1"_s), plain(u"x"_s)}} << false
        << "id,title\r\n1,x\r\n"_ba;
    QTest::newRow("null and empty") << QList<CsvRow>{{plain({}), quoted({}), plain(u"z"_s)}} << false << ",\"\",z\r\n"_ba;
    QTest::newRow("UTF-8") << QList<CsvRow>{{plain(u"é"_s)}} << false << "\xC3\xA9\r\n"_ba;
    QTest::newRow("BOM once") << QList<CsvRow>{{plain(u"a"_s)}, {plain(u"b"_s)}} << true << "\xEF\xBB\xBF" "a\r\nb\r\n"_ba;
    QTest::newRow("line break inside") << QList<CsvRow>{{plain(u"a\r\nb"_s), plain(u"c"_s)}} << false
                                       << "\"a\r\nb\",c\r\n"_ba;
}

void TestCsvWriter::writesRows()
{
    QFETCH(QList<CsvRow>, rows);
    QFETCH(bool, bom);
    QFETCH(QByteArray, bytes);
    QCOMPARE(write(rows, bom), bytes);
}

void TestCsvWriter::roundTrip_data()
{
    QTest::addColumn<QList<CsvRow>>("rows");
    QTest::newRow("plain") << QList<CsvRow>{{plain(u"a"_s), plain(u"b"_s)}, {plain(u"c"_s), plain(u"d"_s)}};
    QTest::newRow("null versus empty") << QList<CsvRow>{{plain({}), quoted({}), plain({})}};
    QTest::newRow("every special character")
        << QList<CsvRow>{{plain(u"a,b"_s), plain(u"\"q\""_s), plain(u"l1\r\nl2"_s), plain(u"l1\nl2"_s), plain(u"r\r"_s)}};
    QTest::newRow("spaces") << QList<CsvRow>{{plain(u" lead"_s), plain(u"trail "_s), plain(u" "_s)}};
    QTest::newRow("only quotes") << QList<CsvRow>{{plain(u"\""_s), plain(u"\"\""_s)}};
    QTest::newRow("blank-looking rows") << QList<CsvRow>{{quoted({})}, {plain({}), plain({})}};
    QTest::newRow("unicode") << QList<CsvRow>{{plain(u"日本語"_s), plain(u"📚"_s), plain(u"\u00A0nbsp"_s)}};
    QTest::newRow("a BOM character inside") << QList<CsvRow>{{plain(u"x\uFEFFy"_s)}};
}

void TestCsvWriter::roundTrip()
{
    QFETCH(QList<CsvRow>, rows);
    for (const bool bom : {false, true}) {
        bool ok = false;
        const QList<CsvRow> back = read(write(rows, bom), &ok);
        QVERIFY(ok);
        QCOMPARE(back.size(), rows.size());
        for (qsizetype i = 0; i < rows.size(); ++i) {
            CsvRow expected;
            for (const CsvField &field : rows.at(i))
                expected << asRead(field);
            QCOMPARE(Test::describe(back.at(i)), Test::describe(expected));
        }
    }
}

void TestCsvWriter::randomRoundTrip()
{
    // 2,000 records of random text over the characters CSV cares about (fixed seed: the
    // same records every run). Each reads back as written.
    QRandomGenerator random(4180);
    QList<CsvRow> rows;
    for (int i = 0; i < 2000; ++i) {
        CsvRow row;
        const int width = 2 + random.bounded(4);
        for (int column = 0; column < width; ++column)
            row << CsvField{randomText(random), random.bounded(4) == 0};
        rows << row;
    }
    bool ok = false;
    const QList<CsvRow> back = read(write(rows), &ok);
    QVERIFY(ok);
    QCOMPARE(back.size(), rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        CsvRow expected;
        for (const CsvField &field : rows.at(i))
            expected << asRead(field);
        QCOMPARE(Test::describe(back.at(i)), Test::describe(expected));
    }
}

void TestCsvWriter::reportsWriteFailure()
{
    QFile full(u"/dev/full"_s);
    if (!full.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        QSKIP("no /dev/full here");
    CsvWriter writer(&full);
    QVERIFY(writer.errorString().isEmpty());
    QVERIFY(!writer.writeRow({plain(u"a"_s)}));
    QVERIFY(!writer.errorString().isEmpty());
}

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
