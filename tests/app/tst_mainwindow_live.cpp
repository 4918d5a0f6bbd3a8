#include "activitymodel.h"
#include "activitypanel.h"
#include "collectionlistmodel.h"
#include "mainwindow.h"
#include "recordtableview.h"
#include "recordtablemodel.h"
#include "../model/scriptedfixture.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QStatusBar>
#include <QTableView>

using namespace Etagere;
using namespace Etagere::Test;
using namespace Qt::StringLiterals;

/// The main window's live cues, driven through its widgets against a scripted server: what
/// the user does is announced to the server, the open editor warns who else edits the
/// record, and a click in the Activity panel goes to the record.
class TestMainWindowLive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void announcesWhatTheUserDoes_data();
    void announcesWhatTheUserDoes();
    void editorWarnsWhoElseEdits();
    void activityGoesToTheRecord_data();
    void activityGoesToTheRecord();
    void activityPanelFromTheViewMenu();

private:
    void showCollection(const QString &name);
    void clickRecord(const QString &id);
    /// The presence messages the engine sent since the last call (a marker round trip
    /// makes sure everything before it arrived), as "collection/id/state".
    [[nodiscard]] QStringList sentSinceLastCall();
    [[nodiscard]] QWidget *openEditor() const;

    std::unique_ptr<ScriptedFixture> m_fixture;
    std::unique_ptr<MainWindow> m_window;
    qsizetype m_seen = 0;
    int m_markers = 0;
};

void TestMainWindowLive::init()
{
    m_fixture = std::make_unique<ScriptedFixture>();
    QVERIFY(m_fixture->start());
    m_window = std::make_unique<MainWindow>(m_fixture->engine.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    showCollection(ScriptedFixture::Tasks);
    QCOMPARE(m_window->recordModel()->rowCount(), 3);
    m_seen = 0;
    (void)sentSinceLastCall(); // whatever the window announced while it came up
}

void TestMainWindowLive::cleanup()
{
    m_window.reset();
    m_fixture.reset();
}

void TestMainWindowLive::showCollection(const QString &name)
{
    auto *collections = m_window->findChild<QListView *>();
    QVERIFY(collections);
    collections->setCurrentIndex(m_window->collectionModel()->index(m_window->collectionModel()->rowOf(name)));
    QCOMPARE(m_window->recordModel()->collection(), name);
}

void TestMainWindowLive::clickRecord(const QString &id)
{
    QTableView *view = m_window->recordView();
    const QModelIndex cell = view->model()->index(m_window->recordModel()->rowOf(id), 1);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(cell).center());
    QCOMPARE(view->currentIndex().data(RecordTableModel::RecordIdRole).toString(), id);
}

QStringList TestMainWindowLive::sentSinceLastCall()
{
    const QString marker = u"marker%1"_s.arg(++m_markers);
    m_fixture->engine->announcePresence(ScriptedFixture::Notes, marker, Presence::State::Viewing);
    QStringList sent;
    const bool arrived = QTest::qWaitFor([&] {
        sent.clear();
        const QList<QStringList> all = m_fixture->sentPresence();
        for (qsizetype i = m_seen; i < all.size(); ++i)
            sent << all.at(i).join(u'/');
        return sent.contains(u"notes/%1/viewing"_s.arg(marker));
    }, ScriptedFixture::TimeoutMs);
    if (!arrived)
        return {u"no marker"_s};
    m_seen = m_fixture->sentPresence().size();
    sent.removeAll(u"notes/%1/viewing"_s.arg(marker));
    return sent;
}

QWidget *TestMainWindowLive::openEditor() const
{
    QTableView *view = m_window->recordView();
    return view->indexWidget(view->currentIndex());
}

void TestMainWindowLive::announcesWhatTheUserDoes_data()
{
    QTest::addColumn<QStringList>("steps"); ///< "click ID", "F2", "Escape", "collection NAME", "close"
    QTest::addColumn<QStringList>("sent");
    QTest::newRow("clicking a row: viewing") << QStringList{u"click r2"_s} << QStringList{u"tasks/r2/viewing"_s};
    QTest::newRow("another row: left, then viewing")
        << QStringList{u"click r1"_s, u"click r3"_s}
        << QStringList{u"tasks/r1/viewing"_s, u"tasks/r1/left"_s, u"tasks/r3/viewing"_s};
    QTest::newRow("F2 opens an editor: editing") << QStringList{u"click r1"_s, u"F2"_s}
                                                 << QStringList{u"tasks/r1/viewing"_s, u"tasks/r1/editing"_s};
    QTest::newRow("Escape closes it: viewing again")
        << QStringList{u"click r1"_s, u"F2"_s, u"Escape"_s}
        << QStringList{u"tasks/r1/viewing"_s, u"tasks/r1/editing"_s, u"tasks/r1/viewing"_s};
    QTest::newRow("another collection: left") << QStringList{u"click r2"_s, u"collection notes"_s}
                                              << QStringList{u"tasks/r2/viewing"_s, u"tasks/r2/left"_s};
    QTest::newRow("closing the window: left") << QStringList{u"click r3"_s, u"close"_s}
                                              << QStringList{u"tasks/r3/viewing"_s, u"tasks/r3/left"_s};
    QTest::newRow("closing it while editing: the editor closes, then left")
        << QStringList{u"click r1"_s, u"F2"_s, u"close"_s}
        << QStringList{u"tasks/r1/viewing"_s, u"tasks/r1/editing"_s, u"tasks/r1/viewing"_s, u"tasks/r1/left"_s};
}

