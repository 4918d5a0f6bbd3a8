// The REST side of etagere-server against PROTOCOL.md, on a real server on a free port.
#include "restclient.h"
#include "testserver.h"
#include "wirecodec.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QJsonArray>
#include <QJsonObject>
#include <QDateTime>
#include <QLocale>
#include <QSet>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QUuid>
#include <QWebSocket>

using namespace Qt::StringLiterals;
using Etagere::TestServer;
using Etagere::WireCodec::decode;
using Etagere::WireCodec::encode;
using Etagere::WireFormat;
using namespace Etagere::Test;

class TestRestApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void listCollections();
    void createCollection_data();
    void createCollection();
    void getCollection();

    void recordLifecycle();
    void createWithClientIdIsSafeToRetry();
    void preconditions_data();
    void preconditions();
    void head();
    void dateHeader_data();
    void dateHeader();

    void negotiation_data();
    void negotiation();
    void cborRequestAndResponse();

    void liveEndpoint();
    void demoCollection();

private:
    TestServer m_server;
    RestClient m_client;
};

void TestRestApi::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_client.setBase(m_server.url());
    m_client.setToken(m_server.token());
}

// ---- collections ------------------------------------------------------------------------

void TestRestApi::listCollections()
{
    const QString name = m_client.newCollection();
    const RestReply reply = m_client.get(u"/v1/collections"_s);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("Content-Type"), "application/json"_ba);
    const QJsonArray list = reply.value()[u"collections"_s].toArray();
    const auto found = std::find_if(list.begin(), list.end(),
                                    [&name](const QJsonValue &c) { return c[u"name"_s].toString() == name; });
    QVERIFY(found != list.end());
    QCOMPARE((*found)[u"seq"_s].toInteger(), 0);
    QCOMPARE((*found)[u"title"_s].toString(), name);
    QCOMPARE((*found)[u"fields"_s].toArray(), testFields());
}

void TestRestApi::createCollection_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("ifNoneMatch");
    QTest::addColumn<bool>("existing");
    QTest::addColumn<int>("status");

    const QJsonObject valid{{u"title"_s, u"Notes"_s}, {u"fields"_s, testFields()}};
    const QByteArray json = encode(valid, WireFormat::Json);
    QTest::newRow("created") << "application/json"_ba << json << "*"_ba << false << 201;
    QTest::newRow("created from CBOR") << "application/cbor"_ba << encode(valid, WireFormat::Cbor) << "*"_ba << false << 201;
    QTest::newRow("no If-None-Match") << "application/json"_ba << json << QByteArray() << false << 428;
    QTest::newRow("exists") << "application/json"_ba << json << "*"_ba << true << 412;
    QTest::newRow("malformed") << "application/json"_ba << "{\"title\": "_ba << "*"_ba << false << 400;
    QTest::newRow("unknown field type") << "application/json"_ba
                                        << R"({"title": "x", "fields": [{"name": "a", "type": "colour", "title": "A"}]})"_ba
                                        << "*"_ba << false << 422;
    QTest::newRow("not an object") << "application/json"_ba << "[]"_ba << "*"_ba << false << 422;
    QTest::newRow("text/plain") << "text/plain"_ba << json << "*"_ba << false << 415;
}

void TestRestApi::createCollection()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, ifNoneMatch);
    QFETCH(bool, existing);
    QFETCH(int, status);

    const QString name = existing ? m_client.newCollection() : u"made-"_s + QString::number(QDateTime::currentMSecsSinceEpoch());
    Headers headers{{"Content-Type", contentType}};
    if (!ifNoneMatch.isEmpty())
        headers.append({"If-None-Match", ifNoneMatch});
    const RestReply reply = m_client.send("PUT", u"/v1/collections/"_s + name, body, headers);
    QCOMPARE(reply.status, status);
    const RestReply after = m_client.get(u"/v1/collections/"_s + name);
    if (status == 201) {
        QCOMPARE(reply.header("Location"), (u"/v1/collections/"_s + name).toUtf8());
        QCOMPARE(reply.value()[u"name"_s].toString(), name);
        QCOMPARE(after.value()[u"fields"_s].toArray(), testFields());
    } else if (status == 412) {
        QCOMPARE(reply.value()[u"name"_s].toString(), name); // the existing collection
    } else {
        QVERIFY(reply.isProblem(status));
        QCOMPARE(after.status, 404); // nothing was created
    }
}

