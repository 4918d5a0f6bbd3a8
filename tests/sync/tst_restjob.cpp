#include "fetchchangesjob.h"
#include "fetchrecordsjob.h"
#include "listcollectionsjob.h"
#include "networkaccess.h"
#include "scriptedserver.h"
#include "sessionjob.h"
#include "writerecordjob.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

namespace {

using Header = std::pair<QByteArray, QByteArray>;

QJsonObject obj(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

QByteArray changeJson(qint64 seq, const char *id)
{
    Change change;
    change.seq = seq;
    change.collection = u"tasks"_s;
    change.id = QString::fromLatin1(id);
    change.etag = u"\"e%1\""_s.arg(seq);
    change.data = QJsonObject{{u"title"_s, u"t"_s}};
    change.author = u"bob"_s;
    return QJsonDocument(change.toJson()).toJson(QJsonDocument::Compact);
}

} // namespace

class TestRestJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void listCollections();
    void fetchRecordsPagesUntilNextIsNull();
    void fetchChangesPagesUntilCaughtUp();
    void writeRequests_data();
    void writeRequests();
    void errorTaxonomy_data();
    void errorTaxonomy();
    void retryAfter_data();
    void retryAfter();
    void tokenGoesOnEveryRequest_data();
    void tokenGoesOnEveryRequest();
    void signIn_data();
    void signIn();
    void signOutEndsTheCurrentSession();
    void unreadableSuccessIsProtocolError();
    void noAnswerIsTimeoutAndFinishesOnce();

private:
    /// Starts `job`, waits for finished(); true when it finished exactly once.
    [[nodiscard]] bool run(RestJob *job);

    NetworkAccess m_network;
    std::unique_ptr<ScriptedServer> m_server;
};

void TestRestJob::init()
{
    m_server = std::make_unique<ScriptedServer>();
    QVERIFY(m_server->listen());
}

void TestRestJob::cleanup()
{
    m_server.reset();
}

bool TestRestJob::run(RestJob *job)
{
    job->setAutoDelete(false);
    QSignalSpy spy(job, &RestJob::finished);
    job->start();
    if (!spy.wait(5000) || spy.count() != 1)
        return false;
    return job->isFinished() && spy.at(0).at(0).value<RestJob *>() == job;
}

void TestRestJob::listCollections()
{
    m_server->setHandler([](const ScriptedServer::Request &request) {
        if (request.method != "GET" || request.path != "/v1/collections"_L1)
            return ScriptedServer::json(404, "{}");
        return ScriptedServer::json(200, R"({"collections":[{"name":"tasks","title":"Tasks","seq":7,"fields":[
            {"name":"title","type":"string","title":"Title","required":true},
            {"name":"state","type":"enum","title":"State","required":false,"values":["open","done"]}]}]})");
    });
    ListCollectionsJob job(&m_network, m_server->url());
    QVERIFY(run(&job));
    QCOMPARE(job.error(), RestJob::Error::None);
    QCOMPARE(job.collections().size(), 1);
    const CollectionSchema tasks = job.collections().constFirst();
    QCOMPARE(tasks.name, u"tasks"_s);
    QCOMPARE(tasks.seq, 7);
    QCOMPARE(tasks.fields.size(), 2);
    QCOMPARE(tasks.fields.at(1).values, QStringList({u"open"_s, u"done"_s}));
    QCOMPARE(m_server->requests().constFirst().headers.value("accept"), "application/json"_ba);
}

