#include "enumvalueseditor.h"
#include "fielddefinitionmodel.h"
#include "memoryrecordstore.h"
#include "newcollectiondialog.h"
#include "scriptedserver.h"
#include "syncengine.h"
#include "testserver.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Etagere;
using namespace Qt::StringLiterals;

namespace {

constexpr int Timeout = 10000;
using Model = FieldDefinitionModel;

/// A dialog on an engine that talks to `server`; the engine is not started unless asked.
struct DialogFixture
{
    /// `token`: the session, for a real server (a scripted one asks for none).
    explicit DialogFixture(const QUrl &server, const QByteArray &token = {})
        : engine(server, &store)
        , dialog(&engine)
    {
        engine.setBearerToken(token);
        dialog.show();
    }

    void typeName(const QString &name)
    {
        dialog.nameEdit()->clear();
        QTest::keyClicks(dialog.nameEdit(), name);
    }

    [[nodiscard]] QModelIndex cell(int row, int column) const { return dialog.fieldModel()->index(row, column); }
    [[nodiscard]] bool canCreate() const { return dialog.createButton()->isEnabled(); }

    MemoryRecordStore store;
    SyncEngine engine;
    NewCollectionDialog dialog;
};

QColor textColor(const QLabel *label)
{
    return label->palette().color(QPalette::WindowText);
}

const QColor Red(0xc6, 0x28, 0x28);

} // namespace

/// The New Collection dialog, offscreen: live validation of the name and the fields, Create
/// enabled only when all is valid, and the server's answers (201, 412, 422 on a field, 403)
/// shown where they belong. Real etagere-server where ours can answer; a scripted one for
/// the answers ours never gives.
class TestNewCollectionDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void startsWithATitleField();
    void validatesTheNameAsTyped_data();
    void validatesTheNameAsTyped();
    void validatesTheFields_data();
    void validatesTheFields();
    void editsChoicesOfAnEnumField();
    void picksTheTypeFromACombo();
    void addsRemovesAndMovesFields();
    void createsTheCollection();
    void nameTakenOnTheServer();
    void serverRefusalShowsOnTheField();
    void forbiddenAndUnreachable_data();
    void forbiddenAndUnreachable();

private:
    std::unique_ptr<TestServer> m_server;
};

void TestNewCollectionDialog::init()
{
    m_server = std::make_unique<TestServer>(QStringList{u"--demo"_s});
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
}

void TestNewCollectionDialog::cleanup()
{
    m_server.reset();
}

void TestNewCollectionDialog::startsWithATitleField()
{
    DialogFixture f(m_server->url(), m_server->token());
    QCOMPARE(f.dialog.fieldModel()->rowCount(), 1);
    QCOMPARE(f.dialog.fieldModel()->fields().first(),
             (FieldSchema{u"title"_s, FieldType::String, u"Title"_s, true, {}}));
    QVERIFY(!f.canCreate()); // no name yet
    QVERIFY(textColor(f.dialog.nameMessage()) != Red); // a hint, not an error, before typing
    QVERIFY(!f.dialog.nameMessage()->text().isEmpty());
    QVERIFY(!f.dialog.valuesEditor()->isEnabled()); // "title" is not a choice
}

void TestNewCollectionDialog::validatesTheNameAsTyped_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("message");
    QTest::newRow("simple") << u"books"_s << true << QString();
    QTest::newRow("dash and underscore") << u"bug-reports_2"_s << true << QString();
    QTest::newRow("64 characters") << QString(64, u'a') << true << QString();
    QTest::newRow("upper case") << u"Books"_s << false << u"Use lowercase letters"_s;
    QTest::newRow("digit first") << u"2024"_s << false << u"starting with a letter"_s;
    QTest::newRow("space") << u"my books"_s << false << u"Use lowercase letters"_s;
    QTest::newRow("known collection") << u"tasks"_s << false << u"There is already a collection called \"tasks\""_s;
    QTest::newRow("empty") << QString() << false << QString();
}

