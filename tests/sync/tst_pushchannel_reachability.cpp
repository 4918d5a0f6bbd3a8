// PushChannel and NetworkReachability: no reconnect attempts while the system reports no
// network, an immediate reconnect (resuming from the last numbers) when it comes back.
// The network is scripted with a fake NetworkReachability; the server is a ScriptedServer.

#include "networkaccess.h"
#include "networkreachability.h"
#include "pushchannel.h"
#include "scriptedserver.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

namespace {

/// The network as the test says it is.
class FakeReachability : public NetworkReachability
{
public:
    using NetworkReachability::NetworkReachability;
    using NetworkReachability::setReachable;
};

/// How long a channel that ignored the network would have had to try again many times
/// (its reconnect base is 20 ms): waiting this long for an attempt that must not come.
constexpr int QuietMs = 400;

QString welcome(const QMap<QString, qint64> &numbers)
{
    const LiveMessage message = LiveMessage::welcome(numbers, u"alice"_s);
    return QString::fromUtf8(QJsonDocument(message.toJson()).toJson(QJsonDocument::Compact));
}

ConnectionState lastState(const QSignalSpy &states)
{
    return states.constLast().at(0).value<ConnectionState>();
}

} // namespace

class TestPushChannelReachability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void isLocal_data();
    void isLocal();
    void systemReachabilityLoads();
    void openWithoutNetworkWaitsThenConnects();
    void networkLossWhileLiveStopsUntilItIsBack();
    void networkBackCutsTheBackoffShort();
    void noReconnectStormAgainstADeadServerWithoutNetwork();
    void withoutReachabilityTheSocketAloneDecides();
    void closeWhileWaitingForTheNetwork();

private:
    /// Waits for the channel's next hello; returns its collections.
    [[nodiscard]] QJsonObject nextHelloNumbers();
    [[nodiscard]] bool welcomeAndWait();

    NetworkAccess m_network;
    std::unique_ptr<ScriptedServer> m_server;
    std::unique_ptr<FakeReachability> m_reachability;
    std::unique_ptr<PushChannel> m_channel;
    std::unique_ptr<QSignalSpy> m_received; ///< texts the server received
};

void TestPushChannelReachability::init()
{
    m_server = std::make_unique<ScriptedServer>();
    QVERIFY(m_server->listen());
    m_received = std::make_unique<QSignalSpy>(m_server.get(), &ScriptedServer::textReceived);
    m_reachability = std::make_unique<FakeReachability>();
    m_channel = std::make_unique<PushChannel>(&m_network, m_server->url());
    m_channel->setReconnectBase(20);
    m_channel->setReachability(m_reachability.get());
    m_channel->subscribe(u"tasks"_s, 5);
}

void TestPushChannelReachability::cleanup()
{
    m_channel.reset();
    m_reachability.reset();
    m_received.reset();
    m_server.reset();
}

QJsonObject TestPushChannelReachability::nextHelloNumbers()
{
    for (;;) {
        if (m_received->isEmpty() && !m_received->wait(5000))
            return {};
        const QJsonObject message = QJsonDocument::fromJson(m_received->takeFirst().at(0).toString().toUtf8()).object();
        if (message.value("type"_L1) == "hello"_L1)
            return message.value("collections"_L1).toObject();
    }
}

bool TestPushChannelReachability::welcomeAndWait()
{
    QSignalSpy welcomed(m_channel.get(), &PushChannel::welcomed);
    m_server->sendText(welcome({{u"tasks"_s, 5}}));
    return welcomed.wait(5000) && m_channel->state() == ConnectionState::Live;
}

