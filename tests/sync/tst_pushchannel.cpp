#include "networkaccess.h"
#include "pushchannel.h"
#include "scriptedserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

namespace {

Change change(qint64 seq, const QString &collection = u"tasks"_s)
{
    Change c;
    c.seq = seq;
    c.collection = collection;
    c.id = u"r%1"_s.arg(seq);
    c.etag = u"\"e%1\""_s.arg(seq);
    c.data = QJsonObject{{u"title"_s, u"change %1"_s.arg(seq)}};
    c.author = u"bob"_s;
    return c;
}

QString text(const LiveMessage &message)
{
    return QString::fromUtf8(QJsonDocument(message.toJson()).toJson(QJsonDocument::Compact));
}

QByteArray feedPage(qint64 seq, QList<qint64> numbers)
{
    QJsonArray changes;
    for (qint64 n : numbers)
        changes.append(change(n).toJson());
    return QJsonDocument(QJsonObject{{u"seq"_s, seq}, {u"changes"_s, changes}}).toJson(QJsonDocument::Compact);
}

QList<qint64> seqs(const QSignalSpy &spy)
{
    QList<qint64> list;
    for (const QList<QVariant> &arguments : spy)
        list.append(arguments.at(0).value<Change>().seq);
    return list;
}

} // namespace

class TestPushChannel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void liveUrl_data();
    void liveUrl();
    void helloCarriesTheNumbers();
    void welcomeMakesItLive();
    void deliversInOrderAndDropsDuplicates();
    void errors_data();
    void errors();
    void gapIsFilledFromTheChangeFeed();
    void goneFeedRequiresReset();
    void unfillableGapRequiresReset_data();
    void unfillableGapRequiresReset();
    void failedCatchUpReconnectsAndResumes();
    void resetMessageSuspendsUntilSubscribed();
    void welcomeBehindOurNumberRequiresReset();
    void reconnectsAfterTheServerDropsTheSocket();
    void reconnectsAfterSilence();
    void unansweredHandshakeIsAbandoned();
    void backoffGrowsUntilWelcomeThenStartsOver();
    void staysConnectedWhilePongsArrive();
    void presenceBothWays();
    void closeGoesOffline();
    void upgradeCarriesTheSessionToken();
    void closeCodes_data();
    void closeCodes();
    void refusedHandshake_data();
    void refusedHandshake();

private:
    /// Opens the channel and answers the hello with a welcome; returns the hello.
    [[nodiscard]] QJsonObject connectAndWelcome(const QMap<QString, qint64> &welcomeNumbers = {});
    [[nodiscard]] QJsonObject nextHello();

    NetworkAccess m_network;
    std::unique_ptr<ScriptedServer> m_server;
    std::unique_ptr<PushChannel> m_channel;
    std::unique_ptr<QSignalSpy> m_received; ///< texts the server received
};

void TestPushChannel::init()
{
    m_server = std::make_unique<ScriptedServer>();
    QVERIFY(m_server->listen());
    m_received = std::make_unique<QSignalSpy>(m_server.get(), &ScriptedServer::textReceived);
    m_channel = std::make_unique<PushChannel>(&m_network, m_server->url());
    m_channel->setReconnectBase(20);
    m_network.setBearerToken({});
}

void TestPushChannel::cleanup()
{
    m_channel.reset();
    m_received.reset();
    m_server.reset();
}

QJsonObject TestPushChannel::nextHello()
{
    for (;;) {
        if (m_received->isEmpty() && !m_received->wait(5000))
            return {};
        const QJsonObject message = QJsonDocument::fromJson(m_received->takeFirst().at(0).toString().toUtf8()).object();
        if (message.value("type"_L1) == "hello"_L1)
            return message;
    }
}

QJsonObject TestPushChannel::connectAndWelcome(const QMap<QString, qint64> &welcomeNumbers)
{
    QSignalSpy welcomed(m_channel.get(), &PushChannel::welcomed);
    m_channel->open();
    const QJsonObject hello = nextHello();
    m_server->sendText(text(LiveMessage::welcome(welcomeNumbers, u"alice"_s)));
    if (!welcomed.wait(5000))
        return {};
    return hello;
}

void TestPushChannel::liveUrl_data()
{
    QTest::addColumn<QUrl>("server");
    QTest::addColumn<QUrl>("live");
    QTest::newRow("http") << QUrl(u"http://127.0.0.1:8080"_s) << QUrl(u"ws://127.0.0.1:8080/v1/live"_s);
    QTest::newRow("https") << QUrl(u"https://example.org"_s) << QUrl(u"wss://example.org/v1/live"_s);
    QTest::newRow("trailing slash") << QUrl(u"http://h:1/"_s) << QUrl(u"ws://h:1/v1/live"_s);
}

