// The server's limits against abuse: request heads over 8 KiB (431), bodies announced over
// 8 MiB (413) or without a length (411), repeated failed logins (429 with a growing
// Retry-After, per user name and per address), request floods (429 per session or address),
// and WebSocket message floods (close 1008).
#include "liveclient.h"
#include "rawhttp.h"
#include "restclient.h"
#include "testserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;
using namespace Etagere::Test;

class TestLimits : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void requestHead_data();
    void requestHead();
    void headSentInPieces();
    void connectionGoesOnAfterAnAcceptedHead();
    void failedLoginsLockTheName();
    void failedLoginsLockTheAddress();
    void floodGets429();
    void floodingWebSocketIsClosed_data();
    void floodingWebSocketIsClosed();

private:
    [[nodiscard]] RawReply login(const QByteArray &peer, const QString &user, const QString &password);
    [[nodiscard]] QByteArray request(const QByteArray &requestLine, const QByteArray &extraHeaders) const;

    TestServer m_server;
};

namespace {

// A header line that makes a request head exactly `size` bytes long with `head` around it.
QByteArray padding(const QByteArray &head, qsizetype size)
{
    const QByteArray line = "X-Padding: ";
    return line + QByteArray(size - head.size() - line.size() - 2, 'p') + "\r\n";
}

} // namespace

void TestLimits::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY(m_server.addUser(u"alice"_s, u"right"_s));
    QVERIFY(m_server.addUser(u"bob"_s, u"right"_s));
}

QByteArray TestLimits::request(const QByteArray &requestLine, const QByteArray &extraHeaders) const
{
    return requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + m_server.token() + "\r\n"
           + extraHeaders + "\r\n";
}

// The size of a GET's head (request line, headers, blank line) or what else the request
// announces, and the answer.
void TestLimits::requestHead_data()
{
    QTest::addColumn<qsizetype>("headSize");
    QTest::addColumn<QByteArray>("extraHeaders");
    QTest::addColumn<int>("status");

    QTest::newRow("small") << qsizetype(0) << QByteArray() << 200;
    QTest::newRow("exactly 8 KiB") << qsizetype(8192) << QByteArray() << 200;
    QTest::newRow("8 KiB + 1") << qsizetype(8193) << QByteArray() << 431;
    QTest::newRow("64 KiB") << qsizetype(65536) << QByteArray() << 431;
    QTest::newRow("body of 100 MiB announced") << qsizetype(0) << "Content-Length: 104857600\r\n"_ba << 413;
    QTest::newRow("chunked body") << qsizetype(0) << "Transfer-Encoding: chunked\r\n"_ba << 411;
}

void TestLimits::requestHead()
{
    QFETCH(qsizetype, headSize);
    QFETCH(QByteArray, extraHeaders);
    QFETCH(int, status);
    QByteArray head = request("GET /v1/collections", extraHeaders);
    if (headSize > 0)
        head = request("GET /v1/collections", extraHeaders + padding(head, headSize));
    QVERIFY(headSize == 0 || head.size() == headSize);
    const RawReply reply = RawHttp(m_server.url().port()).send(head, status == 200 ? RawHttp::AnswerOnly
                                                                                   : RawHttp::WaitForClose);
    if (status == 200) {
        QCOMPARE(reply.status, 200);
        return;
    }
    QVERIFY(reply.isProblem(status));
    QCOMPARE(reply.header("Connection"), "close"_ba);
    QVERIFY2(reply.closed, "the server closes the connection after refusing it");
}

// A head that grows beyond the limit over several packets is refused as soon as it does,
// without waiting for its end.
void TestLimits::headSentInPieces()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server.url().port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /v1/collections HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Long: ");
    for (int i = 0; i < 3; ++i) {
        socket.write(QByteArray(3000, 'x'));
        QVERIFY(socket.waitForBytesWritten(5000));
        QTest::qWait(50); // separate packets
    }
    QTRY_VERIFY_WITH_TIMEOUT(socket.bytesAvailable() > 0 || socket.state() != QAbstractSocket::ConnectedState, 5000);
    const QByteArray answer = socket.readAll();
    QVERIFY2(answer.startsWith("HTTP/1.1 431 "), answer.constData());
    QTRY_VERIFY_WITH_TIMEOUT(socket.state() == QAbstractSocket::UnconnectedState, 5000);
}

// Requests on one connection are framed one after the other: a body is not taken for a head.
void TestLimits::connectionGoesOnAfterAnAcceptedHead()
{
    const QByteArray body = QJsonDocument(QJsonObject{{u"title"_s, u"t"_s}, {u"fields"_s, testFields()}})
                                .toJson(QJsonDocument::Compact);
    QByteArray bytes = request("PUT /v1/collections/framed", "If-None-Match: *\r\nContent-Type: application/json\r\n"
                                                             "Content-Length: "
                                                                 + QByteArray::number(body.size()) + "\r\n")
                       + body;
    QByteArray second = request("GET /v1/collections/framed", {});
    bytes += request("GET /v1/collections/framed", padding(second, 8000));
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server.url().port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write(bytes);
    QByteArray answers;
    QTRY_VERIFY_WITH_TIMEOUT((answers += socket.readAll()).count("HTTP/1.1 ") == 2, 5000);
    QVERIFY2(answers.startsWith("HTTP/1.1 201 "), answers.constData());
    QVERIFY2(answers.contains("HTTP/1.1 200 "), answers.constData());
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
}

