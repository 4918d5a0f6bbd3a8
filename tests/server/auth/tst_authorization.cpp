// The authorization matrix: every route and the WebSocket, for a user holding no right,
// read, write or admin on a collection, for the server admin, for a collection the user
// created and for one another user created. Exactly the allowed cells succeed; the others
// get 403 and change nothing.
#include "liveclient.h"
#include "restclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;
using namespace Etagere::Test;

class TestAuthorization : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void matrix_data();
    void matrix();
    void listShowsOnlyReadable_data();
    void listShowsOnlyReadable();
    void unknownCollectionsDoNotLeak();
    void authorIsTheSessionsUser();
    void liveHelloPerCollection();
    void liveChangesOnlyFromReadable();
    void presenceNeverCrossesRights();

private:
    /// Who acts on which collection, for a level of the matrix.
    struct Actor
    {
        QByteArray token;
        QString collection;
        QString grant; ///< the right `alice` gets on a new collection name (PUT collection)
    };
    [[nodiscard]] Actor actor(const QString &level) const;
    [[nodiscard]] RestReply perform(const QString &operation, RestClient &client, const Actor &who,
                                    const QString &seedId, const QByteArray &seedEtag);
    [[nodiscard]] LiveClient *liveClient(const QByteArray &token);
    [[nodiscard]] QUrl liveUrl() const;

    TestServer m_server;
    RestClient m_admin;
    QByteArray m_alice;
    QByteArray m_bob;
    int m_names = 0;
    std::unique_ptr<QObject> m_clients = std::make_unique<QObject>();
};

namespace {

const QStringList Levels = {u"none"_s, u"read"_s, u"write"_s, u"admin"_s, u"server admin"_s, u"own"_s, u"others'"_s};

int rank(const QString &level)
{
    if (level == u"read"_s)
        return 1;
    if (level == u"write"_s)
        return 2;
    return level == u"none"_s || level == u"others'"_s ? 0 : 3;
}

// Each operation, the right it needs (1 read, 2 write, 3 admin) and its status on success.
struct Operation
{
    QString name;
    int needs;
    int success;
};
const QList<Operation> Operations = {
    {u"GET collection"_s, 1, 200},  {u"HEAD collection"_s, 1, 200}, {u"GET records"_s, 1, 200},
    {u"GET record"_s, 1, 200},      {u"HEAD record"_s, 1, 200},     {u"GET changes"_s, 1, 200},
    {u"POST record"_s, 2, 201},     {u"PUT new record"_s, 2, 201},  {u"PUT record"_s, 2, 200},
    {u"PATCH record"_s, 2, 200},    {u"DELETE record"_s, 2, 204},   {u"PUT collection"_s, 3, 201},
    {u"WebSocket hello"_s, 1, 200},
};

QString collectionPath(const QString &collection)
{
    return u"/v1/collections/"_s + collection;
}

} // namespace

void TestAuthorization::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY(m_server.addUser(u"alice"_s, u"alice's secret"_s));
    QVERIFY(m_server.addUser(u"bob"_s, u"bob's secret"_s));
    m_admin.setBase(m_server.url());
    m_admin.setToken(m_server.token());
    for (const QString &name : {u"c-none"_s, u"c-read"_s, u"c-write"_s, u"c-admin"_s})
        QCOMPARE(m_admin.createCollection(name, testFields()), 201);
    QVERIFY(m_server.grant(u"alice"_s, u"c-read"_s, u"read"_s));
    QVERIFY(m_server.grant(u"alice"_s, u"c-write"_s, u"write"_s));
    QVERIFY(m_server.grant(u"alice"_s, u"c-admin"_s, u"admin"_s));
    QVERIFY(m_server.grant(u"alice"_s, u"alice-own"_s, u"admin"_s)); // before it exists
    RestClient client(m_server.url());
    QVERIFY(client.logInAs(u"alice"_s, u"alice's secret"_s));
    m_alice = client.token();
    QCOMPARE(client.createCollection(u"alice-own"_s, testFields()), 201);
    QVERIFY(client.logInAs(u"bob"_s, u"bob's secret"_s));
    m_bob = client.token();
}

