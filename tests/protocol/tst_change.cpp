// Record, RecordPage, Change and ChangePage: the REST list and change-feed bodies.
#include "change.h"
#include "record.h"

#include "jsontest.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

class TestChange : public QObject
{
    Q_OBJECT

private slots:
    void recordParses();
    void recordInvalid_data();
    void recordInvalid();
    void recordRoundTrip();
    void recordPage_data();
    void recordPage();
    void recordPageRoundTrip();
    void changeParses_data();
    void changeParses();
    void changeInvalid_data();
    void changeInvalid();
    void changeWireForm_data();
    void changeWireForm();
    void changePage_data();
    void changePage();
    void changePageRoundTrip();
};

// Constants after the class: moc misreads raw strings with \" at file scope.
namespace {

const QByteArray ValidRecord = R"({"id":"r-1","etag":"\"abc\"","seq":4,"data":{"title":"x"}})"_ba;
const QByteArray ValidPut =
    R"({"seq":5,"collection":"tasks","id":"r-1","op":"put","etag":"\"e5\"","data":{"title":"x"},"author":"alice"})"_ba;
const QByteArray ValidDelete =
    R"({"seq":6,"collection":"tasks","id":"r-1","op":"delete","etag":"\"e6\"","data":null,"author":"bob"})"_ba;

/// `json` with member `key` replaced by `replacement` (JSON text), or removed when it is empty.
QJsonValue withMember(const QByteArray &json, const QString &key, const QByteArray &replacement)
{
    QJsonObject object = JsonTest::object(json);
    if (replacement.isEmpty())
        object.remove(key);
    else
        object.insert(key, JsonTest::parse(replacement));
    return object;
}

} // namespace

void TestChange::recordParses()
{
    QString error;
    const std::optional<Record> record = Record::fromJson(JsonTest::parse(ValidRecord), &error);
    QVERIFY2(record, qPrintable(error));
    QCOMPARE(record->id, u"r-1"_s);
    QCOMPARE(record->etag, u"\"abc\""_s);
    QCOMPARE(record->seq, 4);
    QCOMPARE(JsonTest::text(record->data), R"({"title":"x"})"_ba);
}

void TestChange::recordInvalid_data()
{
    QTest::addColumn<QString>("member");
    QTest::addColumn<QByteArray>("replacement"); // empty: member removed
    QTest::addColumn<QString>("error");
    QTest::newRow("no id") << u"id"_s << QByteArray() << u"'id' is missing"_s;
    QTest::newRow("bad id") << u"id"_s << R"("a/b")"_ba << u"not a valid record id"_s;
    QTest::newRow("numeric id") << u"id"_s << "12"_ba << u"'id' must be a string"_s;
    QTest::newRow("no etag") << u"etag"_s << QByteArray() << u"'etag' is missing"_s;
    QTest::newRow("unquoted etag") << u"etag"_s << R"("abc")"_ba << u"quoted strong ETag"_s;
    QTest::newRow("weak etag") << u"etag"_s << R"("W/\"abc\"")"_ba << u"quoted strong ETag"_s;
    QTest::newRow("etag with space") << u"etag"_s << R"("\"a b\"")"_ba << u"quoted strong ETag"_s;
    QTest::newRow("no seq") << u"seq"_s << QByteArray() << u"'seq' is missing"_s;
    QTest::newRow("negative seq") << u"seq"_s << "-1"_ba << u"'seq' must be an integer >= 0"_s;
    QTest::newRow("seq too big") << u"seq"_s << "1e30"_ba << u"'seq' must be an integer"_s;
    QTest::newRow("no data") << u"data"_s << QByteArray() << u"'data' is missing"_s;
    QTest::newRow("data array") << u"data"_s << "[]"_ba << u"'data' must be an object"_s;
    QTest::newRow("data null") << u"data"_s << "null"_ba << u"'data' must be an object"_s;
}

void TestChange::recordInvalid()
{
    QFETCH(QString, member);
    QFETCH(QByteArray, replacement);
    QFETCH(QString, error);
    QString reason;
    QCOMPARE(Record::fromJson(withMember(ValidRecord, member, replacement), &reason), std::nullopt);
    QVERIFY2(reason.startsWith(u"record: "_s) && reason.contains(error), qPrintable(reason));
}

void TestChange::recordRoundTrip()
{
    const Record record{u"x_1"_s, u"\"t\""_s, 99, JsonTest::object(R"({"a":[1,{"b":null}]})")};
    QString error;
    QCOMPARE(Record::fromJson(record.toJson(), &error), std::optional(record));
    QCOMPARE(JsonTest::text(record.toJson()), R"({"data":{"a":[1,{"b":null}]},"etag":"\"t\"","id":"x_1","seq":99})"_ba);
}