void TestPushChannel::liveUrl()
{
    QFETCH(QUrl, server);
    QFETCH(QUrl, live);
    QCOMPARE(PushChannel::liveUrl(server), live);
}

void TestPushChannel::helloCarriesTheNumbers()
{
    m_channel->setSubscriptions({{u"tasks"_s, 5}, {u"notes"_s, 0}});
    m_channel->open();
    const QJsonObject hello = nextHello();
    QCOMPARE(hello.value("collections"_L1).toObject(), QJsonObject({{u"tasks"_s, 5}, {u"notes"_s, 0}}));
    QCOMPARE(m_server->requests().constLast().path, u"/v1/live"_s);

    m_channel->subscribe(u"people"_s, 3); // a later hello replaces the subscription
    QCOMPARE(nextHello().value("collections"_L1).toObject(),
             QJsonObject({{u"tasks"_s, 5}, {u"notes"_s, 0}, {u"people"_s, 3}}));
}

void TestPushChannel::welcomeMakesItLive()
{
    QSignalSpy states(m_channel.get(), &PushChannel::stateChanged);
    m_channel->subscribe(u"tasks"_s, 0);
    QVERIFY(!connectAndWelcome({{u"tasks"_s, 4}}).isEmpty());
    QCOMPARE(m_channel->state(), ConnectionState::Live);
    QCOMPARE(m_channel->user(), u"alice"_s);
    QCOMPARE(states.size(), 2);
    QCOMPARE(states.at(0).at(0).value<ConnectionState>(), ConnectionState::Connecting);
    QCOMPARE(states.at(1).at(0).value<ConnectionState>(), ConnectionState::Live);
}

void TestPushChannel::deliversInOrderAndDropsDuplicates()
{
    m_channel->subscribe(u"tasks"_s, 5);
    QVERIFY(!connectAndWelcome({{u"tasks"_s, 5}}).isEmpty());
    QSignalSpy changes(m_channel.get(), &PushChannel::changeReceived);
    for (qint64 seq : {6, 7, 6, 5, 7, 8})
        m_server->sendText(text(LiveMessage::changed(change(seq))));
    m_server->sendText(text(LiveMessage::changed(change(1, u"unsubscribed"_s))));
    QTRY_COMPARE(seqs(changes), QList<qint64>({6, 7, 8}));
    QCOMPARE(changes.at(0).at(0).value<Change>(), change(6));
    QCOMPARE(m_channel->lastSeq(u"tasks"_s), 8);
    QCOMPARE(m_server->requests().size(), 1); // no catch-up was needed
}

void TestPushChannel::errors_data()
{
    QTest::addColumn<QString>("collection"); // empty: the server refused a message, not a subscription
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("reported");
    QTest::newRow("unknown collection") << u"tasks"_s << 404 << true;
    QTest::newRow("no right") << u"tasks"_s << 403 << true;
    QTest::newRow("bad message") << QString() << 400 << false;
}

void TestPushChannel::errors()
{
    QFETCH(QString, collection);
    QFETCH(int, status);
    QFETCH(bool, reported);
    m_channel->subscribe(u"tasks"_s, 0);
    QVERIFY(!connectAndWelcome({{u"tasks"_s, 0}}).isEmpty());
    QSignalSpy failed(m_channel.get(), &PushChannel::subscriptionFailed);
    QSignalSpy changes(m_channel.get(), &PushChannel::changeReceived);
    m_server->sendText(text(LiveMessage::error(collection, status, u"details"_s)));
    m_server->sendText(text(LiveMessage::changed(change(1)))); // arrives after the error
    QTRY_COMPARE(changes.size(), 1);
    QCOMPARE(failed.size(), reported ? 1 : 0);
    if (reported)
        QCOMPARE(failed.at(0), (QList<QVariant>{collection, status}));
    QCOMPARE(m_channel->state(), ConnectionState::Live);
}

