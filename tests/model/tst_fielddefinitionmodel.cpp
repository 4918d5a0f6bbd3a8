#include "fielddefinitionmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Etagere;
using namespace Qt::StringLiterals;

namespace {

using Model = FieldDefinitionModel;

FieldSchema makeField(const QString &name, FieldType type = FieldType::String, const QStringList &values = {})
{
    return FieldSchema{name, type, name.toUpper(), false, values};
}

QStringList names(const Model &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result << model.index(row, Model::NameColumn).data().toString();
    return result;
}

/// An edit of one cell, as a test row describes it.
struct Edit
{
    int row;
    int column;
    QVariant value;
    int role = Qt::EditRole;
};

} // namespace

Q_DECLARE_METATYPE(Edit)

class TestFieldDefinitionModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void startsEmptyAndInvalid();
    void appendsFreshNames();
    void columnsAndRoles();
    void problems_data();
    void problems();
    void editsEmitPreciseChanges();
    void refusesWrongValues_data();
    void refusesWrongValues();
    void enumValuesSurviveTypeChanges();
    void removesRows();
    void movesRows_data();
    void movesRows();
    void serverProblemStaysUntilTheRowChanges();
    void fieldsAreWhatWasEntered();

private:
    std::unique_ptr<Model> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestFieldDefinitionModel::init()
{
    m_model = std::make_unique<Model>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestFieldDefinitionModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestFieldDefinitionModel::startsEmptyAndInvalid()
{
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->columnCount(), int(Model::ColumnCount));
    QVERIFY(!m_model->isValid()); // a collection needs at least one field
    QSignalSpy validity(m_model.get(), &Model::validityChanged);
    m_model->appendField();
    QVERIFY(m_model->isValid());
    QCOMPARE(validity.size(), 1);
    QCOMPARE(validity.first().first().toBool(), true);
}

void TestFieldDefinitionModel::appendsFreshNames()
{
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QCOMPARE(m_model->appendField(), 0);
    QCOMPARE(m_model->appendField(), 1);
    QVERIFY(m_model->setData(m_model->index(0, Model::NameColumn), u"field_3"_s));
    QCOMPARE(m_model->appendField(), 2); // field_3 is taken: the next free one
    QCOMPARE(names(*m_model), (QStringList{u"field_3"_s, u"field_2"_s, u"field_4"_s}));
    QCOMPARE(m_model->index(2, Model::TitleColumn).data().toString(), u"Field 4"_s);
    QCOMPARE(inserted.size(), 3);
    QVERIFY(m_model->insertRows(1, 2));
    QCOMPARE(m_model->rowCount(), 5);
    QVERIFY(m_model->isValid());
    QVERIFY(!m_model->insertRows(9, 1));
    QVERIFY(!m_model->insertRows(0, 0));
}

