#include "fieldschema.h"

#include "jsontest.h"

#include <QDate>
#include <QDateTime>
#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

namespace {

FieldSchema makeField(FieldType type, bool required = false)
{
    FieldSchema field;
    field.name = u"f"_s;
    field.title = u"F"_s;
    field.type = type;
    field.required = required;
    if (type == FieldType::Enum)
        field.values = {u"low"_s, u"normal"_s, u"high"_s};
    return field;
}

/// An enum field with `count` distinct values, the last one repeated when `repeatLast`.
QByteArray largeEnum(int count, bool repeatLast)
{
    QByteArray json = R"({"name":"p","type":"enum","values":[)";
    for (int i = 0; i < count; ++i)
        json += '"' + QByteArray::number(i) + "\",";
    json += '"' + QByteArray::number(repeatLast ? count - 1 : count) + "\"]}";
    return json;
}

/// Time allowed for parsing one field description: linear work on the largest rows takes
/// well under a tenth of it; a quadratic search took half a minute there.
constexpr qint64 ParseBudgetMs = 3000;

} // namespace

class TestFieldSchema : public QObject
{
    Q_OBJECT

private slots:
    void typeNames_data();
    void typeNames();
    void unknownTypeName();
    void fromJson_data();
    void fromJson();
    void toJsonRoundTrip_data();
    void toJsonRoundTrip();
    void checkValue_data();
    void checkValue();
    void checkValueMessage_data();
    void checkValueMessage();
    void toVariant_data();
    void toVariant();
    void fromVariant_data();
    void fromVariant();
    void variantRoundTrip_data();
    void variantRoundTrip();
};

void TestFieldSchema::typeNames_data()
{
    QTest::addColumn<FieldType>("type");
    QTest::addColumn<QString>("name");
    QTest::newRow("string") << FieldType::String << u"string"_s;
    QTest::newRow("text") << FieldType::Text << u"text"_s;
    QTest::newRow("integer") << FieldType::Integer << u"integer"_s;
    QTest::newRow("number") << FieldType::Number << u"number"_s;
    QTest::newRow("boolean") << FieldType::Boolean << u"boolean"_s;
    QTest::newRow("date") << FieldType::Date << u"date"_s;
    QTest::newRow("datetime") << FieldType::DateTime << u"datetime"_s;
    QTest::newRow("enum") << FieldType::Enum << u"enum"_s;
}

void TestFieldSchema::typeNames()
{
    QFETCH(FieldType, type);
    QFETCH(QString, name);
    QCOMPARE(fieldTypeName(type), name);
    QCOMPARE(fieldTypeFromName(name), std::optional(type));
}

void TestFieldSchema::unknownTypeName()
{
    QCOMPARE(fieldTypeFromName(u"String"), std::nullopt);
    QCOMPARE(fieldTypeFromName(u"int"), std::nullopt);
    QCOMPARE(fieldTypeFromName(u""), std::nullopt);
}

