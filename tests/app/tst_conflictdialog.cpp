#include "conflictdialog.h"
#include "fieldeditor.h"
#include "syncengine.h" // Q_DECLARE_METATYPE(Etagere::Conflict)

#include <QComboBox>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStyle>
#include <QTest>

using namespace Etagere;
using namespace Qt::StringLiterals;

using Side = ConflictDialog::Side;
using Choices = QMap<QString, ConflictDialog::Side>;

namespace {

CollectionSchema tasksSchema()
{
    CollectionSchema schema;
    schema.name = u"tasks"_s;
    schema.title = u"Tasks"_s;
    schema.fields = {
        {u"title"_s, FieldType::String, u"Title"_s, true, {}},
        {u"notes"_s, FieldType::Text, u"Notes"_s, false, {}},
        {u"priority"_s, FieldType::Enum, u"Priority"_s, false, {u"low"_s, u"normal"_s, u"high"_s}},
        {u"estimate"_s, FieldType::Number, u"Estimate"_s, false, {}},
        {u"points"_s, FieldType::Integer, u"Points"_s, false, {}},
        {u"done"_s, FieldType::Boolean, u"Done"_s, false, {}},
    };
    return schema;
}

const QJsonObject Base{{u"title"_s, u"Write report"_s}, {u"priority"_s, u"low"_s}, {u"estimate"_s, 2},
                       {u"points"_s, 3}, {u"done"_s, false}};

QJsonObject with(QJsonObject data, const QString &field, const QJsonValue &value)
{
    data.insert(field, value);
    return data;
}

Conflict makeConflict(const QJsonObject &mine, const QJsonObject &theirs, const QStringList &conflicting)
{
    Conflict conflict;
    conflict.collection = u"tasks"_s;
    conflict.id = u"r1"_s;
    conflict.base = Base;
    conflict.mine = mine;
    conflict.theirs = theirs;
    conflict.theirsEtag = u"\"e7\""_s;
    conflict.theirsAuthor = u"bruno"_s;
    conflict.conflictingFields = conflicting;
    return conflict;
}

/// Mine changed the title, theirs the priority, both the estimate (differently).
Conflict mixedConflict()
{
    const QJsonObject mine = with(with(Base, u"title"_s, u"Report v2"_s), u"estimate"_s, 3);
    const QJsonObject theirs = with(with(Base, u"priority"_s, u"high"_s), u"estimate"_s, 5);
    return makeConflict(mine, theirs, {u"estimate"_s});
}

Conflict theyDeleted()
{
    Conflict conflict = makeConflict(with(Base, u"done"_s, true), {}, {});
    conflict.hasTheirs = false;
    conflict.theirsEtag.clear();
    return conflict;
}

Conflict iDeleted()
{
    Conflict conflict = makeConflict({}, with(Base, u"priority"_s, u"normal"_s), {});
    conflict.hasMine = false;
    return conflict;
}

/// Where a user clicks a radio button: on its round indicator.
QPoint indicator(const QRadioButton *radio)
{
    return QPoint(radio->style()->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth) / 2 + 1, radio->height() / 2);
}

QPushButton *buttonWithText(const QDialog &dialog, const QString &text)
{
    const auto buttons = dialog.findChild<QDialogButtonBox *>()->buttons();
    for (QAbstractButton *button : buttons) {
        if (button->text().remove(u'&') == text)
            return qobject_cast<QPushButton *>(button);
    }
    return nullptr;
}

/// Types `text` into the result editor of `field`, replacing what it held, as a user would.
void typeInto(ConflictDialog &dialog, const QString &field, const QString &text)
{
    auto *line = dialog.findChild<FieldEditor *>(u"result:"_s + field)->findChild<QLineEdit *>();
    QVERIFY(line);
    line->setFocus();
    line->selectAll();
    QTest::keyClick(line, Qt::Key_Backspace);
    QTest::keyClicks(line, text);
}

} // namespace

class TestConflictDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decide_data();
    void decide();
    void cancelKeepsTheConflict_data();
    void cancelKeepsTheConflict();
    void showsThreeColumnsAndMarks();
    void typedValue_data();
    void typedValue();
    void typedEnumThroughTheCombo();
    void keyboardTabsRowByRowAndSaves();
    void keyboardArrowsAndMnemonics();
    void deletedSideIsShown_data();
    void deletedSideIsShown();

