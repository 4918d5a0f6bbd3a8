#include "recordtablemodel.h"
#include "scriptedfixture.h"

#include <QAbstractItemModelTester>

using namespace Etagere;
using namespace Etagere::Test;
using namespace Qt::StringLiterals;

namespace {

using Step = QStringList; ///< (record id, user, state) pushed as somebody's presence in "tasks"

PresenceEntry entry(const QString &user, Presence::State state, bool self = false)
{
    return PresenceEntry{user, state, self};
}

constexpr auto Viewing = Presence::State::Viewing;
constexpr auto Editing = Presence::State::Editing;

} // namespace

/// RecordTableModel's live cues against a scripted server: who else is at a record
/// (PresenceRole, with dataChanged for exactly that row), markers that go with `left` or
/// when the connection drops, and the remote-change highlight in its author's colour.
class TestRecordTableModelLive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void presenceRole_data();
    void presenceRole();
    void presenceOfAnotherCollection();
    void lostConnectionDropsEveryMarker();
    void remoteChangeFadesInItsAuthorsColour_data();
    void remoteChangeFadesInItsAuthorsColour();

private:
    [[nodiscard]] int rowOf(const QString &id) const { return m_model->rowOf(id); }

    std::unique_ptr<ScriptedFixture> m_fixture;
    std::unique_ptr<RecordTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestRecordTableModelLive::init()
{
    m_fixture = std::make_unique<ScriptedFixture>();
    QVERIFY(m_fixture->start());
    m_model = std::make_unique<RecordTableModel>(m_fixture->engine.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setCollection(ScriptedFixture::Tasks);
    QCOMPARE(m_model->rowCount(), 3);
}

void TestRecordTableModelLive::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_fixture.reset();
}

void TestRecordTableModelLive::presenceRole_data()
{
    QTest::addColumn<QList<Step>>("steps");
    QTest::addColumn<QString>("id");
    QTest::addColumn<PresenceList>("expected");
    QTest::addColumn<int>("rowChanges"); ///< dataChanged of that row the steps cause

    QTest::newRow("viewing") << QList<Step>{{u"r1"_s, u"bob"_s, u"viewing"_s}} << u"r1"_s
                             << PresenceList{entry(u"bob"_s, Viewing)} << 1;
    QTest::newRow("editing") << QList<Step>{{u"r2"_s, u"bob"_s, u"editing"_s}} << u"r2"_s
                             << PresenceList{entry(u"bob"_s, Editing)} << 1;
    QTest::newRow("viewing, then editing") << QList<Step>{{u"r1"_s, u"bob"_s, u"viewing"_s}, {u"r1"_s, u"bob"_s, u"editing"_s}}
                                           << u"r1"_s << PresenceList{entry(u"bob"_s, Editing)} << 2;
    QTest::newRow("the same state twice changes nothing")
        << QList<Step>{{u"r1"_s, u"bob"_s, u"viewing"_s}, {u"r1"_s, u"bob"_s, u"viewing"_s}} << u"r1"_s
        << PresenceList{entry(u"bob"_s, Viewing)} << 1;
    QTest::newRow("several stack, editors first, then by name")
        << QList<Step>{{u"r1"_s, u"zoe"_s, u"viewing"_s}, {u"r1"_s, u"carol"_s, u"viewing"_s},
                       {u"r1"_s, u"dave"_s, u"editing"_s}}
        << u"r1"_s << PresenceList{entry(u"dave"_s, Editing), entry(u"carol"_s, Viewing), entry(u"zoe"_s, Viewing)} << 3;
    QTest::newRow("left drops the marker")
        << QList<Step>{{u"r1"_s, u"bob"_s, u"editing"_s}, {u"r1"_s, u"carol"_s, u"viewing"_s},
                       {u"r1"_s, u"bob"_s, u"left"_s}}
        << u"r1"_s << PresenceList{entry(u"carol"_s, Viewing)} << 3;
    QTest::newRow("left of somebody who was not there changes nothing")
        << QList<Step>{{u"r1"_s, u"bob"_s, u"left"_s}} << u"r1"_s << PresenceList{} << 0;
    QTest::newRow("another record's presence leaves this row alone")
        << QList<Step>{{u"r2"_s, u"bob"_s, u"editing"_s}, {u"r3"_s, u"carol"_s, u"viewing"_s}} << u"r1"_s
        << PresenceList{} << 0;
    QTest::newRow("the user's own other window")
        << QList<Step>{{u"r3"_s, ScriptedFixture::Me, u"viewing"_s}} << u"r3"_s
        << PresenceList{entry(ScriptedFixture::Me, Viewing, true)} << 1;
}

