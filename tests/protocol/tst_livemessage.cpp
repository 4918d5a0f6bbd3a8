#include "livemessage.h"

#include "jsontest.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

namespace {

Change sampleChange()
{
    return Change{3, u"tasks"_s, u"r1"_s, Change::Op::Put, u"\"e3\""_s, {{u"title"_s, u"x"_s}}, u"alice"_s};
}

} // namespace

class TestLiveMessage : public QObject
{
    Q_OBJECT

private slots:
    void wireForm_data();
    void wireForm();
    void parses_data();
    void parses();
    void invalid_data();
    void invalid();
};

void TestLiveMessage::wireForm_data()
{
    QTest::addColumn<LiveMessage>("message");
    QTest::addColumn<QByteArray>("wire");
    QTest::newRow("hello") << LiveMessage::hello({{u"tasks"_s, 4}, {u"notes"_s, 0}})
                           << R"({"collections":{"notes":0,"tasks":4},"type":"hello"})"_ba;
    QTest::newRow("empty hello") << LiveMessage::hello({}) << R"({"collections":{},"type":"hello"})"_ba;
    QTest::newRow("welcome") << LiveMessage::welcome({{u"tasks"_s, 9}}, u"alice"_s)
                             << R"({"collections":{"tasks":9},"type":"welcome","user":"alice"})"_ba;
    QTest::newRow("change") << LiveMessage::changed(sampleChange())
                            << R"({"author":"alice","collection":"tasks","data":{"title":"x"},"etag":"\"e3\"","id":"r1","op":"put","seq":3,"type":"change"})"_ba;
    QTest::newRow("reset") << LiveMessage::reset(u"tasks"_s, 120) << R"({"collection":"tasks","seq":120,"type":"reset"})"_ba;
    QTest::newRow("error") << LiveMessage::error(u"secret"_s, 403)
                           << R"({"collection":"secret","status":403,"type":"error"})"_ba;
    QTest::newRow("error with detail") << LiveMessage::error(u"gone"_s, 404, u"no such collection"_s)
                                       << R"({"collection":"gone","detail":"no such collection","status":404,"type":"error"})"_ba;
    QTest::newRow("session error") << LiveMessage::error(QString(), 400, u"unknown type 'x'"_s)
                                   << R"({"detail":"unknown type 'x'","status":400,"type":"error"})"_ba;
    QTest::newRow("presence editing")
        << LiveMessage::presenceOf({u"tasks"_s, u"r1"_s, u"bob"_s, Presence::State::Editing})
        << R"({"collection":"tasks","id":"r1","state":"editing","type":"presence","user":"bob"})"_ba;
    QTest::newRow("presence viewing")
        << LiveMessage::presenceOf({u"tasks"_s, u"r1"_s, u"bob"_s, Presence::State::Viewing})
        << R"({"collection":"tasks","id":"r1","state":"viewing","type":"presence","user":"bob"})"_ba;
    QTest::newRow("presence left") << LiveMessage::presenceOf({u"tasks"_s, u"r1"_s, u"bob"_s, Presence::State::Left})
                                   << R"({"collection":"tasks","id":"r1","state":"left","type":"presence","user":"bob"})"_ba;
}

void TestLiveMessage::wireForm()
{
    QFETCH(LiveMessage, message);
    QFETCH(QByteArray, wire);
    QCOMPARE(JsonTest::text(message.toJson()), wire);
    QString error;
    const std::optional<LiveMessage> parsed = LiveMessage::fromJson(JsonTest::parse(wire), &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->type, message.type);
    QCOMPARE(JsonTest::text(parsed->toJson()), wire);
}

void TestLiveMessage::parses_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<LiveMessage>("expected");
    QTest::newRow("welcome without user") << R"({"type":"welcome","collections":{"a":1}})"_ba
                                          << LiveMessage::welcome({{u"a"_s, 1}}, QString());
    QTest::newRow("presence without user") << R"({"type":"presence","collection":"a","id":"r","state":"viewing"})"_ba
                                           << LiveMessage::presenceOf({u"a"_s, u"r"_s, QString(), Presence::State::Viewing});
    QTest::newRow("presence null user") << R"({"type":"presence","collection":"a","id":"r","user":null,"state":"left"})"_ba
                                        << LiveMessage::presenceOf({u"a"_s, u"r"_s, QString(), Presence::State::Left});
    QTest::newRow("unknown member ignored") << R"({"type":"reset","collection":"a","seq":2,"why":"pruned"})"_ba
                                            << LiveMessage::reset(u"a"_s, 2);
    QTest::newRow("error 404") << R"({"type":"error","collection":"gone","status":404})"_ba
                               << LiveMessage::error(u"gone"_s, 404);
    QTest::newRow("session error, as the hub sends it")
        << R"({"type":"error","status":400,"detail":"live message: must be a JSON object"})"_ba
        << LiveMessage::error(QString(), 400, u"live message: must be a JSON object"_s);
    QTest::newRow("error null collection and detail") << R"({"type":"error","collection":null,"status":409,"detail":null})"_ba
                                                      << LiveMessage::error(QString(), 409);
    QTest::newRow("error 404 with detail") << R"({"type":"error","collection":"gone","status":404,"detail":"no"})"_ba
                                           << LiveMessage::error(u"gone"_s, 404, u"no"_s);
}

