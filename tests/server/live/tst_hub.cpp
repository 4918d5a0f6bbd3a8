// Unit test of the live hub (hello, replay, reset, publish, errors, limits, pings): a
// QWebSocketServer hands its sockets to Hub::addSocket, the change log is an in-memory fake,
// the clients are real QWebSockets (and one raw TCP socket). Presence: tst_hubpresence.

#include "hubtest.h"
#include "livemessage.h"
#include "livesession.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Etagere;

namespace {

QJsonObject changeMessage(const Change &change)
{
    QJsonObject message = change.toJson();
    message.insert(u"type"_s, u"change"_s);
    return message;
}

QList<qint64> seqsOf(const QList<QJsonObject> &messages)
{
    QList<qint64> seqs;
    for (const QJsonObject &message : messages)
        seqs.append(message[u"seq"_s].toInteger());
    return seqs;
}

QList<qint64> range(qint64 from, qint64 to)
{
    QList<qint64> seqs;
    for (qint64 seq = from; seq <= to; ++seq)
        seqs.append(seq);
    return seqs;
}

} // namespace

class TestHub : public HubTest
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUpHub(); }
    void cleanup() { tearDownHub(); }

    void helloIsWelcomedWithUser_data();
    void helloIsWelcomedWithUser();
    void replaysEveryChangeAfterN_data();
    void replaysEveryChangeAfterN();
    void replayPagesThroughTheFeed();
    void resetWhenGoneOrAhead_data();
    void resetWhenGoneOrAhead();
    void unknownCollectionGets404();
    void publishReachesSubscribersInTheirFormat();
    void publishEncodesOncePerFormat_data();
    void publishEncodesOncePerFormat();
    void publishNeverRepeatsNorReorders();
    void publishFillsAGapFromTheFeed();
    void laterHelloReplacesTheSubscription();
    void undecodableFrameCloses1007_data();
    void undecodableFrameCloses1007();
    void invalidMessageGets400_data();
    void invalidMessageGets400();
    void oversizedMessageCloses1009();
    void silentPeerIsClosedAfterPingTimeout();
    void sessionsAreDeletedWhenClosed();
};

void TestHub::helloIsWelcomedWithUser_data()
{
    QTest::addColumn<WireFormat>("format");
    QTest::newRow("json") << WireFormat::Json;
    QTest::newRow("cbor") << WireFormat::Cbor;
}

void TestHub::helloIsWelcomedWithUser()
{
    QFETCH(WireFormat, format);
    m_feed->append(u"films"_s);
    LiveClient *client = connectClient(format);
    client->sendHello({{u"books"_s, 5}, {u"films"_s, 1}});
    const QJsonObject welcome = client->take();
    QCOMPARE(welcome[u"type"_s], u"welcome"_s);
    QCOMPARE(welcome[u"user"_s], u"alice"_s);
    QCOMPARE(welcome[u"collections"_s].toObject(),
             (QJsonObject{{u"books"_s, 5}, {u"films"_s, 1}}));
    QVERIFY(client->drain().isEmpty());
    QVERIFY(client->framesMatchFormat());
    QCOMPARE(client->undecodable(), 0);
}

void TestHub::replaysEveryChangeAfterN_data()
{
    QTest::addColumn<qint64>("since");
    QTest::addColumn<QList<qint64>>("expected");
    QTest::newRow("from 0") << qint64(0) << range(1, 5);
    QTest::newRow("from 3") << qint64(3) << range(4, 5);
    QTest::newRow("up to date") << qint64(5) << QList<qint64>{};
}

void TestHub::replaysEveryChangeAfterN()
{
    QFETCH(qint64, since);
    QFETCH(QList<qint64>, expected);
    LiveClient *client = connectClient();
    client->sendHello({{u"books"_s, since}});
    QCOMPARE(client->take()[u"type"_s], u"welcome"_s);
    const QList<QJsonObject> replay = client->drain();
    QCOMPARE(seqsOf(replay), expected);
    const ChangeFeed::Result all = m_feed->changesSince(u"books"_s, since, 100);
    for (qsizetype i = 0; i < replay.size(); ++i)
        QCOMPARE(replay.at(i), changeMessage(all.changes.at(i)));
}

