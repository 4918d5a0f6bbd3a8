#include "loadprogressindicator.h"
#include "mainwindow.h"
#include "recordfiltermodel.h"
#include "recordform.h"
#include "recordsearchbar.h"
#include "recordtablemodel.h"
#include "recordtableview.h"
#include "testserver.h"
#include "../model/tableclient.h"

#include <QDockWidget>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace Etagere;
using namespace Etagere::Test;
using namespace Qt::StringLiterals;

namespace {

const QString Tasks = u"tasks"_s;

/// The app's window on its own engine, as AppController builds it (with a memory store).
struct Window
{
    explicit Window(const TestServer &server)
        : engine(server.url(), &store)
        , window(&engine)
        , tester(window.filterModel(), QAbstractItemModelTester::FailureReportingMode::QtTest)
    {
        engine.setTimings(1000, 50);
        engine.setBearerToken(server.token());
    }

    [[nodiscard]] bool start()
    {
        window.show();
        engine.start();
        return QTest::qWaitForWindowActive(&window)
            && QTest::qWaitFor([this] { return model()->rowCount() == 20 && filter()->rowCount() == 20; }, 10000);
    }

    [[nodiscard]] RecordTableModel *model() const { return window.recordModel(); }
    [[nodiscard]] RecordFilterModel *filter() const { return window.filterModel(); }
    [[nodiscard]] RecordTableView *view() const { return window.recordView(); }
    [[nodiscard]] int column(const QString &field) const { return model()->schema().indexOf(field); }

    /// Each record in view and where it is in the viewport.
    [[nodiscard]] QHash<QString, int> visibleRecords() const
    {
        QHash<QString, int> shown;
        for (int row = view()->rowAt(0); row >= 0 && row < filter()->rowCount(); ++row) {
            const int y = view()->rowViewportPosition(row);
            if (y >= view()->viewport()->height())
                break;
            shown.insert(filter()->recordIdAt(row), y);
        }
        return shown;
    }

    MemoryRecordStore store;
    SyncEngine engine;
    MainWindow window;
    QAbstractItemModelTester tester; ///< on what the table shows, through every test
};

/// Waits until `reader` holds exactly what `writer` holds of the tasks.
bool converged(SyncEngine &writer, SyncEngine &reader)
{
    return QTest::qWaitFor([&] {
        const QList<RecordState> theirs = writer.records(Tasks);
        const QList<RecordState> mine = reader.records(Tasks);
        return writer.pendingCount() == 0 && theirs.size() == mine.size()
            && std::equal(theirs.cbegin(), theirs.cend(), mine.cbegin(),
                          [](const RecordState &a, const RecordState &b) { return a.id == b.id && a.local == b.local; });
    }, 10000);
}

QList<QAction *> menuActions(const QMenuBar *bar)
{
    QList<QAction *> actions;
    const QList<QAction *> menus = bar->actions();
    for (const QAction *menu : menus) {
        const QList<QAction *> items = menu->menu()->actions();
        for (QAction *item : items) {
            if (!item->isSeparator())
                actions << item;
        }
    }
    return actions;
}

void clickHeader(QHeaderView *header, int section)
{
    const QPoint centre(header->sectionViewportPosition(section) + header->sectionSize(section) / 2, header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, Qt::NoModifier, centre);
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void everyActionHasAShortcut();
    void findFocusesTheSearchAndEscapeClearsIt();
    void headerClicksSort();
    void recordsInViewStayAcrossPushes_data();
    void recordsInViewStayAcrossPushes();
    void editorKeepsTypingWhileItsRowMoves();
    void editedRecordStaysWhileItStopsMatching();
    void undoAndRedoFromTheKeyboard();
    void deletingSeveralIsOneUndo();
    void recordFormFollowsTheCurrentRecord();
    void layoutIsRemembered();
    void loadingShowsProgress();

private:
    QTemporaryDir m_settings;
    std::unique_ptr<TestServer> m_server;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_settings.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
}

void TestMainWindow::init()
{
    QSettings().clear();
    m_server = std::make_unique<TestServer>(QStringList{u"--demo"_s});
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
}

void TestMainWindow::cleanup()
{
    m_server.reset();
}

void TestMainWindow::everyActionHasAShortcut()
{
    Window w(*m_server);
    QVERIFY(w.start());
    QVERIFY(w.view()->columnWidth(0) > 150); // fitted to the titles, not to the empty table first shown
    const QList<QAction *> actions = menuActions(w.window.menuBar());
    QVERIFY(actions.size() >= 10);
    QSet<QKeySequence> seen;
    for (const QAction *action : actions) {
        QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->text()));
        QVERIFY2(!seen.contains(action->shortcut()), qPrintable(action->text())); // no clash
        seen.insert(action->shortcut());
    }
    const auto named = [&](const QString &prefix) {
        const auto found = std::find_if(actions.cbegin(), actions.cend(),
                                        [&](const QAction *a) { return a->text().startsWith(prefix); });
        return found == actions.cend() ? nullptr : *found;
    };
    QVERIFY(named(u"&Undo"_s) && named(u"&Redo"_s) && named(u"&Find"_s));
    QCOMPARE(named(u"&Undo"_s)->shortcut(), QKeySequence(QKeySequence::Undo));
    QCOMPARE(named(u"&Redo"_s)->shortcut(), QKeySequence(u"Ctrl+Shift+Z"_s));
    QCOMPARE(named(u"&Find"_s)->shortcut(), QKeySequence(QKeySequence::Find));
}