void TestPushChannel::gapIsFilledFromTheChangeFeed()
{
    m_server->setHandler([](const ScriptedServer::Request &request) {
        const QString since = request.query.queryItemValue(u"since"_s);
        if (request.path != "/v1/collections/tasks/changes"_L1)
            return ScriptedServer::json(404, "{}");
        if (since == "5"_L1)
            return ScriptedServer::json(200, feedPage(9, {6, 7}));
        return ScriptedServer::json(200, feedPage(9, {8, 9}));
    });
    m_channel->subscribe(u"tasks"_s, 5);
    QVERIFY(!connectAndWelcome({{u"tasks"_s, 5}}).isEmpty());
    QSignalSpy changes(m_channel.get(), &PushChannel::changeReceived);
    m_server->sendText(text(LiveMessage::changed(change(8)))); // 6 and 7 are missing
    m_server->sendText(text(LiveMessage::changed(change(9))));
    QTRY_COMPARE(seqs(changes), QList<qint64>({6, 7, 8, 9}));
    QCOMPARE(m_channel->lastSeq(u"tasks"_s), 9);
    m_server->sendText(text(LiveMessage::changed(change(10))));
    QTRY_COMPARE(seqs(changes), QList<qint64>({6, 7, 8, 9, 10}));
    const QList<ScriptedServer::Request> requests = m_server->requests();
    QCOMPARE(requests.size(), 3); // the upgrade, then the feed twice (it pages until seq 9)
    QCOMPARE(requests.at(1).query.queryItemValue(u"since"_s), u"5"_s);
    QCOMPARE(requests.at(2).query.queryItemValue(u"since"_s), u"7"_s);
}

void TestPushChannel::goneFeedRequiresReset()
{
    m_server->setHandler([](const ScriptedServer::Request &) { return ScriptedServer::json(410, "{}"); });
    m_channel->subscribe(u"tasks"_s, 5);
    QVERIFY(!connectAndWelcome({{u"tasks"_s, 5}}).isEmpty());
    QSignalSpy changes(m_channel.get(), &PushChannel::changeReceived);
    QSignalSpy resets(m_channel.get(), &PushChannel::resetRequired);
    m_server->sendText(text(LiveMessage::changed(change(9))));
    QVERIFY(resets.wait(5000));
    QCOMPARE(resets.constFirst().at(0).toString(), u"tasks"_s);
    QVERIFY(m_channel->isSuspended(u"tasks"_s));
    QVERIFY(changes.isEmpty());

    m_channel->subscribe(u"tasks"_s, 20); // the engine reloaded the collection at 20
    QCOMPARE(nextHello().value("collections"_L1).toObject(), QJsonObject({{u"tasks"_s, 20}}));
    m_server->sendText(text(LiveMessage::changed(change(21))));
    QTRY_COMPARE(seqs(changes), QList<qint64>({21}));
}

void TestPushChannel::unfillableGapRequiresReset_data()
{
    QTest::addColumn<QList<qint64>>("feed");
    QTest::newRow("feed is empty") << QList<qint64>();
    QTest::newRow("feed lacks the next number") << QList<qint64>({7, 8});
}

void TestPushChannel::unfillableGapRequiresReset()
{
    QFETCH(QList<qint64>, feed);
    m_server->setHandler([feed](const ScriptedServer::Request &request) {
        const bool first = request.query.queryItemValue(u"since"_s) == "5"_L1;
        return ScriptedServer::json(200, feedPage(9, first ? feed : QList<qint64>()));
    });
    m_channel->subscribe(u"tasks"_s, 5);
    QVERIFY(!connectAndWelcome({{u"tasks"_s, 5}}).isEmpty());
    QSignalSpy changes(m_channel.get(), &PushChannel::changeReceived);
    QSignalSpy resets(m_channel.get(), &PushChannel::resetRequired);
    m_server->sendText(text(LiveMessage::changed(change(9)))); // 6, 7 and 8 are missing
    QVERIFY(resets.wait(5000));
    QCOMPARE(resets.constFirst(), QList<QVariant>({u"tasks"_s, qint64(9)}));
    QVERIFY(m_channel->isSuspended(u"tasks"_s));
    QVERIFY(changes.isEmpty()); // nothing is applied out of order
    QCOMPARE(m_channel->lastSeq(u"tasks"_s), 5);
    QCOMPARE(m_server->webSocketCount(), 1);
}