void TestRestJob::fetchRecordsPagesUntilNextIsNull()
{
    // Three pages; the collection's number grows while paging: the job keeps the first.
    m_server->setHandler([](const ScriptedServer::Request &request) {
        const QString after = request.query.queryItemValue(u"after"_s);
        if (after.isEmpty())
            return ScriptedServer::json(200, R"({"seq":10,"records":[{"id":"a","etag":"\"1\"","seq":1,"data":{"n":1}},
                {"id":"b","etag":"\"2\"","seq":2,"data":{"n":2}}],"next":"b"})");
        if (after == "b"_L1)
            return ScriptedServer::json(200, R"({"seq":11,"records":[{"id":"c","etag":"\"3\"","seq":3,"data":{"n":3}}],"next":"c"})");
        return ScriptedServer::json(200, R"({"seq":12,"records":[{"id":"d","etag":"\"4\"","seq":11,"data":{"n":4}}],"next":null})");
    });
    FetchRecordsJob job(&m_network, m_server->url(), u"tasks"_s);
    job.setPageSize(2);
    QVERIFY(run(&job));
    QCOMPARE(job.error(), RestJob::Error::None);
    QCOMPARE(job.seq(), 10);
    QCOMPARE(job.pageCount(), 3);
    QStringList ids;
    for (const Record &record : job.records())
        ids.append(record.id);
    QCOMPARE(ids, QStringList({u"a"_s, u"b"_s, u"c"_s, u"d"_s}));
    QCOMPARE(job.records().at(3).data, obj(R"({"n":4})"));
    const QList<ScriptedServer::Request> requests = m_server->requests();
    QCOMPARE(requests.size(), 3);
    QCOMPARE(requests.at(0).path, u"/v1/collections/tasks/records"_s);
    QCOMPARE(requests.at(0).query.queryItemValue(u"limit"_s), u"2"_s);
    QVERIFY(!requests.at(0).query.hasQueryItem(u"after"_s));
    QCOMPARE(requests.at(2).query.queryItemValue(u"after"_s), u"c"_s);
}

void TestRestJob::fetchChangesPagesUntilCaughtUp()
{
    m_server->setHandler([](const ScriptedServer::Request &request) {
        const int since = request.query.queryItemValue(u"since"_s).toInt();
        if (since == 4)
            return ScriptedServer::json(200, R"({"seq":7,"changes":[)" + changeJson(5, "a") + "," + changeJson(6, "b") + "]}");
        return ScriptedServer::json(200, R"({"seq":7,"changes":[)" + changeJson(7, "a") + "]}");
    });
    FetchChangesJob job(&m_network, m_server->url(), u"tasks"_s, 4);
    QVERIFY(run(&job));
    QCOMPARE(job.error(), RestJob::Error::None);
    QCOMPARE(job.seq(), 7);
    QCOMPARE(job.changes().size(), 3);
    QCOMPARE(job.changes().at(2).seq, 7);
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_server->requests().at(0).path, u"/v1/collections/tasks/changes"_s);
    QCOMPARE(m_server->requests().at(1).query.queryItemValue(u"since"_s), u"6"_s);
}

void TestRestJob::writeRequests_data()
{
    QTest::addColumn<WriteRecordJob::Mode>("mode");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("conditionHeader");
    QTest::addColumn<QByteArray>("conditionValue");
    QTest::addColumn<int>("status");

    QTest::newRow("create") << WriteRecordJob::Mode::Create << "PUT"_ba << "if-none-match"_ba << "*"_ba << 201;
    QTest::newRow("replace") << WriteRecordJob::Mode::Replace << "PUT"_ba << "if-match"_ba << "\"e1\""_ba << 200;
    QTest::newRow("delete") << WriteRecordJob::Mode::Delete << "DELETE"_ba << "if-match"_ba << "\"e1\""_ba << 204;
}

void TestRestJob::writeRequests()
{
    QFETCH(WriteRecordJob::Mode, mode);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, conditionHeader);
    QFETCH(QByteArray, conditionValue);
    QFETCH(int, status);

    m_server->setHandler([status](const ScriptedServer::Request &) {
        return ScriptedServer::Response{status, {{"ETag"_ba, "\"e2\""_ba}}, {}, false, false};
    });
    const QJsonObject data = obj(R"({"title":"Write it"})");
    WriteRecordJob job(&m_network, m_server->url(), mode, u"tasks"_s, u"r-1"_s, data, u"\"e1\""_s);
    QVERIFY(run(&job));
    QCOMPARE(job.error(), RestJob::Error::None);
    const ScriptedServer::Request request = m_server->requests().constFirst();
    QCOMPARE(request.method, method);
    QCOMPARE(request.path, u"/v1/collections/tasks/records/r-1"_s);
    QCOMPARE(request.headers.value(conditionHeader), conditionValue);
    QVERIFY(!request.headers.contains(conditionHeader == "if-match" ? "if-none-match"_ba : "if-match"_ba));
    if (mode == WriteRecordJob::Mode::Delete) {
        QVERIFY(request.body.isEmpty());
        QVERIFY(job.newEtag().isEmpty());
    } else {
        QCOMPARE(obj(request.body), data);
        QCOMPARE(request.headers.value("content-type"), "application/json"_ba);
        QCOMPARE(job.newEtag(), u"\"e2\""_s);
        QCOMPARE(job.data(), data);
    }
}