void TestMainWindow::findFocusesTheSearchAndEscapeClearsIt()
{
    Window w(*m_server);
    QVERIFY(w.start());
    w.view()->setFocus();
    QLineEdit *search = w.window.searchBar()->searchField();
    QTest::keyClick(&w.window, Qt::Key_F, Qt::ControlModifier);
    QVERIFY(search->hasFocus());
    QTest::keyClicks(search, u"chloe"_s); // finds "Chloé"
    QTest::keyClick(search, Qt::Key_Return);
    QVERIFY(w.filter()->rowCount() > 0 && w.filter()->rowCount() < 20);
    for (int row = 0; row < w.filter()->rowCount(); ++row) {
        bool found = false;
        for (int column = 0; column < w.filter()->columnCount(); ++column)
            found = found || w.filter()->index(row, column).data(Qt::EditRole).toString().contains(u"Chloé"_s);
        QVERIFY(found);
    }
    QTest::keyClick(search, Qt::Key_Escape);
    QCOMPARE(w.filter()->rowCount(), 20);
    QTest::keyClick(search, Qt::Key_Escape);
    QVERIFY(w.view()->hasFocus());
}

void TestMainWindow::headerClicksSort()
{
    Window w(*m_server);
    QVERIFY(w.start());
    QHeaderView *header = w.view()->horizontalHeader();
    const int estimate = w.column(u"estimate"_s);
    QCOMPARE(w.filter()->sortColumn(), -1);
    clickHeader(header, estimate);
    QCOMPARE(w.filter()->sortColumn(), estimate);
    QCOMPARE(w.filter()->sortOrder(), Qt::AscendingOrder);
    for (int row = 1; row < 20; ++row) {
        QVERIFY(w.filter()->index(row - 1, estimate).data(Qt::EditRole).toDouble()
                <= w.filter()->index(row, estimate).data(Qt::EditRole).toDouble());
    }
    clickHeader(header, estimate);
    QCOMPARE(w.filter()->sortOrder(), Qt::DescendingOrder);
    clickHeader(header, estimate);
    QCOMPARE(w.filter()->sortColumn(), -1); // back to the collection's order
    QCOMPARE(w.filter()->recordIdAt(0), w.model()->idAt(0));
}

void TestMainWindow::recordsInViewStayAcrossPushes_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<int>("kept"); // how many records in view, from the top, keep their place (-1: all)
    QTest::newRow("a record inserted above the view") << u"insert above"_s << -1;
    QTest::newRow("a record inserted below the view") << u"insert below"_s << -1;
    QTest::newRow("a record above the view deleted") << u"delete above"_s << -1;
    QTest::newRow("the selected record moves away") << u"move selected"_s << 2; // those above it
    QTest::newRow("the top record in view moves away") << u"move top"_s << -1;
    QTest::newRow("a record moves into the view") << u"move into view"_s << 2;
}

