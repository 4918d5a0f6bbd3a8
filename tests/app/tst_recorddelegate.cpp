#include "personcolor.h"
#include "recorddelegate.h"
#include "recordtablemodel.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMetaProperty>
#include <QPainter>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>
#include <QTimeZone>
#include <QToolTip>

using namespace Etagere;
using namespace Qt::StringLiterals;

namespace {

/// Exposes the protected initStyleOption() to check how cells are painted.
class InspectableDelegate : public RecordDelegate
{
public:
    using RecordDelegate::initStyleOption;
};

/// A one-cell fixture that carries the roles the delegate reads, as RecordTableModel does.
/// (A QStandardItemModel is fine here: it is the test's stand-in, not a product store.)
void setUpCell(QStandardItemModel *model, FieldType type, bool required, const QStringList &values,
               const QVariant &value)
{
    model->clear();
    auto *item = new QStandardItem;
    item->setData(value, Qt::EditRole);
    item->setData(QVariant::fromValue(type), RecordTableModel::FieldTypeRole);
    item->setData(required, RecordTableModel::FieldRequiredRole);
    item->setData(values, RecordTableModel::FieldValuesRole);
    model->appendRow(item);
}

/// The FieldEdit the delegate last wrote to `cell` (RecordTableModel::FieldEditRole).
FieldEdit writtenEdit(const QModelIndex &cell)
{
    return cell.data(RecordTableModel::FieldEditRole).value<FieldEdit>();
}

const QStringList Priorities{u"low"_s, u"normal"_s, u"high"_s};

constexpr auto Viewing = Presence::State::Viewing;
constexpr auto Editing = Presence::State::Editing;

/// A one-row model of a string field whose record `r1` has `presence`.
void setUpPresence(QStandardItemModel *model, const PresenceList &presence)
{
    setUpCell(model, FieldType::String, true, {}, u"Buy milk"_s);
    model->setData(model->index(0, 0), u"r1"_s, RecordTableModel::RecordIdRole);
    model->setData(model->index(0, 0), QVariant::fromValue(presence), RecordTableModel::PresenceRole);
}

QLabel *hintIn(const QWidget &parent)
{
    return parent.findChild<QLabel *>(u"presenceHint"_s);
}

} // namespace

class TestRecordDelegate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editors_data();
    void editors();
    void remoteChangeKeepsTyping_data();
    void remoteChangeKeepsTyping();
    void integerValidator_data();
    void integerValidator();
    void styleOption_data();
    void styleOption();
    void remoteChangeInAuthorsColour_data();
    void remoteChangeInAuthorsColour();
    void presenceArea_data();
    void presenceArea();
    void presenceIsPainted_data();
    void presenceIsPainted();
    void presenceToolTip();
    void editorWarnsWhoElseEdits_data();
    void editorWarnsWhoElseEdits();
    void editorSaysWhenItOpensAndCloses();
};

