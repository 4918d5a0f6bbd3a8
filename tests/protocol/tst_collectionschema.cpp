#include "collectionschema.h"

#include "jsontest.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

namespace {

const QByteArray TasksJson = R"({"name":"tasks","title":"Tasks","seq":7,"fields":[
    {"name":"title","type":"string","title":"Title","required":true},
    {"name":"notes","type":"text","title":"Notes"},
    {"name":"estimate","type":"integer","title":"Estimate"},
    {"name":"cost","type":"number","title":"Cost"},
    {"name":"done","type":"boolean","title":"Done"},
    {"name":"due","type":"date","title":"Due"},
    {"name":"updated","type":"datetime","title":"Updated"},
    {"name":"priority","type":"enum","title":"Priority","values":["low","normal","high"],"required":true}]})"_ba;

CollectionSchema tasks()
{
    QString error;
    const std::optional<CollectionSchema> schema = CollectionSchema::fromJson(JsonTest::object(TasksJson), &error);
    Q_ASSERT(schema);
    return *schema;
}

/// The name of field `i` of manyFields(): f000000, f000001, ... (in sorted order, so the
/// test builds its large objects quickly).
QString wideName(int i)
{
    return u"f%1"_s.arg(i, 6, 10, QChar(u'0'));
}

/// A schema of `count` string fields; the last name repeated when `repeatLast`.
QJsonObject manyFields(int count, bool repeatLast)
{
    QJsonArray fields;
    for (int i = 0; i < count; ++i) {
        const int n = repeatLast && i == count - 1 ? i - 1 : i;
        fields.append(QJsonObject{{u"name"_s, wideName(n)}, {u"type"_s, u"string"_s}});
    }
    return {{u"name"_s, u"wide"_s}, {u"fields"_s, fields}};
}

/// A record of the `count` members of manyFields() (the last one named `last` when given).
QJsonObject manyMembers(int count, const QString &last = {})
{
    QJsonObject data;
    for (int i = 0; i < count; ++i)
        data.insert(i == count - 1 && !last.isEmpty() ? last : wideName(i), u"x"_s);
    return data;
}

/// Time allowed for one row: linear work on the largest rows takes well under a tenth of it;
/// the quadratic searches that tests/fuzz found took several times as long.
constexpr qint64 LargeInputBudgetMs = 3000;

} // namespace

class TestCollectionSchema : public QObject
{
    Q_OBJECT

private slots:
    void parsesFullSchema();
    void fromJson_data();
    void fromJson();
    void errorField_data();
    void errorField();
    void defaults();
    void nameOverride_data();
    void nameOverride();
    void toJsonRoundTrip();
    void lookup_data();
    void lookup();
    void validate_data();
    void validate();
    void largeInputsTakeLinearTime_data();
    void largeInputsTakeLinearTime();
};

void TestCollectionSchema::parsesFullSchema()
{
    const CollectionSchema schema = tasks();
    QCOMPARE(schema.name, u"tasks"_s);
    QCOMPARE(schema.title, u"Tasks"_s);
    QCOMPARE(schema.seq, 7);
    QCOMPARE(schema.fields.size(), 8);
    QCOMPARE(schema.fields.at(0).name, u"title"_s);
    QVERIFY(schema.fields.at(0).required);
    QCOMPARE(schema.fields.at(7).type, FieldType::Enum);
    QCOMPARE(schema.fields.at(7).values, (QStringList{u"low"_s, u"normal"_s, u"high"_s}));
}

void TestCollectionSchema::fromJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error"); // empty: valid
    QTest::newRow("no fields") << R"({"name":"a","fields":[]})"_ba << QString();
    QTest::newRow("unknown member ignored") << R"({"name":"a","fields":[],"icon":"x"})"_ba << QString();
    QTest::newRow("name with dash") << R"({"name":"bug-reports","fields":[]})"_ba << QString();
    QTest::newRow("no name") << R"({"fields":[]})"_ba << u"'name' is missing"_s;
    QTest::newRow("bad name") << R"({"name":"Tasks","fields":[]})"_ba << u"not a valid collection name"_s;
    QTest::newRow("long name") << (R"({"name":")"_ba + QByteArray(65, 'a') + R"(","fields":[]})"_ba)
                               << u"not a valid collection name"_s;
    QTest::newRow("title not string") << R"({"name":"a","title":1,"fields":[]})"_ba << u"'title' must be a string"_s;
    QTest::newRow("seq negative") << R"({"name":"a","seq":-1,"fields":[]})"_ba << u"'seq' must be an integer >= 0"_s;
    QTest::newRow("seq fraction") << R"({"name":"a","seq":1.5,"fields":[]})"_ba << u"'seq' must be an integer"_s;
    QTest::newRow("seq string") << R"({"name":"a","seq":"1","fields":[]})"_ba << u"'seq' must be an integer"_s;
    QTest::newRow("no fields member") << R"({"name":"a"})"_ba << u"'fields' is missing"_s;
    QTest::newRow("fields not array") << R"({"name":"a","fields":{}})"_ba << u"'fields' must be an array"_s;
    QTest::newRow("field not object") << R"({"name":"a","fields":["x"]})"_ba << u"fields[0]"_s;
    QTest::newRow("field bad type") << R"({"name":"a","fields":[{"name":"x","type":"string"},{"name":"y","type":"blob"}]})"_ba
                                    << u"fields[1]: field 'y': unknown type 'blob'"_s;
    QTest::newRow("field bad name") << R"({"name":"a","fields":[{"name":"x-y","type":"string"}]})"_ba
                                    << u"[a-z][a-z0-9_]{0,63}"_s;
    QTest::newRow("duplicate field") << R"({"name":"a","fields":[{"name":"x","type":"string"},{"name":"x","type":"text"}]})"_ba
                                     << u"field name 'x' is used twice"_s;
    QTest::newRow("enum without values") << R"({"name":"a","fields":[{"name":"p","type":"enum","values":[]}]})"_ba
                                         << u"at least one value"_s;
}

