// GET /v1/collections/{c}/changes: per-collection sequence numbers 1, 2, 3, ... without
// gaps, in commit order, matching the writes; 410 once the server forgot changes.
#include "restclient.h"
#include "testserver.h"
#include "wirecodec.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using Etagere::TestServer;
using Etagere::WireFormat;
using namespace Etagere::Test;

class TestChangeFeed : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void changesMatchTheWrites();
    void sinceAndLimit_data();
    void sinceAndLimit();
    void refusedWritesLeaveNoGap();
    void collectionsCountSeparately();
    void cbor();
    void retention_data();
    void retention();

private:
    // Writes `count` records to a new collection; returns its name.
    [[nodiscard]] QString collectionWithChanges(RestClient &client, int count);

    TestServer m_server;
    RestClient m_client;
};

namespace {

QList<qint64> seqsOf(const QJsonArray &changes)
{
    QList<qint64> seqs;
    for (const QJsonValue &change : changes)
        seqs.append(change[u"seq"_s].toInteger());
    return seqs;
}

QList<qint64> range(qint64 first, qint64 last)
{
    QList<qint64> result;
    for (qint64 i = first; i <= last; ++i)
        result.append(i);
    return result;
}

} // namespace

void TestChangeFeed::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_client.setBase(m_server.url());
    m_client.setToken(m_server.token());
}

QString TestChangeFeed::collectionWithChanges(RestClient &client, int count)
{
    const QString c = client.newCollection(u"feed"_s);
    for (int i = 0; i < count; ++i) // createRecord() warns on failure; callers check the feed
        static_cast<void>(client.createRecord(c, u"r%1"_s.arg(i), {{u"title"_s, QString::number(i)}}));
    return c;
}

void TestChangeFeed::changesMatchTheWrites()
{
    const QString c = m_client.newCollection(u"feed"_s);
    struct Expected { QString id; QString op; QByteArray etag; QJsonValue data; };
    QList<Expected> expected;
    const QJsonObject a1{{u"title"_s, u"a1"_s}}, b1{{u"title"_s, u"b1"_s}}, a2{{u"title"_s, u"a2"_s}, {u"count"_s, 2}};
    const RestReply postA = m_client.sendJson("POST", u"/v1/collections/%1/records"_s.arg(c), a1);
    const QString a = QString::fromUtf8(postA.header("Location")).section(u'/', -1);
    expected.append({a, u"put"_s, postA.header("ETag"), a1});
    expected.append({u"b"_s, u"put"_s, m_client.createRecord(c, u"b"_s, b1), b1});
    const RestReply putA = m_client.sendJson("PUT", recordUrl(c, a), a2, {{"If-Match", postA.header("ETag")}});
    expected.append({a, u"put"_s, putA.header("ETag"), a2});
    const RestReply patchB = m_client.send("PATCH", recordUrl(c, u"b"_s), R"({"done": true})",
                                           {{"If-Match", expected[1].etag}, {"Content-Type", "application/merge-patch+json"}});
    expected.append({u"b"_s, u"put"_s, patchB.header("ETag"), QJsonObject{{u"title"_s, u"b1"_s}, {u"done"_s, true}}});
    const RestReply deleteA = m_client.send("DELETE", recordUrl(c, a), {}, {{"If-Match", putA.header("ETag")}});
    QCOMPARE(deleteA.status, 204);
    expected.append({a, u"delete"_s, QByteArray(), QJsonValue(QJsonValue::Null)});
    expected.append({a, u"put"_s, m_client.createRecord(c, a, a1), a1});

    const RestReply reply = m_client.get(u"/v1/collections/%1/changes?since=0"_s.arg(c));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.value()[u"seq"_s].toInteger(), expected.size());
    const QJsonArray changes = reply.value()[u"changes"_s].toArray();
    QCOMPARE(seqsOf(changes), range(1, expected.size()));
    QString author;
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const QJsonObject change = changes.at(i).toObject();
        QCOMPARE(change[u"collection"_s].toString(), c);
        QCOMPARE(change[u"id"_s].toString(), expected[i].id);
        QCOMPARE(change[u"op"_s].toString(), expected[i].op);
        QCOMPARE(change[u"data"_s], expected[i].data);
        QVERIFY(change[u"etag"_s].toString().startsWith(u'"'));
        if (!expected[i].etag.isEmpty())
            QCOMPARE(change[u"etag"_s].toString().toUtf8(), expected[i].etag);
        author = i == 0 ? change[u"author"_s].toString() : author;
        QVERIFY(!author.isEmpty());
        QCOMPARE(change[u"author"_s].toString(), author);
    }
}

void TestChangeFeed::sinceAndLimit_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<QList<qint64>>("seqs");

    QTest::newRow("no since") << QString() << 200 << range(1, 6);
    QTest::newRow("since 0") << u"since=0"_s << 200 << range(1, 6);
    QTest::newRow("since 4") << u"since=4"_s << 200 << range(5, 6);
    QTest::newRow("since current") << u"since=6"_s << 200 << QList<qint64>();
    QTest::newRow("limit 2") << u"since=0&limit=2"_s << 200 << range(1, 2);
    QTest::newRow("since 3 limit 1") << u"since=3&limit=1"_s << 200 << range(4, 4);
    QTest::newRow("limit above maximum is capped") << u"limit=5000"_s << 200 << range(1, 6);
    QTest::newRow("since ahead of the feed") << u"since=7"_s << 410 << QList<qint64>();
    QTest::newRow("negative since") << u"since=-1"_s << 400 << QList<qint64>();
    QTest::newRow("since not a number") << u"since=abc"_s << 400 << QList<qint64>();
    QTest::newRow("limit 0") << u"limit=0"_s << 400 << QList<qint64>();
}