void TestRestJob::errorTaxonomy_data()
{
    // How the peer behaves: "answers" with status/etag/body, stays "silent" (timeout),
    // "resets" the connection, or is a port nobody listens on ("refused").
    QTest::addColumn<QString>("peer");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("etag");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<RestJob::Error>("expected");
    QTest::addColumn<QJsonValue>("serverData");
    QTest::addColumn<QString>("serverEtag");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("detail"); ///< part of errorString()

    using E = RestJob::Error;
    const QJsonValue none;
    const QString noText;
    const auto noAnswer = [&](const char *name, const QString &peer, E expected, const QString &detail) {
        QTest::newRow(name) << peer << 0 << QByteArray() << QByteArray() << expected << none << noText << noText << detail;
    };
    noAnswer("network: refused", u"refused"_s, E::Network, noText);
    noAnswer("network: reset", u"resets"_s, E::Network, noText);
    noAnswer("timeout", u"silent"_s, E::Timeout, u"150 ms"_s);

    const QByteArray theirs = R"({"title":"Theirs"})"_ba;
    const QJsonValue theirsValue(QJsonObject{{u"title"_s, u"Theirs"_s}});
    QTest::newRow("412 with the server's copy and ETag")
        << u"answers"_s << 412 << "\"e9\""_ba << theirs << E::Conflict << theirsValue << u"\"e9\""_s << noText << u"412"_s;
    QTest::newRow("412 on a deleted record")
        << u"answers"_s << 412 << QByteArray() << "null"_ba << E::Conflict << QJsonValue(QJsonValue::Null) << noText
        << noText << u"412"_s;
    QTest::newRow("422 with its field")
        << u"answers"_s << 422 << QByteArray()
        << R"({"type":"about:blank","title":"Unprocessable","status":422,"detail":"not one of open, done","field":"state"})"_ba
        << E::Validation << none << noText << u"state"_s << u"not one of open, done"_s;

    const QByteArray problem = R"({"type":"about:blank","title":"T","status":0,"detail":"went wrong"})"_ba;
    const auto answer = [&](const char *name, int status, const QByteArray &body, E expected, const QString &detail) {
        QTest::newRow(name) << u"answers"_s << status << QByteArray() << body << expected << none << noText << noText << detail;
    };
    answer("412 without the copy", 412, "<html>"_ba, E::Protocol, u"412"_s);
    answer("428", 428, problem, E::PreconditionRequired, u"went wrong"_s);
    answer("404", 404, problem, E::NotFound, u"went wrong"_s);
    answer("404 with garbage", 404, "<html>"_ba, E::NotFound, u"404"_s);
    answer("410", 410, problem, E::Gone, u"went wrong"_s);
    answer("401", 401, problem, E::Unauthorized, u"went wrong"_s);
    answer("429", 429, problem, E::RateLimited, u"went wrong"_s);
    answer("403", 403, problem, E::Forbidden, u"went wrong"_s);
    answer("400", 400, problem, E::BadRequest, u"went wrong"_s);
    answer("413", 413, problem, E::BadRequest, u"went wrong"_s);
    answer("415", 415, problem, E::BadRequest, u"went wrong"_s);
    answer("500", 500, problem, E::Server, u"went wrong"_s);
    answer("503 without body", 503, QByteArray(), E::Server, u"503"_s);
    answer("304 unexpected", 304, QByteArray(), E::Protocol, u"304"_s);
}