void TestRecordTableModelLive::presenceRole()
{
    QFETCH(QList<Step>, steps);
    QFETCH(QString, id);
    QFETCH(PresenceList, expected);
    QFETCH(int, rowChanges);

    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy presence(m_fixture->engine.get(), &SyncEngine::presenceChanged);
    for (const Step &step : steps)
        m_fixture->pushPresence(ScriptedFixture::Tasks, step.at(0), step.at(1), step.at(2));
    QTRY_COMPARE(presence.size(), steps.size());

    const int row = rowOf(id);
    for (int column = 0; column < m_model->columnCount(); ++column)
        QCOMPARE(m_model->index(row, column).data(RecordTableModel::PresenceRole).value<PresenceList>(), expected);
    int ofRow = 0;
    for (const QList<QVariant> &args : std::as_const(changed)) {
        const QModelIndex topLeft = args.at(0).toModelIndex();
        const QModelIndex bottomRight = args.at(1).toModelIndex();
        // Always exactly one whole row, and only the presence roles.
        QCOMPARE(topLeft.row(), bottomRight.row());
        QCOMPARE(topLeft.column(), 0);
        QCOMPARE(bottomRight.column(), m_model->columnCount() - 1);
        QCOMPARE(args.at(2).value<QList<int>>(), (QList<int>{RecordTableModel::PresenceRole, Qt::ToolTipRole}));
        ofRow += topLeft.row() == row ? 1 : 0;
    }
    QCOMPARE(ofRow, rowChanges);
    const QString toolTip = m_model->index(row, 0).data(Qt::ToolTipRole).toString();
    for (const PresenceEntry &one : expected)
        QVERIFY2(toolTip.contains(describePresence(one)), qPrintable(toolTip));
}

void TestRecordTableModelLive::presenceOfAnotherCollection()
{
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy presence(m_fixture->engine.get(), &SyncEngine::presenceChanged);
    m_fixture->pushPresence(ScriptedFixture::Notes, u"n1"_s, u"bob"_s, u"editing"_s);
    QVERIFY(presence.wait(ScriptedFixture::TimeoutMs));
    QCOMPARE(changed.size(), 0);

    m_model->setCollection(ScriptedFixture::Notes); // known before the switch: shown at once
    QCOMPARE(m_model->index(m_model->rowOf(u"n1"_s), 0).data(RecordTableModel::PresenceRole).value<PresenceList>(),
             PresenceList{entry(u"bob"_s, Editing)});
}

void TestRecordTableModelLive::lostConnectionDropsEveryMarker()
{
    QSignalSpy presence(m_fixture->engine.get(), &SyncEngine::presenceChanged);
    m_fixture->pushPresence(ScriptedFixture::Tasks, u"r1"_s, u"bob"_s, u"editing"_s);
    m_fixture->pushPresence(ScriptedFixture::Tasks, u"r3"_s, u"carol"_s, u"viewing"_s);
    QTRY_COMPARE(presence.size(), 2);
    const QModelIndex r1 = m_model->index(rowOf(u"r1"_s), 0);
    const QModelIndex r3 = m_model->index(rowOf(u"r3"_s), 0);
    QCOMPARE(r1.data(RecordTableModel::PresenceRole).value<PresenceList>().size(), 1);

    // Cut off, the client cannot hear anybody leave: it forgets them, row by row.
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_fixture->server.dropWebSockets();
    QTRY_VERIFY(!m_fixture->isLive());
    QCOMPARE(r1.data(RecordTableModel::PresenceRole).value<PresenceList>(), PresenceList{});
    QCOMPARE(r3.data(RecordTableModel::PresenceRole).value<PresenceList>(), PresenceList{});
    QCOMPARE(changed.size(), 2);
    QSet<int> rows{changed.at(0).at(0).toModelIndex().row(), changed.at(1).at(0).toModelIndex().row()};
    QCOMPARE(rows, (QSet<int>{r1.row(), r3.row()}));

    // Back live, the server's snapshot tells who is still there.
    QTRY_VERIFY_WITH_TIMEOUT(m_fixture->isLive(), ScriptedFixture::TimeoutMs);
    m_fixture->pushPresence(ScriptedFixture::Tasks, u"r1"_s, u"bob"_s, u"editing"_s);
    QTRY_COMPARE(r1.data(RecordTableModel::PresenceRole).value<PresenceList>(), PresenceList{entry(u"bob"_s, Editing)});
}

