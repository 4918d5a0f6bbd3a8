// The Origin allow-list on the WebSocket upgrade of /v1/live: only pages from an origin given
// with --allow-origin (and clients that send no Origin) get a socket; any other page, a
// loopback one included, is refused with 403 before the handshake, so it never receives a
// record. Then comes the token (401).
#include "rawhttp.h"
#include "testserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using namespace Qt::StringLiterals;
using Etagere::TestServer;
using namespace Etagere::Test;

class TestLiveOrigin : public QObject
{
    Q_OBJECT

public:
    TestLiveOrigin();

private slots:
    void initTestCase();

    void originOnUpgrade_data();
    void originOnUpgrade();
    void webSocketWithOrigin_data();
    void webSocketWithOrigin();
    void orderOfUpgradeChecks_data();
    void orderOfUpgradeChecks();

private:
    static void addOriginRows();
    [[nodiscard]] QUrl liveUrl() const;

    TestServer m_server;
};

void TestLiveOrigin::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

TestLiveOrigin::TestLiveOrigin()
    : m_server({u"--allow-origin"_s, u"https://App.Example.org"_s, u"--allow-origin"_s, u"http://localhost:5173"_s})
{
}

QUrl TestLiveOrigin::liveUrl() const
{
    QUrl url = m_server.url();
    url.setScheme(u"ws"_s);
    url.setPath(u"/v1/live"_s);
    return url;
}

// Origin (empty: none sent) and whether the upgrade is accepted.
void TestLiveOrigin::addOriginRows()
{
    QTest::addColumn<QString>("origin");
    QTest::addColumn<bool>("accepted");

    QTest::newRow("none") << QString() << true;
    QTest::newRow("https://app.example.org") << u"https://app.example.org"_s << true;
    QTest::newRow("HTTPS://APP.EXAMPLE.ORG (case)") << u"HTTPS://APP.EXAMPLE.ORG"_s << true;
    QTest::newRow("https://app.example.org:443 (default port)") << u"https://app.example.org:443"_s << true;
    QTest::newRow("http://localhost:5173") << u"http://localhost:5173"_s << true;

    QTest::newRow("http://app.example.org (scheme)") << u"http://app.example.org"_s << false;
    QTest::newRow("https://app.example.org:8443 (port)") << u"https://app.example.org:8443"_s << false;
    QTest::newRow("https://example.org (parent)") << u"https://example.org"_s << false;
    QTest::newRow("https://app.example.org.evil.example") << u"https://app.example.org.evil.example"_s << false;
    QTest::newRow("http://localhost:3000 (loopback, not listed)") << u"http://localhost:3000"_s << false;
    QTest::newRow("http://127.0.0.1 (loopback, not listed)") << u"http://127.0.0.1"_s << false;

    QTest::newRow("https://evil.example") << u"https://evil.example"_s << false;
    QTest::newRow("null") << u"null"_s << false;
    QTest::newRow("file://") << u"file://"_s << false;
    QTest::newRow("http://127.0.0.1.evil.example") << u"http://127.0.0.1.evil.example"_s << false;
    QTest::newRow("http://localhost.evil.example") << u"http://localhost.evil.example"_s << false;
    QTest::newRow("http://evil.example:3000") << u"http://evil.example:3000"_s << false;
    QTest::newRow("http://192.168.1.2") << u"http://192.168.1.2"_s << false;
    QTest::newRow("ws://localhost (not a page)") << u"ws://localhost"_s << false;
    QTest::newRow("chrome-extension://abc") << u"chrome-extension://abc"_s << false;
    QTest::newRow("http://localhost/path") << u"http://localhost/path"_s << false;
    QTest::newRow("localhost (no scheme)") << u"localhost"_s << false;
}

void TestLiveOrigin::originOnUpgrade_data()
{
    addOriginRows();
}

// The server's answer to the handshake: 101, or a 403 problem after which it closes.
void TestLiveOrigin::originOnUpgrade()
{
    QFETCH(QString, origin);
    QFETCH(bool, accepted);
    QByteArrayList lines = RawHttp::upgradeLines();
    lines.append("Host: 127.0.0.1:" + QByteArray::number(m_server.url().port()));
    lines.append("Authorization: Bearer " + m_server.token());
    if (!origin.isEmpty())
        lines.append("Origin: " + origin.toLatin1());

    const RawHttp http(m_server.url().port());
    const RawReply reply = http.get("/v1/live", lines, accepted ? RawHttp::AnswerOnly : RawHttp::WaitForClose);
    if (accepted) {
        QCOMPARE(reply.status, 101);
        QCOMPARE(reply.header("Upgrade").toLower(), "websocket"_ba);
    } else {
        QVERIFY(reply.isProblem(403));
        QVERIFY2(reply.closed, "the server must close the connection after refusing the upgrade");
        QVERIFY(reply.header("Access-Control-Allow-Origin").isEmpty());
    }
}