void TestRestApi::getCollection()
{
    const QString name = m_client.newCollection();
    const RestReply reply = m_client.get(u"/v1/collections/"_s + name);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.value()[u"name"_s].toString(), name);
    QVERIFY(m_client.get(u"/v1/collections/nosuch"_s).isProblem(404));
}

// ---- records ----------------------------------------------------------------------------

void TestRestApi::recordLifecycle()
{
    const QString c = m_client.newCollection();
    const QJsonObject first{{u"title"_s, u"Buy milk"_s}, {u"count"_s, 2}, {u"due"_s, u"2025-03-01"_s}};
    const RestReply created = m_client.sendJson("POST", u"/v1/collections/%1/records"_s.arg(c), first);
    QCOMPARE(created.status, 201);
    const QByteArray location = created.header("Location");
    QVERIFY(location.startsWith((u"/v1/collections/%1/records/"_s.arg(c)).toUtf8()));
    QVERIFY(created.header("ETag").startsWith('"'));
    QCOMPARE(created.value().toObject(), first);

    RestReply read = m_client.get(QString::fromUtf8(location));
    QCOMPARE(read.status, 200);
    QCOMPARE(read.header("ETag"), created.header("ETag"));
    QCOMPARE(read.header("Cache-Control"), "no-cache"_ba);
    QCOMPARE(read.value().toObject(), first);

    const QJsonObject second{{u"title"_s, u"Buy oat milk"_s}, {u"kind"_s, u"a"_s}};
    const RestReply replaced = m_client.sendJson("PUT", QString::fromUtf8(location), second,
                                                 {{"If-Match", created.header("ETag")}});
    QCOMPARE(replaced.status, 200);
    QCOMPARE(replaced.value().toObject(), second);
    QVERIFY(replaced.header("ETag") != created.header("ETag"));
    QVERIFY(replaced.header("Location").isEmpty());

    const RestReply patched = m_client.send("PATCH", QString::fromUtf8(location), R"({"kind": null, "done": true})"_ba,
                                            {{"If-Match", replaced.header("ETag")},
                                             {"Content-Type", "application/merge-patch+json"}});
    QCOMPARE(patched.status, 200);
    const QJsonObject third{{u"title"_s, u"Buy oat milk"_s}, {u"done"_s, true}};
    QCOMPARE(patched.value().toObject(), third);
    QCOMPARE(m_client.get(QString::fromUtf8(location)).value().toObject(), third);

    const RestReply deleted = m_client.send("DELETE", QString::fromUtf8(location), {},
                                            {{"If-Match", patched.header("ETag")}});
    QCOMPARE(deleted.status, 204);
    QVERIFY(deleted.body.isEmpty());
    QVERIFY(m_client.get(QString::fromUtf8(location)).isProblem(404));
    QCOMPARE(m_client.get(u"/v1/collections/%1/records"_s.arg(c)).value()[u"records"_s].toArray().size(), 0);
    QCOMPARE(m_client.collectionSeq(c), 4);
}

void TestRestApi::createWithClientIdIsSafeToRetry()
{
    const QString c = m_client.newCollection();
    const QString id = newId();
    const QJsonObject data{{u"title"_s, u"once"_s}};
    const RestReply first = m_client.sendJson("PUT", recordUrl(c, id), data, {{"If-None-Match", "*"}});
    QCOMPARE(first.status, 201);
    QCOMPARE(first.header("Location"), recordUrl(c, id).toUtf8());
    const RestReply retry = m_client.sendJson("PUT", recordUrl(c, id), data, {{"If-None-Match", "*"}});
    QCOMPARE(retry.status, 412);
    QCOMPARE(retry.header("ETag"), first.header("ETag"));
    QCOMPARE(retry.value().toObject(), data);
    QCOMPARE(m_client.collectionSeq(c), 1);
}

