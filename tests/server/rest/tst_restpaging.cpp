// GET /v1/collections/{c}/records: pages ordered bytewise by id, `next`, `limit` and `after`.
#include "restclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using Etagere::TestServer;
using namespace Etagere::Test;

class TestRestPaging : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void paging();
    void pagingParameters_data();
    void pagingParameters();

private:
    TestServer m_server;
    RestClient m_client;
};

void TestRestPaging::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_client.setBase(m_server.url());
    m_client.setToken(m_server.token());
}

// ---- paging -----------------------------------------------------------------------------

void TestRestPaging::paging()
{
    const QString c = m_client.newCollection();
    QStringList ids = {u"B"_s, u"a"_s, u"_"_s, u"-"_s, u"0"_s, u"Z9"_s, u"z"_s};
    for (int i = 0; i < 18; ++i)
        ids.append(u"r%1"_s.arg((i * 7) % 18, 2, 10, QLatin1Char('0')));
    for (const QString &id : std::as_const(ids))
        QVERIFY(!m_client.createRecord(c, id, {{u"title"_s, id}}).isEmpty());
    QStringList expected = ids;
    std::sort(expected.begin(), expected.end(), [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });

    QStringList seen;
    QString after;
    int pages = 0;
    do {
        const QString query = after.isEmpty() ? u"limit=10"_s : u"limit=10&after="_s + after;
        const RestReply reply = m_client.get(u"/v1/collections/%1/records?%2"_s.arg(c, query));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.value()[u"seq"_s].toInteger(), ids.size());
        const QJsonArray records = reply.value()[u"records"_s].toArray();
        QVERIFY(records.size() <= 10);
        for (const QJsonValue &record : records) {
            seen.append(record[u"id"_s].toString());
            QCOMPARE(record[u"data"_s][u"title"_s].toString(), seen.constLast());
            QVERIFY(record[u"etag"_s].toString().startsWith(u'"'));
            QVERIFY(record[u"seq"_s].toInteger() >= 1);
        }
        const QJsonValue next = reply.value()[u"next"_s];
        after = next.isNull() ? QString() : next.toString();
        if (!after.isEmpty())
            QCOMPARE(after, seen.constLast());
        QVERIFY(++pages <= 3);
    } while (!after.isEmpty());
    QCOMPARE(pages, 3);
    QCOMPARE(seen, expected);

    const RestReply all = m_client.get(u"/v1/collections/%1/records"_s.arg(c));
    QCOMPARE(all.value()[u"records"_s].toArray().size(), ids.size());
    QVERIFY(all.value()[u"next"_s].isNull());
}

void TestRestPaging::pagingParameters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("count");

    QTest::newRow("limit 1") << u"limit=1"_s << 200 << 1;
    QTest::newRow("limit above maximum is capped") << u"limit=5000"_s << 200 << 3;
    QTest::newRow("after the last") << u"after=zzz"_s << 200 << 0;
    QTest::newRow("empty after") << u"after="_s << 200 << 3;
    QTest::newRow("limit 0") << u"limit=0"_s << 400 << 0;
    QTest::newRow("negative limit") << u"limit=-1"_s << 400 << 0;
    QTest::newRow("limit not a number") << u"limit=ten"_s << 400 << 0;
    QTest::newRow("after not an id") << u"after=a%2Fb"_s << 400 << 0;
}

void TestRestPaging::pagingParameters()
{
    QFETCH(QString, query);
    QFETCH(int, status);
    QFETCH(int, count);
    const QString c = m_client.newCollection();
    for (const QString &id : {u"a"_s, u"b"_s, u"c"_s})
        QVERIFY(!m_client.createRecord(c, id, {{u"title"_s, id}}).isEmpty());
    const RestReply reply = m_client.get(u"/v1/collections/%1/records?%2"_s.arg(c, query));
    QCOMPARE(reply.status, status);
    if (status == 200)
        QCOMPARE(reply.value()[u"records"_s].toArray().size(), count);
    else
        QVERIFY(reply.isProblem(status));
}

QTEST_GUILESS_MAIN(TestRestPaging)
#include "tst_restpaging.moc"