private:
    void addShapes();
};

void TestConflictDialog::addShapes()
{
    QTest::addColumn<Conflict>("conflict");
    QTest::addColumn<QStringList>("marked");
    QTest::addColumn<Choices>("defaults");
    QTest::addColumn<QStringList>("clicks");
    QTest::addColumn<QString>("button");
    QTest::addColumn<ConflictDialog::Outcome>("outcome");
    QTest::addColumn<QJsonObject>("resolved");

    const QJsonObject mineTitle = with(Base, u"title"_s, u"Write the report"_s);
    const QJsonObject theirsTitle = with(Base, u"title"_s, u"Write report today"_s);
    const Conflict titleClash = makeConflict(mineTitle, theirsTitle, {u"title"_s});
    const Choices mineTitleDefault{{u"title"_s, Side::Mine}};
    QTest::newRow("one field both sides, keep mine")
        << titleClash << QStringList{u"title"_s} << mineTitleDefault << QStringList() << u"Save"_s
        << ConflictDialog::Outcome::Write << mineTitle;
    QTest::newRow("one field both sides, take theirs")
        << titleClash << QStringList{u"title"_s} << mineTitleDefault << QStringList{u"theirs:title"_s} << u"Save"_s
        << ConflictDialog::Outcome::Write << theirsTitle;
    QTest::newRow("one field both sides, back to base")
        << titleClash << QStringList{u"title"_s} << mineTitleDefault << QStringList{u"base:title"_s} << u"Save"_s
        << ConflictDialog::Outcome::Write << Base;
    QTest::newRow("one field both sides, back and forth")
        << titleClash << QStringList{u"title"_s} << mineTitleDefault
        << QStringList{u"theirs:title"_s, u"base:title"_s, u"mine:title"_s} << u"Save"_s
        << ConflictDialog::Outcome::Write << mineTitle;

    const Conflict mixed = mixedConflict();
    const QStringList marked{u"title"_s, u"priority"_s, u"estimate"_s};
    const Choices mixedDefaults{{u"title"_s, Side::Mine}, {u"priority"_s, Side::Theirs}, {u"estimate"_s, Side::Mine}};
    QTest::newRow("different fields, the automatic merge")
        << mixed << marked << mixedDefaults << QStringList() << u"Save"_s << ConflictDialog::Outcome::Write
        << with(with(with(Base, u"title"_s, u"Report v2"_s), u"priority"_s, u"high"_s), u"estimate"_s, 3);
    QTest::newRow("different fields, all theirs")
        << mixed << marked << mixedDefaults << QStringList{u"theirs:title"_s, u"theirs:estimate"_s} << u"Save"_s
        << ConflictDialog::Outcome::Write << mixed.theirs;
    QTest::newRow("different fields, all mine")
        << mixed << marked << mixedDefaults << QStringList{u"mine:priority"_s} << u"Save"_s
        << ConflictDialog::Outcome::Write << mixed.mine;
    QTest::newRow("different fields, use all theirs button")
        << mixed << marked << mixedDefaults << QStringList() << u"Use All Theirs"_s << ConflictDialog::Outcome::None
        << QJsonObject();

    const QJsonObject mineNull = with(Base, u"estimate"_s, QJsonValue::Null);
    QTest::newRow("null against a value")
        << makeConflict(mineNull, with(Base, u"estimate"_s, 7), {u"estimate"_s}) << QStringList{u"estimate"_s}
        << Choices{{u"estimate"_s, Side::Mine}} << QStringList() << u"Save"_s << ConflictDialog::Outcome::Write
        << mineNull;

    QTest::newRow("edit vs delete, restore")
        << theyDeleted() << QStringList{u"done"_s} << Choices() << QStringList() << u"Restore with My Values"_s
        << ConflictDialog::Outcome::Write << with(Base, u"done"_s, true);
    QTest::newRow("edit vs delete, accept deletion")
        << theyDeleted() << QStringList{u"done"_s} << Choices() << QStringList() << u"Accept the Deletion"_s
        << ConflictDialog::Outcome::Delete << QJsonObject();
    QTest::newRow("delete vs edit, keep theirs")
        << iDeleted() << QStringList{u"priority"_s} << Choices() << QStringList() << u"Keep Their Version"_s
        << ConflictDialog::Outcome::Write << with(Base, u"priority"_s, u"normal"_s);
    QTest::newRow("delete vs edit, delete anyway")
        << iDeleted() << QStringList{u"priority"_s} << Choices() << QStringList() << u"Delete Anyway"_s
        << ConflictDialog::Outcome::Delete << QJsonObject();
}

