// Unit test of the live hub's presence relay: the server's user, `left` on close and on a
// new subscription, the snapshot for a newcomer, and the limits.

#include "hubtest.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

class TestHubPresence : public HubTest
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUpHub(); }
    void cleanup() { tearDownHub(); }

    void presenceIsRelayedWithTheServersUser();
    void presenceLeftOnClose();
    void presenceLeftOnSubscriptionChange();
    void presenceSnapshotForANewcomer();
    void presenceOutsideTheSubscriptionGets409();
    void presenceIsLimitedPerSession();
};

void TestHubPresence::presenceIsRelayedWithTheServersUser()
{
    LiveClient *sender = subscribedClient({{u"books"_s, 5}});
    LiveClient *peer = subscribedClient({{u"books"_s, 5}, {u"films"_s, 0}}, WireFormat::Cbor);
    LiveClient *elsewhere = subscribedClient({{u"films"_s, 0}});

    sender->sendPresence(u"books"_s, u"b1"_s, u"editing"_s, u"mallory"_s);
    QCOMPARE(peer->take(), (QJsonObject{{u"type"_s, u"presence"_s}, {u"collection"_s, u"books"_s},
                                        {u"id"_s, u"b1"_s}, {u"user"_s, u"alice"_s},
                                        {u"state"_s, u"editing"_s}}));
    QVERIFY(sender->drain().isEmpty());
    QVERIFY(elsewhere->drain().isEmpty());
}

void TestHubPresence::presenceLeftOnClose()
{
    LiveClient *leaving = subscribedClient({{u"books"_s, 5}});
    LiveClient *peer = subscribedClient({{u"books"_s, 5}});
    leaving->sendPresence(u"books"_s, u"b1"_s, u"editing"_s);
    leaving->sendPresence(u"books"_s, u"b2"_s, u"viewing"_s);
    QCOMPARE(peer->take()[u"id"_s], u"b1"_s);
    QCOMPARE(peer->take()[u"id"_s], u"b2"_s);

    leaving->socket().close();
    const QJsonObject first = peer->take();
    const QJsonObject second = peer->take();
    for (const QJsonObject &left : {first, second}) {
        QCOMPARE(left[u"state"_s], u"left"_s);
        QCOMPARE(left[u"user"_s], u"alice"_s);
    }
    QCOMPARE((QSet<QString>{first[u"id"_s].toString(), second[u"id"_s].toString()}),
             (QSet<QString>{u"b1"_s, u"b2"_s}));
}

void TestHubPresence::presenceLeftOnSubscriptionChange()
{
    LiveClient *moving = subscribedClient({{u"books"_s, 5}, {u"films"_s, 0}});
    LiveClient *peer = subscribedClient({{u"books"_s, 5}, {u"films"_s, 0}});
    moving->sendPresence(u"books"_s, u"b1"_s, u"editing"_s);
    moving->sendPresence(u"films"_s, u"f1"_s, u"viewing"_s);
    QCOMPARE(peer->take()[u"id"_s], u"b1"_s);
    QCOMPARE(peer->take()[u"id"_s], u"f1"_s);

    moving->sendHello({{u"films"_s, 0}}); // drops books, keeps films
    const QJsonObject left = peer->take();
    QCOMPARE(left[u"id"_s], u"b1"_s);
    QCOMPARE(left[u"state"_s], u"left"_s);
    QVERIFY(peer->drain().isEmpty());
}

void TestHubPresence::presenceSnapshotForANewcomer()
{
    LiveClient *present = subscribedClient({{u"books"_s, 5}, {u"films"_s, 0}});
    present->sendPresence(u"books"_s, u"b1"_s, u"editing"_s);
    present->sendPresence(u"books"_s, u"b2"_s, u"viewing"_s);
    present->sendPresence(u"books"_s, u"b2"_s, u"left"_s);
    present->sendPresence(u"films"_s, u"f1"_s, u"viewing"_s);
    QVERIFY(present->drain().isEmpty());

    LiveClient *newcomer = connectClient();
    newcomer->sendHello({{u"books"_s, 5}});
    QCOMPARE(newcomer->take()[u"type"_s], u"welcome"_s);
    QCOMPARE(newcomer->drain(), (QList<QJsonObject>{{{u"type"_s, u"presence"_s},
                                                     {u"collection"_s, u"books"_s},
                                                     {u"id"_s, u"b1"_s},
                                                     {u"user"_s, u"alice"_s},
                                                     {u"state"_s, u"editing"_s}}}));
}

void TestHubPresence::presenceOutsideTheSubscriptionGets409()
{
    LiveClient *client = subscribedClient({{u"books"_s, 5}});
    LiveClient *peer = subscribedClient({{u"films"_s, 0}});
    client->sendPresence(u"films"_s, u"f1"_s, u"editing"_s);
    const QJsonObject error = client->take();
    QCOMPARE(error[u"type"_s], u"error"_s);
    QCOMPARE(error[u"status"_s], 409);
    QCOMPARE(error[u"collection"_s], u"films"_s);
    QVERIFY(peer->drain().isEmpty());
}

void TestHubPresence::presenceIsLimitedPerSession()
{
    LiveClient *client = subscribedClient({{u"books"_s, 5}});
    LiveClient *peer = subscribedClient({{u"books"_s, 5}});
    for (int i = 0; i < Hub::MaxPresencePerSession; ++i)
        client->sendPresence(u"books"_s, u"r%1"_s.arg(i), u"viewing"_s);
    client->sendPresence(u"books"_s, u"one-too-many"_s, u"viewing"_s);
    QCOMPARE(client->take()[u"status"_s], 400);
    QCOMPARE(peer->drain().size(), Hub::MaxPresencePerSession);

    client->sendPresence(u"books"_s, u"r0"_s, u"editing"_s); // a record already held
    client->sendPresence(u"books"_s, u"r1"_s, u"left"_s);
    client->sendPresence(u"books"_s, u"one-too-many"_s, u"viewing"_s); // room again
    QVERIFY(client->drain().isEmpty());
    const QList<QJsonObject> relayed = peer->drain();
    QCOMPARE(relayed.size(), 3);
    QCOMPARE(relayed.last()[u"id"_s], u"one-too-many"_s);
}

QTEST_MAIN(TestHubPresence)
#include "tst_hubpresence.moc"