// Somebody else's changes make rows come, go and move in a sorted table that the user has
// scrolled: the selected record stays selected and current, and the records in view stay
// where they are on screen, except below a record that left or entered the view (the gap
// closes from below, the newcomer pushes down what is under it).
void TestMainWindow::recordsInViewStayAcrossPushes()
{
    QFETCH(QString, operation);
    QFETCH(int, kept);
    Window w(*m_server);
    QVERIFY(w.start());
    Client b(m_server->url(), m_server->token());
    LOAD(b);
    w.window.resize(900, 340); // a few rows in view
    w.view()->sortByColumn(w.column(u"title"_s), Qt::AscendingOrder);
    w.view()->verticalScrollBar()->setValue(6);
    const int firstShown = w.view()->rowAt(0);
    QVERIFY(firstShown >= 5);
    const QString selected = w.filter()->recordIdAt(firstShown + 2);
    QVERIFY(w.view()->setCurrentRecord(selected, 0));
    const QString top = w.filter()->recordIdAt(firstShown);
    const QString above = w.filter()->recordIdAt(1);
    const QString below = w.filter()->recordIdAt(19);
    const QHash<QString, int> before = w.visibleRecords();
    QVERIFY(before.size() >= 3);

    QString moved; // a record in view that the change moves itself
    const auto setTitle = [&](const QString &id, const QString &title) {
        QVERIFY(b.engine.setField(Tasks, id, u"title"_s, title));
    };
    if (operation == u"insert above"_s) {
        QVERIFY(!b.engine.createRecord(Tasks, {{u"title"_s, u"AAA first of all"_s}}).isEmpty());
    } else if (operation == u"insert below"_s) {
        QVERIFY(!b.engine.createRecord(Tasks, {{u"title"_s, u"zzz last of all"_s}}).isEmpty());
    } else if (operation == u"delete above"_s) {
        QVERIFY(b.engine.deleteRecord(Tasks, above));
    } else if (operation == u"move selected"_s) {
        setTitle(selected, u"zzz now last"_s);
        moved = selected;
    } else if (operation == u"move top"_s) {
        setTitle(top, u"zzz now last"_s);
        moved = top;
    } else if (operation == u"move into view"_s) {
        setTitle(below, w.filter()->index(firstShown + 1, w.column(u"title"_s)).data().toString() + u" too"_s);
    }
    QVERIFY(converged(b.engine, w.engine));

    QCOMPARE(w.view()->currentRecord(), selected);
    QCOMPARE(w.view()->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(w.filter()->recordIdAt(w.view()->selectionModel()->selectedRows().constFirst().row()), selected);
    const QHash<QString, int> after = w.visibleRecords();
    QList<std::pair<int, QString>> unmoved; // the records in view before, top to bottom, but the moved one
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (it.key() != moved)
            unmoved.append({it.value(), it.key()});
    }
    std::sort(unmoved.begin(), unmoved.end());
    if (kept < 0)
        kept = int(unmoved.size()) - 1; // all (the bottom one may be pushed out of view)
    for (int i = 0; i < kept; ++i) {
        const auto &[y, id] = unmoved.at(i);
        QVERIFY2(after.contains(id), qPrintable(id));
        QCOMPARE(after.value(id), y);
    }
}

