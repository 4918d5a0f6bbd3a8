// End to end: the real etagere-server, written to over REST, watched over /v1/live.

#include "liveclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

namespace {

struct RestReply
{
    int status = 0;
    QString etag;
};

const QString Collection = u"notes"_s;

QList<qint64> seqsOf(const QList<QJsonObject> &messages)
{
    QList<qint64> seqs;
    for (const QJsonObject &message : messages)
        seqs.append(message[u"seq"_s].toInteger());
    return seqs;
}

} // namespace

class TestLive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void putReachesASubscriber_data();
    void putReachesASubscriber();
    void reconnectReplaysFromTheLastSeq();
    void forgottenChangesGiveAReset();

private:
    [[nodiscard]] bool startServer(TestServer &server);
    RestReply request(const QByteArray &method, const QString &path, const QJsonValue &body,
                      const QList<std::pair<QByteArray, QByteArray>> &headers);
    [[nodiscard]] RestReply createNote(const QString &id, const QString &text);
    [[nodiscard]] QUrl liveUrl() const;

    QNetworkAccessManager m_network;
    QUrl m_base;
    QByteArray m_token;
};

bool TestLive::startServer(TestServer &server)
{
    if (!server.start()) {
        qWarning() << "etagere-server did not start:" << server.errorString();
        return false;
    }
    m_base = server.url();
    m_token = server.token();
    const QJsonObject schema{{u"title"_s, u"Notes"_s},
                             {u"fields"_s, QJsonArray{QJsonObject{{u"name"_s, u"text"_s},
                                                                  {u"type"_s, u"string"_s},
                                                                  {u"title"_s, u"Text"_s},
                                                                  {u"required"_s, true}}}}};
    return request("PUT", u"/v1/collections/"_s + Collection, schema, {{"If-None-Match", "*"}}).status == 201;
}

RestReply TestLive::request(const QByteArray &method, const QString &path, const QJsonValue &body,
                            const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QUrl url = m_base;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    request.setRawHeader("Authorization", "Bearer " + m_token);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    const QByteArray bytes = body.isUndefined() ? QByteArray()
                                                : QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, bytes);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(10000))
        qWarning() << method << path << "got no answer";
    RestReply result{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                     QString::fromUtf8(reply->rawHeader("ETag"))};
    reply->deleteLater();
    return result;
}

RestReply TestLive::createNote(const QString &id, const QString &text)
{
    return request("PUT", u"/v1/collections/%1/records/%2"_s.arg(Collection, id),
                   QJsonObject{{u"text"_s, text}}, {{"If-None-Match", "*"}});
}

QUrl TestLive::liveUrl() const
{
    QUrl url = m_base;
    url.setScheme(u"ws"_s);
    url.setPath(u"/v1/live"_s);
    return url;
}

void TestLive::putReachesASubscriber_data()
{
    QTest::addColumn<WireFormat>("format");
    QTest::newRow("json") << WireFormat::Json;
    QTest::newRow("cbor") << WireFormat::Cbor;
}

void TestLive::putReachesASubscriber()
{
    QFETCH(WireFormat, format);
    TestServer server;
    QVERIFY(startServer(server));
    LiveClient client(format);
    client.setToken(m_token);
    QVERIFY(client.open(liveUrl()));
    client.sendHello({{Collection, 0}});
    const QJsonObject welcome = client.take();
    QCOMPARE(welcome[u"type"_s], u"welcome"_s);
    QCOMPARE(welcome[u"collections"_s].toObject(), (QJsonObject{{Collection, 0}}));
    const QString user = welcome[u"user"_s].toString();
    QVERIFY(!user.isEmpty());

    const RestReply created = createNote(u"n1"_s, u"first"_s);
    QCOMPARE(created.status, 201);
    QCOMPARE(client.take(), (QJsonObject{{u"type"_s, u"change"_s}, {u"seq"_s, 1}, {u"collection"_s, Collection},
                                         {u"id"_s, u"n1"_s}, {u"op"_s, u"put"_s}, {u"etag"_s, created.etag},
                                         {u"data"_s, QJsonObject{{u"text"_s, u"first"_s}}}, {u"author"_s, user}}));

    const RestReply deleted = request("DELETE", u"/v1/collections/%1/records/n1"_s.arg(Collection),
                                      QJsonValue::Undefined, {{"If-Match", created.etag.toUtf8()}});
    QCOMPARE(deleted.status, 204);
    const QJsonObject gone = client.take();
    QCOMPARE(gone[u"seq"_s], 2);
    QCOMPARE(gone[u"op"_s], u"delete"_s);
    QCOMPARE(gone[u"data"_s], QJsonValue(QJsonValue::Null));
    QVERIFY(client.framesMatchFormat());
}