void TestPushChannel::failedCatchUpReconnectsAndResumes()
{
    int feedRequests = 0;
    m_server->setHandler([&feedRequests](const ScriptedServer::Request &) {
        if (++feedRequests == 1)
            return ScriptedServer::json(503, R"({"type":"about:blank","title":"Busy","status":503})");
        return ScriptedServer::json(200, feedPage(7, {6, 7}));
    });
    m_channel->subscribe(u"tasks"_s, 5);
    QVERIFY(!connectAndWelcome({{u"tasks"_s, 5}}).isEmpty());
    QSignalSpy changes(m_channel.get(), &PushChannel::changeReceived);
    m_server->sendText(text(LiveMessage::changed(change(7)))); // 6 is missing; the feed fails
    // The channel starts over from what it applied: a new socket, hello with 5.
    QCOMPARE(nextHello().value("collections"_L1).toObject(), QJsonObject({{u"tasks"_s, 5}}));
    QCOMPARE(m_server->webSocketCount(), 2);
    QVERIFY(changes.isEmpty());
    m_server->sendText(text(LiveMessage::welcome({{u"tasks"_s, 7}}, u"alice"_s)));
    m_server->sendText(text(LiveMessage::changed(change(7)))); // still a gap: the feed now answers
    QTRY_COMPARE(seqs(changes), QList<qint64>({6, 7}));
    QCOMPARE(feedRequests, 2);
}

void TestPushChannel::resetMessageSuspendsUntilSubscribed()
{
    m_channel->subscribe(u"tasks"_s, 5);
    QVERIFY(!connectAndWelcome({{u"tasks"_s, 5}}).isEmpty());
    QSignalSpy changes(m_channel.get(), &PushChannel::changeReceived);
    QSignalSpy resets(m_channel.get(), &PushChannel::resetRequired);
    m_server->sendText(text(LiveMessage::reset(u"tasks"_s, 30)));
    m_server->sendText(text(LiveMessage::changed(change(6)))); // ignored: the collection is reloading
    QVERIFY(resets.wait(5000));
    QCOMPARE(resets.constFirst(), QList<QVariant>({u"tasks"_s, qint64(30)}));
    m_channel->subscribe(u"tasks"_s, 30);
    QCOMPARE(nextHello().value("collections"_L1).toObject(), QJsonObject({{u"tasks"_s, 30}}));
    m_server->sendText(text(LiveMessage::changed(change(31))));
    QTRY_COMPARE(seqs(changes), QList<qint64>({31}));
}

void TestPushChannel::welcomeBehindOurNumberRequiresReset()
{
    QSignalSpy resets(m_channel.get(), &PushChannel::resetRequired);
    m_channel->subscribe(u"tasks"_s, 5);
    QVERIFY(!connectAndWelcome({{u"tasks"_s, 2}}).isEmpty());
    QCOMPARE(resets.size(), 1);
    QCOMPARE(resets.constFirst(), QList<QVariant>({u"tasks"_s, qint64(2)}));
}

void TestPushChannel::reconnectsAfterTheServerDropsTheSocket()
{
    m_channel->subscribe(u"tasks"_s, 5);
    QVERIFY(!connectAndWelcome({{u"tasks"_s, 5}}).isEmpty());
    QSignalSpy changes(m_channel.get(), &PushChannel::changeReceived);
    m_server->sendText(text(LiveMessage::changed(change(6))));
    QVERIFY(changes.wait(5000));
    QSignalSpy states(m_channel.get(), &PushChannel::stateChanged);
    m_server->dropWebSockets();
    QVERIFY(states.wait(5000));
    QCOMPARE(states.constFirst().at(0).value<ConnectionState>(), ConnectionState::Reconnecting);
    // The new socket resumes from the last applied number.
    QCOMPARE(nextHello().value("collections"_L1).toObject(), QJsonObject({{u"tasks"_s, 6}}));
    QCOMPARE(m_server->webSocketCount(), 2);
    m_server->sendText(text(LiveMessage::welcome({{u"tasks"_s, 7}}, u"alice"_s)));
    m_server->sendText(text(LiveMessage::changed(change(7))));
    QTRY_COMPARE(seqs(changes), QList<qint64>({6, 7}));
    QCOMPARE(m_channel->state(), ConnectionState::Live);
}

void TestPushChannel::reconnectsAfterSilence()
{
    m_server->setAnswerPings(false);
    m_channel->setPingInterval(100);
    m_channel->subscribe(u"tasks"_s, 1);
    QVERIFY(!connectAndWelcome({{u"tasks"_s, 1}}).isEmpty());
    QSignalSpy opened(m_server.get(), &ScriptedServer::webSocketOpened);
    QVERIFY(opened.wait(5000)); // no pong for 2.5 intervals: a new socket
    QCOMPARE(m_server->webSocketCount(), 2);
    QCOMPARE(nextHello().value("collections"_L1).toObject(), QJsonObject({{u"tasks"_s, 1}}));
}