void TestRecordTableModelLive::remoteChangeFadesInItsAuthorsColour_data()
{
    QTest::addColumn<QString>("author");
    QTest::addColumn<QString>("id");
    QTest::newRow("bob") << u"bob"_s << u"r1"_s;
    QTest::newRow("carol, another record") << u"carol"_s << u"r2"_s;
}

void TestRecordTableModelLive::remoteChangeFadesInItsAuthorsColour()
{
    QFETCH(QString, author);
    QFETCH(QString, id);
    constexpr int DurationMs = 1000;
    m_model->setRemoteHighlightDuration(DurationMs);
    const int title = m_model->schema().indexOf(u"title"_s);
    const QModelIndex cell = m_model->index(rowOf(id), title);
    const QModelIndex other = m_model->index(rowOf(id), m_model->schema().indexOf(u"owner"_s));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QJsonObject data = m_fixture->engine->record(ScriptedFixture::Tasks, id)->local;
    data.insert(u"title"_s, u"Changed by "_s + author);
    m_fixture->pushChange(ScriptedFixture::Tasks, id, data, author);
    QTRY_COMPARE(cell.data().toString(), u"Changed by "_s + author);

    QVERIFY(cell.data(RecordTableModel::RemoteChangeRole).toBool());
    QCOMPARE(cell.data(RecordTableModel::RemoteAuthorRole).toString(), author);
    QCOMPARE(cell.data(RecordTableModel::RemoteChangeStrengthRole).toReal(), 1.0); // full for the first half
    QCOMPARE(other.data(RecordTableModel::RemoteChangeRole).toBool(), false);
    QCOMPARE(other.data(RecordTableModel::RemoteAuthorRole).toString(), QString());

    // It fades step by step (a dataChanged of that cell for its strength each time), then goes.
    QTRY_VERIFY(cell.data(RecordTableModel::RemoteChangeStrengthRole).toReal() < 1.0);
    QVERIFY(cell.data(RecordTableModel::RemoteChangeRole).toBool());
    QTRY_VERIFY(!cell.data(RecordTableModel::RemoteChangeRole).toBool());
    QCOMPARE(cell.data(RecordTableModel::RemoteChangeStrengthRole).toReal(), 0.0);
    QCOMPARE(cell.data(RecordTableModel::RemoteAuthorRole).toString(), QString());
    int fadeSteps = 0;
    for (const QList<QVariant> &args : std::as_const(changed)) {
        const auto roles = args.at(2).value<QList<int>>();
        if (!roles.contains(RecordTableModel::RemoteChangeStrengthRole))
            continue; // the value and the record's state (its author) changed too
        QCOMPARE(args.at(0).toModelIndex(), cell); // the highlight never touches another cell
        QCOMPARE(args.at(1).toModelIndex(), cell);
        fadeSteps += roles == QList<int>{RecordTableModel::RemoteChangeStrengthRole} ? 1 : 0;
    }
    QVERIFY2(fadeSteps >= 2, qPrintable(QString::number(fadeSteps)));
}

QTEST_GUILESS_MAIN(TestRecordTableModelLive)
#include "tst_recordtablemodel_live.moc"
