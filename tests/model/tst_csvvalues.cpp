#include "csvvalues.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <limits>

using namespace Etagere;
using namespace Qt::StringLiterals;

namespace {

FieldSchema field(FieldType type, bool required = false)
{
    FieldSchema f;
    f.name = u"f"_s;
    f.type = type;
    f.title = u"F"_s;
    f.required = required;
    if (type == FieldType::Enum)
        f.values = {u"low"_s, u"high"_s, u"with, comma"_s};
    return f;
}

CsvField plain(const QString &text) { return {text, false}; }
CsvField quoted(const QString &text) { return {text, true}; }

} // namespace

class TestCsvValues : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idColumn();
    void toCsv_data();
    void toCsv();
    void fromCsv_data();
    void fromCsv();
    void refused_data();
    void refused();
    void roundTrip_data();
    void roundTrip();
};

void TestCsvValues::idColumn()
{
    CollectionSchema schema;
    schema.name = u"c"_s;
    schema.fields = {field(FieldType::String)};
    QCOMPARE(csvIdColumn(schema), u"id"_s);
    FieldSchema id = field(FieldType::Integer);
    id.name = u"id"_s;
    schema.fields << id;
    QCOMPARE(csvIdColumn(schema), u"_id"_s);
}

void TestCsvValues::toCsv_data()
{
    QTest::addColumn<FieldType>("type");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<CsvField>("cell");
    QTest::newRow("null string") << FieldType::String << QJsonValue() << plain({});
    QTest::newRow("null integer") << FieldType::Integer << QJsonValue() << plain({});
    QTest::newRow("missing") << FieldType::Date << QJsonValue(QJsonValue::Undefined) << plain({});
    QTest::newRow("string") << FieldType::String << QJsonValue(u"a, b"_s) << plain(u"a, b"_s);
    QTest::newRow("empty string") << FieldType::String << QJsonValue(u""_s) << quoted({});
    QTest::newRow("empty text") << FieldType::Text << QJsonValue(u""_s) << quoted({});
    QTest::newRow("text with lines") << FieldType::Text << QJsonValue(u"a\nb"_s) << plain(u"a\nb"_s);
    QTest::newRow("integer") << FieldType::Integer << QJsonValue(-42) << plain(u"-42"_s);
    QTest::newRow("integer 2^53") << FieldType::Integer << QJsonValue(qint64(1) << 53) << plain(u"9007199254740992"_s);
    QTest::newRow("number") << FieldType::Number << QJsonValue(0.1) << plain(u"0.1"_s);
    QTest::newRow("integral number") << FieldType::Number << QJsonValue(3.0) << plain(u"3"_s);
    QTest::newRow("big number") << FieldType::Number << QJsonValue(1e20) << plain(u"1e+20"_s);
    QTest::newRow("tiny number") << FieldType::Number << QJsonValue(-2.5e-300) << plain(u"-2.5e-300"_s);
    QTest::newRow("true") << FieldType::Boolean << QJsonValue(true) << plain(u"true"_s);
    QTest::newRow("false") << FieldType::Boolean << QJsonValue(false) << plain(u"false"_s);
    QTest::newRow("date") << FieldType::Date << QJsonValue(u"2024-02-29"_s) << plain(u"2024-02-29"_s);
    QTest::newRow("datetime as stored") << FieldType::DateTime << QJsonValue(u"2024-05-01T09:30:00.250+00:00"_s)
                                        << plain(u"2024-05-01T09:30:00.250+00:00"_s);
    QTest::newRow("enum") << FieldType::Enum << QJsonValue(u"with, comma"_s) << plain(u"with, comma"_s);
    QTest::newRow("wrong type shown as JSON") << FieldType::Integer << QJsonValue(QJsonArray{1, 2}) << plain(u"[1,2]"_s);
    QTest::newRow("fraction in integer field") << FieldType::Integer << QJsonValue(1.5) << plain(u"1.5"_s);
}

void TestCsvValues::toCsv()
{
    QFETCH(FieldType, type);
    QFETCH(QJsonValue, value);
    QFETCH(CsvField, cell);
    const CsvField written = toCsvField(field(type), value);
    QCOMPARE(written.text, cell.text);
    QCOMPARE(written.quoted, cell.quoted);
}

void TestCsvValues::fromCsv_data()
{
    QTest::addColumn<FieldType>("type");
    QTest::addColumn<CsvField>("cell");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("empty is null") << FieldType::String << plain({}) << QJsonValue();
    QTest::newRow("quoted empty string") << FieldType::String << quoted({}) << QJsonValue(u""_s);
    QTest::newRow("quoted empty integer is null") << FieldType::Integer << quoted({}) << QJsonValue();
    QTest::newRow("blank number is null") << FieldType::Number << plain(u"  "_s) << QJsonValue();
    QTest::newRow("spaces kept in strings") << FieldType::String << plain(u" a "_s) << QJsonValue(u" a "_s);
    QTest::newRow("integer") << FieldType::Integer << plain(u"-42"_s) << QJsonValue(-42);
    QTest::newRow("integer with plus and spaces") << FieldType::Integer << plain(u" +7 "_s) << QJsonValue(7);
    QTest::newRow("number") << FieldType::Number << plain(u"0.1"_s) << QJsonValue(0.1);
    QTest::newRow("number exponent") << FieldType::Number << plain(u"1e+20"_s) << QJsonValue(1e20);
    QTest::newRow("number integer text") << FieldType::Number << plain(u"12"_s) << QJsonValue(12.0);
    QTest::newRow("TRUE") << FieldType::Boolean << plain(u"TRUE"_s) << QJsonValue(true);
    QTest::newRow("false") << FieldType::Boolean << plain(u"false"_s) << QJsonValue(false);
    QTest::newRow("date") << FieldType::Date << plain(u"2024-02-29"_s) << QJsonValue(u"2024-02-29"_s);
    QTest::newRow("datetime Z") << FieldType::DateTime << plain(u"2024-05-01T09:30:00Z"_s)
                                << QJsonValue(u"2024-05-01T09:30:00Z"_s);
    QTest::newRow("enum") << FieldType::Enum << plain(u"high"_s) << QJsonValue(u"high"_s);
}

