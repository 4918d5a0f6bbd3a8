// Bad input to etagere-server: every refusal is problem+json and changes nothing.
#include "restclient.h"
#include "testserver.h"
#include "wirecodec.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using Etagere::TestServer;
using Etagere::WireCodec::encode;
using Etagere::WireFormat;
using namespace Etagere::Test;

class TestRestInput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void malformedBody_data();
    void malformedBody();
    void schemaViolation_data();
    void schemaViolation();
    void unsupportedMediaType_data();
    void unsupportedMediaType();
    void acceptedContentTypes_data();
    void acceptedContentTypes();
    void bodyLimit();
    void nesting_data();
    void nesting();
    void badPaths_data();
    void badPaths();
    void methodNotAllowed_data();
    void methodNotAllowed();


private:
    TestServer m_server;
    RestClient m_client;
};

void TestRestInput::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_client.setBase(m_server.url());
    m_client.setToken(m_server.token());
}

// ---- bad input --------------------------------------------------------------------------

void TestRestInput::malformedBody_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("empty JSON") << "application/json"_ba << QByteArray();
    QTest::newRow("truncated JSON") << "application/json"_ba << "{\"title\": \"x\""_ba;
    QTest::newRow("trailing garbage") << "application/json"_ba << "{\"title\": \"x\"} x"_ba;
    QTest::newRow("invalid UTF-8") << "application/json"_ba << "{\"title\": \"\xff\xfe\"}"_ba;
    QTest::newRow("single quotes") << "application/json; charset=utf-8"_ba << "{'title': 'x'}"_ba;
    QTest::newRow("CBOR break byte") << "application/cbor"_ba << "\xff"_ba;
    QTest::newRow("truncated CBOR") << "application/cbor"_ba << encode(QJsonObject{{u"title"_s, u"abcdef"_s}}, WireFormat::Cbor).chopped(2);
    QTest::newRow("JSON sent as CBOR") << "application/cbor"_ba << "{\"title\": \"x\"}"_ba;
}

void TestRestInput::malformedBody()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    const QString c = m_client.newCollection();
    const QString id = newId();
    const QByteArray etag = m_client.createRecord(c, id, {{u"title"_s, u"kept"_s}});
    QVERIFY(m_client.send("POST", u"/v1/collections/%1/records"_s.arg(c), body, {{"Content-Type", contentType}}).isProblem(400));
    QVERIFY(m_client.send("PUT", recordUrl(c, id), body, {{"Content-Type", contentType}, {"If-Match", etag}}).isProblem(400));
    QCOMPARE(m_client.collectionSeq(c), 1);
    QCOMPARE(m_client.get(recordUrl(c, id)).value()[u"title"_s].toString(), u"kept"_s);
}

void TestRestInput::schemaViolation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field"); // empty: the body as a whole

    QTest::newRow("missing required") << R"({"notes": "no title"})"_ba << u"title"_s;
    QTest::newRow("null required") << R"({"title": null})"_ba << u"title"_s;
    QTest::newRow("unknown field") << R"({"title": "x", "colour": "red"})"_ba << u"colour"_s;
    QTest::newRow("string for integer") << R"({"title": "x", "count": "7"})"_ba << u"count"_s;
    QTest::newRow("fraction for integer") << R"({"title": "x", "count": 1.5})"_ba << u"count"_s;
    QTest::newRow("string for number") << R"({"title": "x", "price": "1"})"_ba << u"price"_s;
    QTest::newRow("number for boolean") << R"({"title": "x", "done": 1})"_ba << u"done"_s;
    QTest::newRow("bad date") << R"({"title": "x", "due": "2024-02-30"})"_ba << u"due"_s;
    QTest::newRow("bad datetime") << R"({"title": "x", "at": "yesterday"})"_ba << u"at"_s;
    QTest::newRow("enum value not listed") << R"({"title": "x", "kind": "c"})"_ba << u"kind"_s;
    QTest::newRow("object for string") << R"({"title": {"a": 1}})"_ba << u"title"_s;
    QTest::newRow("array body") << R"([{"title": "x"}])"_ba << QString();
    QTest::newRow("string body") << R"("title")"_ba << QString();
}

void TestRestInput::schemaViolation()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    const QString c = m_client.newCollection();
    const QString id = newId();
    const QByteArray etag = m_client.createRecord(c, id, {{u"title"_s, u"kept"_s}});
    const Headers json{{"Content-Type", "application/json"}};
    const QList<RestReply> replies = {
        m_client.send("POST", u"/v1/collections/%1/records"_s.arg(c), body, json),
        m_client.send("PUT", recordUrl(c, id), body, json + Headers{{"If-Match", etag}}),
        m_client.send("PUT", recordUrl(c, newId()), body, json + Headers{{"If-None-Match", "*"}}),
    };
    for (const RestReply &reply : replies) {
        QVERIFY(reply.isProblem(422));
        QCOMPARE(reply.value()[u"field"_s].toString(), field);
    }
    QCOMPARE(m_client.collectionSeq(c), 1);
}