void TestFieldSchema::fromJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error"); // empty: valid; else a part of the error message
    QTest::newRow("minimal") << R"({"name":"a","type":"string"})"_ba << QString();
    QTest::newRow("full") << R"({"name":"due","type":"date","title":"Due","required":true})"_ba << QString();
    QTest::newRow("enum") << R"({"name":"p","type":"enum","values":["low","high"]})"_ba << QString();
    QTest::newRow("empty values on string") << R"({"name":"a","type":"string","values":[]})"_ba << QString();
    QTest::newRow("unknown member ignored") << R"({"name":"a","type":"text","hint":1})"_ba << QString();
    QTest::newRow("null title") << R"({"name":"a","type":"text","title":null})"_ba << QString();
    QTest::newRow("not an object") << R"(["a"])"_ba << u"must be a JSON object"_s;
    QTest::newRow("no name") << R"({"type":"string"})"_ba << u"'name' is missing"_s;
    QTest::newRow("name not string") << R"({"name":1,"type":"string"})"_ba << u"'name' must be a string"_s;
    QTest::newRow("name with dash") << R"({"name":"a-b","type":"string"})"_ba << u"[a-z][a-z0-9_]{0,63}"_s;
    QTest::newRow("upper case name") << R"({"name":"Due","type":"string"})"_ba << u"[a-z][a-z0-9_]{0,63}"_s;
    QTest::newRow("no type") << R"({"name":"a"})"_ba << u"'type' is missing"_s;
    QTest::newRow("unknown type") << R"({"name":"a","type":"money"})"_ba << u"unknown type 'money'"_s;
    QTest::newRow("title not string") << R"({"name":"a","type":"string","title":false})"_ba
                                      << u"'title' must be a string"_s;
    QTest::newRow("required not bool") << R"({"name":"a","type":"string","required":"yes"})"_ba
                                       << u"'required' must be true or false"_s;
    QTest::newRow("enum without values") << R"({"name":"p","type":"enum"})"_ba << u"'values' is missing"_s;
    QTest::newRow("enum empty values") << R"({"name":"p","type":"enum","values":[]})"_ba << u"at least one value"_s;
    QTest::newRow("enum duplicate") << R"({"name":"p","type":"enum","values":["a","a"]})"_ba << u"listed twice"_s;
    QTest::newRow("enum non-string") << R"({"name":"p","type":"enum","values":["a",1]})"_ba
                                     << u"non-empty strings"_s;
    QTest::newRow("enum empty string") << R"({"name":"p","type":"enum","values":[""]})"_ba << u"non-empty strings"_s;
    QTest::newRow("values on integer") << R"({"name":"a","type":"integer","values":["1"]})"_ba
                                       << u"only allowed for enum"_s;
    // Found by tests/fuzz: repeats were searched in a list, quadratic in the number of values.
    QTest::newRow("enum with 100001 values") << largeEnum(100000, false) << QString();
    QTest::newRow("enum with 100001 values, last repeated") << largeEnum(100000, true)
                                                            << u"enum value '99999' is listed twice"_s;
}

void TestFieldSchema::fromJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    const QJsonValue value = JsonTest::parse(json);
    QVERIFY(!value.isUndefined());
    QString reason;
    QElapsedTimer timer;
    timer.start();
    const std::optional<FieldSchema> field = FieldSchema::fromJson(value, &reason);
    QVERIFY2(timer.elapsed() < ParseBudgetMs, qPrintable(u"took %1 ms"_s.arg(timer.elapsed())));
    QCOMPARE(field.has_value(), error.isEmpty());
    if (error.isEmpty()) {
        QVERIFY(reason.isEmpty());
        return;
    }
    QVERIFY2(reason.contains(error), qPrintable(reason));
    QCOMPARE(FieldSchema::fromJson(value, nullptr), std::nullopt); // no error pointer: no crash
}

void TestFieldSchema::toJsonRoundTrip_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("canonical");
    QTest::newRow("defaults filled in") << R"({"name":"a","type":"string"})"_ba
                                        << R"({"name":"a","required":false,"title":"a","type":"string"})"_ba;
    QTest::newRow("required date") << R"({"name":"due","type":"date","title":"Due","required":true})"_ba
                                   << R"({"name":"due","required":true,"title":"Due","type":"date"})"_ba;
    QTest::newRow("enum keeps order") << R"({"name":"p","type":"enum","values":["z","a"]})"_ba
                                      << R"({"name":"p","required":false,"title":"p","type":"enum","values":["z","a"]})"_ba;
    QTest::newRow("values dropped") << R"({"name":"a","type":"text","values":[]})"_ba
                                    << R"({"name":"a","required":false,"title":"a","type":"text"})"_ba;
}

void TestFieldSchema::toJsonRoundTrip()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, canonical);
    QString reason;
    const std::optional<FieldSchema> field = FieldSchema::fromJson(JsonTest::parse(json), &reason);
    QVERIFY2(field, qPrintable(reason));
    QCOMPARE(JsonTest::text(field->toJson()), canonical);
    QCOMPARE(FieldSchema::fromJson(field->toJson(), &reason), field);
}