void TestPushChannelReachability::isLocal_data()
{
    QTest::addColumn<QUrl>("server");
    QTest::addColumn<bool>("local");
    QTest::newRow("IPv4 loopback") << QUrl(u"http://127.0.0.1:8080"_s) << true;
    QTest::newRow("other IPv4 loopback") << QUrl(u"http://127.3.2.1:8080"_s) << true;
    QTest::newRow("IPv6 loopback") << QUrl(u"http://[::1]:8080"_s) << true;
    QTest::newRow("localhost") << QUrl(u"http://LocalHost:8080"_s) << true;
    QTest::newRow("LAN address") << QUrl(u"http://192.168.1.20:8080"_s) << false;
    QTest::newRow("host name") << QUrl(u"https://etagere.example.org"_s) << false;
    QTest::newRow("no host") << QUrl() << false;
}

void TestPushChannelReachability::isLocal()
{
    QFETCH(QUrl, server);
    QFETCH(bool, local);
    QCOMPARE(NetworkReachability::isLocal(server), local);
}

void TestPushChannelReachability::systemReachabilityLoads()
{
    // Whatever the machine offers (a backend or none), system() gives a working object;
    // without a backend it is the base class, which never blocks a connection attempt.
    QObject owner;
    NetworkReachability *system = NetworkReachability::system(&owner);
    QVERIFY(system);
    QCOMPARE(system->parent(), &owner);
    QCOMPARE(NetworkReachability::system(&owner)->isReachable(), system->isReachable());
}

void TestPushChannelReachability::openWithoutNetworkWaitsThenConnects()
{
    QSignalSpy opened(m_server.get(), &ScriptedServer::webSocketOpened);
    QSignalSpy scheduled(m_channel.get(), &PushChannel::reconnectScheduled);
    m_reachability->setReachable(false);
    m_channel->open();
    QCOMPARE(m_channel->state(), ConnectionState::NoNetwork);
    QVERIFY(!opened.wait(QuietMs)); // not even one attempt
    QCOMPARE(scheduled.size(), 0);

    m_reachability->setReachable(true);
    QCOMPARE(m_channel->state(), ConnectionState::Connecting); // at once, no backoff delay
    QCOMPARE(nextHelloNumbers(), QJsonObject({{u"tasks"_s, 5}}));
    QVERIFY(welcomeAndWait());
}

void TestPushChannelReachability::networkLossWhileLiveStopsUntilItIsBack()
{
    m_channel->open();
    QCOMPARE(nextHelloNumbers(), QJsonObject({{u"tasks"_s, 5}}));
    QVERIFY(welcomeAndWait());
    QSignalSpy states(m_channel.get(), &PushChannel::stateChanged);
    QSignalSpy scheduled(m_channel.get(), &PushChannel::reconnectScheduled);
    QSignalSpy opened(m_server.get(), &ScriptedServer::webSocketOpened);

    m_reachability->setReachable(false);
    QCOMPARE(m_channel->state(), ConnectionState::NoNetwork);
    QVERIFY(m_channel->lastError().contains("no network"_L1));
    QVERIFY(!opened.wait(QuietMs));
    QCOMPARE(scheduled.size(), 0);
    QCOMPARE(states.size(), 1);

    m_reachability->setReachable(true);
    QCOMPARE(lastState(states), ConnectionState::Reconnecting); // it had been live: a reconnection
    QCOMPARE(nextHelloNumbers(), QJsonObject({{u"tasks"_s, 5}})); // resumes from its number
    QCOMPARE(m_server->webSocketCount(), 2);
    QVERIFY(welcomeAndWait());
    QVERIFY(m_channel->lastError().isEmpty());
    QCOMPARE(scheduled.size(), 0);
}