void TestLiveMessage::parses()
{
    QFETCH(QByteArray, wire);
    QFETCH(LiveMessage, expected);
    QString error;
    const std::optional<LiveMessage> parsed = LiveMessage::fromJson(JsonTest::parse(wire), &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->type, expected.type);
    QCOMPARE(parsed->collections, expected.collections);
    QCOMPARE(parsed->user, expected.user);
    QCOMPARE(parsed->collection, expected.collection);
    QCOMPARE(parsed->seq, expected.seq);
    QCOMPARE(parsed->status, expected.status);
    QCOMPARE(parsed->detail, expected.detail);
    QCOMPARE(parsed->presence, expected.presence);
}

void TestLiveMessage::invalid_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QString>("error");
    QTest::newRow("not object") << R"("hello")"_ba << u"must be a JSON object"_s;
    QTest::newRow("no type") << R"({"collections":{}})"_ba << u"'type' is missing"_s;
    QTest::newRow("unknown type") << R"({"type":"bye"})"_ba << u"unknown type 'bye'"_s;
    QTest::newRow("type not string") << R"({"type":1})"_ba << u"'type' must be a string"_s;
    QTest::newRow("hello no collections") << R"({"type":"hello"})"_ba << u"'collections' is missing"_s;
    QTest::newRow("hello collections array") << R"({"type":"hello","collections":["a"]})"_ba
                                             << u"'collections' must be an object"_s;
    QTest::newRow("hello bad name") << R"({"type":"hello","collections":{"A b":1}})"_ba
                                    << u"'A b' is not a valid collection name"_s;
    QTest::newRow("hello negative seq") << R"({"type":"hello","collections":{"a":-1}})"_ba
                                        << u"sequence number of 'a'"_s;
    QTest::newRow("hello string seq") << R"({"type":"hello","collections":{"a":"1"}})"_ba
                                      << u"sequence number of 'a'"_s;
    QTest::newRow("welcome user number") << R"({"type":"welcome","collections":{},"user":5})"_ba
                                         << u"'user' must be a string"_s;
    QTest::newRow("change incomplete") << R"({"type":"change","seq":1,"collection":"a"})"_ba
                                       << u"live message: change: 'id' is missing"_s;
    QTest::newRow("reset no seq") << R"({"type":"reset","collection":"a"})"_ba << u"'seq' is missing"_s;
    QTest::newRow("reset bad collection") << R"({"type":"reset","collection":"../x","seq":1})"_ba
                                          << u"not a valid collection name"_s;
    QTest::newRow("error status 200") << R"({"type":"error","collection":"a","status":200})"_ba
                                      << u"'status' must be an integer >= 400"_s;
    QTest::newRow("error status 700") << R"({"type":"error","collection":"a","status":700})"_ba
                                      << u"HTTP error status"_s;
    // 2^32 + 404 and 2^33 + 500: cut to an int, they read as 404 and 500.
    QTest::newRow("error status 2^32+404") << R"({"type":"error","collection":"a","status":4294967700})"_ba
                                           << u"HTTP error status"_s;
    QTest::newRow("error status 2^33+500") << R"({"type":"error","status":8589935092})"_ba << u"HTTP error status"_s;
    QTest::newRow("error without status") << R"({"type":"error","detail":"x"})"_ba << u"'status' is missing"_s;
    QTest::newRow("error bad collection") << R"({"type":"error","collection":"A B","status":404})"_ba
                                          << u"'A B' is not a valid collection name"_s;
    QTest::newRow("error collection number") << R"({"type":"error","collection":7,"status":404})"_ba
                                             << u"'collection' must be a string"_s;
    QTest::newRow("error detail number") << R"({"type":"error","status":400,"detail":5})"_ba
                                         << u"'detail' must be a string"_s;
    QTest::newRow("presence bad state") << R"({"type":"presence","collection":"a","id":"r","state":"typing"})"_ba
                                        << u"'state' must be editing, viewing or left"_s;
    QTest::newRow("presence no id") << R"({"type":"presence","collection":"a","state":"left"})"_ba
                                    << u"'id' is missing"_s;
    QTest::newRow("presence bad id") << R"({"type":"presence","collection":"a","id":"r/1","state":"left"})"_ba
                                     << u"not a valid record id"_s;
}

void TestLiveMessage::invalid()
{
    QFETCH(QByteArray, wire);
    QFETCH(QString, error);
    const QJsonValue value = JsonTest::parse(wire);
    QVERIFY(!value.isUndefined());
    QString reason;
    QCOMPARE(LiveMessage::fromJson(value, &reason).has_value(), false);
    QVERIFY2(reason.startsWith(u"live message: "_s) && reason.contains(error), qPrintable(reason));
}

QTEST_APPLESS_MAIN(TestLiveMessage)
#include "tst_livemessage.moc"