void TestNewCollectionDialog::validatesTheNameAsTyped()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QFETCH(QString, message);
    DialogFixture f(m_server->url(), m_server->token());
    QSignalSpy reloaded(&f.engine, &SyncEngine::collectionReloaded);
    f.engine.start(); // so that it knows "tasks"
    QVERIFY(reloaded.wait(Timeout));
    f.typeName(name);
    QCOMPARE(f.canCreate(), valid);
    if (!message.isEmpty()) {
        QVERIFY2(f.dialog.nameMessage()->text().contains(message), qPrintable(f.dialog.nameMessage()->text()));
        QCOMPARE(textColor(f.dialog.nameMessage()), Red);
    } else {
        QVERIFY(textColor(f.dialog.nameMessage()) != Red);
    }
    // A name longer than 64 characters cannot even be typed.
    f.typeName(QString(70, u'b'));
    QCOMPARE(f.dialog.nameEdit()->text().size(), 64);
}

void TestNewCollectionDialog::validatesTheFields_data()
{
    QTest::addColumn<QList<FieldSchema>>("fields");
    QTest::addColumn<QString>("message"); // empty: valid
    const FieldSchema title{u"title"_s, FieldType::String, u"Title"_s, true, {}};
    QTest::newRow("fine") << QList<FieldSchema>{title, {u"due"_s, FieldType::Date, {}, false, {}}} << QString();
    QTest::newRow("no field") << QList<FieldSchema>() << u"Add at least one field"_s;
    QTest::newRow("same name twice") << QList<FieldSchema>{title, title} << u"Field 1 (title): Another field"_s;
    QTest::newRow("bad name") << QList<FieldSchema>{title, {u"Due Date"_s, FieldType::Date, {}, false, {}}}
                              << u"Field 2 (Due Date): \"Due Date\" is not a valid field name"_s;
    QTest::newRow("no name") << QList<FieldSchema>{{QString(), FieldType::Date, {}, false, {}}}
                             << u"Field 1 (no name): The field needs a name"_s;
    QTest::newRow("choice without values") << QList<FieldSchema>{title, {u"size"_s, FieldType::Enum, {}, false, {}}}
                                           << u"Field 2 (size): A choice needs at least one value"_s;
    QTest::newRow("choice value twice")
        << QList<FieldSchema>{{u"size"_s, FieldType::Enum, {}, false, {u"S"_s, u"S"_s}}} << u"\"S\" is listed twice"_s;
}

void TestNewCollectionDialog::validatesTheFields()
{
    QFETCH(QList<FieldSchema>, fields);
    QFETCH(QString, message);
    DialogFixture f(m_server->url(), m_server->token());
    f.typeName(u"books"_s);
    QVERIFY(f.canCreate());
    f.dialog.fieldModel()->setFields(fields);
    QCOMPARE(f.canCreate(), message.isEmpty());
    if (message.isEmpty()) {
        QVERIFY(textColor(f.dialog.fieldMessage()) != Red);
        return;
    }
    QVERIFY2(f.dialog.fieldMessage()->text().contains(message), qPrintable(f.dialog.fieldMessage()->text()));
    QCOMPARE(textColor(f.dialog.fieldMessage()), Red);
}

void TestNewCollectionDialog::editsChoicesOfAnEnumField()
{
    DialogFixture f(m_server->url(), m_server->token());
    f.typeName(u"shirts"_s);
    Model *model = f.dialog.fieldModel();
    QVERIFY(model->setData(f.cell(0, Model::TypeColumn), u"enum"_s));
    QVERIFY(f.dialog.valuesEditor()->isEnabled());
    QVERIFY(!f.canCreate()); // a choice without values
    QTest::mouseClick(f.dialog.valuesEditor()->addButton(), Qt::LeftButton);
    QCOMPARE(f.cell(0, Model::ValuesColumn).data(Qt::EditRole).toStringList(), QStringList{u"choice 1"_s});
    QVERIFY(f.canCreate());
    QListWidget *list = f.dialog.valuesEditor()->list();
    list->closePersistentEditor(list->item(0));
    list->item(0)->setText(u"S"_s); // what typing into the item does
    QTest::mouseClick(f.dialog.valuesEditor()->addButton(), Qt::LeftButton);
    list->item(1)->setText(u"S"_s);
    QVERIFY(!f.canCreate());
    QVERIFY(f.dialog.fieldMessage()->text().contains(u"\"S\" is listed twice"_s));
    list->item(1)->setText(u"M"_s);
    QVERIFY(f.canCreate());
    QCOMPARE(model->fields().first().values, (QStringList{u"S"_s, u"M"_s}));
    list->setCurrentRow(0);
    QTest::mouseClick(f.dialog.valuesEditor()->removeButton(), Qt::LeftButton);
    QCOMPARE(model->fields().first().values, QStringList{u"M"_s});

    // Another row: the editor shows that row's choices, or none.
    f.dialog.fieldModel()->appendField();
    f.dialog.fieldView()->setCurrentIndex(f.cell(1, 0));
    QVERIFY(!f.dialog.valuesEditor()->isEnabled());
    QVERIFY(f.dialog.valuesEditor()->values().isEmpty());
    f.dialog.fieldView()->setCurrentIndex(f.cell(0, 0));
    QCOMPARE(f.dialog.valuesEditor()->values(), QStringList{u"M"_s});
}