void TestConflictDialog::decide_data()
{
    addShapes();
}

void TestConflictDialog::decide()
{
    QFETCH(Conflict, conflict);
    QFETCH(QStringList, marked);
    QFETCH(Choices, defaults);
    QFETCH(QStringList, clicks);
    QFETCH(QString, button);
    QFETCH(ConflictDialog::Outcome, outcome);
    QFETCH(QJsonObject, resolved);

    ConflictDialog dialog(conflict, tasksSchema());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.markedFields(), marked);
    const CollectionSchema schema = tasksSchema();
    for (const FieldSchema &field : schema.fields) {
        QVERIFY2(dialog.findChild<QLabel *>(u"field:"_s + field.name), qPrintable(field.name));
        const bool hasChoice = defaults.contains(field.name);
        for (const QString &side : {u"base:"_s, u"mine:"_s, u"theirs:"_s})
            QCOMPARE(dialog.findChild<QRadioButton *>(side + field.name) != nullptr, hasChoice);
        if (!hasChoice)
            continue;
        QCOMPARE(dialog.choice(field.name), defaults.value(field.name));
        const QJsonObject &side = defaults.value(field.name) == Side::Theirs ? conflict.theirs : conflict.mine;
        QCOMPARE(dialog.resultValue(field.name), side.value(field.name).isUndefined() ? QJsonValue()
                                                                                        : side.value(field.name));
    }

    for (const QString &name : std::as_const(clicks)) {
        auto *radio = dialog.findChild<QRadioButton *>(name);
        QVERIFY2(radio, qPrintable(name));
        QTest::mouseClick(radio, Qt::LeftButton, {}, indicator(radio));
        QVERIFY(radio->isChecked());
    }
    QCOMPARE(dialog.outcome(), ConflictDialog::Outcome::None);
    QVERIFY(dialog.resolved().isEmpty());

    QPushButton *target = buttonWithText(dialog, button);
    QVERIFY2(target, qPrintable(button));
    QTest::mouseClick(target, Qt::LeftButton);
    QCOMPARE(dialog.outcome(), outcome);
    QCOMPARE(dialog.resolved(), resolved);
    if (outcome == ConflictDialog::Outcome::None) { // an action button: the dialog stays open
        QVERIFY(dialog.isVisible());
        for (const QString &field : std::as_const(marked))
            QCOMPARE(dialog.choice(field), Side::Theirs);
        return;
    }
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    if (outcome == ConflictDialog::Outcome::Write)
        QVERIFY(schema.validate(dialog.resolved()).isValid());
}

void TestConflictDialog::cancelKeepsTheConflict_data()
{
    addShapes();
}

void TestConflictDialog::cancelKeepsTheConflict()
{
    QFETCH(Conflict, conflict);
    QFETCH(QStringList, clicks);

    ConflictDialog dialog(conflict, tasksSchema());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    for (const QString &name : std::as_const(clicks)) {
        auto *radio = dialog.findChild<QRadioButton *>(name);
        QTest::mouseClick(radio, Qt::LeftButton, {}, indicator(radio));
    }
    QSignalSpy rejected(&dialog, &QDialog::rejected);
    QTest::keyClick(dialog.focusWidget() ? dialog.focusWidget() : &dialog, Qt::Key_Escape);
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(dialog.outcome(), ConflictDialog::Outcome::None);
    QVERIFY(dialog.resolved().isEmpty());
    QCOMPARE(dialog.conflict(), conflict); // the conflict itself is kept as it was
}

