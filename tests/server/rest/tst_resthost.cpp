// The Host check of etagere-server (DNS rebinding): only loopback names and literals are
// served; a missing or repeated Host is a bad request.
#include "rawhttp.h"
#include "restclient.h"
#include "testserver.h"

#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using Etagere::TestServer;
using namespace Etagere::Test;

class TestRestHost : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void hostHeader_data();
    void hostHeader();
    void everyRouteChecksHost_data();
    void everyRouteChecksHost();
    void refusedWriteChangesNothing_data();
    void refusedWriteChangesNothing();
    void qtClientIsAccepted();

private:
    [[nodiscard]] QByteArray withPort(QByteArray text) const;

    TestServer m_server;
    RestClient m_client;
};

void TestRestHost::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_client.setBase(m_server.url());
    m_client.setToken(m_server.token());
}

QByteArray TestRestHost::withPort(QByteArray text) const
{
    return text.replace("PORT", QByteArray::number(m_server.url().port()));
}

// The Host header lines of a request (none, one, or two) and the status it gets.
void TestRestHost::hostHeader_data()
{
    QTest::addColumn<QByteArrayList>("hostLines");
    QTest::addColumn<int>("status");

    QTest::newRow("127.0.0.1:PORT") << QByteArrayList{"Host: 127.0.0.1:PORT"} << 200;
    QTest::newRow("127.0.0.1") << QByteArrayList{"Host: 127.0.0.1"} << 200;
    QTest::newRow("127.1.2.3:80") << QByteArrayList{"Host: 127.1.2.3:80"} << 200;
    QTest::newRow("localhost") << QByteArrayList{"Host: localhost"} << 200;
    QTest::newRow("localhost:PORT") << QByteArrayList{"Host: localhost:PORT"} << 200;
    QTest::newRow("LocalHost (case)") << QByteArrayList{"Host: LocalHost:PORT"} << 200;
    QTest::newRow("[::1]:PORT") << QByteArrayList{"Host: [::1]:PORT"} << 200;
    QTest::newRow("[::1]") << QByteArrayList{"Host: [::1]"} << 200;
    QTest::newRow("[0:0:0:0:0:0:0:1]") << QByteArrayList{"host: [0:0:0:0:0:0:0:1]"} << 200;

    QTest::newRow("evil.example") << QByteArrayList{"Host: evil.example"} << 421;
    QTest::newRow("evil.example:PORT") << QByteArrayList{"Host: evil.example:PORT"} << 421;
    QTest::newRow("127.0.0.1.evil.example") << QByteArrayList{"Host: 127.0.0.1.evil.example"} << 421;
    QTest::newRow("localhost.evil.example") << QByteArrayList{"Host: localhost.evil.example"} << 421;
    QTest::newRow("localhost. (trailing dot)") << QByteArrayList{"Host: localhost."} << 421;
    QTest::newRow("empty") << QByteArrayList{"Host:"} << 421;
    QTest::newRow("127.1 (short form)") << QByteArrayList{"Host: 127.1"} << 421;
    QTest::newRow("0x7f.0.0.1") << QByteArrayList{"Host: 0x7f.0.0.1"} << 421;
    QTest::newRow("127.0.0.256") << QByteArrayList{"Host: 127.0.0.256"} << 421;
    QTest::newRow("128.0.0.1") << QByteArrayList{"Host: 128.0.0.1"} << 421;
    QTest::newRow("10.0.0.1") << QByteArrayList{"Host: 10.0.0.1:PORT"} << 421;
    QTest::newRow("[::2]") << QByteArrayList{"Host: [::2]"} << 421;
    QTest::newRow("::1 unbracketed") << QByteArrayList{"Host: ::1"} << 421;
    QTest::newRow("[::1 unclosed") << QByteArrayList{"Host: [::1"} << 421;
    QTest::newRow("[::1%lo] zone") << QByteArrayList{"Host: [::1%25lo]"} << 421;
    QTest::newRow("port too large") << QByteArrayList{"Host: 127.0.0.1:65536"} << 421;
    QTest::newRow("empty port") << QByteArrayList{"Host: localhost:"} << 421;
    QTest::newRow("user info") << QByteArrayList{"Host: evil.example@127.0.0.1"} << 421;

    QTest::newRow("missing") << QByteArrayList{} << 400;
    QTest::newRow("two, both loopback") << QByteArrayList{"Host: 127.0.0.1", "Host: localhost"} << 400;
    QTest::newRow("two, one foreign") << QByteArrayList{"Host: 127.0.0.1", "Host: evil.example"} << 400;
}

