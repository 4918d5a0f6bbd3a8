#include "conflictdialog.h"
#include "syncengine.h" // Q_DECLARE_METATYPE(Etagere::Conflict)

#include <QDialogButtonBox>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStyle>
#include <QTest>

using namespace Etagere;
using namespace Qt::StringLiterals;

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
        {u"done"_s, FieldType::Boolean, u"Done"_s, false, {}},
    };
    return schema;
}

const QJsonObject Base{{u"title"_s, u"Write report"_s}, {u"priority"_s, u"low"_s}, {u"estimate"_s, 2}, {u"done"_s, false}};

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

/// Where a user clicks a radio button: on its round indicator (the widget is wider than
/// its clickable part, which ends with its text).
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

} // namespace

class TestConflictDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decide_data();
    void decide();
    void cancelLeavesResolvedUntouched_data();
    void cancelLeavesResolvedUntouched();
    void showsWhoChangedTheirs();

private:
    void addShapes();
};

void TestConflictDialog::addShapes()
{
    QTest::addColumn<Conflict>("conflict");
    QTest::addColumn<QStringList>("marked");
    QTest::addColumn<QStringList>("theirsByDefault");
    QTest::addColumn<QStringList>("clicks");
    QTest::addColumn<QString>("button");
    QTest::addColumn<ConflictDialog::Outcome>("outcome");
    QTest::addColumn<QJsonObject>("resolved");

    const QJsonObject mineTitle = with(Base, u"title"_s, u"Write the report"_s);
    const QJsonObject theirsTitle = with(Base, u"title"_s, u"Write report today"_s);
    QTest::newRow("one field both sides, keep mine")
        << makeConflict(mineTitle, theirsTitle, {u"title"_s}) << QStringList{u"title"_s} << QStringList()
        << QStringList() << u"Save"_s << ConflictDialog::Outcome::Write << mineTitle;
    QTest::newRow("one field both sides, take theirs")
        << makeConflict(mineTitle, theirsTitle, {u"title"_s}) << QStringList{u"title"_s} << QStringList()
        << QStringList{u"theirs:title"_s} << u"Save"_s << ConflictDialog::Outcome::Write << theirsTitle;
    QTest::newRow("one field both sides, back and forth")
        << makeConflict(mineTitle, theirsTitle, {u"title"_s}) << QStringList{u"title"_s} << QStringList()
        << QStringList{u"theirs:title"_s, u"mine:title"_s} << u"Save"_s << ConflictDialog::Outcome::Write
        << mineTitle;

    // Mine changed the title, theirs the priority, both the estimate (differently).
    const QJsonObject mine = with(with(Base, u"title"_s, u"Report v2"_s), u"estimate"_s, 3);
    const QJsonObject theirs = with(with(Base, u"priority"_s, u"high"_s), u"estimate"_s, 5);
    const QStringList marked{u"title"_s, u"priority"_s, u"estimate"_s};
    QTest::newRow("different fields, defaults")
        << makeConflict(mine, theirs, {u"estimate"_s}) << marked << QStringList{u"priority"_s} << QStringList()
        << u"Save"_s << ConflictDialog::Outcome::Write
        << with(with(with(Base, u"title"_s, u"Report v2"_s), u"priority"_s, u"high"_s), u"estimate"_s, 3);
    QTest::newRow("different fields, all theirs")
        << makeConflict(mine, theirs, {u"estimate"_s}) << marked << QStringList{u"priority"_s}
        << QStringList{u"theirs:title"_s, u"theirs:estimate"_s} << u"Save"_s << ConflictDialog::Outcome::Write
        << theirs;
    QTest::newRow("different fields, all mine")
        << makeConflict(mine, theirs, {u"estimate"_s}) << marked << QStringList{u"priority"_s}
        << QStringList{u"mine:priority"_s} << u"Save"_s << ConflictDialog::Outcome::Write << mine;

    // A field one side set to null and the other changed: null is kept as a value.
    const QJsonObject mineNull = with(Base, u"estimate"_s, QJsonValue::Null);
    const QJsonObject theirsSeven = with(Base, u"estimate"_s, 7);
    QTest::newRow("null against a value")
        << makeConflict(mineNull, theirsSeven, {u"estimate"_s}) << QStringList{u"estimate"_s} << QStringList()
        << QStringList() << u"Save"_s << ConflictDialog::Outcome::Write << mineNull;

    Conflict theyDeleted = makeConflict(with(Base, u"done"_s, true), {}, {});
    theyDeleted.hasTheirs = false;
    theyDeleted.theirsEtag.clear();
    QTest::newRow("edit vs delete, restore") << theyDeleted << QStringList{u"done"_s} << QStringList() << QStringList()
                                              << u"Restore with My Values"_s << ConflictDialog::Outcome::Write
                                              << with(Base, u"done"_s, true);
    QTest::newRow("edit vs delete, accept deletion")
        << theyDeleted << QStringList{u"done"_s} << QStringList() << QStringList() << u"Accept Deletion"_s
        << ConflictDialog::Outcome::Delete << QJsonObject();

    Conflict iDeleted = makeConflict({}, with(Base, u"priority"_s, u"normal"_s), {});
    iDeleted.hasMine = false;
    QTest::newRow("delete vs edit, keep theirs")
        << iDeleted << QStringList{u"priority"_s} << QStringList() << QStringList() << u"Keep Their Version"_s
        << ConflictDialog::Outcome::Write << with(Base, u"priority"_s, u"normal"_s);
    QTest::newRow("delete vs edit, delete anyway") << iDeleted << QStringList{u"priority"_s} << QStringList()
                                                   << QStringList() << u"Delete Anyway"_s
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
    QFETCH(QStringList, theirsByDefault);
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
        auto *label = dialog.findChild<QLabel *>(u"field:"_s + field.name);
        QVERIFY2(label, qPrintable(field.name));
        QCOMPARE(label->font().bold(), marked.contains(field.name));
        auto *mineButton = dialog.findChild<QRadioButton *>(u"mine:"_s + field.name);
        auto *theirsButton = dialog.findChild<QRadioButton *>(u"theirs:"_s + field.name);
        const bool hasChoice = conflict.hasMine && conflict.hasTheirs && marked.contains(field.name);
        QCOMPARE(mineButton != nullptr, hasChoice);
        QCOMPARE(theirsButton != nullptr, hasChoice);
        if (!hasChoice)
            continue;
        const bool theirs = theirsByDefault.contains(field.name);
        QCOMPARE(theirsButton->isChecked(), theirs);
        QCOMPARE(mineButton->isChecked(), !theirs);
        QCOMPARE(dialog.choice(field.name), theirs ? ConflictDialog::Side::Theirs : ConflictDialog::Side::Mine);
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
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.outcome(), outcome);
    QCOMPARE(dialog.resolved(), resolved);
    if (outcome == ConflictDialog::Outcome::Write)
        QVERIFY(schema.validate(dialog.resolved()).isValid());
}

