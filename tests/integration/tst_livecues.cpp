// The live cues end to end, on a real etagere-server: what one client announces shows on
// the other's table, and goes when its socket closes; what one client changes shows in the
// other's activity list and highlight, with the author the server names. (The server names
// every client of it the same local user until accounts exist: the other client sees its
// own user, in another window. The scripted-server tests cover distinct people.)

#include "activitymodel.h"
#include "presenceannouncer.h"
#include "testserver.h"
#include "../model/tableclient.h"

using namespace Etagere;
using namespace Etagere::Test;
using namespace Qt::StringLiterals;

class TestLiveCues : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void presenceReachesTheOtherTable();
    void changesReachTheOtherActivityList_data();
    void changesReachTheOtherActivityList();

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Client> m_alice;
    std::unique_ptr<Client> m_bob;
};

void TestLiveCues::init()
{
    qRegisterMetaType<Etagere::Presence>();
    m_server = std::make_unique<TestServer>(QStringList{u"--demo"_s});
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_alice = std::make_unique<Client>(m_server->url(), m_server->token());
    m_bob = std::make_unique<Client>(m_server->url(), m_server->token());
    LOAD(*m_alice);
    LOAD(*m_bob);
}

void TestLiveCues::cleanup()
{
    m_alice.reset();
    m_bob.reset();
    m_server.reset();
}

void TestLiveCues::presenceReachesTheOtherTable()
{
    const QString id = m_bob->model.idAt(4);
    const QModelIndex row = m_bob->model.index(4, 0);
    const QString user = m_alice->engine.user();
    QVERIFY(!user.isEmpty());
    QSignalSpy changed(&m_bob->model, &QAbstractItemModel::dataChanged);

    PresenceAnnouncer announcer(&m_alice->engine);
    announcer.setCollection(u"tasks"_s);
    announcer.setCurrentRecord(id);
    const PresenceList viewing{{user, Presence::State::Viewing, true}};
    QTRY_COMPARE_WITH_TIMEOUT(row.data(RecordTableModel::PresenceRole).value<PresenceList>(), viewing, LoadTimeoutMs);
    announcer.editorOpened(id);
    const PresenceList editing{{user, Presence::State::Editing, true}};
    QTRY_COMPARE_WITH_TIMEOUT(row.data(RecordTableModel::PresenceRole).value<PresenceList>(), editing, LoadTimeoutMs);
    for (const QList<QVariant> &args : std::as_const(changed))
        QCOMPARE(args.at(0).toModelIndex().row(), 4); // that row only

    // Alice's socket closes: the server says `left` for her, and the marker goes.
    m_alice->engine.stop();
    QTRY_COMPARE_WITH_TIMEOUT(row.data(RecordTableModel::PresenceRole).value<PresenceList>(), PresenceList{},
                              LoadTimeoutMs);
    QCOMPARE(m_bob->engine.connectionState(), ConnectionState::Live); // Bob stayed: his markers are not a reset
}

void TestLiveCues::changesReachTheOtherActivityList_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("edit") << int(ActivityModel::Kind::Changed);
    QTest::newRow("create") << int(ActivityModel::Kind::Created);
    QTest::newRow("delete") << int(ActivityModel::Kind::Deleted);
}

void TestLiveCues::changesReachTheOtherActivityList()
{
    QFETCH(int, kind);
    ActivityModel activity(&m_bob->engine);
    QAbstractItemModelTester tester(&activity, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString id = m_alice->model.idAt(2);
    const QString title = m_alice->engine.record(u"tasks"_s, id)->local.value("title"_L1).toString();
    switch (ActivityModel::Kind(kind)) {
    case ActivityModel::Kind::Changed:
        QVERIFY(m_alice->engine.setField(u"tasks"_s, id, u"owner"_s, u"Someone new"_s));
        break;
    case ActivityModel::Kind::Created:
        id = m_alice->engine.createRecord(u"tasks"_s, {{u"title"_s, title}});
        QVERIFY(!id.isEmpty());
        break;
    case ActivityModel::Kind::Deleted:
        QVERIFY(m_alice->engine.deleteRecord(u"tasks"_s, id));
        break;
    }
    QTRY_COMPARE_WITH_TIMEOUT(activity.rowCount(), 1, LoadTimeoutMs);
    const QModelIndex entry = activity.index(0);
    QCOMPARE(int(entry.data(ActivityModel::KindRole).value<ActivityModel::Kind>()), kind);
    QCOMPARE(entry.data(ActivityModel::AuthorRole).toString(), m_alice->engine.user());
    QCOMPARE(entry.data(ActivityModel::RecordIdRole).toString(), id);
    QCOMPARE(entry.data(ActivityModel::RecordTitleRole).toString(), title);
    if (ActivityModel::Kind(kind) != ActivityModel::Kind::Changed)
        return;
    QCOMPARE(entry.data(ActivityModel::FieldsRole).toStringList(), QStringList{u"owner"_s});
    const QModelIndex cell = m_bob->cell(id, u"owner"_s); // the cell flashes in the author's colour
    QCOMPARE(cell.data(RecordTableModel::RemoteAuthorRole).toString(), m_alice->engine.user());
}

QTEST_GUILESS_MAIN(TestLiveCues)
#include "tst_livecues.moc"