void TestFieldDefinitionModel::columnsAndRoles()
{
    m_model->setFields({FieldSchema{u"priority"_s, FieldType::Enum, u"Priority"_s, true, {u"low"_s, u"high"_s}}});
    const auto cell = [this](int column) { return m_model->index(0, column); };
    QCOMPARE(cell(Model::NameColumn).data().toString(), u"priority"_s);
    QCOMPARE(cell(Model::TitleColumn).data(Qt::EditRole).toString(), u"Priority"_s);
    QCOMPARE(cell(Model::TypeColumn).data().toString(), Model::typeLabel(FieldType::Enum));
    QCOMPARE(cell(Model::TypeColumn).data(Qt::EditRole).toString(), u"enum"_s);
    QCOMPARE(cell(Model::TypeColumn).data(Qt::ToolTipRole).toString(), u"Stored as \"enum\""_s);
    QCOMPARE(cell(Model::RequiredColumn).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    QCOMPARE(cell(Model::ValuesColumn).data().toString(), u"low, high"_s);
    QCOMPARE(cell(Model::ValuesColumn).data(Qt::EditRole).toStringList(), (QStringList{u"low"_s, u"high"_s}));
    QVERIFY(cell(Model::NameColumn).flags().testFlag(Qt::ItemIsEditable));
    QVERIFY(cell(Model::RequiredColumn).flags().testFlag(Qt::ItemIsUserCheckable));
    QVERIFY(!cell(Model::ValuesColumn).flags().testFlag(Qt::ItemIsEditable));
    QCOMPARE(m_model->headerData(Model::TypeColumn, Qt::Horizontal).toString(), u"Type"_s);
    QCOMPARE(Model::types().size(), 8);
    for (const FieldType type : Model::types())
        QVERIFY(!Model::typeLabel(type).isEmpty());
}

void TestFieldDefinitionModel::problems_data()
{
    QTest::addColumn<QList<FieldSchema>>("fields");
    QTest::addColumn<int>("row");     // the first row with a problem, -1 for none
    QTest::addColumn<int>("column");  // the cell it shows on
    QTest::addColumn<QString>("problem");
    QTest::newRow("fine") << QList<FieldSchema>{makeField(u"title"_s), makeField(u"due"_s, FieldType::Date)} << -1 << 0
                          << QString();
    QTest::newRow("no fields") << QList<FieldSchema>() << -1 << 0 << QString();
    QTest::newRow("empty name") << QList<FieldSchema>{makeField(u"a"_s), makeField(QString())} << 1
                                << int(Model::NameColumn) << u"The field needs a name"_s;
    QTest::newRow("upper case") << QList<FieldSchema>{makeField(u"Title"_s)} << 0 << int(Model::NameColumn)
                                << u"\"Title\" is not a valid field name"_s;
    QTest::newRow("dash") << QList<FieldSchema>{makeField(u"due-date"_s)} << 0 << int(Model::NameColumn)
                          << u"is not a valid field name"_s;
    QTest::newRow("starts with a digit") << QList<FieldSchema>{makeField(u"1st"_s)} << 0 << int(Model::NameColumn)
                                         << u"is not a valid field name"_s;
    QTest::newRow("65 characters") << QList<FieldSchema>{makeField(QString(65, u'a'))} << 0 << int(Model::NameColumn)
                                   << u"at most 64"_s;
    QTest::newRow("64 characters") << QList<FieldSchema>{makeField(QString(64, u'a'))} << -1 << 0 << QString();
    QTest::newRow("twice the same name")
        << QList<FieldSchema>{makeField(u"a"_s), makeField(u"b"_s), makeField(u"a"_s)} << 0 << int(Model::NameColumn)
        << u"Another field is called \"a\""_s;
    QTest::newRow("enum without values") << QList<FieldSchema>{makeField(u"p"_s, FieldType::Enum)} << 0
                                         << int(Model::ValuesColumn) << u"at least one value"_s;
    QTest::newRow("enum empty value") << QList<FieldSchema>{makeField(u"p"_s, FieldType::Enum, {u"a"_s, QString()})}
                                      << 0 << int(Model::ValuesColumn) << u"cannot be empty"_s;
    QTest::newRow("enum repeated value")
        << QList<FieldSchema>{makeField(u"p"_s, FieldType::Enum, {u"a"_s, u"b"_s, u"a"_s})} << 0
        << int(Model::ValuesColumn) << u"\"a\" is listed twice"_s;
}

void TestFieldDefinitionModel::problems()
{
    QFETCH(QList<FieldSchema>, fields);
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QString, problem);
    m_model->setFields(fields);
    QCOMPARE(m_model->firstProblemRow(), row);
    QCOMPARE(m_model->isValid(), row < 0 && !fields.isEmpty());
    if (row < 0)
        return;
    const QModelIndex cell = m_model->index(row, column);
    QVERIFY2(cell.data(Model::ProblemRole).toString().contains(problem), qPrintable(cell.data(Model::ProblemRole).toString()));
    QCOMPARE(cell.data(Qt::ToolTipRole).toString(), cell.data(Model::ProblemRole).toString());
    QVERIFY(cell.data(Qt::BackgroundRole).isValid());
    QCOMPARE(m_model->problem(row), cell.data(Model::ProblemRole).toString());
    QVERIFY(m_model->index(row, Model::TitleColumn).data(Model::ProblemRole).toString().isEmpty());
}

