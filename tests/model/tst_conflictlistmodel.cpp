#include "conflictlistmodel.h"
#include "modelfixture.h"

#include <QAbstractItemModelTester>

using namespace Etagere;
using namespace Etagere::Test;
using namespace Qt::StringLiterals;

/// ConflictListModel over a real engine on a real etagere-server (--demo), always under a
/// QAbstractItemModelTester.
class TestConflictListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void followsConflictsPrecisely();
    void startsWithKnownConflicts();
    void deleteConflicts_data();
    void deleteConflicts();

private:
    std::unique_ptr<EngineFixture> m_fixture;
};

void TestConflictListModel::init()
{
    qRegisterMetaType<Etagere::Conflict>();
    m_fixture = std::make_unique<EngineFixture>();
    QVERIFY(m_fixture->start());
}

void TestConflictListModel::followsConflictsPrecisely()
{
    SyncEngine *engine = m_fixture->engine.get();
    ConflictListModel model(engine);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(ConflictListModel::ColumnCount));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    const QStringList ids{m_fixture->idAt(0), m_fixture->idAt(1), m_fixture->idAt(2)};
    for (const QString &id : ids)
        QVERIFY(m_fixture->staleEdit(id, u"owner"_s, u"Me"_s));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(inserted.size(), 3);
    for (int row = 0; row < 3; ++row) {
        QCOMPARE(inserted.at(row).at(1).toInt(), row);
        QCOMPARE(inserted.at(row).at(2).toInt(), row);
        QCOMPARE(model.index(row, 0).data(ConflictListModel::RecordIdRole).toString(), ids.at(row));
    }
    const RecordState second = *engine->record(EngineFixture::Tasks, ids.at(1));
    QCOMPARE(model.index(1, ConflictListModel::RecordColumn).data().toString(),
             second.local.value("title"_L1).toString());
    QCOMPARE(model.index(1, ConflictListModel::CollectionColumn).data().toString(), u"Tasks"_s);
    QCOMPARE(model.index(1, ConflictListModel::WhatColumn).data().toString(), u"Both edited: Owner"_s);
    QCOMPARE(model.index(1, 0).data(ConflictListModel::KindRole).value<ConflictListModel::Kind>(),
             ConflictListModel::Kind::Edits);
    QCOMPARE(model.index(1, 0).data(ConflictListModel::FieldsRole).toStringList(), QStringList{u"owner"_s});
    QCOMPARE(model.index(1, 0).data(ConflictListModel::CollectionRole).toString(), EngineFixture::Tasks);
    QVERIFY(!model.index(1, ConflictListModel::AuthorColumn).data().toString().isEmpty());
    QCOMPARE(model.rowOf(EngineFixture::Tasks, ids.at(2)), 2);
    QCOMPARE(model.conflictAt(2).id, ids.at(2));

    // Resolved in any order: the middle one first, then the first by discarding the edit.
    const Conflict middle = model.conflictAt(1);
    QVERIFY(engine->resolveConflict(EngineFixture::Tasks, ids.at(1), middle.mine));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.constFirst().at(1).toInt(), 1);
    QCOMPARE(removed.constFirst().at(2).toInt(), 1);
    QVERIFY(engine->discardPending(EngineFixture::Tasks, ids.at(0)));
    QCOMPARE(removed.size(), 2);
    QCOMPARE(removed.at(1).at(1).toInt(), 0);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowOf(EngineFixture::Tasks, ids.at(2)), 0);
    QCOMPARE(model.rowOf(EngineFixture::Tasks, ids.at(0)), -1);
    QCOMPARE(inserted.size(), 3);
    QVERIFY(reset.isEmpty());
}

void TestConflictListModel::startsWithKnownConflicts()
{
    QVERIFY(m_fixture->staleEdit(m_fixture->idAt(3), u"title"_s, u"Mine"_s));
    QVERIFY(m_fixture->staleEdit(m_fixture->idAt(4), u"owner"_s, u"Mine"_s));
    ConflictListModel model(m_fixture->engine.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOf(EngineFixture::Tasks, m_fixture->idAt(3)) >= 0, true);
    const int row = model.rowOf(EngineFixture::Tasks, m_fixture->idAt(3));
    QCOMPARE(model.index(row, ConflictListModel::WhatColumn).data().toString(), u"Both edited: Title"_s);
    QCOMPARE(model.index(row, ConflictListModel::RecordColumn).data().toString(), u"Mine"_s); // my title
}

void TestConflictListModel::deleteConflicts_data()
{
    QTest::addColumn<bool>("theyDelete");
    QTest::addColumn<ConflictListModel::Kind>("kind");
    QTest::addColumn<QString>("what");
    QTest::newRow("they deleted, I edited")
        << true << ConflictListModel::Kind::TheyDeleted << u"Deleted on the server, edited by you"_s;
    QTest::newRow("I deleted, they edited")
        << false << ConflictListModel::Kind::IDeleted << u"Deleted by you, edited on the server"_s;
}

void TestConflictListModel::deleteConflicts()
{
    QFETCH(bool, theyDelete);
    QFETCH(ConflictListModel::Kind, kind);
    QFETCH(QString, what);
    SyncEngine *engine = m_fixture->engine.get();
    ConflictListModel model(engine);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString id = m_fixture->idAt(5);
    const QString title = engine->record(EngineFixture::Tasks, id)->local.value("title"_L1).toString();
    engine->stop(); // their change reaches us only as the answer to our write
    QJsonObject theirs = engine->record(EngineFixture::Tasks, id)->base;
    theirs.insert(u"owner"_s, u"Zoe"_s);
    QVERIFY(m_fixture->otherClientWrites(theyDelete ? WriteRecordJob::Mode::Delete : WriteRecordJob::Mode::Replace,
                                         id, theirs));
    QVERIFY(theyDelete ? engine->setField(EngineFixture::Tasks, id, u"owner"_s, u"Me"_s)
                       : engine->deleteRecord(EngineFixture::Tasks, id));
    engine->start();
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, EngineFixture::TimeoutMs);
    QCOMPARE(model.index(0, 0).data(ConflictListModel::KindRole).value<ConflictListModel::Kind>(), kind);
    QCOMPARE(model.index(0, ConflictListModel::WhatColumn).data().toString(), what);
    QCOMPARE(model.index(0, ConflictListModel::RecordColumn).data().toString(), title);
    QVERIFY(engine->resolveByDeleting(EngineFixture::Tasks, id));
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestConflictListModel)
#include "tst_conflictlistmodel.moc"