void TestHub::replayPagesThroughTheFeed()
{
    const qint64 total = 2 * Hub::ReplayPageSize + 7;
    while (m_feed->append(u"films"_s).seq < total) {
    }
    LiveClient *client = connectClient(WireFormat::Cbor);
    const int callsBefore = m_feed->calls();
    client->sendHello({{u"films"_s, 0}});
    QCOMPARE(client->take()[u"type"_s], u"welcome"_s);
    QCOMPARE(seqsOf(client->drain()), range(1, total));
    QCOMPARE(m_feed->calls() - callsBefore, 3);
}

void TestHub::resetWhenGoneOrAhead_data()
{
    QTest::addColumn<qint64>("forgetUpTo");
    QTest::addColumn<qint64>("since");
    QTest::newRow("older than kept") << qint64(3) << qint64(1);
    QTest::newRow("ahead of the server") << qint64(0) << qint64(9);
}

void TestHub::resetWhenGoneOrAhead()
{
    QFETCH(qint64, forgetUpTo);
    QFETCH(qint64, since);
    m_feed->forgetUpTo(u"books"_s, forgetUpTo);
    LiveClient *client = connectClient();
    client->sendHello({{u"books"_s, since}});
    QCOMPARE(client->take()[u"type"_s], u"welcome"_s);
    const QList<QJsonObject> answer = client->drain();
    QCOMPARE(answer.size(), 1);
    QCOMPARE(answer.first(),
             (QJsonObject{{u"type"_s, u"reset"_s}, {u"collection"_s, u"books"_s}, {u"seq"_s, 5}}));

    const Change next = m_feed->append(u"books"_s);
    m_hub->publish(next);
    QCOMPARE(client->take(), changeMessage(next));
}

void TestHub::unknownCollectionGets404()
{
    LiveClient *client = connectClient();
    client->sendHello({{u"books"_s, 4}, {u"nope"_s, 0}, {u"zilch"_s, 0}});
    const QJsonObject welcome = client->take();
    QCOMPARE(welcome[u"collections"_s].toObject(), (QJsonObject{{u"books"_s, 5}}));
    QList<QJsonObject> answer = client->drain();
    QCOMPARE(answer.size(), 3);
    QCOMPARE(answer.takeFirst()[u"seq"_s], 5); // books: collections are answered by name
    for (const QString &name : {u"nope"_s, u"zilch"_s}) {
        const QJsonObject error = answer.takeFirst();
        QCOMPARE(error[u"type"_s], u"error"_s);
        QCOMPARE(error[u"collection"_s], name);
        QCOMPARE(error[u"status"_s], 404);
        const std::optional<LiveMessage> parsed = LiveMessage::fromJson(error, nullptr);
        QVERIFY(parsed && parsed->collection == name && parsed->status == 404 && !parsed->detail.isEmpty());
    }
    // Not subscribed to the unknown ones: a presence there is refused.
    client->sendPresence(u"nope"_s, u"x"_s, u"viewing"_s);
    QCOMPARE(client->take()[u"status"_s], 409);
}

void TestHub::publishReachesSubscribersInTheirFormat()
{
    LiveClient *json = subscribedClient({{u"books"_s, 5}});
    LiveClient *cbor = subscribedClient({{u"books"_s, 5}}, WireFormat::Cbor);
    LiveClient *films = subscribedClient({{u"films"_s, 0}});

    const Change book = m_feed->append(u"books"_s);
    m_hub->publish(book);
    QCOMPARE(json->take(), changeMessage(book));
    QCOMPARE(cbor->take(), changeMessage(book));
    QVERIFY(json->framesMatchFormat());
    QVERIFY(cbor->framesMatchFormat());
    QVERIFY(films->drain().isEmpty());

    const Change film = m_feed->append(u"films"_s);
    m_hub->publish(film);
    QCOMPARE(films->take(), changeMessage(film));
    QVERIFY(json->drain().isEmpty());
    QVERIFY(cbor->drain().isEmpty());
}

void TestHub::publishEncodesOncePerFormat_data()
{
    QTest::addColumn<int>("jsonClients");
    QTest::addColumn<int>("cborClients");
    QTest::addColumn<int>("encodings");
    QTest::newRow("no subscriber") << 0 << 0 << 0;
    QTest::newRow("three json") << 3 << 0 << 1;
    QTest::newRow("three cbor") << 0 << 3 << 1;
    QTest::newRow("two of each") << 2 << 2 << 2;
}