void TestChange::recordPage_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error"); // empty: valid
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("next");
    QTest::newRow("last page") << (R"({"seq":9,"records":[)"_ba + ValidRecord + R"(],"next":null})"_ba) << QString()
                               << 1 << QString();
    QTest::newRow("more pages") << (R"({"seq":9,"records":[)"_ba + ValidRecord + "," + ValidRecord
                                    + R"(],"next":"r-1"})"_ba)
                                << QString() << 2 << u"r-1"_s;
    QTest::newRow("empty") << R"({"seq":0,"records":[],"next":null})"_ba << QString() << 0 << QString();
    QTest::newRow("next missing") << R"({"seq":0,"records":[]})"_ba << u"'next' is missing"_s << 0 << QString();
    QTest::newRow("next invalid") << R"({"seq":0,"records":[],"next":"a b"})"_ba << u"not a valid record id"_s << 0
                                  << QString();
    QTest::newRow("next number") << R"({"seq":0,"records":[],"next":3})"_ba << u"'next' must be a string"_s << 0
                                 << QString();
    QTest::newRow("records missing") << R"({"seq":0,"next":null})"_ba << u"'records' is missing"_s << 0 << QString();
    QTest::newRow("bad record") << (R"({"seq":1,"records":[)"_ba + ValidRecord + R"(,{"id":"x"}],"next":null})"_ba)
                                << u"records[1]: record: "_s << 0 << QString();
    QTest::newRow("seq missing") << R"({"records":[],"next":null})"_ba << u"'seq' is missing"_s << 0 << QString();
    QTest::newRow("not object") << "[]"_ba << u"must be a JSON object"_s << 0 << QString();
}

void TestChange::recordPage()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QString reason;
    const QJsonValue value = JsonTest::parse(json);
    QVERIFY(!value.isUndefined());
    const std::optional<RecordPage> page = RecordPage::fromJson(value, &reason);
    QVERIFY2(page.has_value() == error.isEmpty(), qPrintable(reason));
    if (!page) {
        QVERIFY2(reason.contains(error), qPrintable(reason));
        return;
    }
    QFETCH(int, count);
    QFETCH(QString, next);
    QCOMPARE(page->records.size(), count);
    QCOMPARE(page->next, next);
}

void TestChange::recordPageRoundTrip()
{
    RecordPage page;
    page.seq = 12;
    page.records = {Record{u"a"_s, u"\"1\""_s, 1, {}}, Record{u"b"_s, u"\"2\""_s, 12, {{u"x"_s, 1}}}};
    const QJsonObject last = page.toJson();
    QVERIFY(last.value(u"next"_s).isNull());
    page.next = u"b"_s;
    QString error;
    const std::optional<RecordPage> parsed = RecordPage::fromJson(page.toJson(), &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->seq, page.seq);
    QCOMPARE(parsed->records, page.records);
    QCOMPARE(parsed->next, page.next);
}

void TestChange::changeParses_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("op");
    QTest::addColumn<QString>("etag");
    QTest::newRow("put") << ValidPut << int(Change::Op::Put) << u"\"e5\""_s;
    QTest::newRow("delete") << ValidDelete << int(Change::Op::Delete) << u"\"e6\""_s;
    QTest::newRow("delete, empty etag") << JsonTest::text(withMember(ValidDelete, u"etag"_s, R"("")"_ba))
                                        << int(Change::Op::Delete) << QString();
    QTest::newRow("delete, null etag") << JsonTest::text(withMember(ValidDelete, u"etag"_s, "null"_ba))
                                       << int(Change::Op::Delete) << QString();
    QTest::newRow("with type member") << JsonTest::text(withMember(ValidPut, u"type"_s, R"("change")"_ba))
                                      << int(Change::Op::Put) << u"\"e5\""_s;
}

void TestChange::changeParses()
{
    QFETCH(QByteArray, json);
    QFETCH(int, op);
    QFETCH(QString, etag);
    QString error;
    const std::optional<Change> change = Change::fromJson(JsonTest::parse(json), &error);
    QVERIFY2(change, qPrintable(error));
    QCOMPARE(int(change->op), op);
    QCOMPARE(change->etag, etag);
    QCOMPARE(change->collection, u"tasks"_s);
    QCOMPARE(change->id, u"r-1"_s);
    if (change->op == Change::Op::Delete)
        QVERIFY(change->data.isEmpty());
    else
        QCOMPARE(change->data.value(u"title"_s).toString(), u"x"_s);
    QCOMPARE(Change::fromJson(change->toJson(), &error), change);
}

