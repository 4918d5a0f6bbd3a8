// Logging in and out, and what becomes of a token: accepted, malformed, missing, unknown,
// expired, revoked (logout, password change, user removed), and what becomes of the live
// sockets of a session when it ends or its user loses a right (closed within a second).
#include "liveclient.h"
#include "rawhttp.h"
#include "restclient.h"
#include "testserver.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace Etagere;
using namespace Etagere::Test;

class TestSessions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void loginGivesAToken();
    void loginRefusals_data();
    void loginRefusals();
    void wrongPasswordAndUnknownUserLookAlike();
    void tokenForms_data();
    void tokenForms();
    void upgradeNeedsAToken();
    void logoutEndsTheSessionAndItsSockets();
    void revocations_data();
    void revocations();
    void expiredSessionsEnd();
    void storedSecrets();

private:
    [[nodiscard]] QUrl liveUrl(const TestServer &server) const;
    /// A live client of `token` subscribed to `collection`; empty when it could not be.
    [[nodiscard]] std::unique_ptr<LiveClient> subscribe(const TestServer &server, const QByteArray &token,
                                                        const QString &collection);
    [[nodiscard]] RawReply loginFrom(const QByteArray &peer, const QByteArray &body,
                                     const QByteArray &contentType = "application/json");

    TestServer m_server;
    RestClient m_admin;
    int m_peers = 0;
};

namespace {

const QString AlicePassword = u"correct horse"_s;

QByteArray credentials(const QString &user, const QString &password)
{
    return QJsonDocument(QJsonObject{{u"user"_s, user}, {u"password"_s, password}}).toJson(QJsonDocument::Compact);
}

} // namespace

void TestSessions::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY(m_server.addUser(u"alice"_s, AlicePassword));
    m_admin.setBase(m_server.url());
    m_admin.setToken(m_server.token());
    QCOMPARE(m_admin.createCollection(u"notes"_s, testFields()), 201);
    QVERIFY(m_server.grant(u"alice"_s, u"notes"_s, u"read"_s));
}

QUrl TestSessions::liveUrl(const TestServer &server) const
{
    QUrl url = server.url();
    url.setScheme(u"ws"_s);
    url.setPath(u"/v1/live"_s);
    return url;
}

std::unique_ptr<LiveClient> TestSessions::subscribe(const TestServer &server, const QByteArray &token,
                                                    const QString &collection)
{
    auto client = std::make_unique<LiveClient>();
    client->setToken(token);
    if (!client->open(liveUrl(server)))
        return {};
    client->sendHello({{collection, 0}});
    if (client->take()[u"collections"_s].toObject().keys() != QStringList{collection})
        return {};
    static_cast<void>(client->drain());
    return client;
}

// A login through a raw connection from `peer` (an address in 127.0.0.0/8), so that the
// failures of one test case do not lock the next one out.
RawReply TestSessions::loginFrom(const QByteArray &peer, const QByteArray &body, const QByteArray &contentType)
{
    RawHttp http(m_server.url().port());
    http.setLocalAddress(QHostAddress(QString::fromLatin1(peer)));
    return http.send("POST /v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
                     + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
}

void TestSessions::loginGivesAToken()
{
    RestClient client(m_server.url());
    const RestReply reply = client.login(u"alice"_s, AlicePassword);
    QCOMPARE(reply.status, 201);
    QCOMPARE(reply.header("Cache-Control"), "no-store"_ba);
    const QJsonObject body = reply.value().toObject();
    QCOMPARE(body.keys(), (QStringList{u"expires"_s, u"token"_s, u"user"_s}));
    QCOMPARE(body[u"user"_s], u"alice"_s);
    const QByteArray token = body[u"token"_s].toString().toLatin1();
    QCOMPARE(token.size(), 43); // 32 random bytes in base64url
    QCOMPARE(QByteArray::fromBase64(token, QByteArray::Base64UrlEncoding).size(), 32);
    const QDateTime expires = QDateTime::fromString(body[u"expires"_s].toString(), Qt::ISODate);
    QCOMPARE(expires.timeSpec(), Qt::UTC);
    const qint64 lifetime = QDateTime::currentDateTimeUtc().secsTo(expires);
    QVERIFY2(lifetime > 12 * 3600 - 60 && lifetime <= 12 * 3600, qPrintable(QString::number(lifetime)));
    client.setToken(token);
    QCOMPARE(client.get(u"/v1/collections"_s).status, 200);
    QVERIFY(client.login(u"alice"_s, AlicePassword).value()[u"token"_s].toString().toLatin1() != token);
}

// What a refused login gets. Each row logs in from its own address.
void TestSessions::loginRefusals_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");

    const QByteArray json = "application/json";
    QTest::newRow("wrong password") << credentials(u"alice"_s, u"wrong"_s) << json << 401;
    QTest::newRow("unknown user") << credentials(u"nobody"_s, AlicePassword) << json << 401;
    QTest::newRow("local user (no password)") << credentials(TestServer::DefaultLocalUser, {}) << json << 401;
    QTest::newRow("empty password") << credentials(u"alice"_s, {}) << json << 401;
    QTest::newRow("invalid user name") << credentials(u"a b"_s, AlicePassword) << json << 401;
    QTest::newRow("password of another user") << credentials(TestServer::DefaultLocalUser, AlicePassword) << json << 401;
    QTest::newRow("malformed JSON") << "{\"user\": "_ba << json << 400;
    QTest::newRow("not an object") << "[\"alice\"]"_ba << json << 422;
    QTest::newRow("no password") << R"({"user": "alice"})"_ba << json << 422;
    QTest::newRow("password not a string") << R"({"user": "alice", "password": 7})"_ba << json << 422;
    QTest::newRow("password over 1 KiB") << credentials(u"alice"_s, QString(1025, u'p')) << json << 422;
    QTest::newRow("form-encoded") << "user=alice&password=x"_ba << "application/x-www-form-urlencoded"_ba << 415;
}