void TestRestJob::errorTaxonomy()
{
    QFETCH(QString, peer);
    QFETCH(int, status);
    QFETCH(QByteArray, etag);
    QFETCH(QByteArray, body);
    QFETCH(RestJob::Error, expected);
    QFETCH(QJsonValue, serverData);
    QFETCH(QString, serverEtag);
    QFETCH(QString, field);
    QFETCH(QString, detail);

    // A problem document carries the answer's own status.
    const QByteArray sent = QByteArray(body).replace("\"status\":0", "\"status\":" + QByteArray::number(status));
    ScriptedServer::Response response{status, {}, sent, peer == "silent"_L1, peer == "resets"_L1};
    response.headers.append({"Content-Type"_ba, body.startsWith('{') ? "application/problem+json"_ba : "application/json"_ba});
    if (!etag.isEmpty())
        response.headers.append({"ETag"_ba, etag});
    m_server->setHandler([response](const ScriptedServer::Request &) { return response; });
    // "refused": a port bound (so nobody else can take it) but never listening.
    QTcpSocket portHolder;
    QUrl url = m_server->url();
    if (peer == "refused"_L1) {
        QVERIFY(portHolder.bind(QHostAddress::LocalHost, 0, QAbstractSocket::DontShareAddress));
        url.setPort(portHolder.localPort());
    }
    WriteRecordJob job(&m_network, url, WriteRecordJob::Mode::Replace, u"tasks"_s, u"r1"_s, obj(R"({"title":"x"})"),
                       u"\"e1\""_s);
    job.setTimeout(peer == "silent"_L1 ? 150 : 5000);
    QVERIFY(run(&job));
    QCOMPARE(job.error(), expected);
    QCOMPARE(job.httpStatus(), peer == "answers"_L1 ? status : 0);
    QCOMPARE(job.serverData(), serverData);
    QCOMPARE(job.serverEtag(), serverEtag);
    QCOMPARE(job.problemField(), field);
    QVERIFY(!job.errorString().isEmpty());
    QVERIFY2(job.errorString().contains(detail), qPrintable(job.errorString()));
    QVERIFY(job.newEtag().isEmpty());
}

void TestRestJob::retryAfter_data()
{
    QTest::addColumn<QByteArray>("header"); // empty: none sent
    QTest::addColumn<int>("seconds");
    QTest::newRow("seconds") << "7"_ba << 7;
    QTest::newRow("none") << QByteArray() << 1;
    QTest::newRow("zero") << "0"_ba << 1;
    QTest::newRow("an HTTP date") << "Wed, 21 Oct 2026 07:28:00 GMT"_ba << 1;
}

void TestRestJob::retryAfter()
{
    QFETCH(QByteArray, header);
    QFETCH(int, seconds);
    ScriptedServer::Response response = ScriptedServer::json(429, R"({"title":"Too many requests"})"_ba);
    if (!header.isEmpty())
        response.headers.append({"Retry-After"_ba, header});
    m_server->setHandler([response](const ScriptedServer::Request &) { return response; });
    ListCollectionsJob job(&m_network, m_server->url());
    QVERIFY(run(&job));
    QCOMPARE(job.error(), RestJob::Error::RateLimited);
    QCOMPARE(job.retryAfterSeconds(), seconds);
}

void TestRestJob::tokenGoesOnEveryRequest_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QByteArray>("authorization"); // empty: no header at all
    QTest::newRow("signed in") << "abc-123_x"_ba << "Bearer abc-123_x"_ba;
    QTest::newRow("no session") << QByteArray() << QByteArray();
}

void TestRestJob::tokenGoesOnEveryRequest()
{
    QFETCH(QByteArray, token);
    QFETCH(QByteArray, authorization);
    m_network.setBearerToken(token);
    m_server->setHandler([](const ScriptedServer::Request &request) {
        if (request.path.endsWith("/changes"_L1))
            return ScriptedServer::json(200, R"({"seq":0,"changes":[]})"_ba);
        return ScriptedServer::json(200, R"({"seq":0,"records":[],"next":null})"_ba);
    });
    FetchRecordsJob records(&m_network, m_server->url(), u"tasks"_s);
    QVERIFY(run(&records));
    FetchChangesJob changes(&m_network, m_server->url(), u"tasks"_s, 0);
    QVERIFY(run(&changes));
    const QList<ScriptedServer::Request> requests = m_server->requests();
    QCOMPARE(requests.size(), 2);
    for (const ScriptedServer::Request &request : requests) {
        QCOMPARE(request.headers.value("authorization"_ba), authorization);
        QCOMPARE(request.headers.contains("authorization"_ba), !authorization.isEmpty());
    }
    m_network.setBearerToken({});
}