void TestFieldSchema::checkValue_data()
{
    QTest::addColumn<FieldType>("type");
    QTest::addColumn<bool>("required");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("valid");

    QTest::newRow("string ok") << FieldType::String << false << R"("hello")"_ba << true;
    QTest::newRow("string empty") << FieldType::String << true << R"("")"_ba << true;
    QTest::newRow("string number") << FieldType::String << false << "1"_ba << false;
    QTest::newRow("text ok") << FieldType::Text << false << R"("a\nb")"_ba << true;
    QTest::newRow("text bool") << FieldType::Text << false << "true"_ba << false;
    QTest::newRow("string object") << FieldType::String << false << "{}"_ba << false;

    QTest::newRow("integer ok") << FieldType::Integer << false << "42"_ba << true;
    QTest::newRow("integer negative") << FieldType::Integer << false << "-7"_ba << true;
    QTest::newRow("integer as 3.0") << FieldType::Integer << false << "3.0"_ba << true;
    QTest::newRow("integer 2^53") << FieldType::Integer << false << "9007199254740992"_ba << true;
    QTest::newRow("integer -2^53") << FieldType::Integer << false << "-9007199254740992"_ba << true;
    QTest::newRow("integer 2^53+1") << FieldType::Integer << false << "9007199254740993"_ba << false;
    QTest::newRow("integer -2^53-1") << FieldType::Integer << false << "-9007199254740993"_ba << false;
    QTest::newRow("integer 1e20") << FieldType::Integer << false << "1e20"_ba << false;
    QTest::newRow("integer fraction") << FieldType::Integer << false << "1.5"_ba << false;
    QTest::newRow("integer string") << FieldType::Integer << false << R"("42")"_ba << false;

    QTest::newRow("number ok") << FieldType::Number << false << "3.25"_ba << true;
    QTest::newRow("number integral") << FieldType::Number << false << "3"_ba << true;
    QTest::newRow("number big") << FieldType::Number << false << "1e300"_ba << true;
    QTest::newRow("number string") << FieldType::Number << false << R"("3.25")"_ba << false;
    QTest::newRow("number bool") << FieldType::Number << false << "false"_ba << false;

    QTest::newRow("boolean true") << FieldType::Boolean << true << "true"_ba << true;
    QTest::newRow("boolean false") << FieldType::Boolean << true << "false"_ba << true;
    QTest::newRow("boolean 1") << FieldType::Boolean << false << "1"_ba << false;
    QTest::newRow("boolean string") << FieldType::Boolean << false << R"("true")"_ba << false;

    QTest::newRow("date ok") << FieldType::Date << false << R"("2024-02-29")"_ba << true;
    QTest::newRow("date not leap") << FieldType::Date << false << R"("2023-02-29")"_ba << false;
    QTest::newRow("date month 13") << FieldType::Date << false << R"("2024-13-01")"_ba << false;
    QTest::newRow("date day 0") << FieldType::Date << false << R"("2024-01-00")"_ba << false;
    QTest::newRow("date short") << FieldType::Date << false << R"("2024-1-05")"_ba << false;
    QTest::newRow("date with time") << FieldType::Date << false << R"("2024-01-05T00:00:00Z")"_ba << false;
    QTest::newRow("date slashes") << FieldType::Date << false << R"("2024/01/05")"_ba << false;
    QTest::newRow("date padded") << FieldType::Date << false << R"(" 2024-01-05")"_ba << false;
    QTest::newRow("date arabic digits") << FieldType::Date << false
                                        << "\"\xd9\xa2\xd9\xa0\xd9\xa2\xd9\xa4-01-05\""_ba << false;
    QTest::newRow("date number") << FieldType::Date << false << "20240105"_ba << false;

    QTest::newRow("datetime Z") << FieldType::DateTime << false << R"("2024-01-05T10:20:30Z")"_ba << true;
    QTest::newRow("datetime +00:00") << FieldType::DateTime << false << R"("2024-01-05T10:20:30+00:00")"_ba << true;
    QTest::newRow("datetime ms") << FieldType::DateTime << false << R"("2024-01-05T10:20:30.123Z")"_ba << true;
    QTest::newRow("datetime 9 digits") << FieldType::DateTime << false << R"("2024-01-05T10:20:30.123456789Z")"_ba
                                       << true;
    QTest::newRow("datetime 10 digits") << FieldType::DateTime << false
                                        << R"("2024-01-05T10:20:30.1234567891Z")"_ba << false;
    QTest::newRow("datetime empty fraction") << FieldType::DateTime << false << R"("2024-01-05T10:20:30.Z")"_ba
                                             << false;
    QTest::newRow("datetime +02:00") << FieldType::DateTime << false << R"("2024-01-05T10:20:30+02:00")"_ba << false;
    QTest::newRow("datetime -00:00") << FieldType::DateTime << false << R"("2024-01-05T10:20:30-00:00")"_ba << false;
    QTest::newRow("datetime no zone") << FieldType::DateTime << false << R"("2024-01-05T10:20:30")"_ba << false;
    QTest::newRow("datetime no seconds") << FieldType::DateTime << false << R"("2024-01-05T10:20Z")"_ba << false;
    QTest::newRow("datetime space") << FieldType::DateTime << false << R"("2024-01-05 10:20:30Z")"_ba << false;
    QTest::newRow("datetime hour 24") << FieldType::DateTime << false << R"("2024-01-05T24:00:00Z")"_ba << false;
    QTest::newRow("datetime second 60") << FieldType::DateTime << false << R"("2024-01-05T10:20:60Z")"_ba << false;
    QTest::newRow("datetime bad date") << FieldType::DateTime << false << R"("2024-02-30T10:20:30Z")"_ba << false;
    QTest::newRow("datetime date only") << FieldType::DateTime << false << R"("2024-01-05")"_ba << false;
    QTest::newRow("datetime trailing") << FieldType::DateTime << false << R"("2024-01-05T10:20:30Zx")"_ba << false;

    QTest::newRow("enum ok") << FieldType::Enum << false << R"("high")"_ba << true;
    QTest::newRow("enum unknown") << FieldType::Enum << false << R"("urgent")"_ba << false;
    QTest::newRow("enum case") << FieldType::Enum << false << R"("High")"_ba << false;
    QTest::newRow("enum number") << FieldType::Enum << false << "1"_ba << false;

    QTest::newRow("null optional") << FieldType::Integer << false << "null"_ba << true;
    QTest::newRow("null required") << FieldType::Integer << true << "null"_ba << false;
    QTest::newRow("null required string") << FieldType::String << true << "null"_ba << false;
    QTest::newRow("null optional enum") << FieldType::Enum << false << "null"_ba << true;
}