void TestRestInput::unsupportedMediaType_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("contentType");

    QTest::newRow("PUT text/plain") << "PUT"_ba << "text/plain"_ba;
    QTest::newRow("PUT form") << "PUT"_ba << "application/x-www-form-urlencoded"_ba;
    QTest::newRow("PUT merge patch") << "PUT"_ba << "application/merge-patch+json"_ba;
    QTest::newRow("POST no content type") << "POST"_ba << QByteArray();
    QTest::newRow("PATCH json") << "PATCH"_ba << "application/json"_ba;
    QTest::newRow("PATCH cbor") << "PATCH"_ba << "application/cbor"_ba;
    QTest::newRow("POST json latin-1") << "POST"_ba << "application/json; charset=iso-8859-1"_ba;
    QTest::newRow("PUT json utf-16") << "PUT"_ba << "application/json;charset=\"UTF-16\""_ba;
    QTest::newRow("PATCH merge patch latin-1") << "PATCH"_ba << "application/merge-patch+json; charset=latin1"_ba;
}

void TestRestInput::unsupportedMediaType()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, contentType);
    const QString c = m_client.newCollection();
    const QString id = newId();
    const QByteArray etag = m_client.createRecord(c, id, {{u"title"_s, u"kept"_s}});
    Headers headers{{"If-Match", etag}};
    if (!contentType.isEmpty())
        headers.append({"Content-Type", contentType});
    const QString path = method == "POST" ? u"/v1/collections/%1/records"_s.arg(c) : recordUrl(c, id);
    const RestReply reply = m_client.send(method, path, R"({"title": "new"})"_ba, headers);
    QVERIFY(reply.isProblem(415));
    if (method == "PATCH")
        QCOMPARE(reply.header("Accept-Patch"), "application/merge-patch+json"_ba);
    QCOMPARE(m_client.collectionSeq(c), 1);
}

void TestRestInput::acceptedContentTypes_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<WireFormat>("format");

    QTest::newRow("json") << "application/json"_ba << WireFormat::Json;
    QTest::newRow("json upper case") << "Application/JSON"_ba << WireFormat::Json;
    QTest::newRow("json utf-8") << "application/json; charset=utf-8"_ba << WireFormat::Json;
    QTest::newRow("json quoted UTF-8") << "application/json;charset=\"UTF-8\""_ba << WireFormat::Json;
    QTest::newRow("json us-ascii") << "application/json ; charset=us-ascii"_ba << WireFormat::Json;
    QTest::newRow("json other parameter") << "application/json; profile=x"_ba << WireFormat::Json;
    QTest::newRow("cbor") << "application/cbor"_ba << WireFormat::Cbor;
}

void TestRestInput::acceptedContentTypes()
{
    QFETCH(QByteArray, contentType);
    QFETCH(WireFormat, format);
    const QString c = m_client.newCollection();
    const QJsonObject data{{u"title"_s, u"accepted"_s}};
    const RestReply reply = m_client.send("POST", u"/v1/collections/%1/records"_s.arg(c), encode(data, format),
                                          {{"Content-Type", contentType}});
    QCOMPARE(reply.status, 201);
    QCOMPARE(reply.value().toObject(), data);
}

void TestRestInput::bodyLimit()
{
    const QString c = m_client.newCollection();
    const QByteArray prefix = R"({"title": "x", "notes": ")";
    const QByteArray suffix = R"("})";
    const int limit = 1024 * 1024;
    const QByteArray atLimit = prefix + QByteArray(limit - prefix.size() - suffix.size(), 'a') + suffix;
    QCOMPARE(atLimit.size(), limit);
    const Headers json{{"Content-Type", "application/json"}};
    QCOMPARE(m_client.send("POST", u"/v1/collections/%1/records"_s.arg(c), atLimit, json).status, 201);
    const QByteArray overLimit = prefix + QByteArray(limit + 1 - prefix.size() - suffix.size(), 'a') + suffix;
    QVERIFY(m_client.send("POST", u"/v1/collections/%1/records"_s.arg(c), overLimit, json).isProblem(413));
    QCOMPARE(m_client.collectionSeq(c), 1);
}

void TestRestInput::nesting_data()
{
    QTest::addColumn<int>("depth"); // of the whole document, the record object included
    QTest::addColumn<int>("status");
    QTest::newRow("32 levels: parsed, then refused by the schema") << 32 << 422;
    QTest::newRow("33 levels: refused by the parser") << 33 << 400;
    QTest::newRow("10000 levels") << 10000 << 400;
}