void TestSessions::loginRefusals()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    const RawReply reply = loginFrom("127.0.1." + QByteArray::number(++m_peers), body, contentType);
    QVERIFY(reply.isProblem(status));
    if (status == 401)
        QCOMPARE(reply.header("WWW-Authenticate"), R"(Bearer realm="etagere")"_ba);
    QVERIFY(reply.value()[u"token"_s].isUndefined());
}

// A wrong password and an unknown user get the same answer, in about the same time: the
// server verifies against a dummy Argon2id hash when the user does not exist. The fastest of
// three tries of each is compared, loosely (a factor of 3), against scheduling noise.
void TestSessions::wrongPasswordAndUnknownUserLookAlike()
{
    QVERIFY(m_server.addUser(u"dave"_s, u"dave's password"_s)); // his three failures lock nobody
    qint64 fastest[2] = {std::numeric_limits<qint64>::max(), std::numeric_limits<qint64>::max()};
    QByteArray bodies[2];
    for (int round = 0; round < 3; ++round) {
        for (int kind = 0; kind < 2; ++kind) {
            const QByteArray body = kind == 0 ? credentials(u"dave"_s, u"wrong"_s) : credentials(u"nobody"_s, u"x"_s);
            QElapsedTimer timer;
            timer.start();
            const RawReply reply = loginFrom("127.0.2." + QByteArray::number(++m_peers), body);
            fastest[kind] = std::min(fastest[kind], timer.elapsed());
            QVERIFY(reply.isProblem(401));
            bodies[kind] = reply.body;
        }
    }
    QCOMPARE(bodies[0], bodies[1]);
    qInfo("fastest refusal: wrong password %lld ms, unknown user %lld ms", fastest[0], fastest[1]);
    QVERIFY2(fastest[1] * 3 >= fastest[0] && fastest[0] * 3 >= fastest[1], "the two refusals take different times");
}