void TestRestHost::hostHeader()
{
    QFETCH(QByteArrayList, hostLines);
    QFETCH(int, status);
    for (QByteArray &line : hostLines)
        line = withPort(line);
    hostLines.append("Authorization: Bearer " + m_server.token()); // the Host check comes first anyway

    const RawReply reply = RawHttp(m_server.url().port()).get("/v1/collections", hostLines);
    if (status == 200) {
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.value().toObject().contains(u"collections"_s));
    } else {
        QVERIFY(reply.isProblem(status));
    }
}

// The check comes first: whatever the route would have answered, a foreign Host gets 421.
void TestRestHost::everyRouteChecksHost_data()
{
    QTest::addColumn<QByteArray>("requestLine");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("collection list") << "GET /v1/collections"_ba << QByteArray();
    QTest::newRow("record delete") << "DELETE /v1/collections/x/records/y"_ba << QByteArray();
    QTest::newRow("unknown path") << "GET /nowhere"_ba << QByteArray();
    QTest::newRow("live without upgrade") << "GET /v1/live"_ba << QByteArray();
    QTest::newRow("changes") << "GET /v1/collections/x/changes?since=0"_ba << QByteArray();
    QTest::newRow("body over the limit") << "POST /v1/collections/x/records"_ba << QByteArray(1024 * 1024 + 1, ' ');
}

void TestRestHost::everyRouteChecksHost()
{
    QFETCH(QByteArray, requestLine);
    QFETCH(QByteArray, body);
    const QByteArray request = requestLine + " HTTP/1.1\r\nHost: attacker.example:" + withPort("PORT")
                               + "\r\nContent-Type: application/json\r\nContent-Length: "
                               + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    QVERIFY(RawHttp(m_server.url().port()).send(request).isProblem(421));
}

// A write refused for its Host stores nothing, whether it carries a precondition or not.
void TestRestHost::refusedWriteChangesNothing_data()
{
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<int>("status");

    QTest::newRow("foreign") << "Host: rebound.example"_ba << 421;
    QTest::newRow("empty") << "Host: "_ba << 421;
    QTest::newRow("missing") << QByteArray() << 400;
}

void TestRestHost::refusedWriteChangesNothing()
{
    QFETCH(QByteArray, host);
    QFETCH(int, status);
    const QString name = u"refused-%1"_s.arg(QLatin1StringView(QTest::currentDataTag()));
    const QByteArray body = R"({"title": "x", "fields": []})";
    QByteArray request = "PUT /v1/collections/" + name.toLatin1() + " HTTP/1.1\r\n";
    if (!host.isEmpty())
        request += host + "\r\n";
    request += "If-None-Match: *\r\nContent-Type: application/json\r\nContent-Length: "
               + QByteArray::number(body.size()) + "\r\n\r\n" + body;

    QVERIFY(RawHttp(m_server.url().port()).send(request).isProblem(status));
    QVERIFY(m_client.get(u"/v1/collections/"_s + name).isProblem(404));
    QCOMPARE(m_client.createCollection(name, testFields()), 201); // the same write, from Qt
}

// QNetworkAccessManager sends `Host: 127.0.0.1:PORT`, which the check accepts.
void TestRestHost::qtClientIsAccepted()
{
    const RestReply reply = m_client.get(u"/v1/collections"_s);
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.value().toObject().contains(u"collections"_s));
}

QTEST_GUILESS_MAIN(TestRestHost)
#include "tst_resthost.moc"