void TestRestApi::preconditions_data()
{
    // ifMatch / ifNoneMatch: CURRENT is the record's etag, OLD an earlier one.
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("state"); // live, deleted or never
    QTest::addColumn<QByteArray>("ifMatch");
    QTest::addColumn<QByteArray>("ifNoneMatch");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("body"); // written, current, null, problem, empty

    const QString live = u"live"_s, deleted = u"deleted"_s, never = u"never"_s;
    const QString written = u"written"_s, current = u"current"_s, null = u"null"_s, problem = u"problem"_s,
                  empty = u"empty"_s;
    QTest::newRow("PUT without precondition") << "PUT"_ba << live << ""_ba << ""_ba << 428 << problem;
    QTest::newRow("PATCH without precondition") << "PATCH"_ba << live << ""_ba << ""_ba << 428 << problem;
    QTest::newRow("DELETE without precondition") << "DELETE"_ba << live << ""_ba << ""_ba << 428 << problem;
    QTest::newRow("PUT current") << "PUT"_ba << live << "CURRENT"_ba << ""_ba << 200 << written;
    QTest::newRow("PATCH current") << "PATCH"_ba << live << "CURRENT"_ba << ""_ba << 200 << written;
    QTest::newRow("DELETE current") << "DELETE"_ba << live << "CURRENT"_ba << ""_ba << 204 << empty;
    QTest::newRow("PUT If-Match *") << "PUT"_ba << live << "*"_ba << ""_ba << 200 << written;
    QTest::newRow("PUT list with current") << "PUT"_ba << live << "\"x\", CURRENT"_ba << ""_ba << 200 << written;
    QTest::newRow("PUT stale") << "PUT"_ba << live << "OLD"_ba << ""_ba << 412 << current;
    QTest::newRow("PATCH stale") << "PATCH"_ba << live << "OLD"_ba << ""_ba << 412 << current;
    QTest::newRow("DELETE stale") << "DELETE"_ba << live << "OLD"_ba << ""_ba << 412 << current;
    QTest::newRow("PUT weak current") << "PUT"_ba << live << "W/CURRENT"_ba << ""_ba << 412 << current;
    QTest::newRow("PUT malformed If-Match") << "PUT"_ba << live << "abc"_ba << ""_ba << 400 << problem;
    QTest::newRow("PUT If-None-Match * existing") << "PUT"_ba << live << ""_ba << "*"_ba << 412 << current;
    QTest::newRow("GET If-None-Match current") << "GET"_ba << live << ""_ba << "CURRENT"_ba << 304 << empty;
    QTest::newRow("GET If-None-Match *") << "GET"_ba << live << ""_ba << "*"_ba << 304 << empty;
    QTest::newRow("GET If-None-Match weak current") << "GET"_ba << live << ""_ba << "W/CURRENT"_ba << 304 << empty;
    QTest::newRow("GET If-None-Match stale") << "GET"_ba << live << ""_ba << "OLD"_ba << 200 << current;
    QTest::newRow("GET If-Match stale") << "GET"_ba << live << "OLD"_ba << ""_ba << 412 << current;
    QTest::newRow("PUT deleted") << "PUT"_ba << deleted << "OLD"_ba << ""_ba << 412 << null;
    QTest::newRow("PATCH deleted") << "PATCH"_ba << deleted << "OLD"_ba << ""_ba << 412 << null;
    QTest::newRow("DELETE deleted") << "DELETE"_ba << deleted << "OLD"_ba << ""_ba << 412 << null;
    QTest::newRow("PUT If-Match * deleted") << "PUT"_ba << deleted << "*"_ba << ""_ba << 412 << null;
    QTest::newRow("PUT recreates deleted") << "PUT"_ba << deleted << ""_ba << "*"_ba << 201 << written;
    QTest::newRow("GET deleted") << "GET"_ba << deleted << ""_ba << ""_ba << 404 << problem;
    QTest::newRow("PUT never existed") << "PUT"_ba << never << "OLD"_ba << ""_ba << 404 << problem;
    QTest::newRow("PATCH never existed") << "PATCH"_ba << never << "OLD"_ba << ""_ba << 404 << problem;
    QTest::newRow("DELETE never existed") << "DELETE"_ba << never << "OLD"_ba << ""_ba << 404 << problem;
    QTest::newRow("PUT creates") << "PUT"_ba << never << ""_ba << "*"_ba << 201 << written;
    QTest::newRow("GET never existed") << "GET"_ba << never << ""_ba << ""_ba << 404 << problem;
}