void TestFieldSchema::checkValue()
{
    QFETCH(FieldType, type);
    QFETCH(bool, required);
    QFETCH(QByteArray, value);
    QFETCH(bool, valid);
    const QJsonValue json = JsonTest::parse(value);
    QVERIFY2(!json.isUndefined(), value.constData());
    const QString problem = makeField(type, required).checkValue(json);
    QVERIFY2(problem.isEmpty() == valid, qPrintable(problem));
    if (!valid)
        QVERIFY2(problem.startsWith(u"f: "_s), qPrintable(problem));
}

void TestFieldSchema::checkValueMessage_data()
{
    QTest::addColumn<FieldType>("type");
    QTest::addColumn<bool>("required");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("enum") << FieldType::Enum << false << R"("urgent")"_ba
                          << u"f: 'urgent' is not one of low, normal, high"_s;
    QTest::newRow("required") << FieldType::String << true << "null"_ba << u"f: a value is required"_s;
    QTest::newRow("string type") << FieldType::String << false << "12"_ba << u"f: expected a string, got 12"_s;
    QTest::newRow("integer fraction") << FieldType::Integer << false << "1.5"_ba
                                      << u"f: 1.5 is not an integer within +-2^53"_s;
    QTest::newRow("date") << FieldType::Date << false << R"("2023-02-29")"_ba
                          << u"f: '2023-02-29' is not a valid date (YYYY-MM-DD)"_s;
    QTest::newRow("boolean") << FieldType::Boolean << false << R"("yes")"_ba << u"f: expected true or false, got 'yes'"_s;
}