// The Authorization header sent (TOKEN: a valid token) and the answer to GET /v1/collections.
void TestSessions::tokenForms_data()
{
    QTest::addColumn<QByteArrayList>("lines");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("invalidToken"); ///< the 401 says error="invalid_token"

    const QByteArray unknown = QByteArray(43, 'A');
    QTest::newRow("valid") << QByteArrayList{"Authorization: Bearer TOKEN"} << QByteArray() << 200 << false;
    QTest::newRow("scheme in lower case") << QByteArrayList{"Authorization: bearer TOKEN"} << QByteArray() << 200 << false;
    QTest::newRow("extra spaces") << QByteArrayList{"Authorization: Bearer    TOKEN  "} << QByteArray() << 200 << false;
    QTest::newRow("missing") << QByteArrayList{} << QByteArray() << 401 << false;
    QTest::newRow("empty") << QByteArrayList{"Authorization:"} << QByteArray() << 401 << false;
    QTest::newRow("another scheme") << QByteArrayList{"Authorization: Basic YWxpY2U6eA=="} << QByteArray() << 401 << false;
    QTest::newRow("Bearer alone") << QByteArrayList{"Authorization: Bearer"} << QByteArray() << 401 << true;
    QTest::newRow("too short") << QByteArrayList{"Authorization: Bearer abc"} << QByteArray() << 401 << true;
    QTest::newRow("one character more") << QByteArrayList{"Authorization: Bearer TOKENx"} << QByteArray() << 401 << true;
    QTest::newRow("not base64url") << QByteArrayList{"Authorization: Bearer " + QByteArray(42, 'A') + "+"} << QByteArray() << 401 << true;
    QTest::newRow("well-formed, unknown") << QByteArrayList{"Authorization: Bearer " + unknown} << QByteArray() << 401 << true;
    QTest::newRow("token in the query only") << QByteArrayList{} << "?access_token=TOKEN"_ba << 401 << false;
    QTest::newRow("two headers") << QByteArrayList{"Authorization: Bearer TOKEN", "Authorization: Bearer TOKEN"}
                                 << QByteArray() << 401 << true;
}

void TestSessions::tokenForms()
{
    QFETCH(QByteArrayList, lines);
    QFETCH(QByteArray, query);
    QFETCH(int, status);
    QFETCH(bool, invalidToken);
    for (QByteArray &line : lines)
        line.replace("TOKEN", m_server.token());
    lines.append("Host: 127.0.0.1");
    const QByteArray path = "/v1/collections" + query.replace("TOKEN", m_server.token());
    const RawReply reply = RawHttp(m_server.url().port()).get(path, lines);
    if (status == 200) {
        QCOMPARE(reply.status, 200);
        return;
    }
    QVERIFY(reply.isProblem(status));
    const QByteArray challenge = reply.header("WWW-Authenticate");
    QVERIFY2(challenge.startsWith(R"(Bearer realm="etagere")"), challenge.constData());
    QCOMPARE(challenge.contains(R"(error="invalid_token")"), invalidToken);
}

void TestSessions::upgradeNeedsAToken()
{
    LiveClient anonymous;
    QVERIFY(!anonymous.tryOpen(liveUrl(m_server)));
    LiveClient forged;
    forged.setToken(QByteArray(43, 'A'));
    QVERIFY(!forged.tryOpen(liveUrl(m_server)));
    const RawReply reply = RawHttp(m_server.url().port()).get(
        "/v1/live", RawHttp::upgradeLines() + QByteArrayList{"Host: 127.0.0.1"}, RawHttp::WaitForClose);
    QVERIFY(reply.isProblem(401));
    QVERIFY(reply.closed);
}

void TestSessions::logoutEndsTheSessionAndItsSockets()
{
    RestClient first(m_server.url());
    QVERIFY(first.logInAs(u"alice"_s, AlicePassword));
    RestClient second(m_server.url());
    QVERIFY(second.logInAs(u"alice"_s, AlicePassword));
    const std::unique_ptr<LiveClient> live = subscribe(m_server, first.token(), u"notes"_s);
    QVERIFY(live);
    const RestReply reply = first.send("DELETE", u"/v1/sessions/current"_s);
    QCOMPARE(reply.status, 204);
    QTRY_VERIFY_WITH_TIMEOUT(live->socket().state() == QAbstractSocket::UnconnectedState, 1000);
    QCOMPARE(int(live->socket().closeCode()), 4401);
    const RestReply after = first.get(u"/v1/collections"_s);
    QVERIFY(after.isProblem(401));
    QVERIFY(after.header("WWW-Authenticate").contains("invalid_token"));
    QVERIFY(first.send("DELETE", u"/v1/sessions/current"_s).isProblem(401));
    QCOMPARE(second.get(u"/v1/collections"_s).status, 200); // her other session goes on
    QCOMPARE(first.send("GET", u"/v1/sessions/current"_s).status, 405);
}

// What the operator does while a user has a socket open on `notes`, the close code the
// socket gets within a second, and whether the user's token still works.
void TestSessions::revocations_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("closeCode");
    QTest::addColumn<bool>("tokenWorks");

    QTest::newRow("user remove") << QStringList{u"user"_s, u"remove"_s, u"USER"_s} << QByteArray() << 4401 << false;
    QTest::newRow("user passwd") << QStringList{u"user"_s, u"passwd"_s, u"USER"_s} << "new password\n"_ba << 4401
                                 << false;
    QTest::newRow("revoke read") << QStringList{u"revoke"_s, u"USER"_s, u"notes"_s} << QByteArray() << 4403 << true;
}