void TestPushChannelReachability::networkBackCutsTheBackoffShort()
{
    m_channel->setReconnectCap(60000);
    m_channel->setReconnectBase(60000); // the first retry would wait 30 to 60 s
    m_channel->open();
    QCOMPARE(nextHelloNumbers(), QJsonObject({{u"tasks"_s, 5}}));
    QVERIFY(welcomeAndWait());
    QSignalSpy scheduled(m_channel.get(), &PushChannel::reconnectScheduled);
    m_server->dropWebSockets();
    QVERIFY(scheduled.wait(5000));
    QVERIFY(scheduled.constFirst().at(0).toInt() >= 30000);
    QCOMPARE(m_channel->state(), ConnectionState::Reconnecting);

    // The network went away (that is why the socket dropped) and comes back.
    m_reachability->setReachable(false);
    QCOMPARE(m_channel->state(), ConnectionState::NoNetwork);
    QElapsedTimer clock;
    clock.start();
    m_reachability->setReachable(true);
    QCOMPARE(nextHelloNumbers(), QJsonObject({{u"tasks"_s, 5}}));
    QVERIFY2(clock.elapsed() < 10000, "waited out the backoff");
    QVERIFY(welcomeAndWait());
    QCOMPARE(scheduled.size(), 1);
}

void TestPushChannelReachability::noReconnectStormAgainstADeadServerWithoutNetwork()
{
    // A port that accepts and at once drops every connection: a server that is not there.
    QTcpServer dead;
    QVERIFY(dead.listen(QHostAddress::LocalHost, 0));
    int attempts = 0;
    connect(&dead, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = dead.nextPendingConnection()) {
            ++attempts;
            socket->abort();
            socket->deleteLater();
        }
    });
    QUrl url = m_server->url();
    url.setPort(dead.serverPort());
    PushChannel channel(&m_network, url);
    channel.setReconnectBase(20);
    channel.setReachability(m_reachability.get());
    QSignalSpy scheduled(&channel, &PushChannel::reconnectScheduled);
    channel.open();
    QTRY_VERIFY(scheduled.size() >= 3); // with the network, it does retry (with backoff)

    m_reachability->setReachable(false);
    QCOMPARE(channel.state(), ConnectionState::NoNetwork);
    const int before = attempts;
    const qsizetype scheduledBefore = scheduled.size();
    QVERIFY(!scheduled.wait(QuietMs));
    QCOMPARE(scheduled.size(), scheduledBefore);
    QCOMPARE(attempts, before);

    m_reachability->setReachable(true);
    QTRY_VERIFY(attempts > before); // straight away, and on with the backoff after
    QTRY_COMPARE(channel.state(), ConnectionState::Reconnecting);
    channel.close();
}

void TestPushChannelReachability::withoutReachabilityTheSocketAloneDecides()
{
    m_channel->setReachability(nullptr);
    QCOMPARE(m_channel->reachability(), nullptr);
    m_reachability->setReachable(false); // no longer followed
    m_channel->open();
    QCOMPARE(nextHelloNumbers(), QJsonObject({{u"tasks"_s, 5}}));
    QVERIFY(welcomeAndWait());
    QSignalSpy scheduled(m_channel.get(), &PushChannel::reconnectScheduled);
    m_server->dropWebSockets();
    QVERIFY(scheduled.wait(5000));
    QCOMPARE(nextHelloNumbers(), QJsonObject({{u"tasks"_s, 5}}));
    QVERIFY(welcomeAndWait());

    // Installing a reachability that says "no network" takes effect at once.
    m_channel->setReachability(m_reachability.get());
    QCOMPARE(m_channel->state(), ConnectionState::NoNetwork);
}

void TestPushChannelReachability::closeWhileWaitingForTheNetwork()
{
    QSignalSpy opened(m_server.get(), &ScriptedServer::webSocketOpened);
    m_reachability->setReachable(false);
    m_channel->open();
    QCOMPARE(m_channel->state(), ConnectionState::NoNetwork);
    m_channel->close();
    QCOMPARE(m_channel->state(), ConnectionState::Offline);
    m_reachability->setReachable(true); // closed means closed
    QVERIFY(!opened.wait(QuietMs));
    QCOMPARE(m_channel->state(), ConnectionState::Offline);
}

QTEST_GUILESS_MAIN(TestPushChannelReachability)
#include "tst_pushchannel_reachability.moc"
