#include "modelfixture.h"
#include "outboxmodel.h"

#include <QAbstractItemModelTester>

using namespace Etagere;
using namespace Etagere::Test;
using namespace Qt::StringLiterals;

/// OutboxModel over a real engine on a real etagere-server (--demo), always under a
/// QAbstractItemModelTester.
class TestOutboxModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void followsPendingEdits();
    void startsWithPendingEdits();
    void conflictIsShown();

private:
    std::unique_ptr<EngineFixture> m_fixture;
};

void TestOutboxModel::init()
{
    qRegisterMetaType<Etagere::Conflict>();
    m_fixture = std::make_unique<EngineFixture>();
    QVERIFY(m_fixture->start());
}

void TestOutboxModel::followsPendingEdits()
{
    SyncEngine *engine = m_fixture->engine.get();
    const QString Tasks = EngineFixture::Tasks;
    OutboxModel model(engine);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    engine->stop(); // the edits wait in the outbox
    const QString edited = m_fixture->idAt(0);
    const QString deleted = m_fixture->idAt(1);

    QVERIFY(engine->setField(Tasks, edited, u"title"_s, u"Renamed"_s));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.index(0, 0).data(OutboxModel::KindRole).value<OutboxModel::Kind>(), OutboxModel::Kind::Update);
    QCOMPARE(model.index(0, 0).data(OutboxModel::ChangedFieldsRole).toStringList(), QStringList{u"title"_s});
    QCOMPARE(model.index(0, OutboxModel::RecordColumn).data().toString(), u"Renamed"_s);
    QCOMPARE(model.index(0, OutboxModel::ChangeColumn).data().toString(), u"Change"_s);
    QCOMPARE(model.index(0, OutboxModel::FieldsColumn).data().toString(), u"Title"_s);
    QVERIFY(engine->setField(Tasks, edited, u"owner"_s, u"Me"_s));
    QCOMPARE(inserted.size(), 1); // the same row, updated
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.constFirst().at(0).toModelIndex().row(), 0);
    QCOMPARE(model.index(0, OutboxModel::FieldsColumn).data().toString(), u"Title, Owner"_s); // schema order

    QVERIFY(engine->deleteRecord(Tasks, deleted));
    const QString created = engine->createRecord(Tasks, QJsonObject{{u"title"_s, u"New one"_s}});
    QVERIFY(!created.isEmpty());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowOf(Tasks, deleted), 1);
    QCOMPARE(model.index(1, 0).data(OutboxModel::KindRole).value<OutboxModel::Kind>(), OutboxModel::Kind::Delete);
    QCOMPARE(model.index(1, OutboxModel::ChangeColumn).data().toString(), u"Deletion"_s);
    QCOMPARE(model.index(2, 0).data(OutboxModel::KindRole).value<OutboxModel::Kind>(), OutboxModel::Kind::Create);
    QCOMPARE(model.index(2, 0).data(OutboxModel::ChangedFieldsRole).toStringList(), QStringList{u"title"_s});
    QCOMPARE(model.rowCount(), engine->pendingCount());

    QVERIFY(engine->discardPending(Tasks, edited));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.constFirst().at(1).toInt(), 0);
    QCOMPARE(model.rowOf(Tasks, deleted), 0);

    engine->start(); // the rest goes out; each row leaves as the server acknowledges it
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 0, EngineFixture::TimeoutMs);
    QCOMPARE(engine->pendingCount(), 0);
    QCOMPARE(removed.size(), 3);
    QVERIFY(reset.isEmpty());
}

void TestOutboxModel::startsWithPendingEdits()
{
    SyncEngine *engine = m_fixture->engine.get();
    engine->stop();
    QVERIFY(engine->setField(EngineFixture::Tasks, m_fixture->idAt(2), u"owner"_s, u"Someone new"_s));
    QVERIFY(engine->deleteRecord(EngineFixture::Tasks, m_fixture->idAt(3)));
    OutboxModel model(engine);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(model.rowOf(EngineFixture::Tasks, m_fixture->idAt(2)) >= 0);
    QVERIFY(model.rowOf(EngineFixture::Tasks, m_fixture->idAt(3)) >= 0);
}

void TestOutboxModel::conflictIsShown()
{
    SyncEngine *engine = m_fixture->engine.get();
    OutboxModel model(engine);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString id = m_fixture->idAt(4);
    QVERIFY(m_fixture->staleEdit(id, u"owner"_s, u"Me"_s));
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(model.index(0, 0).data(OutboxModel::ConflictRole).toBool());
    QCOMPARE(model.index(0, OutboxModel::ChangeColumn).data().toString(), u"Change (in conflict)"_s);
    QVERIFY(engine->resolveConflict(EngineFixture::Tasks, id, engine->conflict(EngineFixture::Tasks, id)->theirs));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 0, EngineFixture::TimeoutMs);
}

QTEST_GUILESS_MAIN(TestOutboxModel)
#include "tst_outboxmodel.moc"
