#include "fieldeditor.h"
#include "offlinerecords.h"
#include "record.h"
#include "recordform.h"
#include "testserver.h"
#include "../model/tableclient.h"

#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>

using namespace Etagere;
using namespace Etagere::Test;
using namespace Qt::StringLiterals;

namespace {

const QString Notes = u"notes"_s;

QString labelText(const RecordForm &form, const QString &objectName)
{
    const auto *label = form.findChild<QLabel *>(objectName);
    return label ? label->text() : QString();
}

/// The label naming `field` (the buddy of its editor).
const QLabel *fieldLabel(const RecordForm &form, const QString &field)
{
    const QList<QLabel *> labels = form.findChildren<QLabel *>();
    const auto found = std::find_if(labels.cbegin(), labels.cend(), [&](const QLabel *label) {
        return label->buddy() && label->buddy() == form.editor(field)->editor();
    });
    return found == labels.cend() ? nullptr : *found;
}

/// Types `text` into `field`'s editor in place of what it holds.
void replaceText(RecordForm &form, const QString &field, const QString &text)
{
    QWidget *editor = form.editor(field)->editor();
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, text);
}

} // namespace

class TestRecordForm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void showsTheRecord_data();
    void showsTheRecord();
    void savesWhenLeavingAField_data();
    void savesWhenLeavingAField();
    void escapePutsTheValueBack();
    void badValueIsNotSaved();
    void showingAnotherRecordSavesFirst();
    void followsLiveChangesWhileTyping();

private:
    std::unique_ptr<OfflineRecords> m_records;
    std::unique_ptr<RecordForm> m_form;
};

void TestRecordForm::init()
{
    m_records = std::make_unique<OfflineRecords>(fiveNotes());
    QVERIFY(m_records->ready);
    m_form = std::make_unique<RecordForm>(&m_records->model);
    m_form->resize(360, 600);
    m_form->show();
    QVERIFY(QTest::qWaitForWindowActive(m_form.get()));
}

void TestRecordForm::cleanup()
{
    m_form.reset();
    m_records.reset();
}

void TestRecordForm::showsTheRecord_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("title");
    QTest::newRow("n1") << u"n1"_s << u"Alpha plan"_s;
    QTest::newRow("n2, with a text field") << u"n2"_s << u"Beta release"_s;
    QTest::newRow("n3, with a date") << u"n3"_s << u"Gamma"_s;
}

void TestRecordForm::showsTheRecord()
{
    QFETCH(QString, id);
    QFETCH(QString, title);
    QVERIFY(labelText(*m_form, u"recordTitle"_s).isEmpty() || m_form->recordId().isEmpty());
    m_form->setRecordId(id);
    QCOMPARE(m_form->recordId(), id);
    QCOMPARE(labelText(*m_form, u"recordTitle"_s), title);
    QCOMPARE(labelText(*m_form, u"recordState"_s), u"Saved."_s);
    const RecordState state = *m_records->engine.record(Notes, id);
    for (const FieldSchema &field : notesSchema().fields) {
        FieldEditor *editor = m_form->editor(field.name);
        QVERIFY(editor);
        QCOMPARE(editor->value(), fieldValue(state.local, field.name));
        QVERIFY(editor->isEnabled());
    }
    QVERIFY(qobject_cast<QPlainTextEdit *>(m_form->editor(u"body"_s)->editor())); // several lines
    QVERIFY(!m_form->hasUnsavedChanges());
}

void TestRecordForm::savesWhenLeavingAField_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("typed");   // empty: pick the next value of a list
    QTest::addColumn<int>("key");         // what ends the edit (0: nothing, the pick saves)
    QTest::addColumn<bool>("control");
    QTest::addColumn<QJsonValue>("saved");

    QTest::newRow("one line, Tab") << u"title"_s << u"Renamed"_s << int(Qt::Key_Tab) << false
                                     << QJsonValue(u"Renamed"_s);
    QTest::newRow("integer, Enter") << u"size"_s << u"42"_s << int(Qt::Key_Return) << false << QJsonValue(42);
    QTest::newRow("text, Ctrl+Enter") << u"body"_s << u"first"_s << int(Qt::Key_Return) << true
                                      << QJsonValue(u"first"_s);
    QTest::newRow("list, a pick") << u"colour"_s << QString() << 0 << false << QJsonValue(u"green"_s);
}

void TestRecordForm::savesWhenLeavingAField()
{
    QFETCH(QString, field);
    QFETCH(QString, typed);
    QFETCH(int, key);
    QFETCH(bool, control);
    QFETCH(QJsonValue, saved);
    m_form->setRecordId(u"n1"_s);
    QSignalSpy unsaved(m_form.get(), &RecordForm::unsavedChangesChanged);
    QWidget *editor = m_form->editor(field)->editor();
    if (typed.isEmpty()) {
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_Down); // red -> green, as a pick
    } else {
        replaceText(*m_form, field, typed);
        QVERIFY(m_form->hasUnsavedChanges());
        QCOMPARE(fieldValue(m_records->engine.record(Notes, u"n1"_s)->local, field),
                 fieldValue(fiveNotes().constFirst().local, field)); // not before the edit ends
        QTest::keyClick(editor, Qt::Key(key), control ? Qt::ControlModifier : Qt::NoModifier);
    }
    QCOMPARE(fieldValue(m_records->engine.record(Notes, u"n1"_s)->local, field), saved);
    QVERIFY(!m_form->hasUnsavedChanges());
    QCOMPARE(m_form->editor(field)->value(), saved);
    // Not on the server (the engine is offline): the record says so, the field is in italics.
    QCOMPARE(labelText(*m_form, u"recordState"_s), u"Not yet saved on the server (fields in italics)."_s);
    const QLabel *label = fieldLabel(*m_form, field);
    QVERIFY(label && label->font().italic());
    QVERIFY(!fieldLabel(*m_form, u"due"_s)->font().italic());
    if (!typed.isEmpty())
        QCOMPARE(unsaved.size(), 2); // changed, then saved
}