void TestHub::publishEncodesOncePerFormat()
{
    QFETCH(int, jsonClients);
    QFETCH(int, cborClients);
    QFETCH(int, encodings);
    QList<LiveClient *> clients;
    for (int i = 0; i < jsonClients + cborClients; ++i)
        clients << subscribedClient({{u"books"_s, 5}}, i < jsonClients ? WireFormat::Json : WireFormat::Cbor);
    subscribedClient({{u"films"_s, 0}}); // not subscribed to books: no encoding for it

    const qint64 before = m_hub->broadcastEncodeCount();
    const Change change = m_feed->append(u"books"_s);
    m_hub->publish(change);
    QCOMPARE(m_hub->broadcastEncodeCount() - before, encodings);
    for (LiveClient *client : std::as_const(clients))
        QCOMPARE(client->take(), changeMessage(change));
}

void TestHub::publishNeverRepeatsNorReorders()
{
    LiveClient *client = subscribedClient({{u"books"_s, 0}}); // replayed 1..5
    m_hub->publish(m_feed->changesSince(u"books"_s, 4, 1).changes.first()); // 5 again
    m_hub->publish(m_feed->changesSince(u"books"_s, 2, 1).changes.first()); // 3: older
    const Change six = m_feed->append(u"books"_s);
    m_hub->publish(six);
    m_hub->publish(six);
    QCOMPARE(client->drain(), QList<QJsonObject>{changeMessage(six)});
}

void TestHub::publishFillsAGapFromTheFeed()
{
    LiveClient *client = subscribedClient({{u"books"_s, 5}});
    const Change six = m_feed->append(u"books"_s);
    const Change seven = m_feed->append(u"books"_s);
    m_hub->publish(seven); // six was never published
    QCOMPARE(client->drain(), (QList<QJsonObject>{changeMessage(six), changeMessage(seven)}));
}

void TestHub::laterHelloReplacesTheSubscription()
{
    LiveClient *client = subscribedClient({{u"books"_s, 5}});
    const Change film = m_feed->append(u"films"_s);
    client->sendHello({{u"films"_s, 0}});
    QCOMPARE(client->take()[u"collections"_s].toObject(), (QJsonObject{{u"films"_s, 1}}));
    QCOMPARE(client->take(), changeMessage(film));

    m_hub->publish(m_feed->append(u"books"_s));
    const Change nextFilm = m_feed->append(u"films"_s);
    m_hub->publish(nextFilm);
    QCOMPARE(client->drain(), QList<QJsonObject>{changeMessage(nextFilm)});
}

void TestHub::undecodableFrameCloses1007_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<bool>("binary");
    QTest::newRow("broken json") << "{\"type\": \"hello\""_ba << false;
    QTest::newRow("trailing garbage") << "{} {}"_ba << false;
    QTest::newRow("json nested too deep") << QByteArray(200, '[') + QByteArray(200, ']') << false;
    QTest::newRow("truncated cbor") << "\xa1\x64type"_ba << true;
    QTest::newRow("cbor byte string") << "\x43\x01\x02\x03"_ba << true;
    QTest::newRow("json in a binary frame") << "{\"type\": \"hello\"}"_ba << true;
}

void TestHub::undecodableFrameCloses1007()
{
    QFETCH(QByteArray, frame);
    QFETCH(bool, binary);
    LiveClient *client = connectClient(binary ? WireFormat::Cbor : WireFormat::Json);
    if (binary)
        client->socket().sendBinaryMessage(frame);
    else
        client->socket().sendTextMessage(QString::fromUtf8(frame));
    QVERIFY(client->waitForDisconnected());
    QCOMPARE(client->socket().closeCode(), QWebSocketProtocol::CloseCodeWrongDatatype);
    QTRY_COMPARE(m_hub->sessionCount(), 0);
}

void TestHub::invalidMessageGets400_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::newRow("unknown type") << R"({"type": "subscribe"})"_ba;
    QTest::newRow("no type") << R"({"collections": {"books": 0}})"_ba;
    QTest::newRow("hello without collections") << R"({"type": "hello"})"_ba;
    QTest::newRow("hello with an invalid name") << R"({"type": "hello", "collections": {"Not A Name": 0}})"_ba;
    QTest::newRow("hello with a negative number") << R"({"type": "hello", "collections": {"films": -1}})"_ba;
    QTest::newRow("presence with an invalid id") << R"({"type": "presence", "collection": "books", "id": "a b", "state": "editing"})"_ba;
    QTest::newRow("hello with a text number") << R"({"type": "hello", "collections": {"books": "x"}})"_ba;
    QTest::newRow("presence without id") << R"({"type": "presence", "collection": "books", "state": "editing"})"_ba;
    QTest::newRow("presence with unknown state") << R"({"type": "presence", "collection": "books", "id": "b1", "state": "sleeping"})"_ba;
    QTest::newRow("server message") << R"({"type": "welcome", "collections": {}, "user": "x"})"_ba;
    QTest::newRow("array") << "[1, 2]"_ba;
    QTest::newRow("number") << "42"_ba;
}