void TestCollectionSchema::fromJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    const QJsonValue value = JsonTest::parse(json);
    QVERIFY(value.isObject());
    QString reason;
    const std::optional<CollectionSchema> schema = CollectionSchema::fromJson(value.toObject(), &reason);
    QVERIFY2(schema.has_value() == error.isEmpty(), qPrintable(reason));
    if (!error.isEmpty())
        QVERIFY2(reason.contains(error), qPrintable(reason));
}

void TestCollectionSchema::errorField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field"); // the field description reported at fault
    QTest::newRow("valid") << R"({"name":"a","fields":[{"name":"x","type":"string"}]})"_ba << QString();
    QTest::newRow("bad collection name") << R"({"name":"A","fields":[{"name":"x","type":"string"}]})"_ba << QString();
    QTest::newRow("no fields") << R"({"name":"a"})"_ba << QString();
    QTest::newRow("second field bad type")
        << R"({"name":"a","fields":[{"name":"x","type":"string"},{"name":"y","type":"blob"}]})"_ba << u"y"_s;
    QTest::newRow("bad field name") << R"({"name":"a","fields":[{"name":"X-y","type":"string"}]})"_ba << u"X-y"_s;
    QTest::newRow("field without name") << R"({"name":"a","fields":[{"type":"string"}]})"_ba << QString();
    QTest::newRow("duplicate") << R"({"name":"a","fields":[{"name":"x","type":"string"},{"name":"x","type":"text"}]})"_ba
                               << u"x"_s;
    QTest::newRow("enum without values") << R"({"name":"a","fields":[{"name":"p","type":"enum"}]})"_ba << u"p"_s;
}

void TestCollectionSchema::errorField()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    QString reason;
    QString reported = u"not set"_s;
    const auto schema = CollectionSchema::fromJson(JsonTest::parse(json).toObject(), &reason, {}, &reported);
    QCOMPARE(reported, field);
    QVERIFY(!schema || field.isEmpty());
}

void TestCollectionSchema::defaults()
{
    QString error;
    const auto schema = CollectionSchema::fromJson(JsonTest::object(R"({"name":"notes","fields":[]})"), &error);
    QVERIFY2(schema, qPrintable(error));
    QCOMPARE(schema->title, u"notes"_s);
    QCOMPARE(schema->seq, 0);
    const auto emptyTitle = CollectionSchema::fromJson(JsonTest::object(R"({"name":"n","title":"","fields":[]})"), &error);
    QVERIFY(emptyTitle);
    QCOMPARE(emptyTitle->title, u"n"_s);
}

void TestCollectionSchema::nameOverride_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("override");
    QTest::addColumn<bool>("valid");
    QTest::newRow("body without name") << R"({"title":"T","fields":[]})"_ba << u"books"_s << true;
    QTest::newRow("body name ignored") << R"({"name":"Not Valid","fields":[]})"_ba << u"books"_s << true;
    QTest::newRow("bad override") << R"({"name":"books","fields":[]})"_ba << u"Books!"_s << false;
}

void TestCollectionSchema::nameOverride()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, override);
    QFETCH(bool, valid);
    QString error;
    const auto schema = CollectionSchema::fromJson(JsonTest::object(json), &error, override);
    QVERIFY2(schema.has_value() == valid, qPrintable(error));
    if (valid)
        QCOMPARE(schema->name, override);
}

void TestCollectionSchema::toJsonRoundTrip()
{
    const CollectionSchema schema = tasks();
    const QJsonObject json = schema.toJson();
    QCOMPARE(json.value(u"name"_s).toString(), u"tasks"_s);
    QCOMPARE(json.value(u"seq"_s).toInteger(), 7);
    QCOMPARE(json.value(u"fields"_s).toArray().size(), 8);
    QString error;
    QCOMPARE(CollectionSchema::fromJson(json, &error), std::optional(schema));

    CollectionSchema small;
    small.name = u"notes"_s;
    small.title = u"Notes"_s;
    small.seq = 3;
    small.fields.append(FieldSchema{u"body"_s, FieldType::Text, u"Body"_s, true, {}});
    QCOMPARE(JsonTest::text(small.toJson()),
             R"({"fields":[{"name":"body","required":true,"title":"Body","type":"text"}],"name":"notes","seq":3,"title":"Notes"})"_ba);
}