void TestFieldSchema::checkValueMessage()
{
    QFETCH(FieldType, type);
    QFETCH(bool, required);
    QFETCH(QByteArray, value);
    QFETCH(QString, message);
    QCOMPARE(makeField(type, required).checkValue(JsonTest::parse(value)), message);
}

void TestFieldSchema::toVariant_data()
{
    QTest::addColumn<FieldType>("type");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QVariant>("expected");
    QTest::newRow("string") << FieldType::String << R"("x")"_ba << QVariant(u"x"_s);
    QTest::newRow("text") << FieldType::Text << R"("a\nb")"_ba << QVariant(u"a\nb"_s);
    QTest::newRow("integer") << FieldType::Integer << "42"_ba << QVariant(qint64(42));
    QTest::newRow("integer big") << FieldType::Integer << "9007199254740992"_ba << QVariant(qint64(9007199254740992));
    QTest::newRow("number") << FieldType::Number << "2.5"_ba << QVariant(2.5);
    QTest::newRow("number integral") << FieldType::Number << "2"_ba << QVariant(2.0);
    QTest::newRow("boolean") << FieldType::Boolean << "true"_ba << QVariant(true);
    QTest::newRow("date") << FieldType::Date << R"("2024-02-29")"_ba << QVariant(QDate(2024, 2, 29));
    QTest::newRow("datetime") << FieldType::DateTime << R"("2024-01-05T10:20:30.250Z")"_ba
                              << QVariant(QDateTime(QDate(2024, 1, 5), QTime(10, 20, 30, 250), Qt::UTC));
    QTest::newRow("datetime +00:00") << FieldType::DateTime << R"("2024-01-05T10:20:30+00:00")"_ba
                                     << QVariant(QDateTime(QDate(2024, 1, 5), QTime(10, 20, 30), Qt::UTC));
    QTest::newRow("enum") << FieldType::Enum << R"("low")"_ba << QVariant(u"low"_s);
    QTest::newRow("enum unlisted kept") << FieldType::Enum << R"("other")"_ba << QVariant(u"other"_s);
    QTest::newRow("null") << FieldType::Integer << "null"_ba << QVariant();
    QTest::newRow("wrong type shown as is") << FieldType::Integer << R"("abc")"_ba << QVariant(u"abc"_s);
    QTest::newRow("bad date shown as is") << FieldType::Date << R"("2024-02-30")"_ba << QVariant(u"2024-02-30"_s);
}

void TestFieldSchema::toVariant()
{
    QFETCH(FieldType, type);
    QFETCH(QByteArray, value);
    QFETCH(QVariant, expected);
    const QVariant actual = makeField(type).toVariant(JsonTest::parse(value));
    QCOMPARE(actual.isValid(), expected.isValid());
    QCOMPARE(actual.metaType(), expected.metaType());
    QCOMPARE(actual, expected);
    if (type == FieldType::DateTime)
        QCOMPARE(actual.toDateTime().timeSpec(), Qt::UTC);
}