void TestConflictDialog::showsThreeColumnsAndMarks()
{
    ConflictDialog dialog(mixedConflict(), tasksSchema());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.findChild<QLabel *>(u"theirsHeader"_s)->text().contains(u"bruno"_s));
    QCOMPARE(dialog.conflictingFields(), QStringList{u"estimate"_s});
    // Values per column, in the locale's format.
    QCOMPARE(dialog.findChild<QRadioButton *>(u"base:title"_s)->text(), u"Write report"_s);
    QCOMPARE(dialog.findChild<QRadioButton *>(u"mine:title"_s)->text(), u"Report v2"_s);
    QCOMPARE(dialog.findChild<QRadioButton *>(u"theirs:priority"_s)->text(), u"high"_s);
    QCOMPARE(dialog.findChild<QRadioButton *>(u"theirs:estimate"_s)->text(), u"5"_s);
    // Marked in words, not only by colour or icon.
    QVERIFY(dialog.findChild<QLabel *>(u"field:estimate"_s)->text().contains(u"Conflict"_s));
    QVERIFY(dialog.findChild<QLabel *>(u"field:title"_s)->text().contains(u"your change"_s));
    QVERIFY(dialog.findChild<QLabel *>(u"field:priority"_s)->text().contains(u"bruno"_s));
    QVERIFY(!dialog.findChild<QLabel *>(u"field:done"_s)->text().contains(u"<br>"_s)); // unchanged: no mark
    // The three columns line up: every radio of a column starts at the same x.
    for (const QString &side : {u"base:"_s, u"mine:"_s, u"theirs:"_s}) {
        const int x = dialog.findChild<QRadioButton *>(side + u"title"_s)->x();
        QCOMPARE(dialog.findChild<QRadioButton *>(side + u"estimate"_s)->x(), x);
    }
    QVERIFY(dialog.findChild<QRadioButton *>(u"base:title"_s)->x()
            < dialog.findChild<QRadioButton *>(u"mine:title"_s)->x());
    QVERIFY(dialog.findChild<QRadioButton *>(u"mine:title"_s)->x()
            < dialog.findChild<QRadioButton *>(u"theirs:title"_s)->x());
}

void TestConflictDialog::typedValue_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QJsonValue>("written");

    QTest::newRow("number") << u"estimate"_s << u"4.5"_s << true << QJsonValue(4.5);
    QTest::newRow("number emptied is null") << u"estimate"_s << QString() << true << QJsonValue(QJsonValue::Null);
    QTest::newRow("number as words") << u"estimate"_s << u"four"_s << false << QJsonValue();
    QTest::newRow("integer") << u"points"_s << u"8"_s << true << QJsonValue(8);
    QTest::newRow("integer with a fraction") << u"points"_s << u"8.5"_s << false << QJsonValue();
    QTest::newRow("string") << u"title"_s << u"Merged by hand"_s << true << QJsonValue(u"Merged by hand"_s);
    QTest::newRow("integer beyond 2^53") << u"points"_s << u"9007199254740993"_s << false << QJsonValue();
}

void TestConflictDialog::typedValue()
{
    QFETCH(QString, field);
    QFETCH(QString, typed);
    QFETCH(bool, valid);
    QFETCH(QJsonValue, written);

    QJsonObject mine = with(with(with(Base, u"title"_s, u"Mine"_s), u"estimate"_s, 3), u"points"_s, 4);
    QJsonObject theirs = with(with(with(Base, u"title"_s, u"Theirs"_s), u"estimate"_s, 5), u"points"_s, 6);
    ConflictDialog dialog(makeConflict(mine, theirs, {u"title"_s, u"estimate"_s, u"points"_s}), tasksSchema());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.canSave());
    typeInto(dialog, field, typed);

    auto *error = dialog.findChild<QLabel *>(u"error:"_s + field);
    QCOMPARE(dialog.canSave(), valid);
    QCOMPARE(buttonWithText(dialog, u"Save"_s)->isEnabled(), valid);
    QCOMPARE(error->isVisible(), !valid);
    QCOMPARE(dialog.fieldError(field).isEmpty(), valid);
    if (!valid) {
        QVERIFY2(error->text().contains(dialog.fieldError(field)), qPrintable(error->text()));
        QTest::keyClick(dialog.focusWidget(), Qt::Key_Return); // Enter does not save what is invalid
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.outcome(), ConflictDialog::Outcome::None);
        typeInto(dialog, field, u"7"_s); // corrected: valid again, the error goes
        QVERIFY(dialog.canSave());
        QVERIFY(!error->isVisible());
        return;
    }
    QCOMPARE(dialog.choice(field), Side::Custom); // no radio is checked any more
    for (const QString &side : {u"base:"_s, u"mine:"_s, u"theirs:"_s})
        QVERIFY(!dialog.findChild<QRadioButton *>(side + field)->isChecked());
    QTest::keyClick(dialog.focusWidget(), Qt::Key_Return); // Enter saves
    QCOMPARE(dialog.outcome(), ConflictDialog::Outcome::Write);
    QCOMPARE(dialog.resolved().value(field), written);
    QVERIFY(tasksSchema().validate(dialog.resolved()).isValid());

}