void TestRestApi::preconditions()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, state);
    QFETCH(QByteArray, ifMatch);
    QFETCH(QByteArray, ifNoneMatch);
    QFETCH(int, status);
    QFETCH(QString, body);

    const QString c = m_client.newCollection();
    const QString id = newId();
    const QJsonObject data{{u"title"_s, u"second"_s}};
    QByteArray old = "\"1-0123456789abcdef\"";
    QByteArray current;
    if (state != u"never"_s) {
        old = m_client.createRecord(c, id, {{u"title"_s, u"first"_s}});
        current = m_client.sendJson("PUT", recordUrl(c, id), data, {{"If-Match", old}}).header("ETag");
        QVERIFY(!current.isEmpty());
    }
    if (state == u"deleted"_s)
        QCOMPARE(m_client.send("DELETE", recordUrl(c, id), {}, {{"If-Match", current}}).status, 204);
    const qint64 seqBefore = m_client.collectionSeq(c);

    Headers headers;
    auto substitute = [&](QByteArray value) { return value.replace("CURRENT", current).replace("OLD", old); };
    if (!ifMatch.isEmpty())
        headers.append({"If-Match", substitute(ifMatch)});
    if (!ifNoneMatch.isEmpty())
        headers.append({"If-None-Match", substitute(ifNoneMatch)});
    QByteArray payload = R"({"title": "third"})";
    if (method == "PATCH")
        headers.append({"Content-Type"_ba, "application/merge-patch+json"_ba});
    else if (method == "PUT")
        headers.append({"Content-Type"_ba, "application/json"_ba});
    else
        payload.clear();
    const RestReply reply = m_client.send(method, recordUrl(c, id), payload, headers);

    QCOMPARE(reply.status, status);
    const bool wrote = status / 100 == 2 && method != "GET";
    QCOMPARE(m_client.collectionSeq(c), seqBefore + (wrote ? 1 : 0));
    if (body == u"written"_s) {
        QCOMPARE(reply.value()[u"title"_s].toString(), u"third"_s);
        QVERIFY(!reply.header("ETag").isEmpty() && reply.header("ETag") != current);
        QCOMPARE(reply.header("Location").isEmpty(), status != 201);
    } else if (body == u"current"_s) {
        QCOMPARE(reply.value().toObject(), data);
        QCOMPARE(reply.header("ETag"), current);
        QCOMPARE(reply.header("Cache-Control"), "no-cache"_ba);
    } else if (body == u"null"_s) {
        QCOMPARE(reply.body, "null"_ba);
        QVERIFY(reply.header("ETag").isEmpty());
        QCOMPARE(reply.header("Content-Type"), "application/json"_ba);
        QCOMPARE(reply.header("Cache-Control"), "no-cache"_ba);
    } else if (body == u"problem"_s) {
        QVERIFY(reply.isProblem(status));
    } else {
        QVERIFY(reply.body.isEmpty());
        if (status == 304)
            QCOMPARE(reply.header("ETag"), current);
    }
}

void TestRestApi::head()
{
    const QString c = m_client.newCollection();
    const QString id = newId();
    const QByteArray etag = m_client.createRecord(c, id, {{u"title"_s, u"headless"_s}});
    const RestReply reply = m_client.send("HEAD", recordUrl(c, id));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("ETag"), etag);
    QVERIFY(reply.body.isEmpty());
    QVERIFY(reply.header("Content-Length").toInt() > 0);
}