void TestLive::reconnectReplaysFromTheLastSeq()
{
    TestServer server;
    QVERIFY(startServer(server));
    qint64 lastApplied = 0;
    {
        LiveClient client;
        client.setToken(m_token);
        QVERIFY(client.open(liveUrl()));
        client.sendHello({{Collection, 0}});
        QCOMPARE(client.take()[u"type"_s], u"welcome"_s);
        for (int i = 1; i <= 3; ++i)
            QCOMPARE(createNote(u"n%1"_s.arg(i), u"note %1"_s.arg(i)).status, 201);
        for (int i = 1; i <= 3; ++i)
            lastApplied = client.take()[u"seq"_s].toInteger();
        QCOMPARE(lastApplied, 3);
    }
    QCOMPARE(createNote(u"n4"_s, u"while away"_s).status, 201);
    QCOMPARE(createNote(u"n5"_s, u"still away"_s).status, 201);
    server.kill(); // and the data survives a crash of the server
    QVERIFY(server.restart());
    m_base = server.url();
    m_token = server.token(); // a restart gives the local user a new session

    LiveClient client(WireFormat::Cbor);
    client.setToken(m_token);
    QVERIFY(client.open(liveUrl()));
    client.sendHello({{Collection, lastApplied}});
    QCOMPARE(client.take()[u"collections"_s].toObject(), (QJsonObject{{Collection, 5}}));
    const QList<QJsonObject> replay = client.drain();
    QCOMPARE(seqsOf(replay), (QList<qint64>{4, 5}));
    QCOMPARE(replay.at(0)[u"id"_s], u"n4"_s);
    QCOMPARE(replay.at(1)[u"data"_s].toObject(), (QJsonObject{{u"text"_s, u"still away"_s}}));
}

void TestLive::forgottenChangesGiveAReset()
{
    TestServer server({u"--retain-changes"_s, u"2"_s});
    QVERIFY(startServer(server));
    for (int i = 1; i <= 5; ++i)
        QCOMPARE(createNote(u"n%1"_s.arg(i), u"note %1"_s.arg(i)).status, 201);

    LiveClient client;
    client.setToken(m_token);
    QVERIFY(client.open(liveUrl()));
    client.sendHello({{Collection, 1}});
    QCOMPARE(client.take()[u"collections"_s].toObject(), (QJsonObject{{Collection, 5}}));
    QCOMPARE(client.drain(), (QList<QJsonObject>{{{u"type"_s, u"reset"_s}, {u"collection"_s, Collection},
                                                  {u"seq"_s, 5}}}));

    // What is still kept replays; live changes follow.
    client.sendHello({{Collection, 3}});
    QCOMPARE(client.take()[u"type"_s], u"welcome"_s);
    QCOMPARE(seqsOf(client.drain()), (QList<qint64>{4, 5}));
    QCOMPARE(createNote(u"n6"_s, u"live"_s).status, 201);
    QCOMPARE(client.take()[u"seq"_s], 6);
}

QTEST_MAIN(TestLive)
#include "tst_live.moc"