void TestConflictDialog::typedEnumThroughTheCombo()
{
    const Conflict conflict = makeConflict(with(Base, u"priority"_s, u"normal"_s), with(Base, u"priority"_s, u"high"_s),
                                           {u"priority"_s});
    ConflictDialog dialog(conflict, tasksSchema());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *combo = dialog.findChild<FieldEditor *>(u"result:priority"_s)->findChild<QComboBox *>();
    QVERIFY(combo); // an enum gets a combo box with the schema's values
    QCOMPARE(combo->currentText(), u"normal"_s);
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Up); // normal -> low: a value neither side has
    QCOMPARE(dialog.resultValue(u"priority"_s), QJsonValue(u"low"_s));
    QCOMPARE(dialog.choice(u"priority"_s), Side::Custom); // chosen in the editor, not by a radio
    QTest::keyClick(combo, Qt::Key_Return);
    QCOMPARE(dialog.resolved().value("priority"_L1), QJsonValue(u"low"_s));
}

void TestConflictDialog::keyboardTabsRowByRowAndSaves()
{
    ConflictDialog dialog(mixedConflict(), tasksSchema());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QStringList visited;
    for (int i = 0; i < 14; ++i) {
        QWidget *focus = QApplication::focusWidget();
        QVERIFY(focus);
        QWidget *named = focus->objectName().isEmpty() && focus->parentWidget() ? focus->parentWidget() : focus;
        const auto *button = qobject_cast<QAbstractButton *>(focus);
        visited << (!named->objectName().isEmpty() ? named->objectName()
                    : button                       ? button->text().remove(u'&')
                                                   : QString::fromLatin1(focus->metaObject()->className()));
        QTest::keyClick(focus, Qt::Key_Tab);
    }
    // The first field to decide has focus; each row is one stop on its chosen side (the
    // arrows move along the row) and one in its result editor; then the buttons, then round.
    const QStringList rows{u"mine:title"_s, u"result:title"_s, u"theirs:priority"_s, u"result:priority"_s,
                           u"mine:estimate"_s, u"result:estimate"_s};
    QVERIFY2(visited.mid(0, 6) == rows, qPrintable(visited.join(u' ')));
    QStringList buttons = visited.mid(6, 4);
    buttons.sort();
    QCOMPARE(buttons, (QStringList{u"Cancel"_s, u"Save"_s, u"Use All Mine"_s, u"Use All Theirs"_s}));
    QCOMPARE(visited.mid(10, 4), rows.mid(0, 4));
    // Backtab walks back (from the estimate's choice, where the 14th Tab went).
    QCOMPARE(QApplication::focusWidget()->objectName(), u"mine:estimate"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
    QVERIFY2(QApplication::focusWidget()->parentWidget()->objectName() == u"result:priority"_s, QApplication::focusWidget()->metaObject()->className() + QByteArray(" ") + QApplication::focusWidget()->objectName().toLatin1());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
    QCOMPARE(QApplication::focusWidget()->objectName(), u"theirs:priority"_s);
    QVERIFY(!dialog.isHidden());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return); // Enter saves from anywhere but a button
    QCOMPARE(dialog.outcome(), ConflictDialog::Outcome::Write);
    QCOMPARE(dialog.resolved().value("estimate"_L1), QJsonValue(3));
}