void TestChangeFeed::sinceAndLimit()
{
    QFETCH(QString, query);
    QFETCH(int, status);
    QFETCH(QList<qint64>, seqs);
    const QString c = collectionWithChanges(m_client, 6);
    const RestReply reply = m_client.get(u"/v1/collections/%1/changes?%2"_s.arg(c, query));
    QCOMPARE(reply.status, status);
    if (status != 200) {
        QVERIFY(reply.isProblem(status));
        return;
    }
    QCOMPARE(reply.value()[u"seq"_s].toInteger(), 6);
    QCOMPARE(seqsOf(reply.value()[u"changes"_s].toArray()), seqs);
}

void TestChangeFeed::refusedWritesLeaveNoGap()
{
    const QString c = m_client.newCollection(u"feed"_s);
    QByteArray etag = m_client.createRecord(c, u"x"_s, {{u"title"_s, u"x"_s}});
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(m_client.sendJson("PUT", recordUrl(c, u"x"_s), QJsonObject{{u"title"_s, u"stale"_s}},
                                   {{"If-Match", "\"stale\""}}).status, 412);
        QCOMPARE(m_client.sendJson("PUT", recordUrl(c, u"x"_s), QJsonObject{{u"count"_s, 1}},
                                   {{"If-Match", etag}}).status, 422);
        QCOMPARE(m_client.send("PUT", recordUrl(c, u"x"_s), "{", {{"If-Match", etag},
                                                                 {"Content-Type", "application/json"}}).status, 400);
        const RestReply ok = m_client.sendJson("PUT", recordUrl(c, u"x"_s), QJsonObject{{u"title"_s, QString::number(i)}},
                                               {{"If-Match", etag}});
        QCOMPARE(ok.status, 200);
        etag = ok.header("ETag");
    }
    const RestReply reply = m_client.get(u"/v1/collections/%1/changes"_s.arg(c));
    QCOMPARE(seqsOf(reply.value()[u"changes"_s].toArray()), range(1, 6));
}

void TestChangeFeed::collectionsCountSeparately()
{
    const QString first = m_client.newCollection(u"feed"_s);
    const QString second = m_client.newCollection(u"feed"_s);
    for (int i = 0; i < 4; ++i) {
        QVERIFY(!m_client.createRecord(first, u"f%1"_s.arg(i), {{u"title"_s, u"f"_s}}).isEmpty());
        if (i % 2 == 0)
            QVERIFY(!m_client.createRecord(second, u"s%1"_s.arg(i), {{u"title"_s, u"s"_s}}).isEmpty());
    }
    QCOMPARE(seqsOf(m_client.get(u"/v1/collections/%1/changes"_s.arg(first)).value()[u"changes"_s].toArray()), range(1, 4));
    QCOMPARE(seqsOf(m_client.get(u"/v1/collections/%1/changes"_s.arg(second)).value()[u"changes"_s].toArray()), range(1, 2));
}

void TestChangeFeed::cbor()
{
    const QString c = collectionWithChanges(m_client, 2);
    const RestReply reply = m_client.get(u"/v1/collections/%1/changes"_s.arg(c), {{"Accept", "application/cbor"}});
    QCOMPARE(reply.header("Content-Type"), "application/cbor"_ba);
    const QJsonValue page = Etagere::WireCodec::decode(reply.body, WireFormat::Cbor).value;
    QCOMPARE(seqsOf(page[u"changes"_s].toArray()), range(1, 2));
    QCOMPARE(page[u"changes"_s][1][u"data"_s][u"title"_s].toString(), u"1"_s);
}

void TestChangeFeed::retention_data()
{
    QTest::addColumn<qint64>("since");
    QTest::addColumn<int>("status");
    QTest::addColumn<QList<qint64>>("seqs");

    // 5 changes, the server keeps the last 3 (3, 4, 5): since >= 2 can be answered.
    QTest::newRow("since 0") << qint64(0) << 410 << QList<qint64>();
    QTest::newRow("since 1") << qint64(1) << 410 << QList<qint64>();
    QTest::newRow("since 2") << qint64(2) << 200 << range(3, 5);
    QTest::newRow("since 4") << qint64(4) << 200 << range(5, 5);
    QTest::newRow("since 5") << qint64(5) << 200 << QList<qint64>();
}

void TestChangeFeed::retention()
{
    QFETCH(qint64, since);
    QFETCH(int, status);
    QFETCH(QList<qint64>, seqs);
    TestServer server({u"--retain-changes"_s, u"3"_s});
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    RestClient client(server.url(), server.token());
    const QString c = collectionWithChanges(client, 5);
    const QString small = collectionWithChanges(client, 2);
    const RestReply reply = client.get(u"/v1/collections/%1/changes?since=%2"_s.arg(c).arg(since));
    QCOMPARE(reply.status, status);
    if (status == 410)
        QVERIFY(reply.isProblem(410));
    else
        QCOMPARE(seqsOf(reply.value()[u"changes"_s].toArray()), seqs);
    // Another collection keeps its own last 3.
    QCOMPARE(seqsOf(client.get(u"/v1/collections/%1/changes?since=0"_s.arg(small)).value()[u"changes"_s].toArray()),
             range(1, 2));
}

QTEST_GUILESS_MAIN(TestChangeFeed)
#include "tst_changefeed.moc"