void TestLiveOrigin::webSocketWithOrigin_data()
{
    addOriginRows();
}

// What a real QWebSocket sending that Origin sees: a working session, or no session at all.
void TestLiveOrigin::webSocketWithOrigin()
{
    QFETCH(QString, origin);
    QFETCH(bool, accepted);
    QWebSocket socket(origin);
    QSignalSpy connected(&socket, &QWebSocket::connected);
    QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
    QSignalSpy messages(&socket, &QWebSocket::textMessageReceived);
    QNetworkRequest request(liveUrl());
    request.setRawHeader("Authorization", "Bearer " + m_server.token());
    socket.open(request);
    if (!accepted) {
        QVERIFY(disconnected.wait(5000));
        QCOMPARE(connected.count(), 0);
        QCOMPARE(messages.count(), 0);
        return;
    }
    QVERIFY(connected.wait(5000));
    socket.sendTextMessage(u"{\"type\": \"hello\", \"collections\": {}}"_s);
    QVERIFY(messages.wait(5000));
    const QJsonObject welcome = QJsonDocument::fromJson(messages.first().first().toString().toUtf8()).object();
    QCOMPARE(welcome.value(u"type"_s).toString(), u"welcome"_s);
}

// Host first (400/421), then Origin (403), then the path (404), then the token (401); all
// before any handshake.
void TestLiveOrigin::orderOfUpgradeChecks_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArrayList>("extraLines");
    QTest::addColumn<int>("status");

    const QByteArray good = "Origin: http://localhost:5173";
    const QByteArray evil = "Origin: https://evil.example";
    const QByteArray forged = "Authorization: Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    QTest::newRow("foreign host, loopback origin") << "/v1/live"_ba << QByteArrayList{"Host: evil.example", good} << 421;
    QTest::newRow("foreign host, no origin") << "/v1/live"_ba << QByteArrayList{"Host: evil.example"} << 421;
    QTest::newRow("foreign host, foreign origin") << "/v1/live"_ba << QByteArrayList{"Host: evil.example", evil} << 421;
    QTest::newRow("empty host") << "/v1/live"_ba << QByteArrayList{"Host:"} << 421;
    QTest::newRow("no host") << "/v1/live"_ba << QByteArrayList{good} << 400;
    QTest::newRow("two hosts") << "/v1/live"_ba << QByteArrayList{"Host: 127.0.0.1", "Host: localhost"} << 400;
    QTest::newRow("empty origin") << "/v1/live"_ba << QByteArrayList{"Host: localhost", "Origin:"} << 403;
    QTest::newRow("two origins") << "/v1/live"_ba
                                 << QByteArrayList{"Host: localhost", good, "Origin: http://127.0.0.1"} << 403;
    QTest::newRow("foreign origin, other path") << "/v1/other"_ba << QByteArrayList{"Host: localhost", evil} << 403;
    QTest::newRow("listed origin, other path") << "/v1/other"_ba << QByteArrayList{"Host: localhost", good} << 404;
    QTest::newRow("foreign origin, forged token") << "/v1/live"_ba << QByteArrayList{"Host: localhost", evil, forged}
                                                  << 403;
    QTest::newRow("listed origin, no token") << "/v1/live"_ba << QByteArrayList{"Host: localhost", good} << 401;
    QTest::newRow("no origin, forged token") << "/v1/live"_ba << QByteArrayList{"Host: localhost", forged} << 401;
}

void TestLiveOrigin::orderOfUpgradeChecks()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArrayList, extraLines);
    QFETCH(int, status);

    const RawReply reply = RawHttp(m_server.url().port()).get(path, RawHttp::upgradeLines() + extraLines,
                                                              RawHttp::WaitForClose);
    QVERIFY(reply.isProblem(status));
    QVERIFY(reply.closed);
}

QTEST_GUILESS_MAIN(TestLiveOrigin)
#include "tst_liveorigin.moc"