void TestFieldSchema::fromVariant_data()
{
    QTest::addColumn<FieldType>("type");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("invalid") << FieldType::String << QVariant() << "null"_ba;
    QTest::newRow("string") << FieldType::String << QVariant(u"x"_s) << R"("x")"_ba;
    QTest::newRow("empty string stays") << FieldType::String << QVariant(QString()) << R"("")"_ba;
    QTest::newRow("integer") << FieldType::Integer << QVariant(qint64(-5)) << "-5"_ba;
    QTest::newRow("integer from int") << FieldType::Integer << QVariant(7) << "7"_ba;
    QTest::newRow("integer from text") << FieldType::Integer << QVariant(u" 12 "_s) << "12"_ba;
    QTest::newRow("integer cleared") << FieldType::Integer << QVariant(u""_s) << "null"_ba;
    QTest::newRow("integer from 3.0") << FieldType::Integer << QVariant(3.0) << "3"_ba;
    QTest::newRow("integer from 3.5 kept") << FieldType::Integer << QVariant(3.5) << "3.5"_ba;
    QTest::newRow("integer from junk") << FieldType::Integer << QVariant(u"abc"_s) << R"("abc")"_ba;
    QTest::newRow("number") << FieldType::Number << QVariant(2.5) << "2.5"_ba;
    QTest::newRow("number from text") << FieldType::Number << QVariant(u"2.5"_s) << "2.5"_ba;
    QTest::newRow("boolean") << FieldType::Boolean << QVariant(false) << "false"_ba;
    QTest::newRow("boolean from text") << FieldType::Boolean << QVariant(u"true"_s) << "true"_ba;
    QTest::newRow("date") << FieldType::Date << QVariant(QDate(2024, 3, 1)) << R"("2024-03-01")"_ba;
    QTest::newRow("date from text") << FieldType::Date << QVariant(u"2024-03-01"_s) << R"("2024-03-01")"_ba;
    QTest::newRow("date from junk") << FieldType::Date << QVariant(u"soon"_s) << R"("soon")"_ba;
    QTest::newRow("invalid date") << FieldType::Date << QVariant(QDate()) << "null"_ba;
    QTest::newRow("datetime utc") << FieldType::DateTime
                                  << QVariant(QDateTime(QDate(2024, 1, 5), QTime(10, 20, 30), Qt::UTC))
                                  << R"("2024-01-05T10:20:30Z")"_ba;
    QTest::newRow("datetime ms") << FieldType::DateTime
                                 << QVariant(QDateTime(QDate(2024, 1, 5), QTime(10, 20, 30, 5), Qt::UTC))
                                 << R"("2024-01-05T10:20:30.005Z")"_ba;
    QTest::newRow("datetime offset") << FieldType::DateTime
                                     << QVariant(QDateTime(QDate(2024, 1, 5), QTime(12, 0), Qt::OffsetFromUTC, 7200))
                                     << R"("2024-01-05T10:00:00Z")"_ba;
    QTest::newRow("datetime from text") << FieldType::DateTime << QVariant(u"2024-01-05T12:00:00+02:00"_s)
                                        << R"("2024-01-05T10:00:00Z")"_ba;
    QTest::newRow("enum") << FieldType::Enum << QVariant(u"high"_s) << R"("high")"_ba;
    QTest::newRow("enum cleared") << FieldType::Enum << QVariant(u""_s) << "null"_ba;
}

void TestFieldSchema::fromVariant()
{
    QFETCH(FieldType, type);
    QFETCH(QVariant, value);
    QFETCH(QByteArray, expected);
    QCOMPARE(JsonTest::text(makeField(type).fromVariant(value)), expected);
}

void TestFieldSchema::variantRoundTrip_data()
{
    QTest::addColumn<FieldType>("type");
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("string") << FieldType::String << R"("caf\u00e9")"_ba;
    QTest::newRow("integer") << FieldType::Integer << "-9007199254740992"_ba;
    QTest::newRow("number") << FieldType::Number << "0.1"_ba;
    QTest::newRow("boolean") << FieldType::Boolean << "true"_ba;
    QTest::newRow("date") << FieldType::Date << R"("1999-12-31")"_ba;
    QTest::newRow("datetime") << FieldType::DateTime << R"("2024-01-05T10:20:30.999Z")"_ba;
    QTest::newRow("enum") << FieldType::Enum << R"("normal")"_ba;
    QTest::newRow("null") << FieldType::Date << "null"_ba;
}

void TestFieldSchema::variantRoundTrip()
{
    QFETCH(FieldType, type);
    QFETCH(QByteArray, value);
    const FieldSchema field = makeField(type);
    const QJsonValue json = JsonTest::parse(value);
    QVERIFY(field.checkValue(json).isEmpty());
    QCOMPARE(JsonTest::text(field.fromVariant(field.toVariant(json))), JsonTest::text(json));
}

QTEST_APPLESS_MAIN(TestFieldSchema)
#include "tst_fieldschema.moc"