TestAuthorization::Actor TestAuthorization::actor(const QString &level) const
{
    if (level == u"server admin"_s)
        return {m_server.token(), u"c-none"_s, {}};
    if (level == u"own"_s)
        return {m_alice, u"alice-own"_s, u"admin"_s};
    if (level == u"others'"_s)
        return {m_bob, u"alice-own"_s, {}};
    return {m_alice, u"c-"_s + level, level == u"none"_s ? QString() : level};
}

QUrl TestAuthorization::liveUrl() const
{
    QUrl url = m_server.url();
    url.setScheme(u"ws"_s);
    url.setPath(u"/v1/live"_s);
    return url;
}

LiveClient *TestAuthorization::liveClient(const QByteArray &token)
{
    auto *client = new LiveClient(WireFormat::Json, m_clients.get());
    client->setToken(token);
    if (!client->open(liveUrl()))
        qWarning("the live client could not connect");
    return client;
}

RestReply TestAuthorization::perform(const QString &operation, RestClient &client, const Actor &who,
                                     const QString &seedId, const QByteArray &seedEtag)
{
    const QString c = who.collection;
    const QJsonObject data{{u"title"_s, u"by the matrix"_s}};
    const Headers ifMatch{{"If-Match", seedEtag}};
    if (operation == u"GET collection"_s)
        return client.get(collectionPath(c));
    if (operation == u"HEAD collection"_s)
        return client.send("HEAD", collectionPath(c));
    if (operation == u"GET records"_s)
        return client.get(collectionPath(c) + u"/records"_s);
    if (operation == u"GET record"_s)
        return client.get(recordUrl(c, seedId));
    if (operation == u"HEAD record"_s)
        return client.send("HEAD", recordUrl(c, seedId));
    if (operation == u"GET changes"_s)
        return client.get(collectionPath(c) + u"/changes?since=0"_s);
    if (operation == u"POST record"_s)
        return client.sendJson("POST", collectionPath(c) + u"/records"_s, data);
    if (operation == u"PUT new record"_s)
        return client.sendJson("PUT", recordUrl(c, newId()), data, {{"If-None-Match", "*"}});
    if (operation == u"PUT record"_s)
        return client.sendJson("PUT", recordUrl(c, seedId), data, ifMatch);
    if (operation == u"PATCH record"_s) {
        return client.send("PATCH", recordUrl(c, seedId), R"({"title": "patched"})",
                           ifMatch + Headers{{"Content-Type", "application/merge-patch+json"}});
    }
    if (operation == u"DELETE record"_s)
        return client.send("DELETE", recordUrl(c, seedId), {}, ifMatch);
    Q_ASSERT(operation == u"PUT collection"_s);
    const QString name = u"new-%1"_s.arg(++m_names);
    if (!who.grant.isEmpty() && !m_server.grant(u"alice"_s, name, who.grant))
        qWarning("could not grant %s on %s", qPrintable(who.grant), qPrintable(name));
    return client.sendJson("PUT", collectionPath(name), QJsonObject{{u"title"_s, name}, {u"fields"_s, testFields()}},
                           {{"If-None-Match", "*"}});
}

void TestAuthorization::matrix_data()
{
    QTest::addColumn<QString>("level");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<bool>("allowed");
    for (const QString &level : Levels) {
        for (const Operation &operation : Operations) {
            QTest::addRow("%s: %s", qPrintable(level), qPrintable(operation.name))
                << level << operation.name << (rank(level) >= operation.needs);
        }
    }
}