void TestRestApi::dateHeader_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path"); // %1: a collection, %2: one of its records
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<int>("status");

    QTest::newRow("200 record") << "GET"_ba << u"/v1/collections/%1/records/%2"_s << Headers() << 200;
    QTest::newRow("200 HEAD") << "HEAD"_ba << u"/v1/collections/%1/records/%2"_s << Headers() << 200;
    QTest::newRow("304") << "GET"_ba << u"/v1/collections/%1/records/%2"_s << Headers{{"If-None-Match", "*"}} << 304;
    QTest::newRow("204") << "DELETE"_ba << u"/v1/collections/%1/records/%2"_s << Headers{{"If-Match", "*"}} << 204;
    QTest::newRow("404 problem") << "GET"_ba << u"/v1/collections/%1/records/nosuch"_s << Headers() << 404;
    QTest::newRow("426 live") << "GET"_ba << u"/v1/live"_s << Headers() << 426;
}

// RFC 9110 section 6.6.1: an origin server with a clock sends Date on 2xx, 3xx and 4xx.
void TestRestApi::dateHeader()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(Headers, headers);
    QFETCH(int, status);
    const QString c = m_client.newCollection();
    const QString id = newId();
    QVERIFY(!m_client.createRecord(c, id, {{u"title"_s, u"dated"_s}}).isEmpty());
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    const RestReply reply = m_client.send(method, path.contains(u"%1"_s) ? path.arg(c, id) : path, {}, headers);
    QCOMPARE(reply.status, status);
    const QByteArray date = reply.header("Date");
    QVERIFY2(date.endsWith(" GMT"), date.constData());
    QDateTime sent = QLocale::c().toDateTime(QString::fromLatin1(date), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s);
    sent.setTimeZone(QTimeZone::utc());
    QVERIFY2(sent.isValid(), date.constData());
    QVERIFY(sent >= before && sent <= QDateTime::currentDateTimeUtc().addSecs(1));
}

// ---- formats ----------------------------------------------------------------------------

void TestRestApi::negotiation_data()
{
    QTest::addColumn<QByteArray>("accept");
    QTest::addColumn<QByteArray>("contentType");

    QTest::newRow("none") << QByteArray() << "application/json"_ba;
    QTest::newRow("json") << "application/json"_ba << "application/json"_ba;
    QTest::newRow("cbor") << "application/cbor"_ba << "application/cbor"_ba;
    QTest::newRow("any") << "*/*"_ba << "application/json"_ba;
    QTest::newRow("cbor preferred by q") << "application/json;q=0.5, application/cbor"_ba << "application/cbor"_ba;
    QTest::newRow("json preferred by q") << "application/cbor;q=0.1, application/json"_ba << "application/json"_ba;
    QTest::newRow("cbor through application/*") << "application/json;q=0.2, application/*;q=0.8"_ba
                                                 << "application/cbor"_ba;
    QTest::newRow("cbor refused") << "application/cbor;q=0, */*"_ba << "application/json"_ba;
    QTest::newRow("equal q") << "application/cbor, application/json"_ba << "application/json"_ba;
}

void TestRestApi::negotiation()
{
    QFETCH(QByteArray, accept);
    QFETCH(QByteArray, contentType);
    const QString c = m_client.newCollection();
    const QString id = newId();
    const QJsonObject data{{u"title"_s, u"négocié"_s}, {u"price"_s, 2.5}};
    const QByteArray etag = m_client.createRecord(c, id, data);
    Headers headers;
    if (!accept.isEmpty())
        headers.append({"Accept", accept});
    for (const QString &path : {recordUrl(c, id), u"/v1/collections/%1/records"_s.arg(c), u"/v1/collections"_s,
                                u"/v1/collections/%1/changes"_s.arg(c)}) {
        const RestReply reply = m_client.get(path, headers);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("Content-Type"), contentType);
        QVERIFY(reply.value().isObject());
    }
    QCOMPARE(m_client.get(recordUrl(c, id), headers).value().toObject(), data);
    // A 412 body is the current data in the negotiated format too.
    const RestReply failed = m_client.sendJson("PUT", recordUrl(c, id), data, headers + Headers{{"If-Match", "\"x\""}});
    QCOMPARE(failed.status, 412);
    QCOMPARE(failed.header("Content-Type"), contentType);
    QCOMPARE(failed.value().toObject(), data);
    QCOMPARE(failed.header("ETag"), etag);
}