void TestRecordForm::escapePutsTheValueBack()
{
    m_form->setRecordId(u"n1"_s);
    replaceText(*m_form, u"title"_s, u"Not this"_s);
    QVERIFY(m_form->hasUnsavedChanges());
    QTest::keyClick(m_form->editor(u"title"_s)->editor(), Qt::Key_Escape);
    QVERIFY(!m_form->hasUnsavedChanges());
    QCOMPARE(m_form->editor(u"title"_s)->value(), QJsonValue(u"Alpha plan"_s));
    m_form->editor(u"size"_s)->editor()->setFocus(); // leaving saves nothing
    QCOMPARE(m_records->engine.pendingCount(), 0);
}

void TestRecordForm::badValueIsNotSaved()
{
    m_form->setRecordId(u"n1"_s);
    replaceText(*m_form, u"size"_s, u"12x"_s);
    QVERIFY(!m_form->note(u"size"_s).isEmpty()); // says why at once
    QVERIFY(!m_form->commit());
    QVERIFY(m_form->hasUnsavedChanges());
    QCOMPARE(m_form->editor(u"size"_s)->editor()->property("text").toString(), u"12x"_s); // kept
    QCOMPARE(m_records->engine.record(Notes, u"n1"_s)->local.value(u"size"_s).toInteger(), 3);
    QCOMPARE(m_records->engine.pendingCount(), 0);

    replaceText(*m_form, u"size"_s, u"12"_s);
    QVERIFY(m_form->note(u"size"_s).isEmpty());
    QVERIFY(m_form->commit());
    QCOMPARE(m_records->engine.record(Notes, u"n1"_s)->local.value(u"size"_s).toInteger(), 12);
}

void TestRecordForm::showingAnotherRecordSavesFirst()
{
    m_form->setRecordId(u"n1"_s);
    replaceText(*m_form, u"title"_s, u"Saved on the way out"_s);
    m_form->setRecordId(u"n2"_s);
    QCOMPARE(m_records->engine.record(Notes, u"n1"_s)->local.value(u"title"_s).toString(), u"Saved on the way out"_s);
    QCOMPARE(m_form->editor(u"title"_s)->value(), QJsonValue(u"Beta release"_s));
    QVERIFY(!m_form->hasUnsavedChanges());

    m_form->setRecordId({});
    QVERIFY(labelText(*m_form, u"recordTitle"_s).isEmpty() || !m_form->editor(u"title"_s)->isVisible());
}

// On a real server: somebody else changes the record while the user types in the form.
// Other fields follow at once; the field being typed in keeps what is typed, says it
// changed meanwhile, and saving it opens a conflict rather than overwriting.
void TestRecordForm::followsLiveChangesWhileTyping()
{
    TestServer server(QStringList{u"--demo"_s});
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    Client a(server.url(), server.token());
    Client b(server.url(), server.token());
    LOAD(a);
    LOAD(b);
    RecordForm form(&a.model);
    form.show();
    QVERIFY(QTest::qWaitForWindowActive(&form));
    const QString id = a.model.idAt(2);
    form.setRecordId(id);
    replaceText(form, u"title"_s, u"Typed here"_s);

    QVERIFY(b.engine.setField(u"tasks"_s, id, u"owner"_s, u"Zoé"_s));
    QTRY_COMPARE(form.editor(u"owner"_s)->value(), QJsonValue(u"Zoé"_s));
    QCOMPARE(form.editor(u"title"_s)->value(), QJsonValue(u"Typed here"_s));
    QVERIFY(form.note(u"title"_s).isEmpty());

    QVERIFY(b.engine.setField(u"tasks"_s, id, u"title"_s, u"Theirs"_s));
    QTRY_VERIFY(form.note(u"title"_s).contains(u"Theirs"_s));
    QCOMPARE(form.editor(u"title"_s)->value(), QJsonValue(u"Typed here"_s));

    QSignalSpy resolve(&form, &RecordForm::resolveRequested);
    QVERIFY(form.commit()); // the edit is taken, as a conflict
    QVERIFY(a.engine.conflict(u"tasks"_s, id).has_value());
    QCOMPARE(a.engine.conflict(u"tasks"_s, id)->mine.value(u"title"_s).toString(), u"Typed here"_s);
    QCOMPARE(a.engine.conflict(u"tasks"_s, id)->theirs.value(u"title"_s).toString(), u"Theirs"_s);
    auto *resolveButton = form.findChild<QPushButton *>();
    QVERIFY(resolveButton && resolveButton->isVisible());
    QVERIFY(!form.editor(u"title"_s)->isEnabled()); // decide first
    QTest::mouseClick(resolveButton, Qt::LeftButton);
    QCOMPARE(resolve.size(), 1);
    QCOMPARE(resolve.first().at(1).toString(), id);
}

QTEST_MAIN(TestRecordForm)
#include "tst_recordform.moc"