void TestAuthorization::matrix()
{
    QFETCH(QString, level);
    QFETCH(QString, operation);
    QFETCH(bool, allowed);
    const Actor who = actor(level);
    const QString seedId = newId();
    const QByteArray seedEtag = m_admin.createRecord(who.collection, seedId, {{u"title"_s, u"seed"_s}});
    QVERIFY(!seedEtag.isEmpty());
    const qint64 seqBefore = m_admin.collectionSeq(who.collection);

    if (operation == u"WebSocket hello"_s) {
        LiveClient *client = liveClient(who.token);
        client->sendHello({{who.collection, 0}});
        const QJsonObject welcome = client->take();
        QCOMPARE(welcome[u"type"_s], u"welcome"_s);
        QCOMPARE(welcome[u"collections"_s].toObject().contains(who.collection), allowed);
        const QList<QJsonObject> rest = client->drain();
        const bool refused = !rest.isEmpty() && rest.first()[u"type"_s] == u"error"_s
                             && rest.first()[u"status"_s] == 403 && rest.first()[u"collection"_s] == who.collection;
        QCOMPARE(refused, !allowed);
        QVERIFY(allowed ? rest.size() == seqBefore : rest.size() == 1); // the replay, or the error only
        return;
    }
    RestClient client(m_server.url(), who.token);
    const Operation spec = *std::find_if(Operations.cbegin(), Operations.cend(),
                                         [&](const Operation &o) { return o.name == operation; });
    const RestReply reply = perform(operation, client, who, seedId, seedEtag);
    if (allowed) {
        QCOMPARE(reply.status, spec.success);
        return;
    }
    if (operation.startsWith(u"HEAD"_s))
        QCOMPARE(reply.status, 403); // no body to read
    else
        QVERIFY(reply.isProblem(403));
    // Nothing changed: the seed record, the collection's number, no new collection.
    QCOMPARE(m_admin.get(recordUrl(who.collection, seedId)).header("ETag"), seedEtag);
    QCOMPARE(m_admin.collectionSeq(who.collection), seqBefore);
    if (operation == u"PUT collection"_s)
        QVERIFY(m_admin.get(collectionPath(u"new-%1"_s.arg(m_names))).isProblem(404));
}

// Whose list shows which collections.
void TestAuthorization::listShowsOnlyReadable_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("alice") << u"alice"_s << QStringList{u"alice-own"_s, u"c-admin"_s, u"c-read"_s, u"c-write"_s};
    QTest::newRow("bob") << u"bob"_s << QStringList{};
    QTest::newRow("server admin") << u"admin"_s
                                  << QStringList{u"alice-own"_s, u"c-admin"_s, u"c-none"_s, u"c-read"_s, u"c-write"_s};
}

void TestAuthorization::listShowsOnlyReadable()
{
    QFETCH(QString, who);
    QFETCH(QStringList, names);
    const QByteArray token = who == u"alice"_s ? m_alice : who == u"bob"_s ? m_bob : m_server.token();
    RestClient client(m_server.url(), token);
    const RestReply reply = client.get(u"/v1/collections"_s);
    QCOMPARE(reply.status, 200);
    QStringList listed;
    for (const QJsonValue &schema : reply.value()[u"collections"_s].toArray())
        listed.append(schema[u"name"_s].toString());
    listed.removeIf([](const QString &name) { return name.startsWith(u"new-"_s); }); // made by the matrix
    QCOMPARE(listed, names);
}

// A collection the user may not read answers 403 whether it exists or not; only a user who
// may read that name learns that it does not exist (404).
void TestAuthorization::unknownCollectionsDoNotLeak()
{
    RestClient alice(m_server.url(), m_alice);
    QVERIFY(alice.get(collectionPath(u"c-none"_s)).isProblem(403));
    QVERIFY(alice.get(collectionPath(u"ghost"_s)).isProblem(403));
    QVERIFY(alice.get(collectionPath(u"ghost"_s) + u"/changes"_s).isProblem(403));
    QVERIFY(m_server.grant(u"alice"_s, u"ghost"_s, u"read"_s));
    QVERIFY(alice.get(collectionPath(u"ghost"_s)).isProblem(404));
    QVERIFY(alice.get(collectionPath(u"ghost"_s) + u"/changes"_s).isProblem(404));
    QVERIFY(m_server.revoke(u"alice"_s, u"ghost"_s));
}