void TestCsvValues::fromCsv()
{
    QFETCH(FieldType, type);
    QFETCH(CsvField, cell);
    QFETCH(QJsonValue, value);
    QString error;
    const std::optional<QJsonValue> read = fromCsvField(field(type), cell, &error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(*read, value);
}

void TestCsvValues::refused_data()
{
    QTest::addColumn<FieldType>("type");
    QTest::addColumn<bool>("required");
    QTest::addColumn<CsvField>("cell");
    QTest::addColumn<QString>("reason");
    QTest::newRow("required and empty") << FieldType::String << true << plain({}) << u"f: a value is required"_s;
    QTest::newRow("required integer blank") << FieldType::Integer << true << quoted({}) << u"f: a value is required"_s;
    QTest::newRow("not an integer") << FieldType::Integer << false << plain(u"abc"_s) << u"f: 'abc' is not an integer"_s;
    QTest::newRow("fraction for integer") << FieldType::Integer << false << plain(u"1.5"_s)
                                          << u"f: '1.5' is not an integer"_s;
    QTest::newRow("integer beyond 2^53") << FieldType::Integer << false << plain(u"9007199254740993"_s)
                                         << u"not an integer within +-2^53"_s;
    QTest::newRow("comma decimal") << FieldType::Number << false << plain(u"1,5"_s)
                                   << u"f: '1,5' is not a number (with a dot as decimal separator)"_s;
    QTest::newRow("infinity") << FieldType::Number << false << plain(u"inf"_s) << u"is not a number"_s;
    QTest::newRow("yes for boolean") << FieldType::Boolean << false << plain(u"yes"_s)
                                     << u"f: 'yes' is not true or false"_s;
    QTest::newRow("date format") << FieldType::Date << false << plain(u"01/02/2024"_s) << u"is not a valid date"_s;
    QTest::newRow("impossible date") << FieldType::Date << false << plain(u"2023-02-29"_s) << u"is not a valid date"_s;
    QTest::newRow("local datetime") << FieldType::DateTime << false << plain(u"2024-05-01T09:30:00"_s)
                                    << u"is not a UTC date-time"_s;
    QTest::newRow("enum value") << FieldType::Enum << false << plain(u"urgent"_s) << u"'urgent' is not one of low, high"_s;
    QTest::newRow("long text shortened") << FieldType::Integer << false << plain(QString(100, u'z'))
                                         << u"'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz...' is not an integer"_s;
}

void TestCsvValues::refused()
{
    QFETCH(FieldType, type);
    QFETCH(bool, required);
    QFETCH(CsvField, cell);
    QFETCH(QString, reason);
    QString error;
    QVERIFY(!fromCsvField(field(type, required), cell, &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
}

void TestCsvValues::roundTrip_data()
{
    QTest::addColumn<FieldType>("type");
    QTest::addColumn<QJsonValue>("value");
    const double doubles[] = {0.1, 1.0 / 3, -0.0, 1e308, 5e-324, std::numeric_limits<double>::max(), 123456789.125};
    for (const double d : doubles)
        QTest::addRow("number %.17g", d) << FieldType::Number << QJsonValue(d);
    for (const qint64 n : {Q_INT64_C(0), Q_INT64_C(-9007199254740992), Q_INT64_C(9007199254740992), Q_INT64_C(31)})
        QTest::addRow("integer %lld", static_cast<long long>(n)) << FieldType::Integer << QJsonValue(n);
    QTest::newRow("empty string") << FieldType::String << QJsonValue(u""_s);
    QTest::newRow("null string") << FieldType::String << QJsonValue();
    QTest::newRow("text with CRLF and quotes") << FieldType::Text << QJsonValue(u"\"a\",\r\nb "_s);
    QTest::newRow("boolean") << FieldType::Boolean << QJsonValue(false);
    QTest::newRow("date") << FieldType::Date << QJsonValue(u"1999-12-31"_s);
    QTest::newRow("datetime fraction") << FieldType::DateTime << QJsonValue(u"2024-05-01T09:30:00.123456789Z"_s);
    QTest::newRow("enum") << FieldType::Enum << QJsonValue(u"low"_s);
    QTest::newRow("null enum") << FieldType::Enum << QJsonValue();
}

void TestCsvValues::roundTrip()
{
    QFETCH(FieldType, type);
    QFETCH(QJsonValue, value);
    QString error;
    const std::optional<QJsonValue> back = fromCsvField(field(type), toCsvField(field(type), value), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(*back, value);
    if (value.isDouble()) // bit for bit, the sign of zero included
        QCOMPARE(std::signbit(back->toDouble()), std::signbit(value.toDouble()));
}

QTEST_GUILESS_MAIN(TestCsvValues)
#include "tst_csvvalues.moc"