void TestRestApi::cborRequestAndResponse()
{
    const QString c = m_client.newCollection();
    const QJsonObject data{{u"title"_s, u"CBOR"_s}, {u"count"_s, 7}, {u"done"_s, false}, {u"at"_s, u"2024-05-01T10:00:00Z"_s}};
    const Headers cbor{{"Content-Type", "application/cbor"}, {"Accept", "application/cbor"}};
    const RestReply created = m_client.send("POST", u"/v1/collections/%1/records"_s.arg(c), encode(data, WireFormat::Cbor), cbor);
    QCOMPARE(created.status, 201);
    QCOMPARE(created.header("Content-Type"), "application/cbor"_ba);
    QCOMPARE(decode(created.body, WireFormat::Cbor).value.toObject(), data);
    const QString path = QString::fromUtf8(created.header("Location"));
    QCOMPARE(m_client.get(path).value().toObject(), data); // JSON read of the CBOR write
    const QJsonObject changed{{u"title"_s, u"CBOR 2"_s}};
    const RestReply replaced = m_client.send("PUT", path, encode(changed, WireFormat::Cbor),
                                             cbor + Headers{{"If-Match", created.header("ETag")}});
    QCOMPARE(replaced.status, 200);
    QCOMPARE(decode(replaced.body, WireFormat::Cbor).value.toObject(), changed);
}

// ---- the rest of the port ---------------------------------------------------------------

void TestRestApi::liveEndpoint()
{
    QVERIFY(m_client.get(u"/v1/live"_s).isProblem(426));
    QUrl url = m_server.url();
    url.setScheme(u"ws"_s);
    url.setPath(u"/v1/live"_s);
    QWebSocket socket;
    QSignalSpy connected(&socket, &QWebSocket::connected);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_server.token());
    socket.open(request);
    QVERIFY(connected.wait(5000));
    socket.close();

    url.setPath(u"/v1/elsewhere"_s);
    QWebSocket refused;
    QSignalSpy disconnected(&refused, &QWebSocket::disconnected);
    QSignalSpy refusedConnected(&refused, &QWebSocket::connected);
    refused.open(url);
    QVERIFY(disconnected.wait(5000));
    QCOMPARE(refusedConnected.size(), 0);
}

void TestRestApi::demoCollection()
{
    TestServer demo({u"--demo"_s});
    QVERIFY2(demo.start(), qPrintable(demo.errorString()));
    RestClient client(demo.url(), demo.token());
    const QJsonObject tasks = client.get(u"/v1/collections/tasks"_s).value().toObject();
    QStringList fields;
    for (const QJsonValue &field : tasks[u"fields"_s].toArray())
        fields.append(field[u"name"_s].toString() + u':' + field[u"type"_s].toString());
    QCOMPARE(fields, QStringList({u"title:string"_s, u"notes:text"_s, u"owner:string"_s, u"priority:enum"_s,
                                  u"estimate:number"_s, u"due:date"_s, u"done:boolean"_s}));
    const QJsonArray records = client.get(u"/v1/collections/tasks/records"_s).value()[u"records"_s].toArray();
    QVERIFY(records.size() >= 15 && records.size() <= 30);
    QSet<QString> owners;
    int done = 0, withNotes = 0;
    for (const QJsonValue &record : records) {
        owners.insert(record[u"data"_s][u"owner"_s].toString());
        done += record[u"data"_s][u"done"_s].toBool() ? 1 : 0;
        withNotes += record[u"data"_s].toObject().contains(u"notes"_s) ? 1 : 0;
    }
    QVERIFY(owners.size() >= 3);
    QVERIFY(done > 0 && done < records.size());
    QVERIFY(withNotes > 0);
    QCOMPARE(tasks[u"seq"_s].toInteger(), records.size());

    QVERIFY2(demo.restart(), qPrintable(demo.errorString())); // --demo again adds nothing
    client.setBase(demo.url());
    client.setToken(demo.token());
    QCOMPARE(client.get(u"/v1/collections/tasks"_s).value()[u"seq"_s].toInteger(), records.size());
}

QTEST_GUILESS_MAIN(TestRestApi)
#include "tst_restapi.moc"