void TestAuthorization::authorIsTheSessionsUser()
{
    LiveClient *watcher = liveClient(m_server.token());
    watcher->sendHello({{u"c-write"_s, m_admin.collectionSeq(u"c-write"_s)}});
    QCOMPARE(watcher->take()[u"type"_s], u"welcome"_s);
    RestClient alice(m_server.url(), m_alice);
    const RestReply reply =
        alice.sendJson("PUT", recordUrl(u"c-write"_s, newId()), QJsonObject{{u"title"_s, u"mine"_s}},
                       {{"If-None-Match", "*"}});
    QCOMPARE(reply.status, 201);
    const QJsonObject change = watcher->take();
    QCOMPARE(change[u"type"_s], u"change"_s);
    QCOMPARE(change[u"author"_s], u"alice"_s);
    const qint64 seq = change[u"seq"_s].toInteger();
    const QJsonArray feed =
        m_admin.get(u"/v1/collections/c-write/changes?since=%1"_s.arg(seq - 1)).value()[u"changes"_s].toArray();
    QCOMPARE(feed.first()[u"author"_s], u"alice"_s);
}

// hello with collections: readable ones are welcomed; the others get 403 whether they exist or
// not, except an unknown one the user may read, which gets 404.
void TestAuthorization::liveHelloPerCollection()
{
    QVERIFY(m_server.grant(u"alice"_s, u"ghost-read"_s, u"read"_s));
    LiveClient *alice = liveClient(m_alice);
    alice->sendHello({{u"c-none"_s, 0}, {u"c-read"_s, 0}, {u"ghost"_s, 0}, {u"ghost-read"_s, 0}});
    const QJsonObject welcome = alice->take();
    QCOMPARE(welcome[u"user"_s], u"alice"_s);
    QCOMPARE(welcome[u"collections"_s].toObject().keys(), QStringList{u"c-read"_s});
    QMap<QString, int> errors;
    for (const QJsonObject &message : alice->drain()) {
        if (message[u"type"_s] == u"error"_s)
            errors.insert(message[u"collection"_s].toString(), message[u"status"_s].toInt());
    }
    QCOMPARE(errors, (QMap<QString, int>{{u"c-none"_s, 403}, {u"ghost"_s, 403}, {u"ghost-read"_s, 404}}));
    QVERIFY(m_server.revoke(u"alice"_s, u"ghost-read"_s));
}

void TestAuthorization::liveChangesOnlyFromReadable()
{
    LiveClient *alice = liveClient(m_alice);
    alice->sendHello({{u"c-none"_s, m_admin.collectionSeq(u"c-none"_s)},
                      {u"c-read"_s, m_admin.collectionSeq(u"c-read"_s)}});
    QCOMPARE(alice->take()[u"type"_s], u"welcome"_s);
    QCOMPARE(alice->drain().size(), 1); // the 403 for c-none
    QVERIFY(!m_admin.createRecord(u"c-none"_s, newId(), {{u"title"_s, u"secret"_s}}).isEmpty());
    QVERIFY(!m_admin.createRecord(u"c-read"_s, newId(), {{u"title"_s, u"public"_s}}).isEmpty());
    const QList<QJsonObject> received = alice->drain();
    QCOMPARE(received.size(), 1);
    QCOMPARE(received.first()[u"collection"_s], u"c-read"_s);
    QCOMPARE(received.first()[u"data"_s][u"title"_s], u"public"_s);
}

// bob may not read c-read: his hello there is refused, his presence there is dropped, and
// he sees nobody's presence there.
void TestAuthorization::presenceNeverCrossesRights()
{
    LiveClient *alice = liveClient(m_alice);
    alice->sendHello({{u"c-read"_s, m_admin.collectionSeq(u"c-read"_s)}});
    QCOMPARE(alice->take()[u"type"_s], u"welcome"_s);
    QVERIFY(alice->drain().isEmpty());
    LiveClient *bob = liveClient(m_bob);
    bob->sendHello({{u"c-read"_s, 0}});
    QCOMPARE(bob->take()[u"type"_s], u"welcome"_s);
    QCOMPARE(bob->drain().size(), 1); // the 403

    bob->sendPresence(u"c-read"_s, u"r1"_s, u"editing"_s);
    QVERIFY(bob->drain().isEmpty()); // dropped without a word
    alice->sendPresence(u"c-read"_s, u"r2"_s, u"viewing"_s);
    QVERIFY(alice->drain().isEmpty());
    QVERIFY(alice->drain().isEmpty()); // still nothing from bob
    QVERIFY(bob->drain().isEmpty());   // nothing from alice either
}

QTEST_GUILESS_MAIN(TestAuthorization)
#include "tst_authorization.moc"