void TestMainWindowLive::announcesWhatTheUserDoes()
{
    QFETCH(QStringList, steps);
    QFETCH(QStringList, sent);
    for (const QString &step : std::as_const(steps)) {
        const QString argument = step.section(u' ', 1);
        if (step.startsWith("click "_L1)) {
            clickRecord(argument);
        } else if (step == "F2"_L1) {
            QTest::keyClick(m_window->recordView(), Qt::Key_F2);
            QVERIFY(openEditor());
        } else if (step == "Escape"_L1) {
            QTest::keyClick(openEditor(), Qt::Key_Escape);
            QTRY_VERIFY(!openEditor());
        } else if (step.startsWith("collection "_L1)) {
            showCollection(argument);
        } else if (step == "close"_L1) {
            m_window->close();
            m_window.reset();
        } else {
            QFAIL(qPrintable(step));
        }
    }
    const QStringList actual = sentSinceLastCall();
    QVERIFY2(actual == sent, qPrintable(actual.join(u", "_s)));
}

void TestMainWindowLive::editorWarnsWhoElseEdits()
{
    clickRecord(u"r1"_s);
    QTest::keyClick(m_window->recordView(), Qt::Key_F2);
    QWidget *editor = openEditor();
    QVERIFY(editor);
    auto *hint = m_window->recordView()->viewport()->findChild<QLabel *>(u"presenceHint"_s);
    QVERIFY(hint);
    QVERIFY(!hint->isVisible());

    m_fixture->pushPresence(ScriptedFixture::Tasks, u"r2"_s, u"bob"_s, u"editing"_s); // another record
    m_fixture->pushPresence(ScriptedFixture::Tasks, u"r1"_s, u"carol"_s, u"viewing"_s); // only looking
    m_fixture->pushPresence(ScriptedFixture::Tasks, u"r1"_s, u"bob"_s, u"editing"_s);
    QTRY_VERIFY(hint->isVisible());
    QCOMPARE(hint->text(), u"bob is editing this record"_s);
    QVERIFY(hint->geometry().top() > editor->geometry().top());

    m_fixture->pushPresence(ScriptedFixture::Tasks, u"r1"_s, u"bob"_s, u"left"_s);
    QTRY_VERIFY(!hint->isVisible());
    QCOMPARE(openEditor(), editor); // the editor stays open through it all
}

void TestMainWindowLive::activityGoesToTheRecord_data()
{
    QTest::addColumn<QString>("collection");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("data"); ///< JSON, or "null" for a delete
    QTest::addColumn<bool>("found");
    QTest::newRow("a record of the collection shown") << u"tasks"_s << u"r3"_s
                                                      << uR"({"title":"Plan a trip","done":true})"_s << true;
    QTest::newRow("another collection: switches to it") << u"notes"_s << u"n1"_s << uR"({"text":"Bye"})"_s << true;
    QTest::newRow("a deleted record: says so") << u"tasks"_s << u"r2"_s << u"null"_s << false;
}

void TestMainWindowLive::activityGoesToTheRecord()
{
    QFETCH(QString, collection);
    QFETCH(QString, id);
    QFETCH(QString, data);
    QFETCH(bool, found);

    ActivityPanel *panel = m_window->activityPanel();
    QVERIFY(panel->isVisible());
    QAbstractItemModelTester tester(panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    clickRecord(u"r1"_s);
    const QJsonValue value = data == "null"_L1 ? QJsonValue() : QJsonValue(QJsonDocument::fromJson(data.toUtf8()).object());
    m_fixture->pushChange(collection, id, value, u"bob"_s);
    QTRY_COMPARE(panel->model()->rowCount(), 1);

    QListView *list = panel->view();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(panel->model()->index(0)).center());
    QCOMPARE(m_window->recordModel()->collection(), collection);
    const QModelIndex current = m_window->recordView()->currentIndex();
    if (!found) {
        QCOMPARE(current.data(RecordTableModel::RecordIdRole).toString(), u"r1"_s); // left where it was
        QVERIFY(m_window->statusBar()->currentMessage().contains(u"not in the table"_s));
        return;
    }
    QCOMPARE(current.data(RecordTableModel::RecordIdRole).toString(), id);
    const QModelIndexList selected = m_window->recordView()->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.constFirst().data(RecordTableModel::RecordIdRole).toString(), id);
    QVERIFY(m_window->recordView()->hasFocus());
}

void TestMainWindowLive::activityPanelFromTheViewMenu()
{
    QAction *toggle = m_window->activityPanel()->toggleViewAction();
    QMenu *view = nullptr;
    for (QAction *menu : m_window->menuBar()->actions()) {
        if (menu->menu() && menu->menu()->actions().contains(toggle))
            view = menu->menu();
    }
    QVERIFY(view);
    QCOMPARE(view->title(), u"&View"_s);
    QVERIFY(m_window->activityPanel()->isVisible());
    toggle->trigger();
    QVERIFY(!m_window->activityPanel()->isVisible());
    toggle->trigger();
    QVERIFY(m_window->activityPanel()->isVisible());
}

QTEST_MAIN(TestMainWindowLive)
#include "tst_mainwindow_live.moc"