void TestRecordDelegate::editors_data()
{
    QTest::addColumn<int>("typeNumber"); // a FieldType
    QTest::addColumn<bool>("required");
    QTest::addColumn<QVariant>("modelValue");
    QTest::addColumn<QByteArray>("editorClass");
    QTest::addColumn<QVariant>("input");    // written to the editor's user property
    QTest::addColumn<QVariant>("expected"); // what setModelData then stores

    const QVariant null;
    QTest::newRow("string") << int(FieldType::String) << true << QVariant(u"Draft"_s) << "QLineEdit"_ba
                            << QVariant(u"Final draft"_s) << QVariant(u"Final draft"_s);
    QTest::newRow("string emptied, required") << int(FieldType::String) << true << QVariant(u"Draft"_s) << "QLineEdit"_ba
                                              << QVariant(QString()) << QVariant(QString());
    QTest::newRow("string emptied, optional")
        << int(FieldType::String) << false << QVariant(u"Draft"_s) << "QLineEdit"_ba << QVariant(QString()) << null;
    QTest::newRow("text") << int(FieldType::Text) << false << QVariant(u"one"_s) << "QPlainTextEdit"_ba
                          << QVariant(u"one\ntwo\nthree"_s) << QVariant(u"one\ntwo\nthree"_s);
    QTest::newRow("integer beyond 2^53") << int(FieldType::Integer) << true << QVariant(qint64(1)) << "QLineEdit"_ba
                                         << QVariant(u"9007199254740993"_s) << QVariant(qint64(9007199254740993));
    QTest::newRow("integer max") << int(FieldType::Integer) << true << QVariant(qint64(-5)) << "QLineEdit"_ba
                                 << QVariant(u"9223372036854775807"_s)
                                 << QVariant(std::numeric_limits<qint64>::max());
    QTest::newRow("integer min") << int(FieldType::Integer) << true << QVariant(qint64(0)) << "QLineEdit"_ba
                                 << QVariant(u"-9223372036854775808"_s)
                                 << QVariant(std::numeric_limits<qint64>::min());
    QTest::newRow("integer emptied") << int(FieldType::Integer) << false << QVariant(qint64(7)) << "QLineEdit"_ba
                                     << QVariant(QString()) << null;
    QTest::newRow("number") << int(FieldType::Number) << true << QVariant(1.5) << "QDoubleSpinBox"_ba
                            << QVariant(0.1 + 0.2) << QVariant(0.1 + 0.2);
    QTest::newRow("number large") << int(FieldType::Number) << true << QVariant(1.5) << "QDoubleSpinBox"_ba
                                  << QVariant(6.02214076e23) << QVariant(6.02214076e23);
    QTest::newRow("boolean") << int(FieldType::Boolean) << false << QVariant(false) << "QCheckBox"_ba << QVariant(true)
                             << QVariant(true);
    QTest::newRow("date") << int(FieldType::Date) << false << QVariant(QDate(2024, 2, 29)) << "QDateEdit"_ba
                          << QVariant(QDate(2031, 12, 1)) << QVariant(QDate(2031, 12, 1));
    const QDateTime utc(QDate(2024, 6, 1), QTime(8, 30, 15), Qt::UTC);
    const QDateTime later(QDate(2025, 1, 2), QTime(23, 59, 58), Qt::UTC);
    QTest::newRow("datetime") << int(FieldType::DateTime) << true << QVariant(utc) << "QDateTimeEdit"_ba
                              << QVariant(later.toLocalTime()) << QVariant(later);
    QTest::newRow("enum") << int(FieldType::Enum) << true << QVariant(u"low"_s) << "QComboBox"_ba << QVariant(u"high"_s)
                          << QVariant(u"high"_s);
    QTest::newRow("enum cleared, optional") << int(FieldType::Enum) << false << QVariant(u"low"_s) << "QComboBox"_ba
                                            << QVariant(QString()) << null;
}

void TestRecordDelegate::editors()
{
    QFETCH(int, typeNumber);
    const auto type = FieldType(typeNumber);
    QFETCH(bool, required);
    QFETCH(QVariant, modelValue);
    QFETCH(QByteArray, editorClass);
    QFETCH(QVariant, input);
    QFETCH(QVariant, expected);

    QStandardItemModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    setUpCell(&model, type, required, Priorities, modelValue);
    const QModelIndex cell = model.index(0, 0);
    RecordDelegate delegate;
    QWidget parent;
    std::unique_ptr<QWidget> editor(delegate.createEditor(&parent, QStyleOptionViewItem(), cell));
    QVERIFY(editor);
    QVERIFY2(editor->inherits(editorClass.constData()), editor->metaObject()->className());
    if (type == FieldType::DateTime)
        QVERIFY(!qobject_cast<QDateEdit *>(editor.get()));
    if (auto *date = qobject_cast<QDateTimeEdit *>(editor.get()))
        QVERIFY(date->calendarPopup());
    if (auto *combo = qobject_cast<QComboBox *>(editor.get()))
        QCOMPARE(combo->count(), Priorities.size() + (required ? 0 : 1));
    if (type == FieldType::Integer)
        QVERIFY(qobject_cast<QLineEdit *>(editor.get())->validator());

    // Unchanged round trip: what the model had comes back as it was.
    delegate.setEditorData(editor.get(), cell);
    delegate.setModelData(editor.get(), &model, cell);
    QCOMPARE(writtenEdit(cell).from, modelValue);
    QCOMPARE(writtenEdit(cell).to, modelValue);

    // The user's input reaches the model typed, with the value the editor started from.
    QVERIFY(editor->metaObject()->userProperty().write(editor.get(), input));
    delegate.setModelData(editor.get(), &model, cell);
    QCOMPARE(writtenEdit(cell).from, modelValue);
    QCOMPARE(writtenEdit(cell).to, expected);
}