void TestFieldDefinitionModel::editsEmitPreciseChanges()
{
    m_model->setFields({makeField(u"a"_s), makeField(u"b"_s), makeField(u"c"_s)});
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy validity(m_model.get(), &Model::validityChanged);

    // A title: that cell alone.
    QVERIFY(m_model->setData(m_model->index(1, Model::TitleColumn), u"Bee"_s));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), m_model->index(1, Model::TitleColumn));
    QCOMPARE(changed.at(0).at(1).toModelIndex(), m_model->index(1, Model::TitleColumn));

    // Renaming c to a: c's name cell, then both rows that clash now.
    changed.clear();
    QVERIFY(m_model->setData(m_model->index(2, Model::NameColumn), u"a"_s));
    QCOMPARE(changed.size(), 3);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), m_model->index(2, Model::NameColumn));
    QCOMPARE(changed.at(1).at(0).toModelIndex().row(), 0);
    QCOMPARE(changed.at(2).at(0).toModelIndex().row(), 2);
    QCOMPARE(validity.size(), 1);
    QVERIFY(!m_model->isValid());

    // Removing one of them clears the other's problem.
    changed.clear();
    QVERIFY(m_model->removeRows(2, 1));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
    QVERIFY(m_model->isValid());
    QCOMPARE(validity.size(), 2);

    // A type change: the whole row (label, choices column).
    changed.clear();
    QVERIFY(m_model->setData(m_model->index(0, Model::TypeColumn), u"enum"_s));
    QCOMPARE(changed.at(0).at(0).toModelIndex(), m_model->index(0, 0));
    QCOMPARE(changed.at(0).at(1).toModelIndex(), m_model->index(0, Model::ColumnCount - 1));
    QVERIFY(!m_model->isValid()); // an enum without values
    QVERIFY(m_model->setData(m_model->index(0, Model::ValuesColumn), QStringList{u"x"_s}));
    QVERIFY(m_model->isValid());

    QVERIFY(m_model->setData(m_model->index(0, Model::RequiredColumn), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(m_model->fields().first().required);
}

void TestFieldDefinitionModel::refusesWrongValues_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::newRow("unknown type") << Edit{0, Model::TypeColumn, u"blob"_s};
    QTest::newRow("type by label") << Edit{0, Model::TypeColumn, u"Date"_s};
    QTest::newRow("values for a string") << Edit{0, Model::ValuesColumn, QStringList{u"a"_s}};
    QTest::newRow("values as text") << Edit{1, Model::ValuesColumn, u"a, b"_s};
    QTest::newRow("required by edit role") << Edit{0, Model::RequiredColumn, true};
    QTest::newRow("name by check state") << Edit{0, Model::NameColumn, Qt::Checked, Qt::CheckStateRole};
    QTest::newRow("out of range") << Edit{5, Model::NameColumn, u"x"_s};
}

void TestFieldDefinitionModel::refusesWrongValues()
{
    QFETCH(Edit, edit);
    m_model->setFields({makeField(u"a"_s), makeField(u"p"_s, FieldType::Enum, {u"x"_s})});
    const QList<FieldSchema> before = m_model->fields();
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QVERIFY(!m_model->setData(m_model->index(edit.row, edit.column), edit.value, edit.role));
    QCOMPARE(m_model->fields(), before);
    QCOMPARE(changed.size(), 0);
}

void TestFieldDefinitionModel::enumValuesSurviveTypeChanges()
{
    m_model->setFields({makeField(u"p"_s, FieldType::Enum, {u"low"_s, u"high"_s})});
    QVERIFY(m_model->setData(m_model->index(0, Model::TypeColumn), u"string"_s));
    QCOMPARE(m_model->index(0, Model::ValuesColumn).data().toString(), QString());
    QVERIFY(m_model->fields().first().values.isEmpty()); // a string carries no values
    QVERIFY(m_model->isValid());
    QVERIFY(m_model->setData(m_model->index(0, Model::TypeColumn), u"enum"_s));
    QCOMPARE(m_model->fields().first().values, (QStringList{u"low"_s, u"high"_s}));
}

void TestFieldDefinitionModel::removesRows()
{
    m_model->setFields({makeField(u"a"_s), makeField(u"b"_s), makeField(u"c"_s)});
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QVERIFY(!m_model->removeRows(2, 2));
    QVERIFY(!m_model->removeRows(-1, 1));
    QVERIFY(m_model->removeRows(0, 2));
    QCOMPARE(names(*m_model), QStringList{u"c"_s});
    QCOMPARE(removed.size(), 1);
    QVERIFY(m_model->removeRows(0, 1));
    QVERIFY(!m_model->isValid());
}

