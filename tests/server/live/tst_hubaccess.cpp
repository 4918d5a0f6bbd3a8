// Unit test of the live hub with an authorizer: a hello subscribes only to readable
// collections (403 for the others), presence for an unreadable collection is dropped, and
// revalidate(), closeExpired() and closeSession() close exactly the sessions concerned, with
// 4401 (the session ended) or 4403 (a subscribed collection became unreadable). Also the
// message rate limit (1008).
#include "hubtest.h"
#include "liveauthorizer.h"
#include "livemessage.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

namespace {

/// Rights and sessions a test sets by hand.
class FakeAuthorizer final : public LiveAuthorizer
{
public:
    bool canRead(const QString &user, const QString &collection) const override
    {
        return readable.contains(user + u'/' + collection);
    }
    bool isSessionValid(const QByteArray &sessionKey) const override { return sessions.contains(sessionKey); }

    QSet<QString> readable; ///< "user/collection"
    QSet<QByteArray> sessions;
};

Identity identity(const QString &user, const QDateTime &expires = {})
{
    return {user, user.toUtf8() + "-key", expires};
}

} // namespace

class TestHubAccess : public HubTest
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { tearDownHub(); }

    void helloSubscribesOnlyToReadable();
    void presenceForUnreadableIsDropped();
    void revalidateClosesWhatEnded_data();
    void revalidateClosesWhatEnded();
    void closeExpired();
    void closeSession();
    void messageRate();

private:
    [[nodiscard]] LiveClient *clientOf(const QString &user, const QMap<QString, qint64> &collections,
                                       const QDateTime &expires = {});

    FakeAuthorizer m_authorizer;
};

void TestHubAccess::init()
{
    m_authorizer.readable = {u"alice/books"_s, u"alice/films"_s, u"bob/books"_s};
    m_authorizer.sessions = {"alice-key", "bob-key"};
    setUpHub(&m_authorizer);
}

LiveClient *TestHubAccess::clientOf(const QString &user, const QMap<QString, qint64> &collections,
                                    const QDateTime &expires)
{
    setNextIdentity(identity(user, expires));
    return subscribedClient(collections);
}

void TestHubAccess::helloSubscribesOnlyToReadable()
{
    setNextIdentity(identity(u"bob"_s));
    LiveClient *bob = connectClient();
    bob->sendHello({{u"books"_s, 5}, {u"films"_s, 0}, {u"ghost"_s, 0}});
    const QJsonObject welcome = bob->take();
    QCOMPARE(welcome[u"user"_s], u"bob"_s);
    QCOMPARE(welcome[u"collections"_s].toObject(), (QJsonObject{{u"books"_s, 5}}));
    const QList<QJsonObject> rest = bob->drain();
    QCOMPARE(rest.size(), 2);
    QCOMPARE(rest.at(0)[u"collection"_s], u"films"_s);
    QCOMPARE(rest.at(0)[u"status"_s], 403);
    QCOMPARE(rest.at(1)[u"collection"_s], u"ghost"_s);
    QCOMPARE(rest.at(1)[u"status"_s], 403);
    m_hub->publish(m_feed->append(u"films"_s, u"f1"_s));
    QVERIFY(bob->drain().isEmpty());
}

void TestHubAccess::presenceForUnreadableIsDropped()
{
    LiveClient *alice = clientOf(u"alice"_s, {{u"films"_s, 0}});
    LiveClient *bob = clientOf(u"bob"_s, {{u"books"_s, 5}});
    bob->sendPresence(u"films"_s, u"f1"_s, u"editing"_s);
    QVERIFY(bob->drain().isEmpty()); // no error either: a 409 would tell films exists
    QVERIFY(alice->drain().isEmpty());
    bob->sendPresence(u"books"_s, u"b1"_s, u"viewing"_s); // readable and subscribed: relayed
    QVERIFY(bob->drain().isEmpty());
}