void TestRecordDelegate::remoteChangeKeepsTyping_data()
{
    editors_data();
}

void TestRecordDelegate::remoteChangeKeepsTyping()
{
    QFETCH(int, typeNumber);
    QFETCH(bool, required);
    QFETCH(QVariant, modelValue);
    QFETCH(QVariant, input);
    QFETCH(QVariant, expected);

    QStandardItemModel model;
    setUpCell(&model, FieldType(typeNumber), required, Priorities, modelValue);
    const QModelIndex cell = model.index(0, 0);
    RecordDelegate delegate;
    QWidget parent;
    std::unique_ptr<QWidget> editor(delegate.createEditor(&parent, QStyleOptionViewItem(), cell));
    delegate.setEditorData(editor.get(), cell);
    QVERIFY(editor->metaObject()->userProperty().write(editor.get(), input));

    // Somebody else changes the cell while the editor is open; the view passes it on.
    QVERIFY(model.setData(cell, QVariant(), Qt::EditRole));
    delegate.setEditorData(editor.get(), cell);

    delegate.setModelData(editor.get(), &model, cell);
    QCOMPARE(writtenEdit(cell).to, expected); // what the user typed survives
    QCOMPARE(writtenEdit(cell).from, modelValue); // and is judged against what they saw
}

void TestRecordDelegate::integerValidator_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("state"); // a QValidator::State
    QTest::newRow("digits") << u"42"_s << int(QValidator::Acceptable);
    QTest::newRow("negative") << u"-42"_s << int(QValidator::Acceptable);
    QTest::newRow("max") << u"9223372036854775807"_s << int(QValidator::Acceptable);
    QTest::newRow("overflow") << u"9223372036854775808"_s << int(QValidator::Invalid);
    QTest::newRow("sign only") << u"-"_s << int(QValidator::Intermediate);
    QTest::newRow("empty") << QString() << int(QValidator::Intermediate);
    QTest::newRow("fraction") << u"1.5"_s << int(QValidator::Invalid);
    QTest::newRow("letters") << u"12a"_s << int(QValidator::Invalid);
}

void TestRecordDelegate::integerValidator()
{
    QFETCH(QString, text);
    QFETCH(int, state);
    QStandardItemModel model;
    setUpCell(&model, FieldType::Integer, true, {}, qint64(0));
    RecordDelegate delegate;
    QWidget parent;
    std::unique_ptr<QWidget> editor(delegate.createEditor(&parent, QStyleOptionViewItem(), model.index(0, 0)));
    const QValidator *validator = qobject_cast<QLineEdit *>(editor.get())->validator();
    int pos = 0;
    QCOMPARE(int(validator->validate(text, pos)), state);
}