// A cell editor is open; somebody else's change moves its row (the table is sorted by
// another column). The editor stays on its record with what was typed, the row stays where
// it is on screen, and Enter saves on that record.
void TestMainWindow::editorKeepsTypingWhileItsRowMoves()
{
    Window w(*m_server);
    QVERIFY(w.start());
    Client b(m_server->url(), m_server->token());
    LOAD(b);
    w.window.resize(900, 340); // a few rows in view
    w.view()->sortByColumn(w.column(u"estimate"_s), Qt::AscendingOrder);
    w.view()->verticalScrollBar()->setValue(4); // room to scroll both ways
    const QString id = w.filter()->recordIdAt(w.view()->rowAt(0) + 2);
    const QModelIndex title = w.view()->indexOfRecord(id, w.column(u"title"_s));
    const int y = w.view()->rowViewportPosition(title.row());
    w.view()->setCurrentIndex(title);
    w.view()->edit(title);
    QCOMPARE(w.view()->editingRecord(), id);
    auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, u"Typed while it moved"_s);

    // Now it sorts a few rows further down: the view scrolls with it, the others move around it.
    const double later = w.filter()->index(title.row() + 2, w.column(u"estimate"_s)).data(Qt::EditRole).toDouble();
    QVERIFY(b.engine.setField(Tasks, id, u"estimate"_s, later + 0.001));
    QVERIFY(converged(b.engine, w.engine));
    const QModelIndex now = w.view()->indexOfRecord(id, w.column(u"title"_s));
    QVERIFY(now.row() >= title.row() + 2); // further if others share that estimate
    QCOMPARE(w.view()->editingRecord(), id);
    QCOMPARE(QApplication::focusWidget(), editor);
    QCOMPARE(editor->text(), u"Typed while it moved"_s);
    QCOMPARE(w.view()->rowViewportPosition(now.row()), y); // the view followed the record
    QTest::keyClick(editor, Qt::Key_Return); // the delegate commits on the next turn of the event loop
    QTRY_COMPARE(w.engine.record(Tasks, id)->local.value(u"title"_s).toString(), u"Typed while it moved"_s);
    QVERIFY(w.engine.conflicts().isEmpty());
    QCOMPARE(w.view()->editingRecord(), QString());
}

// While a record is edited, a search does not hide it, even when the edit (or somebody
// else's) makes it stop matching; once the editor closes, the search applies.
void TestMainWindow::editedRecordStaysWhileItStopsMatching()
{
    Window w(*m_server);
    QVERIFY(w.start());
    Client b(m_server->url(), m_server->token());
    LOAD(b);
    w.filter()->setSearchText(u"Ana"_s);
    const int matching = w.filter()->rowCount();
    QVERIFY(matching > 1);
    const QString id = w.filter()->recordIdAt(0);
    const QModelIndex owner = w.view()->indexOfRecord(id, w.column(u"owner"_s));
    w.view()->setCurrentIndex(owner);
    w.view()->edit(owner);
    QCOMPARE(w.filter()->pinnedRecord(), id);

    QVERIFY(b.engine.setField(Tasks, id, u"owner"_s, u"Zed"_s));
    QVERIFY(converged(b.engine, w.engine));
    QVERIFY(w.view()->indexOfRecord(id).isValid()); // kept while edited
    auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(editor);
    QTest::keyClick(editor, Qt::Key_Escape); // closes without saving
    QCOMPARE(w.filter()->pinnedRecord(), QString());
    QVERIFY(!w.view()->indexOfRecord(id).isValid());
    QCOMPARE(w.filter()->rowCount(), matching - 1);
}

