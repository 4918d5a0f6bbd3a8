#include "collectionactions.h"
#include "../model/modelfixture.h"
#include "newcollectiondialog.h"
#include "progressdialog.h"

#include <QAction>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>

using namespace Etagere;
using namespace Etagere::Test;
using namespace Qt::StringLiterals;

namespace {

const QByteArray TasksHeader = "title,owner,priority,estimate,due,done\r\n"_ba;

QByteArray taskRows(int count)
{
    QByteArray rows;
    for (int i = 0; i < count; ++i)
        rows += "Imported task " + QByteArray::number(i) + ",Ana,low,1.5,2024-06-01,false\r\n";
    return rows;
}

} // namespace

/// The collection actions of the main window, offscreen, on a real engine and server: an
/// import the schema refuses shows each refused line with its reason and writes nothing;
/// Cancel in the progress dialog takes back what was written; export writes the file.
class TestCollectionActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void refusedImportListsTheLines();
    void importReportsSuccessInTheStatusBar();
    void cancelInTheProgressDialogTakesItBack();
    void exportWritesTheFile();
    void exportProblemIsShown();
    void needsACollection();
    void newCollectionOpensTheDialog();

private:
    [[nodiscard]] QString writeFile(const QString &name, const QByteArray &bytes);
    [[nodiscard]] QMessageBox *waitForMessageBox();
    [[nodiscard]] bool waitUntilIdle();

    std::unique_ptr<EngineFixture> m_fixture;
    std::unique_ptr<QWidget> m_window;
    std::unique_ptr<CollectionActions> m_actions;
    QString m_collection = EngineFixture::Tasks;
    QTemporaryDir m_directory;
};

void TestCollectionActions::init()
{
    qRegisterMetaType<Etagere::Conflict>();
    m_fixture = std::make_unique<EngineFixture>();
    QVERIFY(m_fixture->start());
    m_window = std::make_unique<QWidget>();
    m_window->resize(900, 600);
    m_window->show();
    m_collection = EngineFixture::Tasks;
    m_actions = std::make_unique<CollectionActions>(m_fixture->engine.get(), m_window.get(),
                                                    [this] { return m_collection; });
}

void TestCollectionActions::cleanup()
{
    m_actions.reset();
    m_window.reset();
    m_fixture.reset();
}

QString TestCollectionActions::writeFile(const QString &name, const QByteArray &bytes)
{
    QFile file(m_directory.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return file.fileName();
}

QMessageBox *TestCollectionActions::waitForMessageBox()
{
    QMessageBox *box = nullptr;
    const bool shown = QTest::qWaitFor([&] {
        box = m_window->findChild<QMessageBox *>();
        return box && box->isVisible();
    }, EngineFixture::TimeoutMs);
    return shown ? box : nullptr;
}

bool TestCollectionActions::waitUntilIdle()
{
    return QTest::qWaitFor([this] { return !m_actions->isBusy(); }, EngineFixture::TimeoutMs * 2);
}

void TestCollectionActions::refusedImportListsTheLines()
{
    const QString path = writeFile(u"refused.csv"_s, TasksHeader + taskRows(1) + "Ship it,Bo,urgent,,,\r\n"_ba
                                                         + taskRows(1) + "\"Two\r\nlines\",Cy,low,soon,,\r\n"_ba);
    QSignalSpy inserted(m_fixture->engine.get(), &SyncEngine::recordInserted);
    m_actions->importFile(path);
    QVERIFY(m_actions->isBusy());
    QVERIFY(!m_actions->importAction()->isEnabled()); // one at a time
    QMessageBox *box = waitForMessageBox();
    QVERIFY(box);
    QVERIFY(!m_actions->isBusy());
    QCOMPARE(box->windowTitle(), u"Import CSV"_s);
    QCOMPARE(box->text(), u"2 records cannot be imported; nothing was written."_s);
    QCOMPARE(box->informativeText(),
             u"Line 3: priority: 'urgent' is not one of low, normal, high\n"
             u"Line 5: estimate: 'soon' is not a number (with a dot as decimal separator)"_s);
    QVERIFY(box->detailedText().isEmpty());
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(m_fixture->engine->records(EngineFixture::Tasks).size(), 20);
    box->accept();
    QVERIFY(m_actions->importAction()->isEnabled());
}

void TestCollectionActions::importReportsSuccessInTheStatusBar()
{
    QSignalSpy messages(m_actions.get(), &CollectionActions::message);
    m_actions->importFile(writeFile(u"ok.csv"_s, TasksHeader + taskRows(3)));
    QVERIFY(waitUntilIdle());
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.first().first().toString(), u"3 records imported into \"tasks\"."_s);
    QCOMPARE(m_fixture->engine->records(EngineFixture::Tasks).size(), 23);
    QVERIFY(!m_window->findChild<QMessageBox *>());
}