void TestRestInput::nesting()
{
    QFETCH(int, depth);
    QFETCH(int, status);
    const QString c = m_client.newCollection();
    const QByteArray json = "{\"title\": " + QByteArray(depth - 1, '[') + QByteArray(depth - 1, ']') + "}";
    QCborArray inner;
    QCborValue nested = inner;
    for (int i = 1; i < depth - 1; ++i)
        nested = QCborArray{nested};
    const QByteArray cbor = QCborValue(QCborMap{{u"title"_s, nested}}).toCbor();
    const QString path = u"/v1/collections/%1/records"_s.arg(c);
    QVERIFY(m_client.send("POST", path, json, {{"Content-Type", "application/json"}}).isProblem(status));
    if (depth < 1000) // QCborValue itself refuses to build deeper documents
        QVERIFY(m_client.send("POST", path, cbor, {{"Content-Type", "application/cbor"}}).isProblem(status));
    QCOMPARE(m_client.collectionSeq(c), 0);
}

void TestRestInput::badPaths_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");

    QTest::newRow("collection name upper case") << "GET"_ba << u"/v1/collections/Tasks"_s << 400;
    QTest::newRow("collection name starts with digit") << "GET"_ba << u"/v1/collections/1tasks/records"_s << 400;
    QTest::newRow("collection name too long") << "GET"_ba << u"/v1/collections/a"_s + QString(64, u'b') << 400;
    QTest::newRow("record id with space") << "GET"_ba << u"/v1/collections/tasks/records/a%20b"_s << 400;
    QTest::newRow("record id with dot") << "GET"_ba << u"/v1/collections/tasks/records/a.b"_s << 400;
    QTest::newRow("record id too long") << "GET"_ba << u"/v1/collections/tasks/records/"_s + QString(129, u'x') << 400;
    QTest::newRow("bad id on PUT") << "PUT"_ba << u"/v1/collections/tasks/records/%C3%A9"_s << 400;
    QTest::newRow("unknown collection") << "GET"_ba << u"/v1/collections/nosuch/records"_s << 404;
    QTest::newRow("unknown collection record") << "GET"_ba << u"/v1/collections/nosuch/records/abc"_s << 404;
    QTest::newRow("unknown collection changes") << "GET"_ba << u"/v1/collections/nosuch/changes"_s << 404;
    QTest::newRow("POST to unknown collection") << "POST"_ba << u"/v1/collections/nosuch/records"_s << 404;
    QTest::newRow("unknown record") << "GET"_ba << u"/v1/collections/%1/records/abc"_s << 404;
    QTest::newRow("unknown sub-resource") << "GET"_ba << u"/v1/collections/%1/other"_s << 404;
    QTest::newRow("too deep") << "GET"_ba << u"/v1/collections/%1/records/abc/more"_s << 404;
    QTest::newRow("trailing slash") << "GET"_ba << u"/v1/collections/"_s << 404;
    QTest::newRow("unknown under v1") << "GET"_ba << u"/v1/nothing"_s << 404;
    QTest::newRow("outside v1") << "GET"_ba << u"/index.html"_s << 404;
    QTest::newRow("other version") << "GET"_ba << u"/v2/collections"_s << 404;
}

void TestRestInput::badPaths()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(int, status);
    const QString c = m_client.newCollection();
    const QByteArray body = method == "GET" ? QByteArray() : R"({"title": "x"})"_ba;
    const RestReply reply = m_client.send(method, path.contains(u"%1"_s) ? path.arg(c) : path, body,
                                          {{"Content-Type", "application/json"}, {"If-None-Match", "*"}});
    QVERIFY(reply.isProblem(status));
}

void TestRestInput::methodNotAllowed_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("allow");

    QTest::newRow("POST collections") << "POST"_ba << u"/v1/collections"_s << "GET, HEAD"_ba;
    QTest::newRow("DELETE collection") << "DELETE"_ba << u"/v1/collections/%1"_s << "GET, HEAD, PUT"_ba;
    QTest::newRow("PUT records") << "PUT"_ba << u"/v1/collections/%1/records"_s << "GET, HEAD, POST"_ba;
    QTest::newRow("DELETE records") << "DELETE"_ba << u"/v1/collections/%1/records"_s << "GET, HEAD, POST"_ba;
    QTest::newRow("POST record") << "POST"_ba << u"/v1/collections/%1/records/abc"_s << "GET, HEAD, PUT, PATCH, DELETE"_ba;
    QTest::newRow("OPTIONS record") << "OPTIONS"_ba << u"/v1/collections/%1/records/abc"_s << "GET, HEAD, PUT, PATCH, DELETE"_ba;
    QTest::newRow("POST changes") << "POST"_ba << u"/v1/collections/%1/changes"_s << "GET, HEAD"_ba;
}

void TestRestInput::methodNotAllowed()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, allow);
    const QString c = m_client.newCollection();
    const RestReply reply = m_client.send(method, path.contains(u"%1"_s) ? path.arg(c) : path, "{}"_ba,
                                          {{"Content-Type", "application/json"}});
    QVERIFY(reply.isProblem(405));
    QCOMPARE(reply.header("Allow"), allow);
    QCOMPARE(m_client.collectionSeq(c), 0);
}

QTEST_GUILESS_MAIN(TestRestInput)
#include "tst_restinput.moc"