void TestRecordDelegate::styleOption_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<int>("column");
    QTest::addColumn<bool>("italic");
    QTest::addColumn<bool>("strikeOut");
    QTest::addColumn<QColor>("background");
    QTest::addColumn<bool>("icon");

    const QColor none;
    QTest::newRow("plain") << int(Qt::UserRole + 500) << 0 << false << false << none << false;
    QTest::newRow("pending cell") << int(RecordTableModel::PendingRole) << 1 << true << false << none << false;
    QTest::newRow("pending record, first column")
        << int(RecordTableModel::RecordPendingRole) << 0 << false << false << none << true;
    QTest::newRow("pending record, other column")
        << int(RecordTableModel::RecordPendingRole) << 1 << false << false << none << false;
    QTest::newRow("conflict") << int(RecordTableModel::ConflictRole) << 0 << false << false
                              << RecordDelegate::conflictColor() << true;
    QTest::newRow("remote change") << int(RecordTableModel::RemoteChangeRole) << 1 << false << false
                                   << RecordDelegate::remoteChangeColor() << false;
    QTest::newRow("deleted") << int(RecordTableModel::DeletedRole) << 0 << false << true << none << true;
}

void TestRecordDelegate::styleOption()
{
    QFETCH(int, role);
    QFETCH(int, column);
    QFETCH(bool, italic);
    QFETCH(bool, strikeOut);
    QFETCH(QColor, background);
    QFETCH(bool, icon);

    QStandardItemModel model(1, 2);
    model.setData(model.index(0, 0), u"x"_s);
    model.setData(model.index(0, 1), u"y"_s);
    for (int c = 0; c < 2; ++c)
        model.setData(model.index(0, c), true, role);
    InspectableDelegate delegate;
    QStyleOptionViewItem option;
    delegate.initStyleOption(&option, model.index(0, column));
    QCOMPARE(option.font.italic(), italic);
    QCOMPARE(option.font.strikeOut(), strikeOut);
    QCOMPARE(option.backgroundBrush.style() != Qt::NoBrush, background.isValid());
    if (background.isValid())
        QCOMPARE(option.backgroundBrush.color(), background);
    QCOMPARE(option.features.testFlag(QStyleOptionViewItem::HasDecoration), icon);
    QCOMPARE(!option.icon.isNull(), icon);
}

void TestRecordDelegate::remoteChangeInAuthorsColour_data()
{
    QTest::addColumn<QString>("author");
    QTest::addColumn<QVariant>("strength"); ///< invalid: the model gives none
    QTest::addColumn<QColor>("expected");

    const auto translucent = [](const QString &user, int alpha) {
        QColor color = personColor(user);
        color.setAlpha(alpha);
        return color;
    };
    QTest::newRow("bob, full") << u"bob"_s << QVariant(1.0) << translucent(u"bob"_s, 80);
    QTest::newRow("carol, full") << u"carol"_s << QVariant(1.0) << translucent(u"carol"_s, 80);
    QTest::newRow("bob, half faded") << u"bob"_s << QVariant(0.5) << translucent(u"bob"_s, 40);
    QTest::newRow("no strength given: full") << u"bob"_s << QVariant() << translucent(u"bob"_s, 80);
    QColor unknown = RecordDelegate::remoteChangeColor();
    QTest::newRow("author unknown") << QString() << QVariant(1.0) << unknown;
    unknown.setAlpha(unknown.alpha() / 2);
    QTest::newRow("author unknown, half faded") << QString() << QVariant(0.5) << unknown;
}

void TestRecordDelegate::remoteChangeInAuthorsColour()
{
    QFETCH(QString, author);
    QFETCH(QVariant, strength);
    QFETCH(QColor, expected);

    QStandardItemModel model(1, 1);
    const QModelIndex cell = model.index(0, 0);
    model.setData(cell, u"x"_s);
    model.setData(cell, true, RecordTableModel::RemoteChangeRole);
    model.setData(cell, author, RecordTableModel::RemoteAuthorRole);
    model.setData(cell, strength, RecordTableModel::RemoteChangeStrengthRole);
    InspectableDelegate delegate;
    QStyleOptionViewItem option;
    delegate.initStyleOption(&option, cell);
    QCOMPARE(option.backgroundBrush.color().rgb(), expected.rgb());
    QVERIFY(qAbs(option.backgroundBrush.color().alpha() - expected.alpha()) <= 1);
}