// What changes between two revalidations, and the close code of each of alice (subscribed to
// books and films) and bob (books); 0: stays open.
void TestHubAccess::revalidateClosesWhatEnded_data()
{
    QTest::addColumn<QStringList>("readableAfter");
    QTest::addColumn<QByteArrayList>("sessionsAfter");
    QTest::addColumn<int>("aliceCode");
    QTest::addColumn<int>("bobCode");

    const QStringList allRights{u"alice/books"_s, u"alice/films"_s, u"bob/books"_s};
    const QByteArrayList bothSessions{"alice-key", "bob-key"};
    QTest::newRow("nothing changed") << allRights << bothSessions << 0 << 0;
    QTest::newRow("alice's session ended") << allRights << QByteArrayList{"bob-key"} << 4401 << 0;
    QTest::newRow("alice lost films") << QStringList{u"alice/books"_s, u"bob/books"_s} << bothSessions << 4403 << 0;
    QTest::newRow("bob lost books") << QStringList{u"alice/books"_s, u"alice/films"_s} << bothSessions << 0 << 4403;
    QTest::newRow("a right nobody subscribed to") << allRights + QStringList{u"bob/films"_s} << bothSessions << 0 << 0;
}

void TestHubAccess::revalidateClosesWhatEnded()
{
    QFETCH(QStringList, readableAfter);
    QFETCH(QByteArrayList, sessionsAfter);
    QFETCH(int, aliceCode);
    QFETCH(int, bobCode);
    LiveClient *alice = clientOf(u"alice"_s, {{u"books"_s, 5}, {u"films"_s, 0}});
    LiveClient *bob = clientOf(u"bob"_s, {{u"books"_s, 5}});
    m_authorizer.readable = QSet<QString>(readableAfter.cbegin(), readableAfter.cend());
    m_authorizer.sessions = QSet<QByteArray>(sessionsAfter.cbegin(), sessionsAfter.cend());
    m_hub->revalidate();
    for (const auto &[client, code] : {std::pair{alice, aliceCode}, std::pair{bob, bobCode}}) {
        if (code == 0) {
            QVERIFY(client->drain().size() == 0); // answers: still open
        } else {
            QVERIFY(client->waitForDisconnected());
            QCOMPARE(int(client->socket().closeCode()), code);
        }
    }
}

void TestHubAccess::closeExpired()
{
    LiveClient *expired = clientOf(u"alice"_s, {{u"books"_s, 5}}, QDateTime::currentDateTimeUtc().addSecs(-1));
    LiveClient *later = clientOf(u"bob"_s, {{u"books"_s, 5}}, QDateTime::currentDateTimeUtc().addSecs(3600));
    m_hub->closeExpired();
    QVERIFY(expired->waitForDisconnected());
    QCOMPARE(int(expired->socket().closeCode()), int(LiveCloseCode::SessionEnded));
    QVERIFY(later->drain().isEmpty());
}

void TestHubAccess::closeSession()
{
    LiveClient *first = clientOf(u"alice"_s, {{u"books"_s, 5}});
    LiveClient *second = clientOf(u"alice"_s, {{u"films"_s, 0}}); // the same session, twice
    LiveClient *bob = clientOf(u"bob"_s, {{u"books"_s, 5}});
    m_hub->closeSession("alice-key");
    QVERIFY(first->waitForDisconnected());
    QVERIFY(second->waitForDisconnected());
    QCOMPARE(int(second->socket().closeCode()), int(LiveCloseCode::SessionEnded));
    QVERIFY(bob->drain().isEmpty());
}

void TestHubAccess::messageRate()
{
    m_hub->setMessageRate(10, 20);
    LiveClient *calm = clientOf(u"alice"_s, {{u"books"_s, 5}}); // 2 messages: hello, barrier
    LiveClient *flooding = clientOf(u"bob"_s, {{u"books"_s, 5}});
    for (int i = 0; i < 100; ++i)
        flooding->send({{u"type"_s, u"hello"_s}, {u"collections"_s, QJsonObject()}});
    QVERIFY(flooding->waitForDisconnected());
    QCOMPARE(flooding->socket().closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    QVERIFY(calm->drain().isEmpty());
}

QTEST_GUILESS_MAIN(TestHubAccess)
#include "tst_hubaccess.moc"