void TestRestJob::signIn_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<RestJob::Error>("expected");
    QTest::addColumn<QByteArray>("token");
    const QByteArray session = R"({"token":"tok_123","user":"alice","expires":"2026-11-28T07:00:00Z"})"_ba;
    QTest::newRow("signed in") << 201 << session << RestJob::Error::None << "tok_123"_ba;
    QTest::newRow("wrong password") << 401 << R"({"title":"Unauthorized","status":401})"_ba
                                    << RestJob::Error::Unauthorized << QByteArray();
    QTest::newRow("too many attempts") << 429 << R"({"title":"Too Many Requests","status":429})"_ba
                                       << RestJob::Error::RateLimited << QByteArray();
    QTest::newRow("no token") << 201 << R"({"user":"alice","expires":"2026-11-28T07:00:00Z"})"_ba
                              << RestJob::Error::Protocol << QByteArray();
    QTest::newRow("bad expiry") << 201 << R"({"token":"t","user":"alice","expires":"tomorrow"})"_ba
                                << RestJob::Error::Protocol << QByteArray();
}

void TestRestJob::signIn()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(RestJob::Error, expected);
    QFETCH(QByteArray, token);
    m_server->setHandler([status, body](const ScriptedServer::Request &) { return ScriptedServer::json(status, body); });
    SessionJob job(&m_network, m_server->url(), u"alice"_s, u"pa ss\"wörd"_s);
    QVERIFY(run(&job));
    QCOMPARE(job.error(), expected);
    QCOMPARE(job.token(), token);
    const ScriptedServer::Request request = m_server->requests().constFirst();
    QCOMPARE(request.method, "POST"_ba);
    QCOMPARE(request.path, u"/v1/sessions"_s);
    QCOMPARE(obj(request.body), obj(R"({"user":"alice","password":"pa ss\"wörd"})"));
    if (expected == RestJob::Error::None) {
        QCOMPARE(job.user(), u"alice"_s);
        QCOMPARE(job.expires(), QDateTime(QDate(2026, 11, 28), QTime(7, 0), Qt::UTC));
    }
}

void TestRestJob::signOutEndsTheCurrentSession()
{
    m_network.setBearerToken("tok_123"_ba);
    m_server->setHandler([](const ScriptedServer::Request &) { return ScriptedServer::Response{204, {}, {}, false, false}; });
    SessionJob job(&m_network, m_server->url());
    QVERIFY(run(&job));
    QCOMPARE(job.error(), RestJob::Error::None);
    const ScriptedServer::Request request = m_server->requests().constFirst();
    QCOMPARE(request.method, "DELETE"_ba);
    QCOMPARE(request.path, u"/v1/sessions/current"_s);
    QCOMPARE(request.headers.value("authorization"_ba), "Bearer tok_123"_ba);
    m_network.setBearerToken({});
}

void TestRestJob::unreadableSuccessIsProtocolError()
{
    m_server->setHandler([](const ScriptedServer::Request &) { return ScriptedServer::json(200, "{\"seq\": 1, garbage"); });
    FetchRecordsJob job(&m_network, m_server->url(), u"tasks"_s);
    QVERIFY(run(&job));
    QCOMPARE(job.error(), RestJob::Error::Protocol);

    m_server->setHandler([](const ScriptedServer::Request &) { return ScriptedServer::json(200, R"({"seq":1})"); });
    FetchRecordsJob missingMembers(&m_network, m_server->url(), u"tasks"_s);
    QVERIFY(run(&missingMembers));
    QCOMPARE(missingMembers.error(), RestJob::Error::Protocol);

    m_server->setHandler([](const ScriptedServer::Request &) { return ScriptedServer::Response{201, {}, {}, false, false}; });
    WriteRecordJob noEtag(&m_network, m_server->url(), WriteRecordJob::Mode::Create, u"tasks"_s, u"r1"_s, {}, {});
    QVERIFY(run(&noEtag));
    QCOMPARE(noEtag.error(), RestJob::Error::Protocol);
}

void TestRestJob::noAnswerIsTimeoutAndFinishesOnce()
{
    m_server->setHandler([](const ScriptedServer::Request &) { return ScriptedServer::Response{200, {}, {}, true, false}; });
    ListCollectionsJob job(&m_network, m_server->url());
    QCOMPARE(job.timeout(), RestJob::DefaultTimeoutMs);
    job.setTimeout(150);
    job.setAutoDelete(false);
    QSignalSpy spy(&job, &RestJob::finished);
    job.start();
    QVERIFY(spy.wait(5000));
    QCOMPARE(job.error(), RestJob::Error::Timeout);
    QVERIFY(!spy.wait(300)); // the aborted reply does not finish the job a second time
    QCOMPARE(spy.count(), 1);
}

QTEST_GUILESS_MAIN(TestRestJob)
#include "tst_restjob.moc"