void TestMainWindow::undoAndRedoFromTheKeyboard()
{
    Window w(*m_server);
    QVERIFY(w.start());
    const QModelIndex title = w.filter()->index(3, w.column(u"title"_s));
    const QString id = w.filter()->recordIdAt(3);
    const QString before = title.data().toString();
    QVERIFY(w.filter()->setData(title, u"Edited in the table"_s));
    QCOMPARE(w.window.undoStack()->undoText(), u"edit of Title"_s);
    const QList<QAction *> actions = menuActions(w.window.menuBar());
    const auto undo = std::find_if(actions.cbegin(), actions.cend(),
                                   [](const QAction *a) { return a->shortcut() == QKeySequence::Undo; });
    QVERIFY(undo != actions.cend());
    QCOMPARE((*undo)->text(), u"&Undo edit of Title"_s);
    QTRY_COMPARE(w.engine.pendingCount(), 0);

    w.view()->setFocus();
    QTest::keyClick(w.view(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(w.engine.record(Tasks, id)->local.value(u"title"_s).toString(), before);
    QTRY_COMPARE(w.engine.pendingCount(), 0); // written as a new edit
    QTest::keyClick(w.view(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(w.engine.record(Tasks, id)->local.value(u"title"_s).toString(), u"Edited in the table"_s);
    QTRY_COMPARE(w.engine.pendingCount(), 0);
}

void TestMainWindow::deletingSeveralIsOneUndo()
{
    Window w(*m_server);
    QVERIFY(w.start());
    const QStringList ids = {w.filter()->recordIdAt(1), w.filter()->recordIdAt(2)};
    w.view()->selectionModel()->select(QItemSelection(w.filter()->index(1, 0), w.filter()->index(2, 0)),
                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    w.view()->setFocus();
    QTest::keyClick(w.view(), Qt::Key_Delete);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = w.window.findChild<QMessageBox *>()) != nullptr);
    const QList<QAbstractButton *> buttons = box->buttons();
    const auto confirm = std::find_if(buttons.cbegin(), buttons.cend(),
                                      [](const QAbstractButton *b) { return b->text() == u"Delete"_s; });
    QVERIFY(confirm != buttons.cend());
    (*confirm)->click();
    QTRY_COMPARE(w.model()->rowCount(), 18);
    QCOMPARE(w.window.undoStack()->count(), 1);
    QCOMPARE(w.window.undoStack()->undoText(), u"deletion of 2 records"_s);

    w.window.undoStack()->undo();
    QTRY_COMPARE(w.model()->rowCount(), 20);
    QTRY_COMPARE(w.engine.pendingCount(), 0);
    for (const QString &id : ids)
        QVERIFY(w.engine.record(Tasks, id).has_value());
}

void TestMainWindow::recordFormFollowsTheCurrentRecord()
{
    Window w(*m_server);
    QVERIFY(w.start());
    QVERIFY(w.window.recordFormPanel()->isVisible());
    const QString id = w.filter()->recordIdAt(4);
    w.view()->setCurrentIndex(w.filter()->index(4, 0));
    QCOMPARE(w.window.recordForm()->recordId(), id);

    w.filter()->sort(w.column(u"owner"_s), Qt::DescendingOrder); // rows move: the form stays on its record
    QCOMPARE(w.window.recordForm()->recordId(), id);
    QCOMPARE(w.view()->currentRecord(), id);
}

void TestMainWindow::layoutIsRemembered()
{
    const int owner = 2;
    {
        Window w(*m_server);
        QVERIFY(w.start());
        w.window.resize(910, 610);
        w.view()->setColumnWidth(0, 333);
        w.view()->sortByColumn(owner, Qt::DescendingOrder);
        w.window.recordFormPanel()->hide();
        w.window.close();
    }
    Window w(*m_server);
    QVERIFY(w.start());
    QCOMPARE(w.window.size(), QSize(910, 610));
    QCOMPARE(w.view()->columnWidth(0), 333);
    QCOMPARE(w.view()->horizontalHeader()->sortIndicatorSection(), owner);
    QCOMPARE(w.view()->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(w.filter()->sortColumn(), owner);
    QCOMPARE(w.filter()->sortOrder(), Qt::DescendingOrder);
    QVERIFY(!w.window.recordFormPanel()->isVisible());
}

// A collection of three pages: the status bar counts the records as the pages arrive.
void TestMainWindow::loadingShowsProgress()
{
    QJsonObject schema = kindsSchema();
    schema.insert(u"title"_s, u"Big"_s);
    QCOMPARE(createCollection(m_server->url(), m_server->token(), u"big"_s, schema), 201);
    {
        Client writer(m_server->url(), m_server->token(), u"big"_s);
        LOAD(writer);
        for (int n = 0; n < 450; ++n)
            QVERIFY(!writer.engine.createRecord(u"big"_s, {{u"s"_s, u"record %1"_s.arg(n)}}).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(writer.engine.pendingCount(), 0, 60000);
    }
    Window w(*m_server);
    auto *indicator = w.window.findChild<LoadProgressIndicator *>();
    QVERIFY(indicator);
    QStringList shown; // what the indicator says right after each page
    connect(&w.engine, &SyncEngine::collectionLoadProgress, indicator, [&] { shown << indicator->text(); });
    w.window.show();
    w.engine.start();
    QTRY_COMPARE(w.model()->collection(), u"big"_s); // the first collection
    QTRY_COMPARE(w.filter()->rowCount(), 450);
    QCOMPARE(shown.size(), 2); // after the first and the second page
    QCOMPARE(shown.at(0), u"Loading Big: 200 records…"_s);
    QCOMPARE(shown.at(1), u"Loading Big: 400 records…"_s);
    QTRY_COMPARE(indicator->text(), QString()); // gone when loaded
    QVERIFY(indicator->isHidden());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