void TestCollectionSchema::lookup_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("index");
    QTest::newRow("first") << u"title"_s << 0;
    QTest::newRow("last") << u"priority"_s << 7;
    QTest::newRow("middle") << u"done"_s << 4;
    QTest::newRow("missing") << u"nope"_s << -1;
    QTest::newRow("case matters") << u"Title"_s << -1;
}

void TestCollectionSchema::lookup()
{
    QFETCH(QString, name);
    QFETCH(int, index);
    const CollectionSchema schema = tasks();
    QCOMPARE(schema.indexOf(name), index);
    const FieldSchema *field = schema.field(name);
    QCOMPARE(field != nullptr, index >= 0);
    if (field)
        QCOMPARE(field->name, name);
}

void TestCollectionSchema::validate_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field"); // the field at fault
    QTest::addColumn<bool>("valid");
    QTest::newRow("minimal") << R"({"title":"x","priority":"low"})"_ba << QString() << true;
    QTest::newRow("full")
        << R"({"title":"x","notes":"n","estimate":3,"cost":1.5,"done":false,"due":"2024-01-31",
               "updated":"2024-01-31T08:00:00Z","priority":"high"})"_ba
        << QString() << true;
    QTest::newRow("optional nulls") << R"({"title":"x","priority":"low","notes":null,"due":null})"_ba << QString()
                                    << true;
    QTest::newRow("unknown member") << R"({"title":"x","priority":"low","colour":"red"})"_ba << u"colour"_s << false;
    QTest::newRow("missing required") << R"({"priority":"low"})"_ba << u"title"_s << false;
    QTest::newRow("null required") << R"({"title":null,"priority":"low"})"_ba << u"title"_s << false;
    QTest::newRow("wrong type") << R"({"title":"x","priority":"low","estimate":"3"})"_ba << u"estimate"_s << false;
    QTest::newRow("bad enum") << R"({"title":"x","priority":"urgent"})"_ba << u"priority"_s << false;
    QTest::newRow("bad date") << R"({"title":"x","priority":"low","due":"31/01/2024"})"_ba << u"due"_s << false;
    QTest::newRow("empty body") << "{}"_ba << u"title"_s << false;
}

void TestCollectionSchema::validate()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    QFETCH(bool, valid);
    const QJsonValue value = JsonTest::parse(body);
    QVERIFY(value.isObject());
    const ValidationResult result = tasks().validate(value.toObject());
    QVERIFY2(result.isValid() == valid, qPrintable(result.detail));
    QCOMPARE(bool(result), valid);
    QCOMPARE(result.field, field);
    if (!valid)
        QVERIFY2(result.detail.startsWith(field + u": "_s), qPrintable(result.detail));
}

void TestCollectionSchema::largeInputsTakeLinearTime_data()
{
    QTest::addColumn<QJsonObject>("schema");
    QTest::addColumn<QJsonObject>("record");
    QTest::addColumn<QString>("error"); // empty: schema and record valid; else a part of the error
    const int n = 60000;
    QTest::newRow("60000 fields") << manyFields(n, false) << QJsonObject() << QString();
    QTest::newRow("60000 fields, last name repeated") << manyFields(n, true) << QJsonObject()
                                                      << u"field name 'f059998' is used twice"_s;
    QTest::newRow("60000-member record") << manyFields(n, false) << manyMembers(n) << QString();
    QTest::newRow("60000-member record, last unknown") << manyFields(n, false) << manyMembers(n, u"zz"_s)
                                                       << u"zz: not a field of collection 'wide'"_s;
}

// Found by tests/fuzz: field names were searched in a list, quadratic in the number of fields.
void TestCollectionSchema::largeInputsTakeLinearTime()
{
    QFETCH(QJsonObject, schema);
    QFETCH(QJsonObject, record);
    QFETCH(QString, error);
    QElapsedTimer timer;
    timer.start();
    QString reason;
    const std::optional<CollectionSchema> parsed = CollectionSchema::fromJson(schema, &reason);
    const ValidationResult result = parsed ? parsed->validate(record) : ValidationResult{{}, reason};
    QVERIFY2(timer.elapsed() < LargeInputBudgetMs, qPrintable(u"took %1 ms"_s.arg(timer.elapsed())));
    QCOMPARE(result.isValid(), error.isEmpty());
    QVERIFY2(result.detail.contains(error), qPrintable(result.detail));
}

QTEST_APPLESS_MAIN(TestCollectionSchema)
#include "tst_collectionschema.moc"