void TestSessions::revocations()
{
    QFETCH(QStringList, command);
    QFETCH(QByteArray, input);
    QFETCH(int, closeCode);
    QFETCH(bool, tokenWorks);
    const QString user = u"user-%1"_s.arg(++m_peers);
    QVERIFY(m_server.addUser(user, u"first password"_s));
    QVERIFY(m_server.grant(user, u"notes"_s, u"read"_s));
    RestClient client(m_server.url());
    QVERIFY(client.logInAs(user, u"first password"_s));
    const std::unique_ptr<LiveClient> live = subscribe(m_server, client.token(), u"notes"_s);
    QVERIFY(live);

    QCOMPARE(m_server.runCommand(command.replaceInStrings(u"USER"_s, user), input).exitCode, 0);
    QTRY_VERIFY_WITH_TIMEOUT(live->socket().state() == QAbstractSocket::UnconnectedState, 1000);
    QCOMPARE(int(live->socket().closeCode()), closeCode);
    QCOMPARE(client.get(u"/v1/collections"_s).status, tokenWorks ? 200 : 401);
    QVERIFY(client.get(u"/v1/collections/notes"_s).status != 200);
}

void TestSessions::expiredSessionsEnd()
{
    TestServer server({u"--session-hours"_s, u"0.0005"_s}); // 1.8 s
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QVERIFY(server.addUser(u"carol"_s, u"pass"_s));
    QVERIFY(server.grant(u"carol"_s, u"notes"_s, u"read"_s));
    RestClient admin(server.url(), server.token());
    QCOMPARE(admin.createCollection(u"notes"_s, testFields()), 201);
    RestClient client(server.url());
    const RestReply login = client.login(u"carol"_s, u"pass"_s);
    QCOMPARE(login.status, 201);
    const QDateTime expires = QDateTime::fromString(login.value()[u"expires"_s].toString(), Qt::ISODate);
    client.setToken(login.value()[u"token"_s].toString().toLatin1());
    const std::unique_ptr<LiveClient> live = subscribe(server, client.token(), u"notes"_s);
    QVERIFY(live);
    QCOMPARE(client.get(u"/v1/collections"_s).status, 200);

    QTRY_VERIFY_WITH_TIMEOUT(live->socket().state() == QAbstractSocket::UnconnectedState, 4000);
    QCOMPARE(int(live->socket().closeCode()), 4401);
    QVERIFY(QDateTime::currentDateTimeUtc() >= expires.addMSecs(-300)); // not long before its time
    const RestReply after = client.get(u"/v1/collections"_s);
    QVERIFY(after.isProblem(401));
    QVERIFY(after.header("WWW-Authenticate").contains("invalid_token"));
    QCOMPARE(admin.get(u"/v1/collections"_s).status, 200); // the local session lasts 30 days
}

// The database holds Argon2id strings, never a password, and SHA-256 digests, never a token.
void TestSessions::storedSecrets()
{
    RestClient client(m_server.url());
    QVERIFY(client.logInAs(u"alice"_s, AlicePassword));
    const QString connection = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(QDir(m_server.dataDir()).filePath(u"etagere.sqlite"_s));
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"_s);
        QVERIFY(db.open());
        QSqlQuery users(u"SELECT name, password FROM users WHERE password IS NOT NULL"_s, db);
        int hashes = 0;
        while (users.next()) {
            const QString hash = users.value(1).toString();
            QVERIFY2(hash.startsWith(u"$argon2id$v=19$m=19456,t=2,p=1$"_s), qPrintable(hash));
            QVERIFY(!hash.contains(AlicePassword));
            ++hashes;
        }
        QVERIFY(hashes >= 1);
        const QString digest = QString::fromLatin1(QCryptographicHash::hash(client.token(), QCryptographicHash::Sha256).toHex());
        QSqlQuery sessions(u"SELECT token_hash FROM sessions"_s, db);
        bool found = false;
        while (sessions.next()) {
            QVERIFY(!sessions.value(0).toString().contains(QString::fromLatin1(client.token())));
            found = found || sessions.value(0).toString() == digest;
        }
        QVERIFY(found);
    }
    QSqlDatabase::removeDatabase(connection);
}

QTEST_GUILESS_MAIN(TestSessions)
#include "tst_sessions.moc"
