#include "fetchrecordsjob.h"
#include "memoryrecordstore.h"
#include "runjob.h"
#include "syncengine.h"
#include "tcprelay.h"
#include "testserver.h"

#include "networkaccess.h"
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

namespace {

constexpr int Timeout = 10000;
const QString Tasks = u"tasks"_s;

/// One desktop client: its own store and engine.
struct Client
{
    Client(const QUrl &server, const QByteArray &token)
        : engine(server, &store)
    {
        engine.setTimings(1000, 50);
        engine.setBearerToken(token);
    }

    [[nodiscard]] QJsonValue value(const QString &id, const QString &field) const
    {
        const std::optional<RecordState> state = engine.record(Tasks, id);
        return state ? state->local.value(field) : QJsonValue(QJsonValue::Undefined);
    }

    MemoryRecordStore store;
    SyncEngine engine;
};

} // namespace

class TestTwoClients : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void editReachesTheOtherClient();
    void createAndDeleteReachTheOtherClient();
    void sameFieldEditedConcurrentlyIsResolvedByTheUser();
    void differentFieldsMergeAutomatically();
    void presenceReachesTheOtherClient();
    void droppedClientResumesFromItsNumbers();

private:
    [[nodiscard]] static bool startClient(Client &client);
    [[nodiscard]] std::optional<Record> serverRecord(const QString &id);

    NetworkAccess m_network;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Client> m_alice;
    std::unique_ptr<Client> m_bob;
};

void TestTwoClients::init()
{
    qRegisterMetaType<Etagere::ChangeSource>();
    m_server = std::make_unique<TestServer>(QStringList{u"--demo"_s});
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_network.setBearerToken(m_server->token());
    m_alice = std::make_unique<Client>(m_server->url(), m_server->token());
    m_bob = std::make_unique<Client>(m_server->url(), m_server->token());
    QVERIFY(startClient(*m_alice));
    QVERIFY(startClient(*m_bob));
}

void TestTwoClients::cleanup()
{
    m_alice.reset();
    m_bob.reset();
    m_server.reset();
}

bool TestTwoClients::startClient(Client &client)
{
    client.engine.start();
    return QTest::qWaitFor([&] {
        return client.engine.connectionState() == ConnectionState::Live && !client.engine.isLoading(Tasks)
            && client.engine.records(Tasks).size() == 20;
    }, Timeout);
}

std::optional<Record> TestTwoClients::serverRecord(const QString &id)
{
    FetchRecordsJob job(&m_network, m_server->url(), Tasks);
    if (!Test::runJob(job, Timeout))
        return std::nullopt;
    for (const Record &record : job.records()) {
        if (record.id == id)
            return record;
    }
    return std::nullopt;
}

void TestTwoClients::editReachesTheOtherClient()
{
    const QString id = m_alice->engine.records(Tasks).at(3).id;
    QSignalSpy bobChanged(&m_bob->engine, &SyncEngine::recordChanged);
    QVERIFY(m_alice->engine.setField(Tasks, id, u"owner"_s, u"Alice"_s));
    QTRY_COMPARE_WITH_TIMEOUT(bobChanged.size(), 1, Timeout);
    const QList<QVariant> arguments = bobChanged.constFirst();
    QCOMPARE(arguments.at(0).toString(), Tasks);
    QCOMPARE(arguments.at(1).toString(), id);
    QCOMPARE(arguments.at(2).toStringList(), QStringList{u"owner"_s});
    QCOMPARE(arguments.at(3).value<ChangeSource>(), ChangeSource::Remote);
    QCOMPARE(arguments.at(4).toString(), m_alice->engine.user());
    QCOMPARE(m_bob->value(id, u"owner"_s), QJsonValue(u"Alice"_s));
    QVERIFY(!m_bob->engine.record(Tasks, id)->dirty);
    QTRY_COMPARE_WITH_TIMEOUT(m_alice->engine.pendingCount(), 0, Timeout);
    QCOMPARE(m_bob->engine.record(Tasks, id)->etag, m_alice->engine.record(Tasks, id)->etag);
}