void TestFieldDefinitionModel::movesRows_data()
{
    QTest::addColumn<int>("source");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("destination");
    QTest::addColumn<QStringList>("expected"); // empty: refused
    QTest::newRow("down one") << 1 << 1 << 3 << QStringList{u"a"_s, u"c"_s, u"b"_s, u"d"_s};
    QTest::newRow("up one") << 2 << 1 << 1 << QStringList{u"a"_s, u"c"_s, u"b"_s, u"d"_s};
    QTest::newRow("first to end") << 0 << 1 << 4 << QStringList{u"b"_s, u"c"_s, u"d"_s, u"a"_s};
    QTest::newRow("two up") << 2 << 2 << 0 << QStringList{u"c"_s, u"d"_s, u"a"_s, u"b"_s};
    QTest::newRow("two down") << 0 << 2 << 3 << QStringList{u"c"_s, u"a"_s, u"b"_s, u"d"_s};
    QTest::newRow("onto itself") << 1 << 1 << 1 << QStringList();
    QTest::newRow("just after itself") << 1 << 1 << 2 << QStringList();
    QTest::newRow("beyond the end") << 1 << 1 << 5 << QStringList();
    QTest::newRow("too many") << 3 << 2 << 0 << QStringList();
}

void TestFieldDefinitionModel::movesRows()
{
    QFETCH(int, source);
    QFETCH(int, count);
    QFETCH(int, destination);
    QFETCH(QStringList, expected);
    m_model->setFields({makeField(u"a"_s), makeField(u"b"_s), makeField(u"c"_s), makeField(u"d"_s)});
    QSignalSpy moved(m_model.get(), &QAbstractItemModel::rowsMoved);
    const bool ok = m_model->moveRows({}, source, count, {}, destination);
    QCOMPARE(ok, !expected.isEmpty());
    const QStringList unchanged{u"a"_s, u"b"_s, u"c"_s, u"d"_s};
    QCOMPARE(names(*m_model), expected.isEmpty() ? unchanged : expected);
    QCOMPARE(moved.size(), ok ? 1 : 0);
}

void TestFieldDefinitionModel::serverProblemStaysUntilTheRowChanges()
{
    m_model->setFields({makeField(u"a"_s), makeField(u"b"_s)});
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QCOMPARE(m_model->setServerProblem(u"nope"_s, u"x"_s), -1);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(m_model->setServerProblem(u"b"_s, u"the server says no"_s), 1);
    QVERIFY(!m_model->isValid());
    QCOMPARE(m_model->firstProblemRow(), 1);
    QCOMPARE(m_model->index(1, Model::NameColumn).data(Model::ProblemRole).toString(), u"the server says no"_s);
    QVERIFY(m_model->moveRows({}, 1, 1, {}, 0)); // it goes with its row
    QCOMPARE(m_model->firstProblemRow(), 0);
    QVERIFY(m_model->setData(m_model->index(1, Model::TitleColumn), u"other row"_s));
    QVERIFY(!m_model->isValid());
    changed.clear();
    QVERIFY(m_model->setData(m_model->index(0, Model::TitleColumn), u"B"_s));
    QVERIFY(m_model->isValid());
    QCOMPARE(m_model->index(0, Model::NameColumn).data(Model::ProblemRole).toString(), QString());
    QCOMPARE(changed.first().at(1).toModelIndex().column(), Model::ColumnCount - 1); // the whole row repaints
}

void TestFieldDefinitionModel::fieldsAreWhatWasEntered()
{
    m_model->appendField();
    const QModelIndex row = m_model->index(0, 0);
    QVERIFY(m_model->setData(row.siblingAtColumn(Model::NameColumn), u"  owner "_s));
    QVERIFY(m_model->setData(row.siblingAtColumn(Model::TitleColumn), u" Owner  "_s));
    QVERIFY(m_model->setData(row.siblingAtColumn(Model::TypeColumn), u"datetime"_s));
    const QList<FieldSchema> fields = m_model->fields();
    QCOMPARE(fields.size(), 1);
    QCOMPARE(fields.first(), (FieldSchema{u"owner"_s, FieldType::DateTime, u"Owner"_s, false, {}}));
}

QTEST_GUILESS_MAIN(TestFieldDefinitionModel)
#include "tst_fielddefinitionmodel.moc"