void TestRecordDelegate::presenceArea_data()
{
    QTest::addColumn<int>("people");
    QTest::addColumn<int>("width"); ///< badges of 18 px overlapping by a quarter, in a 24 px high cell
    QTest::newRow("nobody") << 0 << 0;
    QTest::newRow("one") << 1 << 18;
    QTest::newRow("two") << 2 << 18 + 13;
    QTest::newRow("three") << 3 << 18 + 2 * 13;
    QTest::newRow("four: three and +1") << 4 << 18 + 3 * 13;
    QTest::newRow("nine: three and +6") << 9 << 18 + 3 * 13;
}

void TestRecordDelegate::presenceArea()
{
    QFETCH(int, people);
    QFETCH(int, width);
    const QRect cell(10, 20, 200, 24);
    const QRect area = RecordDelegate::presenceArea(cell, people);
    QCOMPARE(area.width(), width);
    if (people == 0)
        return;
    QCOMPARE(area.height(), 18);
    QVERIFY(cell.contains(area));
    QCOMPARE(area.right(), cell.right() - 3); // at the right end of the cell
}

void TestRecordDelegate::presenceIsPainted_data()
{
    QTest::addColumn<PresenceList>("presence");
    QTest::addColumn<int>("column");
    QTest::addColumn<bool>("painted");
    const PresenceList bob{{u"bob"_s, Editing, false}};
    QTest::newRow("first column") << bob << 0 << true;
    QTest::newRow("other columns carry no marker") << bob << 1 << false;
    QTest::newRow("nobody") << PresenceList{} << 0 << false;
    QTest::newRow("several: the first person's bar and badge")
        << PresenceList{{u"carol"_s, Editing, false}, {u"bob"_s, Viewing, false}} << 0 << true;
}