void TestNewCollectionDialog::picksTheTypeFromACombo()
{
    DialogFixture f(m_server->url(), m_server->token());
    QTableView *view = f.dialog.fieldView();
    const QModelIndex type = f.cell(0, Model::TypeColumn);
    view->setCurrentIndex(type);
    view->edit(type);
    auto *combo = view->findChild<QComboBox *>();
    QVERIFY(combo);
    QCOMPARE(combo->count(), 8);
    QCOMPARE(combo->currentData().toString(), u"string"_s);
    const int date = combo->findData(u"datetime"_s);
    combo->setCurrentIndex(date);
    Q_EMIT combo->activated(date); // what picking it with the mouse or keyboard does
    QCOMPARE(f.dialog.fieldModel()->fields().first().type, FieldType::DateTime);
    QCOMPARE(type.data().toString(), Model::typeLabel(FieldType::DateTime));
}

void TestNewCollectionDialog::addsRemovesAndMovesFields()
{
    DialogFixture f(m_server->url(), m_server->token());
    f.typeName(u"books"_s);
    QTest::mouseClick(f.dialog.addFieldButton(), Qt::LeftButton);
    QCOMPARE(f.dialog.fieldModel()->rowCount(), 2);
    QCOMPARE(f.dialog.fieldView()->currentIndex().row(), 1);
    QVERIFY(f.canCreate());
    const QList<QPushButton *> buttons = f.dialog.findChildren<QPushButton *>();
    QPushButton *moveUp = *std::find_if(buttons.cbegin(), buttons.cend(),
                                        [](QPushButton *b) { return b->text() == u"Move &Up"_s; });
    QVERIFY(moveUp->isEnabled());
    QTest::mouseClick(moveUp, Qt::LeftButton);
    QCOMPARE(f.dialog.fieldModel()->fields().first().name, u"field_2"_s);
    QCOMPARE(f.dialog.fieldView()->currentIndex().row(), 0);
    QVERIFY(!moveUp->isEnabled());
    QTest::mouseClick(f.dialog.removeFieldButton(), Qt::LeftButton);
    QTest::mouseClick(f.dialog.removeFieldButton(), Qt::LeftButton);
    QCOMPARE(f.dialog.fieldModel()->rowCount(), 0);
    QVERIFY(!f.canCreate());
    QVERIFY(f.dialog.fieldMessage()->text().contains(u"Add at least one field"_s));
}

void TestNewCollectionDialog::createsTheCollection()
{
    DialogFixture f(m_server->url(), m_server->token());
    QSignalSpy reloaded(&f.engine, &SyncEngine::collectionReloaded);
    f.engine.start();
    QVERIFY(reloaded.wait(Timeout));
    f.typeName(u"books"_s);
    QTest::keyClicks(f.dialog.titleEdit(), u"Books"_s);
    Model *model = f.dialog.fieldModel();
    const int pages = model->appendField();
    QVERIFY(model->setData(f.cell(pages, Model::NameColumn), u"pages"_s));
    QVERIFY(model->setData(f.cell(pages, Model::TypeColumn), u"integer"_s));
    QSignalSpy created(&f.dialog, &NewCollectionDialog::collectionCreated);
    QSignalSpy finished(&f.dialog, &QDialog::finished);
    QTest::mouseClick(f.dialog.createButton(), Qt::LeftButton);
    QVERIFY(f.dialog.isBusy());
    QVERIFY(!f.canCreate()); // once
    QVERIFY(!f.dialog.nameEdit()->isEnabled());
    QVERIFY(created.wait(Timeout));
    QCOMPARE(created.first().first().toString(), u"books"_s);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(f.dialog.result(), int(QDialog::Accepted));
    const std::optional<CollectionSchema> schema = f.engine.collection(u"books"_s);
    QVERIFY(schema);
    QCOMPARE(schema->title, u"Books"_s);
    QCOMPARE(schema->fields, model->fields());
}