void TestConflictDialog::cancelLeavesResolvedUntouched_data()
{
    addShapes();
}

void TestConflictDialog::cancelLeavesResolvedUntouched()
{
    QFETCH(Conflict, conflict);
    QFETCH(QStringList, clicks);

    ConflictDialog dialog(conflict, tasksSchema());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    for (const QString &name : std::as_const(clicks)) {
        auto *radio = dialog.findChild<QRadioButton *>(name);
        QVERIFY2(radio, qPrintable(name));
        QTest::mouseClick(radio, Qt::LeftButton, {}, indicator(radio));
        QVERIFY(radio->isChecked());
    }

    QSignalSpy rejected(&dialog, &QDialog::rejected);
    QTest::mouseClick(buttonWithText(dialog, u"Cancel"_s), Qt::LeftButton);
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(dialog.outcome(), ConflictDialog::Outcome::None);
    QVERIFY(dialog.resolved().isEmpty());
    QCOMPARE(dialog.conflict(), conflict); // the conflict itself is kept as it was
}

void TestConflictDialog::showsWhoChangedTheirs()
{
    const Conflict conflict = makeConflict(with(Base, u"title"_s, u"A"_s), with(Base, u"title"_s, u"B"_s),
                                           {u"title"_s});
    ConflictDialog dialog(conflict, tasksSchema());
    auto *header = dialog.findChild<QLabel *>(u"theirsHeader"_s);
    QVERIFY(header);
    QVERIFY2(header->text().contains(u"bruno"_s), qPrintable(header->text()));
}

QTEST_MAIN(TestConflictDialog)
#include "tst_conflictdialog.moc"
