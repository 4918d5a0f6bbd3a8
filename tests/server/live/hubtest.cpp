#include "hubtest.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace Etagere {

void HubTest::setUpHub(const LiveAuthorizer *authorizer)
{
    m_feed = std::make_unique<FakeChangeFeed>();
    m_feed->addCollection(u"books"_s);
    m_feed->addCollection(u"films"_s);
    for (int i = 0; i < 5; ++i)
        m_feed->append(u"books"_s, u"b%1"_s.arg(i));
    m_hub = std::make_unique<Hub>(m_feed.get(), authorizer); // without one, everything is readable
    m_server = std::make_unique<QWebSocketServer>(u"tst_hub"_s, QWebSocketServer::NonSecureMode);
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
    connect(m_server.get(), &QWebSocketServer::newConnection, m_hub.get(), [this] {
        while (m_server->hasPendingConnections()) {
            m_hub->addSocket(m_server->nextPendingConnection(),
                             m_nextIdentity.value_or(Identity{u"alice"_s, "alice-session"_ba, {}}));
            m_nextIdentity.reset();
        }
    });
    m_clients = std::make_unique<QObject>();
}

void HubTest::tearDownHub()
{
    m_clients.reset();
    m_hub.reset();
    m_server.reset();
    m_feed.reset();
}

LiveClient *HubTest::connectClient(WireFormat format)
{
    auto *client = new LiveClient(format, m_clients.get());
    if (!client->open(m_server->serverUrl()))
        qWarning("could not connect a test client");
    return client;
}

LiveClient *HubTest::subscribedClient(const QMap<QString, qint64> &collections, WireFormat format)
{
    LiveClient *client = connectClient(format);
    client->sendHello(collections);
    const QList<QJsonObject> answer = client->drain();
    if (answer.isEmpty() || answer.first()[u"type"_s] != u"welcome"_s)
        qWarning("no welcome for a test client");
    return client;
}

} // namespace Etagere