void TestPushChannel::unansweredHandshakeIsAbandoned()
{
    // A peer that accepts TCP connections and then says nothing (a frozen server): the
    // channel must not wait forever for the upgrade, but try again with backoff.
    QTcpServer frozen;
    QVERIFY(frozen.listen(QHostAddress::LocalHost, 0));
    QList<QTcpSocket *> accepted;
    connect(&frozen, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = frozen.nextPendingConnection())
            accepted.append(socket);
    });
    QUrl url = m_server->url();
    url.setPort(frozen.serverPort());
    PushChannel channel(&m_network, url);
    channel.setPingInterval(100);
    channel.setReconnectBase(20);
    QSignalSpy scheduled(&channel, &PushChannel::reconnectScheduled);
    channel.open();
    QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 2, 5000);
    QCOMPARE(scheduled.size(), 1);
    QTRY_COMPARE(accepted.constFirst()->state(), QAbstractSocket::UnconnectedState); // the first was dropped
    QCOMPARE(channel.state(), ConnectionState::Reconnecting);
    channel.close();
}

void TestPushChannel::backoffGrowsUntilWelcomeThenStartsOver()
{
    constexpr int Base = 10;
    constexpr int Cap = 1000;
    m_channel->setReconnectBase(Base);
    m_channel->setReconnectCap(Cap);
    QSignalSpy scheduled(m_channel.get(), &PushChannel::reconnectScheduled);
    const auto checkLast = [&scheduled](int attempt) {
        const int ceiling = Backoff::ceiling(attempt - 1, Base, Cap);
        const int delay = scheduled.constLast().at(0).toInt();
        return scheduled.constLast().at(1).toInt() == attempt && delay >= ceiling / 2 && delay <= ceiling;
    };
    m_channel->subscribe(u"tasks"_s, 1);
    m_channel->open();
    for (int attempt = 1; attempt <= 4; ++attempt) {
        QVERIFY(!nextHello().isEmpty());
        m_server->dropWebSockets(); // lost before any welcome: the next wait is longer
        QTRY_COMPARE(scheduled.size(), attempt);
        QVERIFY2(checkLast(attempt), qPrintable(QString::number(scheduled.constLast().at(0).toInt())));
        QCOMPARE(m_channel->reconnectAttempts(), attempt);
    }
    QVERIFY(!nextHello().isEmpty());
    m_server->sendText(text(LiveMessage::welcome({{u"tasks"_s, 1}}, u"alice"_s)));
    QTRY_COMPARE(m_channel->state(), ConnectionState::Live);
    QCOMPARE(m_channel->reconnectAttempts(), 0);
    m_server->dropWebSockets(); // after a welcome the backoff starts over
    QTRY_COMPARE(scheduled.size(), 5);
    QVERIFY(checkLast(1));
}

void TestPushChannel::staysConnectedWhilePongsArrive()
{
    m_channel->setPingInterval(100);
    QVERIFY(!connectAndWelcome().isEmpty());
    QSignalSpy opened(m_server.get(), &ScriptedServer::webSocketOpened);
    QVERIFY(!opened.wait(800)); // eight ping intervals without a message but with pongs
    QCOMPARE(m_server->webSocketCount(), 1);
    QCOMPARE(m_channel->state(), ConnectionState::Live);
}

void TestPushChannel::presenceBothWays()
{
    m_channel->subscribe(u"tasks"_s, 0);
    QVERIFY(!connectAndWelcome().isEmpty());
    QSignalSpy presences(m_channel.get(), &PushChannel::presenceReceived);
    const Presence bob{u"tasks"_s, u"r1"_s, u"bob"_s, Presence::State::Editing};
    m_server->sendText(text(LiveMessage::presenceOf(bob)));
    QVERIFY(presences.wait(5000));
    QCOMPARE(presences.constFirst().at(0).value<Presence>(), bob);

    const Presence mine{u"tasks"_s, u"r2"_s, u"alice"_s, Presence::State::Viewing};
    QVERIFY(m_channel->sendPresence(mine));
    QVERIFY(m_received->wait(5000));
    QString error;
    const auto message = LiveMessage::fromJson(
        QJsonDocument::fromJson(m_received->takeFirst().at(0).toString().toUtf8()).object(), &error);
    QVERIFY2(message, qPrintable(error));
    QCOMPARE(message->type, LiveMessage::Type::Presence);
    QCOMPARE(message->presence, mine);

    // After a reconnect the channel announces it again.
    m_server->dropWebSockets();
    QVERIFY(!nextHello().isEmpty());
    m_server->sendText(text(LiveMessage::welcome({}, u"alice"_s)));
    QVERIFY(m_received->wait(5000));
    const auto again = LiveMessage::fromJson(
        QJsonDocument::fromJson(m_received->takeFirst().at(0).toString().toUtf8()).object(), &error);
    QVERIFY(again);
    QCOMPARE(again->presence, mine);
}