void TestTwoClients::createAndDeleteReachTheOtherClient()
{
    QSignalSpy bobInserted(&m_bob->engine, &SyncEngine::recordInserted);
    QSignalSpy bobRemoved(&m_bob->engine, &SyncEngine::recordRemoved);
    const QString id = m_alice->engine.createRecord(Tasks, QJsonObject{{u"title"_s, u"Shared"_s}});
    QVERIFY(!id.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(bobInserted.size(), 1, Timeout);
    QCOMPARE(bobInserted.constFirst().at(1).toString(), id);
    QCOMPARE(bobInserted.constFirst().at(2).value<ChangeSource>(), ChangeSource::Remote);
    QCOMPARE(m_bob->value(id, u"title"_s), QJsonValue(u"Shared"_s));

    QTRY_COMPARE_WITH_TIMEOUT(m_alice->engine.pendingCount(), 0, Timeout);
    QVERIFY(m_alice->engine.deleteRecord(Tasks, id));
    QTRY_COMPARE_WITH_TIMEOUT(bobRemoved.size(), 1, Timeout);
    QVERIFY(!m_bob->engine.record(Tasks, id));
    QTRY_VERIFY_WITH_TIMEOUT(!m_alice->engine.record(Tasks, id), Timeout);
}

void TestTwoClients::sameFieldEditedConcurrentlyIsResolvedByTheUser()
{
    const QString id = m_alice->engine.records(Tasks).at(5).id;
    // Both write over the same version before either hears of the other.
    QVERIFY(m_alice->engine.setField(Tasks, id, u"title"_s, u"Alice's title"_s));
    QVERIFY(m_bob->engine.setField(Tasks, id, u"title"_s, u"Bob's title"_s));

    QTRY_VERIFY_WITH_TIMEOUT(m_alice->engine.conflicts().size() + m_bob->engine.conflicts().size() == 1, Timeout);
    Client &loser = m_alice->engine.conflicts().isEmpty() ? *m_bob : *m_alice;
    Client &winner = &loser == m_bob.get() ? *m_alice : *m_bob;
    const Conflict conflict = loser.engine.conflicts().constFirst();
    QCOMPARE(conflict.conflictingFields, QStringList{u"title"_s});
    QCOMPARE(conflict.theirs.value("title"_L1), winner.value(id, u"title"_s));
    // Nothing was overwritten silently: the server and the winner keep the winner's title,
    // the loser still shows its own, pending.
    QTRY_COMPARE_WITH_TIMEOUT(winner.engine.pendingCount(), 0, Timeout);
    QCOMPARE(serverRecord(id)->data.value("title"_L1), winner.value(id, u"title"_s));
    QCOMPARE(loser.value(id, u"title"_s), conflict.mine.value("title"_L1));
    QVERIFY(loser.engine.record(Tasks, id)->dirty);

    QJsonObject chosen = conflict.theirs;
    chosen.insert(u"title"_s, u"Agreed title"_s);
    QVERIFY(loser.engine.resolveConflict(Tasks, id, chosen));
    QTRY_COMPARE_WITH_TIMEOUT(loser.engine.pendingCount(), 0, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(winner.value(id, u"title"_s), QJsonValue(u"Agreed title"_s), Timeout);
    QCOMPARE(serverRecord(id)->data, chosen);
    QCOMPARE(winner.engine.record(Tasks, id)->local, chosen);
    QCOMPARE(loser.engine.record(Tasks, id)->local, chosen);
    QVERIFY(winner.engine.conflicts().isEmpty());
    QVERIFY(loser.engine.conflicts().isEmpty());
}

void TestTwoClients::differentFieldsMergeAutomatically()
{
    const QString id = m_alice->engine.records(Tasks).at(7).id;
    QVERIFY(m_alice->engine.setField(Tasks, id, u"title"_s, u"Alice's title"_s));
    QVERIFY(m_bob->engine.setField(Tasks, id, u"owner"_s, u"Bob"_s));

    const auto bothSettled = [this, id] {
        return m_alice->engine.pendingCount() == 0 && m_bob->engine.pendingCount() == 0
               && m_alice->engine.record(Tasks, id)->etag == m_bob->engine.record(Tasks, id)->etag;
    };
    QTRY_VERIFY_WITH_TIMEOUT(bothSettled(), Timeout);
    const std::optional<Record> onServer = serverRecord(id);
    QCOMPARE(onServer->data.value("title"_L1), QJsonValue(u"Alice's title"_s));
    QCOMPARE(onServer->data.value("owner"_L1), QJsonValue(u"Bob"_s));
    QCOMPARE(m_alice->engine.record(Tasks, id)->local, onServer->data);
    QCOMPARE(m_bob->engine.record(Tasks, id)->local, onServer->data);
    QCOMPARE(m_alice->engine.record(Tasks, id)->etag, onServer->etag);
    QVERIFY(m_alice->engine.conflicts().isEmpty());
    QVERIFY(m_bob->engine.conflicts().isEmpty());
}

void TestTwoClients::presenceReachesTheOtherClient()
{
    const QString id = m_alice->engine.records(Tasks).at(1).id;
    QSignalSpy bobPresence(&m_bob->engine, &SyncEngine::presenceChanged);
    m_alice->engine.announcePresence(Tasks, id, Presence::State::Editing);
    QTRY_VERIFY_WITH_TIMEOUT(!bobPresence.isEmpty(), Timeout);
    const Presence presence = bobPresence.constFirst().at(0).value<Presence>();
    QCOMPARE(presence.collection, Tasks);
    QCOMPARE(presence.id, id);
    QCOMPARE(presence.state, Presence::State::Editing);
    QCOMPARE(presence.user, m_alice->engine.user());
}

void TestTwoClients::droppedClientResumesFromItsNumbers()
{
    // Carol reaches the server through a relay the test can cut. While she is away Alice
    // makes three changes; back online, Carol's hello carries her last number and the
    // server replays exactly what she missed: no reload of the collection.
    TcpRelay relay;
    QVERIFY(relay.listen());
    relay.setTarget(quint16(m_server->url().port()));
    Client carol(relay.url(), m_server->token());
    QVERIFY(startClient(carol));
    const qint64 before = carol.store.lastSeq(Tasks);
    QSignalSpy reloaded(&carol.engine, &SyncEngine::collectionReloaded);

    relay.setTarget(0);
    relay.dropAll();
    QTRY_COMPARE_WITH_TIMEOUT(carol.engine.connectionState(), ConnectionState::Reconnecting, Timeout);
    const QList<RecordState> records = m_alice->engine.records(Tasks);
    QVERIFY(m_alice->engine.setField(Tasks, records.at(0).id, u"owner"_s, u"While Carol was away"_s));
    QVERIFY(m_alice->engine.setField(Tasks, records.at(1).id, u"title"_s, u"Renamed while away"_s));
    QVERIFY(m_alice->engine.deleteRecord(Tasks, records.at(2).id));
    QTRY_VERIFY_WITH_TIMEOUT(m_alice->engine.pendingCount() == 0 && !m_alice->engine.record(Tasks, records.at(2).id),
                             Timeout);
    QCOMPARE(carol.store.lastSeq(Tasks), before); // she heard nothing

    relay.setTarget(quint16(m_server->url().port()));
    QTRY_COMPARE_WITH_TIMEOUT(carol.store.lastSeq(Tasks), m_bob->store.lastSeq(Tasks), Timeout);
    QCOMPARE(carol.store.lastSeq(Tasks), before + 3);
    QCOMPARE(carol.value(records.at(0).id, u"owner"_s), QJsonValue(u"While Carol was away"_s));
    QCOMPARE(carol.value(records.at(1).id, u"title"_s), QJsonValue(u"Renamed while away"_s));
    QVERIFY(!carol.engine.record(Tasks, records.at(2).id));
    QCOMPARE(carol.engine.records(Tasks).size(), 19);
    QVERIFY(reloaded.isEmpty()); // resumed from her number, not reloaded
    QTRY_COMPARE_WITH_TIMEOUT(carol.engine.connectionState(), ConnectionState::Live, Timeout);
}

QTEST_GUILESS_MAIN(TestTwoClients)
#include "tst_twoclients.moc"