void TestRecordDelegate::presenceIsPainted()
{
    QFETCH(PresenceList, presence);
    QFETCH(int, column);
    QFETCH(bool, painted);

    QStandardItemModel model(1, 2);
    for (int c = 0; c < 2; ++c) {
        model.setData(model.index(0, c), QString());
        model.setData(model.index(0, c), QVariant::fromValue(presence), RecordTableModel::PresenceRole);
    }
    RecordDelegate delegate;
    QImage image(200, 24, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QStyleOptionViewItem option;
    option.rect = image.rect();
    option.palette.setColor(QPalette::Base, Qt::white);
    {
        QPainter painter(&image);
        delegate.paint(&painter, option, model.index(0, column));
    }
    const QRect area = RecordDelegate::presenceArea(option.rect, std::max(1, int(presence.size())));
    const QColor bar = image.pixelColor(1, 12);
    // The first person's badge is on top, at the left of the stack; an editor's is filled
    // (a point between its rim and its initial).
    const QColor badge = image.pixelColor(area.left() + 3, area.center().y());
    if (!painted) {
        QCOMPARE(bar, QColor(Qt::white));
        QCOMPARE(badge, QColor(Qt::white));
        return;
    }
    QCOMPARE(bar, personColor(presence.constFirst().user));
    QCOMPARE(badge, personColor(presence.constFirst().user));
}

void TestRecordDelegate::presenceToolTip()
{
    QStandardItemModel model;
    setUpPresence(&model, {{u"bob"_s, Editing, false}, {u"ann"_s, Viewing, false}});
    model.setData(model.index(0, 0), u"cell tip"_s, Qt::ToolTipRole);
    QTableView view;
    view.setModel(&model);
    view.resize(400, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    RecordDelegate delegate;
    QStyleOptionViewItem option;
    option.rect = view.visualRect(model.index(0, 0));
    const QPoint onBadge = RecordDelegate::presenceArea(option.rect, 2).center();
    QHelpEvent event(QEvent::ToolTip, onBadge, view.viewport()->mapToGlobal(onBadge));
    QVERIFY(delegate.helpEvent(&event, &view, option, model.index(0, 0)));
    QTRY_COMPARE(QToolTip::text(), u"bob is editing this record\nann is viewing this record"_s);

    QHelpEvent elsewhere(QEvent::ToolTip, option.rect.topLeft() + QPoint(4, 4), view.viewport()->mapToGlobal(QPoint()));
    QVERIFY(delegate.helpEvent(&elsewhere, &view, option, model.index(0, 0)));
    QTRY_COMPARE(QToolTip::text(), u"cell tip"_s); // the cell's own tip away from the badges
}

void TestRecordDelegate::editorWarnsWhoElseEdits_data()
{
    QTest::addColumn<PresenceList>("presence");
    QTest::addColumn<QString>("warning"); ///< empty: no hint shown
    QTest::newRow("nobody") << PresenceList{} << QString();
    QTest::newRow("somebody viewing: no warning") << PresenceList{{u"ann"_s, Viewing, false}} << QString();
    QTest::newRow("bob editing") << PresenceList{{u"bob"_s, Editing, false}} << u"bob is editing this record"_s;
    QTest::newRow("two editing") << PresenceList{{u"bob"_s, Editing, false}, {u"carol"_s, Editing, false}}
                                 << u"bob and carol are editing this record"_s;
    QTest::newRow("three editing")
        << PresenceList{{u"bob"_s, Editing, false}, {u"carol"_s, Editing, false}, {u"dave"_s, Editing, false}}
        << u"bob and 2 others are editing this record"_s;
    QTest::newRow("myself, in another window") << PresenceList{{u"alice"_s, Editing, true}}
                                               << u"You are editing this record in another window too"_s;
}

void TestRecordDelegate::editorWarnsWhoElseEdits()
{
    QFETCH(PresenceList, presence);
    QFETCH(QString, warning);

    QStandardItemModel model;
    setUpPresence(&model, {});
    const QModelIndex cell = model.index(0, 0);
    RecordDelegate delegate;
    QWidget parent;
    parent.resize(400, 300);
    std::unique_ptr<QWidget> editor(delegate.createEditor(&parent, QStyleOptionViewItem(), cell));
    QStyleOptionViewItem option;
    option.rect = QRect(0, 40, 200, 24);
    delegate.updateEditorGeometry(editor.get(), option, cell);
    delegate.setEditorData(editor.get(), cell);
    QLabel *hint = hintIn(parent);
    QVERIFY(hint);
    QVERIFY(!hint->isVisibleTo(&parent));

    // Somebody comes while the editor is open: the view passes the row's change on.
    model.setData(cell, QVariant::fromValue(presence), RecordTableModel::PresenceRole);
    delegate.setEditorData(editor.get(), cell);
    QCOMPARE(hint->isVisibleTo(&parent), !warning.isEmpty());
    if (!warning.isEmpty()) {
        QCOMPARE(hint->text(), warning);
        QCOMPARE(hint->geometry().top(), editor->geometry().bottom() + 2); // just below the editor
    }
    // And leaves.
    model.setData(cell, QVariant::fromValue(PresenceList{}), RecordTableModel::PresenceRole);
    delegate.setEditorData(editor.get(), cell);
    QVERIFY(!hint->isVisibleTo(&parent));
}

void TestRecordDelegate::editorSaysWhenItOpensAndCloses()
{
    QStandardItemModel model;
    setUpPresence(&model, {});
    RecordDelegate delegate;
    QSignalSpy opened(&delegate, &RecordDelegate::editorOpened);
    QSignalSpy closed(&delegate, &RecordDelegate::editorClosed);
    QWidget parent;
    QWidget *editor = delegate.createEditor(&parent, QStyleOptionViewItem(), model.index(0, 0));
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.constFirst().at(0).toString(), u"r1"_s);
    QVERIFY(closed.isEmpty());
    model.removeRow(0); // its row may be gone by the time it closes: it still knows its record
    delegate.destroyEditor(editor, QModelIndex());
    QCOMPARE(closed.size(), 1);
    QCOMPARE(closed.constFirst().at(0).toString(), u"r1"_s);
}

QTEST_MAIN(TestRecordDelegate)
#include "tst_recorddelegate.moc"