void TestChange::changeInvalid_data()
{
    QTest::addColumn<QByteArray>("base");
    QTest::addColumn<QString>("member");
    QTest::addColumn<QByteArray>("replacement");
    QTest::addColumn<QString>("error");
    QTest::newRow("seq 0") << ValidPut << u"seq"_s << "0"_ba << u"'seq' must be an integer >= 1"_s;
    QTest::newRow("seq string") << ValidPut << u"seq"_s << R"("5")"_ba << u"'seq' must be an integer"_s;
    QTest::newRow("no collection") << ValidPut << u"collection"_s << QByteArray() << u"'collection' is missing"_s;
    QTest::newRow("bad collection") << ValidPut << u"collection"_s << R"("Tasks")"_ba
                                    << u"not a valid collection name"_s;
    QTest::newRow("bad id") << ValidPut << u"id"_s << R"("")"_ba << u"not a valid record id"_s;
    QTest::newRow("bad op") << ValidPut << u"op"_s << R"("patch")"_ba << u"'op' must be"_s;
    QTest::newRow("no op") << ValidPut << u"op"_s << QByteArray() << u"'op' is missing"_s;
    QTest::newRow("put without etag") << ValidPut << u"etag"_s << QByteArray() << u"'etag' is missing"_s;
    QTest::newRow("put empty etag") << ValidPut << u"etag"_s << R"("")"_ba << u"quoted strong ETag"_s;
    QTest::newRow("put null data") << ValidPut << u"data"_s << "null"_ba << u"'data' must be an object"_s;
    QTest::newRow("put no data") << ValidPut << u"data"_s << QByteArray() << u"'data' is missing"_s;
    QTest::newRow("delete with data") << ValidDelete << u"data"_s << "{}"_ba << u"'data' must be null for a delete"_s;
    QTest::newRow("delete no data") << ValidDelete << u"data"_s << QByteArray() << u"'data' is missing"_s;
    QTest::newRow("delete bad etag") << ValidDelete << u"etag"_s << R"("e6")"_ba << u"quoted strong ETag"_s;
    QTest::newRow("delete numeric etag") << ValidDelete << u"etag"_s << "6"_ba << u"'etag' must be a string"_s;
    QTest::newRow("no author") << ValidPut << u"author"_s << QByteArray() << u"'author' is missing"_s;
    QTest::newRow("author not string") << ValidPut << u"author"_s << "null"_ba << u"'author' must be a string"_s;
}

void TestChange::changeInvalid()
{
    QFETCH(QByteArray, base);
    QFETCH(QString, member);
    QFETCH(QByteArray, replacement);
    QFETCH(QString, error);
    QString reason;
    QCOMPARE(Change::fromJson(withMember(base, member, replacement), &reason), std::nullopt);
    QVERIFY2(reason.startsWith(u"change: "_s) && reason.contains(error), qPrintable(reason));
}

void TestChange::changeWireForm_data()
{
    QTest::addColumn<Change>("change");
    QTest::addColumn<QByteArray>("wire");
    Change put{5, u"tasks"_s, u"r1"_s, Change::Op::Put, u"\"e\""_s, {{u"a"_s, 1}}, u"alice"_s};
    QTest::newRow("put") << put
                         << R"({"author":"alice","collection":"tasks","data":{"a":1},"etag":"\"e\"","id":"r1","op":"put","seq":5})"_ba;
    Change removal{6, u"tasks"_s, u"r1"_s, Change::Op::Delete, u"\"f\""_s, {}, u"bob"_s};
    QTest::newRow("delete") << removal
                            << R"({"author":"bob","collection":"tasks","data":null,"etag":"\"f\"","id":"r1","op":"delete","seq":6})"_ba;
}

void TestChange::changeWireForm()
{
    QFETCH(Change, change);
    QFETCH(QByteArray, wire);
    QCOMPARE(JsonTest::text(change.toJson()), wire);
    QString error;
    QCOMPARE(Change::fromJson(JsonTest::parse(wire), &error), std::optional(change));
}

void TestChange::changePage_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("count");
    QTest::newRow("two") << (R"({"seq":6,"changes":[)"_ba + ValidPut + "," + ValidDelete + "]}") << QString() << 2;
    QTest::newRow("none") << R"({"seq":6,"changes":[]})"_ba << QString() << 0;
    QTest::newRow("bad change") << (R"({"seq":6,"changes":[)"_ba + ValidPut + R"(,{"seq":7}]})")
                                << u"changes[1]: change: "_s << 0;
    QTest::newRow("no changes") << R"({"seq":6})"_ba << u"'changes' is missing"_s << 0;
    QTest::newRow("changes object") << R"({"seq":6,"changes":{}})"_ba << u"'changes' must be an array"_s << 0;
    QTest::newRow("no seq") << R"({"changes":[]})"_ba << u"'seq' is missing"_s << 0;
}

void TestChange::changePage()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QFETCH(int, count);
    QString reason;
    const std::optional<ChangePage> page = ChangePage::fromJson(JsonTest::parse(json), &reason);
    QVERIFY2(page.has_value() == error.isEmpty(), qPrintable(reason));
    if (page)
        QCOMPARE(page->changes.size(), count);
    else
        QVERIFY2(reason.startsWith(u"change page: "_s) && reason.contains(error), qPrintable(reason));
}

void TestChange::changePageRoundTrip()
{
    QString error;
    ChangePage page;
    page.seq = 6;
    page.changes = {*Change::fromJson(JsonTest::parse(ValidPut), &error),
                    *Change::fromJson(JsonTest::parse(ValidDelete), &error)};
    const std::optional<ChangePage> parsed = ChangePage::fromJson(page.toJson(), &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->seq, 6);
    QCOMPARE(parsed->changes, page.changes);
}

QTEST_APPLESS_MAIN(TestChange)
#include "tst_change.moc"