void TestHub::invalidMessageGets400()
{
    QFETCH(QByteArray, frame);
    LiveClient *client = connectClient();
    client->sendHello({{u"books"_s, 5}});
    QCOMPARE(client->take()[u"type"_s], u"welcome"_s);
    client->socket().sendTextMessage(QString::fromUtf8(frame));
    const QJsonObject error = client->take();
    QCOMPARE(error[u"type"_s], u"error"_s);
    QCOMPARE(error[u"status"_s], 400);
    QVERIFY(!error[u"detail"_s].toString().isEmpty());
    QVERIFY(!error.contains(u"collection"_s)); // about the session, not one collection
    QString reason; // and the protocol library reads it as the client will
    const std::optional<LiveMessage> parsed = LiveMessage::fromJson(error, &reason);
    QVERIFY2(parsed, qPrintable(reason));
    QCOMPARE(parsed->type, LiveMessage::Type::Error);
    QCOMPARE(parsed->status, 400);
    QVERIFY(parsed->collection.isEmpty());
    QCOMPARE(parsed->detail, error[u"detail"_s].toString());

    // Still open and still subscribed.
    const Change change = m_feed->append(u"books"_s);
    m_hub->publish(change);
    QCOMPARE(client->take(), changeMessage(change));
    QCOMPARE(client->socket().state(), QAbstractSocket::ConnectedState);
}

void TestHub::oversizedMessageCloses1009()
{
    LiveClient *client = connectClient();
    const QString big = u"{\"type\": \"hello\", \"pad\": \"%1\"}"_s.arg(
        QString(int(LiveSession::MaxIncomingMessageSize), u'x'));
    client->socket().sendTextMessage(big);
    QVERIFY(client->waitForDisconnected());
    QCOMPARE(client->socket().closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
}

void TestHub::silentPeerIsClosedAfterPingTimeout()
{
    m_hub->setPingInterval(40);
    LiveClient *answering = subscribedClient({{u"books"_s, 5}}); // QWebSocket answers pings

    // A peer that completes the opening handshake by hand, then never answers a ping.
    QTcpSocket silent;
    silent.connectToHost(QHostAddress::LocalHost, m_server->serverPort());
    QVERIFY(silent.waitForConnected(5000));
    silent.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    QByteArray received;
    QTRY_VERIFY(received.append(silent.readAll()).contains("\r\n\r\n"));
    QVERIFY(received.startsWith("HTTP/1.1 101"));
    QTRY_COMPARE(m_hub->sessionCount(), 2);

    QTRY_COMPARE_WITH_TIMEOUT(silent.state(), QAbstractSocket::UnconnectedState, 5000);
    received.append(silent.readAll());
    QByteArray frames = received.mid(received.indexOf("\r\n\r\n") + 4);
    QVERIFY2(frames.startsWith("\x89\x00"_ba), "the hub pings first");
    const qsizetype close = frames.indexOf("\x88"_ba);
    QVERIFY(close >= 0 && frames.size() >= close + 4);
    QCOMPARE((quint8(frames.at(close + 2)) << 8) | quint8(frames.at(close + 3)),
             int(QWebSocketProtocol::CloseCodeGoingAway));

    QCOMPARE(m_hub->sessionCount(), 1);
    QCOMPARE(answering->socket().state(), QAbstractSocket::ConnectedState);
}

void TestHub::sessionsAreDeletedWhenClosed()
{
    LiveClient *first = subscribedClient({{u"books"_s, 5}});
    subscribedClient({{u"books"_s, 5}});
    QCOMPARE(m_hub->sessionCount(), 2);
    first->socket().close();
    QTRY_COMPARE(m_hub->sessionCount(), 1);
    QTRY_COMPARE(m_hub->findChildren<LiveSession *>().size(), 1);
    m_hub->publish(m_feed->append(u"books"_s)); // reaches the remaining session only
    m_clients.reset();
    QTRY_COMPARE(m_hub->findChildren<LiveSession *>().size(), 0);
}

QTEST_MAIN(TestHub)
#include "tst_hub.moc"