void TestNewCollectionDialog::nameTakenOnTheServer()
{
    DialogFixture f(m_server->url(), m_server->token()); // not started: it does not know "tasks" yet
    f.typeName(u"tasks"_s);
    QVERIFY(f.canCreate());
    QSignalSpy created(&f.dialog, &NewCollectionDialog::collectionCreated);
    QTest::mouseClick(f.dialog.createButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!f.dialog.isBusy(), Timeout);
    QCOMPARE(created.size(), 0);
    QVERIFY(f.dialog.isVisible());
    QCOMPARE(f.dialog.nameMessage()->text(), u"There is already a collection called \"tasks\"."_s);
    QCOMPARE(textColor(f.dialog.nameMessage()), Red);
    QVERIFY(!f.canCreate());
    f.typeName(u"tasks2"_s);
    QVERIFY(f.canCreate());
}

void TestNewCollectionDialog::serverRefusalShowsOnTheField()
{
    // A server with a rule ours does not have: the 422 names the field, the dialog shows it there.
    ScriptedServer scripted;
    QVERIFY(scripted.listen());
    scripted.setHandler([](const ScriptedServer::Request &) {
        return ScriptedServer::json(422, R"({"type":"about:blank","title":"Unprocessable Content","status":422,)"
                                         R"("detail":"field 'pages': reserved by this server","field":"pages"})"_ba);
    });
    DialogFixture f(scripted.url());
    f.typeName(u"books"_s);
    Model *model = f.dialog.fieldModel();
    const int pages = model->appendField();
    QVERIFY(model->setData(f.cell(pages, Model::NameColumn), u"pages"_s));
    model->appendField();
    f.dialog.fieldView()->setCurrentIndex(f.cell(0, 0));
    QTest::mouseClick(f.dialog.createButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!f.dialog.isBusy(), Timeout);
    QVERIFY(f.dialog.isVisible());
    QCOMPARE(f.dialog.fieldView()->currentIndex().row(), pages); // the row at fault is the current one
    QCOMPARE(f.cell(pages, Model::NameColumn).data(Model::ProblemRole).toString(),
             u"field 'pages': reserved by this server"_s);
    QCOMPARE(f.dialog.fieldMessage()->text(), u"Field 2 (pages): field 'pages': reserved by this server"_s);
    QCOMPARE(textColor(f.dialog.fieldMessage()), Red);
    QVERIFY(f.dialog.errorMessage()->text().isEmpty());
    QVERIFY(!f.canCreate());
    QVERIFY(model->setData(f.cell(pages, Model::NameColumn), u"page_count"_s)); // the user changes it
    QVERIFY(f.canCreate());
}

void TestNewCollectionDialog::forbiddenAndUnreachable_data()
{
    QTest::addColumn<int>("status"); // 0: nobody answers
    QTest::addColumn<QString>("message");
    QTest::newRow("403") << 403 << u"You may not create collections on this server"_s;
    QTest::newRow("500") << 500 << u"The collection could not be created: HTTP 500"_s;
    QTest::newRow("unreachable") << 0 << u"The collection could not be created"_s;
}

void TestNewCollectionDialog::forbiddenAndUnreachable()
{
    QFETCH(int, status);
    QFETCH(QString, message);
    ScriptedServer scripted;
    QVERIFY(scripted.listen());
    scripted.setHandler([status](const ScriptedServer::Request &) {
        ScriptedServer::Response response = ScriptedServer::json(status, "{}"_ba);
        response.drop = status == 0;
        return response;
    });
    DialogFixture f(scripted.url());
    f.typeName(u"books"_s);
    QTest::mouseClick(f.dialog.createButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!f.dialog.isBusy(), Timeout);
    QVERIFY2(f.dialog.errorMessage()->text().contains(message), qPrintable(f.dialog.errorMessage()->text()));
    QCOMPARE(textColor(f.dialog.errorMessage()), Red);
    QVERIFY(f.canCreate()); // nothing to fix in the input: it may be tried again
    QVERIFY(f.dialog.isVisible());
}

QTEST_MAIN(TestNewCollectionDialog)
#include "tst_newcollectiondialog.moc"