void TestPushChannel::closeGoesOffline()
{
    QVERIFY(!connectAndWelcome().isEmpty());
    QSignalSpy opened(m_server.get(), &ScriptedServer::webSocketOpened);
    m_channel->close();
    QCOMPARE(m_channel->state(), ConnectionState::Offline);
    QVERIFY(!opened.wait(300)); // no reconnect after a deliberate close
}

void TestPushChannel::upgradeCarriesTheSessionToken()
{
    m_network.setBearerToken("t0ken"_ba);
    QVERIFY(!connectAndWelcome().isEmpty());
    QCOMPARE(m_server->requests().constLast().headers.value("authorization"_ba), "Bearer t0ken"_ba);
}

void TestPushChannel::closeCodes_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<bool>("signsOut");
    QTest::newRow("4401 session ended") << int(LiveCloseCode::SessionEnded) << true;
    QTest::newRow("4403 rights changed") << int(LiveCloseCode::RightsChanged) << false;
    QTest::newRow("1001 going away") << 1001 << false;
}

void TestPushChannel::closeCodes()
{
    QFETCH(int, code);
    QFETCH(bool, signsOut);
    m_network.setBearerToken("old"_ba);
    QVERIFY(!connectAndWelcome().isEmpty());
    QSignalSpy required(m_channel.get(), &PushChannel::authenticationRequired);
    QSignalSpy opened(m_server.get(), &ScriptedServer::webSocketOpened);
    m_server->closeWebSocket(quint16(code), "bye"_ba);
    if (!signsOut) {
        QVERIFY(opened.wait(5000)); // reconnects as after any drop
        QCOMPARE(required.size(), 0);
        return;
    }
    QTRY_COMPARE(m_channel->state(), ConnectionState::SignedOut);
    QCOMPARE(required.size(), 1);
    QVERIFY(!opened.wait(300)); // no retry with a session the server ended
    m_network.setBearerToken("new"_ba);
    QVERIFY(opened.wait(5000)); // a new token reconnects at once
    QCOMPARE(m_server->requests().constLast().headers.value("authorization"_ba), "Bearer new"_ba);
}

void TestPushChannel::refusedHandshake_data()
{
    QTest::addColumn<int>("upgradeStatus");
    QTest::addColumn<int>("probeStatus"); // of the REST request that tells why
    QTest::addColumn<bool>("signsOut");
    QTest::newRow("401, session refused") << 401 << 401 << true;
    QTest::newRow("503, server busy") << 503 << 200 << false;
    QTest::newRow("403, REST fine") << 403 << 200 << false;
}

void TestPushChannel::refusedHandshake()
{
    QFETCH(int, upgradeStatus);
    QFETCH(int, probeStatus);
    QFETCH(bool, signsOut);
    m_server->setUpgradeRefusal(upgradeStatus);
    m_server->setHandler([probeStatus](const ScriptedServer::Request &) {
        return ScriptedServer::json(probeStatus, probeStatus == 200 ? R"({"collections":[]})"_ba : "{}"_ba);
    });
    QSignalSpy required(m_channel.get(), &PushChannel::authenticationRequired);
    m_channel->open();
    if (signsOut) {
        QTRY_COMPARE(m_channel->state(), ConnectionState::SignedOut);
        QCOMPARE(required.size(), 1);
        return;
    }
    const auto probes = [this] {
        const QList<ScriptedServer::Request> requests = m_server->requests();
        return std::count_if(requests.cbegin(), requests.cend(),
                             [](const ScriptedServer::Request &r) { return r.path == "/v1/collections"_L1; });
    };
    QTRY_VERIFY(probes() >= 2); // retried, and asked again each time
    QCOMPARE(required.size(), 0);
    QCOMPARE(m_channel->state(), ConnectionState::Reconnecting);
}

QTEST_GUILESS_MAIN(TestPushChannel)
#include "tst_pushchannel.moc"