RawReply TestLimits::login(const QByteArray &peer, const QString &user, const QString &password)
{
    const QByteArray body = QJsonDocument(QJsonObject{{u"user"_s, user}, {u"password"_s, password}})
                                .toJson(QJsonDocument::Compact);
    RawHttp http(m_server.url().port());
    http.setLocalAddress(QHostAddress(QString::fromLatin1(peer)));
    return http.send("POST /v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
}

// Five wrong passwords for alice, each from another address: alice is locked for 30 s, from
// anywhere and even with the right password; bob is not.
void TestLimits::failedLoginsLockTheName()
{
    for (int i = 1; i <= 5; ++i)
        QVERIFY(login("127.0.3." + QByteArray::number(i), u"alice"_s, u"wrong"_s).isProblem(401));
    const RawReply locked = login("127.0.3.9", u"alice"_s, u"right"_s);
    QVERIFY(locked.isProblem(429));
    const int retryAfter = locked.header("Retry-After").toInt();
    QVERIFY2(retryAfter > 25 && retryAfter <= 30, locked.header("Retry-After").constData());
    QCOMPARE(login("127.0.3.9", u"bob"_s, u"right"_s).status, 201);
}

// Five failures from one address, for five names: that address is locked for every name;
// another address is not. (Growing locks are in tst_loginthrottle.)
void TestLimits::failedLoginsLockTheAddress()
{
    for (int i = 1; i <= 5; ++i)
        QVERIFY(login("127.0.4.1", u"nobody-%1"_s.arg(i), u"x"_s).isProblem(401));
    const RawReply locked = login("127.0.4.1", u"bob"_s, u"right"_s);
    QVERIFY(locked.isProblem(429));
    QVERIFY(locked.header("Retry-After").toInt() > 0);
    QCOMPARE(login("127.0.4.2", u"bob"_s, u"right"_s).status, 201);
}

// With --rate-limit 5 (a burst of 10), a client that sends 40 requests at once gets 429s
// with Retry-After; another session at the same time is not slowed down.
void TestLimits::floodGets429()
{
    TestServer server({u"--rate-limit"_s, u"5"_s});
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QVERIFY(server.addUser(u"carol"_s, u"pass"_s));
    RestClient flooder(server.url(), server.token());
    QMap<int, int> statuses;
    QByteArray retryAfter;
    for (int i = 0; i < 40; ++i) {
        const RestReply reply = flooder.get(u"/v1/collections"_s);
        ++statuses[reply.status];
        if (reply.status == 429) {
            QVERIFY(reply.isProblem(429));
            retryAfter = reply.header("Retry-After");
        }
    }
    QVERIFY2(statuses.value(200) >= 10 && statuses.value(200) <= 20, qPrintable(QString::number(statuses.value(200))));
    QCOMPARE(statuses.value(200) + statuses.value(429), 40);
    QVERIFY(retryAfter.toInt() >= 1);
    RestClient other(server.url());
    QVERIFY(other.logInAs(u"carol"_s, u"pass"_s));
    QCOMPARE(other.get(u"/v1/collections"_s).status, 200);
}

// Messages a client sends at once, whether limits are on, and whether its socket is closed.
void TestLimits::floodingWebSocketIsClosed_data()
{
    QTest::addColumn<int>("messages");
    QTest::addColumn<bool>("limited");
    QTest::addColumn<bool>("closed");
    QTest::newRow("150: within the burst") << 150 << true << false;
    QTest::newRow("1000: beyond it") << 1000 << true << true;
    QTest::newRow("1000, --rate-limit 0") << 1000 << false << false;
}

void TestLimits::floodingWebSocketIsClosed()
{
    QFETCH(int, messages);
    QFETCH(bool, limited);
    QFETCH(bool, closed);
    TestServer server(limited ? QStringList() : QStringList{u"--rate-limit"_s, u"0"_s});
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    LiveClient client;
    client.setToken(server.token());
    QUrl url = server.url();
    url.setScheme(u"ws"_s);
    url.setPath(u"/v1/live"_s);
    QVERIFY(client.open(url));
    for (int i = 0; i < messages; ++i)
        client.send({{u"type"_s, u"hello"_s}, {u"collections"_s, QJsonObject()}});
    if (closed) {
        QVERIFY(client.waitForDisconnected());
        QCOMPARE(client.socket().closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        return;
    }
    int welcomes = 0;
    while (welcomes < messages && client.take()[u"type"_s] == u"welcome"_s)
        ++welcomes;
    QCOMPARE(welcomes, messages);
    QCOMPARE(client.socket().state(), QAbstractSocket::ConnectedState);
}

QTEST_GUILESS_MAIN(TestLimits)
#include "tst_limits.moc"