void TestConflictDialog::keyboardArrowsAndMnemonics()
{
    ConflictDialog dialog(mixedConflict(), tasksSchema());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto *mine = dialog.findChild<QRadioButton *>(u"mine:estimate"_s);
    mine->setFocus();
    QTest::keyClick(mine, Qt::Key_Right); // arrows move along the row and choose
    QCOMPARE(dialog.choice(u"estimate"_s), Side::Theirs);
    QCOMPARE(dialog.resultValue(u"estimate"_s), QJsonValue(5));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Left);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Left);
    QCOMPARE(dialog.choice(u"estimate"_s), Side::Base);
    QCOMPARE(dialog.resultValue(u"estimate"_s), QJsonValue(2));

    // A mnemonic animates the button's click: it lands a moment later.
    QTest::keyClick(&dialog, Qt::Key_T, Qt::AltModifier); // Use All &Theirs
    QTRY_COMPARE(dialog.choice(u"title"_s), Side::Theirs);
    for (const QString &field : dialog.markedFields())
        QCOMPARE(dialog.choice(field), Side::Theirs);
    QTest::keyClick(&dialog, Qt::Key_M, Qt::AltModifier); // Use All &Mine
    QTRY_COMPARE(dialog.choice(u"title"_s), Side::Mine);
    for (const QString &field : dialog.markedFields())
        QCOMPARE(dialog.choice(field), Side::Mine);
    QTest::keyClick(&dialog, Qt::Key_S, Qt::AltModifier); // &Save
    QTRY_COMPARE(dialog.outcome(), ConflictDialog::Outcome::Write);
    QCOMPARE(dialog.resolved(), mixedConflict().mine);
}

void TestConflictDialog::deletedSideIsShown_data()
{
    QTest::addColumn<Conflict>("conflict");
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("introPart");
    QTest::addColumn<int>("mnemonic");
    QTest::addColumn<ConflictDialog::Outcome>("outcome");
    QTest::newRow("they deleted: restore with Enter") << theyDeleted() << u"deleted by bruno"_s
                                                      << u"bruno deleted “Write report” from Tasks"_s << 0
                                                      << ConflictDialog::Outcome::Write;
    QTest::newRow("they deleted: Alt+A accepts") << theyDeleted() << u"deleted by bruno"_s << u"accept the deletion"_s
                                                 << int(Qt::Key_A) << ConflictDialog::Outcome::Delete;
    QTest::newRow("I deleted: keep theirs with Enter") << iDeleted() << u"Theirs (bruno)"_s
                                                       << u"but bruno changed it"_s << 0
                                                       << ConflictDialog::Outcome::Write;
    QTest::newRow("I deleted: Alt+D deletes anyway") << iDeleted() << u"Theirs (bruno)"_s << u"You deleted"_s
                                                     << int(Qt::Key_D) << ConflictDialog::Outcome::Delete;
}

void TestConflictDialog::deletedSideIsShown()
{
    QFETCH(Conflict, conflict);
    QFETCH(QString, header);
    QFETCH(QString, introPart);
    QFETCH(int, mnemonic);
    QFETCH(ConflictDialog::Outcome, outcome);

    ConflictDialog dialog(conflict, tasksSchema());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QVERIFY2(dialog.findChild<QLabel *>(u"theirsHeader"_s)->text().contains(header),
             qPrintable(dialog.findChild<QLabel *>(u"theirsHeader"_s)->text()));
    QVERIFY2(dialog.findChild<QLabel *>(u"intro"_s)->text().contains(introPart),
             qPrintable(dialog.findChild<QLabel *>(u"intro"_s)->text()));
    const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
    const auto deleted = std::count_if(labels.cbegin(), labels.cend(),
                                       [](const QLabel *label) { return label->text() == u"— deleted —"_s; });
    QCOMPARE(deleted, tasksSchema().fields.size()); // the deleted side's column, every row
    QVERIFY(dialog.findChildren<QRadioButton *>().isEmpty()); // a whole choice, not per field
    if (mnemonic)
        QTest::keyClick(&dialog, Qt::Key(mnemonic), Qt::AltModifier);
    else
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : &dialog, Qt::Key_Return);
    QTRY_COMPARE(dialog.outcome(), outcome); // a mnemonic animates the click: it lands a moment later
    QCOMPARE(dialog.resolved(),
             outcome == ConflictDialog::Outcome::Delete ? QJsonObject()
                                                        : (conflict.hasMine ? conflict.mine : conflict.theirs));
}

QTEST_MAIN(TestConflictDialog)
#include "tst_conflictdialog.moc"