void TestCollectionActions::cancelInTheProgressDialogTakesItBack()
{
    QSignalSpy removed(m_fixture->engine.get(), &SyncEngine::recordRemoved);
    m_actions->importFile(writeFile(u"big.csv"_s, TasksHeader + taskRows(3000)));
    ProgressDialog *progress = m_actions->progressDialog();
    QVERIFY(progress);
    QTRY_VERIFY_WITH_TIMEOUT(progress->labelText().startsWith(u"Writing"_s), EngineFixture::TimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(progress->isVisible(), EngineFixture::TimeoutMs); // a long one shows its progress
    QVERIFY(progress->percent() < 100);
    QTest::mouseClick(progress->cancelButton(), Qt::LeftButton);
    QMessageBox *box = waitForMessageBox();
    QVERIFY(box);
    QVERIFY2(box->text().startsWith(u"The import was cancelled. Nothing was imported: the "_s), qPrintable(box->text()));
    QVERIFY(box->text().contains(u"records already written were removed again."_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_fixture->engine->records(EngineFixture::Tasks).size(), 20, EngineFixture::TimeoutMs);
    QVERIFY(!removed.isEmpty());
    QCOMPARE(m_fixture->engine->pendingCount(), 0);
    QVERIFY(m_actions->progressDialog() == nullptr || !m_actions->progressDialog()->isVisible());
}

void TestCollectionActions::exportWritesTheFile()
{
    QSignalSpy messages(m_actions.get(), &CollectionActions::message);
    const QString path = m_directory.filePath(u"tasks.csv"_s);
    m_actions->exportFile(path);
    QVERIFY(waitUntilIdle());
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.first().first().toString(), u"20 records of \"Tasks\" exported to %1"_s.arg(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().count("\r\n"), 21);
}

void TestCollectionActions::exportProblemIsShown()
{
    m_actions->exportFile(m_directory.filePath(u"missing/dir/tasks.csv"_s));
    QMessageBox *box = waitForMessageBox();
    QVERIFY(box);
    QCOMPARE(box->windowTitle(), u"Export CSV"_s);
    QVERIFY2(box->text().startsWith(u"Cannot write "_s), qPrintable(box->text()));
}

void TestCollectionActions::needsACollection()
{
    m_collection.clear();
    QSignalSpy messages(m_actions.get(), &CollectionActions::message);
    m_actions->importFile(writeFile(u"ok.csv"_s, TasksHeader + taskRows(1)));
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.first().first().toString(), u"Select a collection first"_s);
    QVERIFY(!m_actions->isBusy());
}

void TestCollectionActions::newCollectionOpensTheDialog()
{
    QSignalSpy created(m_actions.get(), &CollectionActions::collectionCreated);
    QCOMPARE(m_actions->actions().size(), 3);
    m_actions->newCollectionAction()->trigger();
    auto *dialog = m_window->findChild<NewCollectionDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(dialog->isModal());
    QTest::keyClicks(dialog->nameEdit(), u"notes"_s);
    QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
    QVERIFY(created.wait(EngineFixture::TimeoutMs));
    QCOMPARE(created.first().first().toString(), u"notes"_s);
    QVERIFY(m_fixture->engine->collection(u"notes"_s));
}

QTEST_MAIN(TestCollectionActions)
#include "tst_collectionactions.moc"
