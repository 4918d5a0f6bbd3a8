#include "recordfiltermodel.h"
#include "tableclient.h"
#include "testserver.h"

#include <QCollator>

using namespace Etagere;
using namespace Etagere::Test;
using namespace Qt::StringLiterals;

namespace {

const QString Kinds = u"kinds"_s;

/// A proxy over a client's model, under its own model tester.
struct Filtered
{
    explicit Filtered(RecordTableModel *source)
    {
        proxy.setSourceModel(source);
        tester = std::make_unique<QAbstractItemModelTester>(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    [[nodiscard]] QStringList ids() const
    {
        QStringList result;
        for (int row = 0; row < proxy.rowCount(); ++row)
            result << proxy.recordIdAt(row);
        return result;
    }

    /// The column's values (EditRole as text) from top to bottom.
    [[nodiscard]] QStringList values(int column) const
    {
        QStringList result;
        for (int row = 0; row < proxy.rowCount(); ++row)
            result << proxy.index(row, column).data(Qt::EditRole).toString();
        return result;
    }

    RecordFilterModel proxy;
    std::unique_ptr<QAbstractItemModelTester> tester;
};

/// The ids a new proxy shows for the same settings: what the live one must show after
/// following any sequence of changes.
QStringList freshOrder(RecordTableModel *source, const RecordFilterModel &live)
{
    RecordFilterModel fresh;
    fresh.setSourceModel(source);
    fresh.setSearchColumn(live.searchColumn());
    fresh.setSearchText(live.searchText());
    fresh.sort(live.sortColumn(), live.sortOrder());
    QStringList ids;
    for (int row = 0; row < fresh.rowCount(); ++row)
        ids << fresh.recordIdAt(row);
    return ids;
}

/// `ascending` with the non-empty values reversed: empty values stay last.
QStringList descending(const QStringList &ascending)
{
    QStringList values;
    QStringList empty;
    for (const QString &value : ascending)
        (value.isEmpty() ? empty : values).prepend(value);
    return values + empty;
}

/// Creates records through `writer` (another client: they reach `reader` as pushes) and
/// waits until the reader has them all. Returns their ids, in the order of `records`.
QStringList createThrough(Client &writer, Client &reader, const QList<QJsonObject> &records)
{
    QStringList ids;
    for (const QJsonObject &record : records)
        ids << writer.engine.createRecord(Kinds, record);
    const bool arrived = QTest::qWaitFor([&] {
        return std::all_of(ids.cbegin(), ids.cend(), [&](const QString &id) { return reader.model.rowOf(id) >= 0; })
            && writer.engine.pendingCount() == 0;
    }, LoadTimeoutMs);
    return arrived ? ids : QStringList();
}

/// Waits until `reader` shows what `writer` holds of every record of the collection.
bool converged(Client &writer, Client &reader)
{
    return QTest::qWaitFor([&] {
        if (writer.engine.pendingCount() != 0)
            return false;
        const QList<RecordState> theirs = writer.engine.records(Kinds);
        const QList<RecordState> mine = reader.engine.records(Kinds);
        return theirs.size() == mine.size()
            && std::equal(theirs.cbegin(), theirs.cend(), mine.cbegin(),
                          [](const RecordState &a, const RecordState &b) { return a.id == b.id && a.local == b.local; });
    }, LoadTimeoutMs);
}

QJsonObject kind(const QString &s, qint64 i, const QString &d, const QString &t = {})
{
    QJsonObject record{{u"s"_s, s}, {u"i"_s, i}};
    if (!d.isEmpty())
        record.insert(u"d"_s, d);
    if (!t.isEmpty())
        record.insert(u"t"_s, t);
    return record;
}

} // namespace

class TestRecordFilterModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void typedSort_data();
    void typedSort();
    void pushesKeepSortAndFilter_data();
    void pushesKeepSortAndFilter();
    void search_data();
    void search();
    void pinnedRecordStaysVisible();
    void localEditMovesTheRowWithItsIndex();
    void reloadKeepsSortAndSearch();

private:
    std::unique_ptr<TestServer> m_server;
};

void TestRecordFilterModel::init()
{
    m_server = std::make_unique<TestServer>(QStringList{u"--demo"_s});
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    QCOMPARE(createCollection(m_server->url(), m_server->token(), Kinds, kindsSchema()), 201);
}

void TestRecordFilterModel::cleanup()
{
    m_server.reset();
}

void TestRecordFilterModel::typedSort_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonArray>("values");   // inserted in this order, one record each
    QTest::addColumn<QStringList>("ascending"); // EditRole as text, top to bottom

    const QJsonValue null;
    QTest::newRow("integer: by value, null last")
        << u"i"_s << QJsonArray{5, -3, null, 100, 20} << QStringList{u"-3"_s, u"5"_s, u"20"_s, u"100"_s, QString()};
    QTest::newRow("number: by value")
        << u"n"_s << QJsonArray{2.5, -1.25, 10, null, 2.25}
        << QStringList{u"-1.25"_s, u"2.25"_s, u"2.5"_s, u"10"_s, QString()};
    QTest::newRow("date: in time order")
        << u"d"_s << QJsonArray{u"2024-03-05"_s, null, u"2023-12-31"_s, u"2024-03-04"_s}
        << QStringList{u"2023-12-31"_s, u"2024-03-04"_s, u"2024-03-05"_s, QString()};
    QTest::newRow("datetime: in time order")
        << u"dt"_s << QJsonArray{u"2024-06-01T08:30:00Z"_s, u"2024-06-01T08:29:59Z"_s, null, u"2023-01-01T00:00:00Z"_s}
        << QStringList{u"2023-01-01T00:00:00.000Z"_s, u"2024-06-01T08:29:59.000Z"_s, u"2024-06-01T08:30:00.000Z"_s,
                       QString()};
    QTest::newRow("text: collation, digits by value, case-insensitive, blank last")
        << u"t"_s << QJsonArray{u"Task 10"_s, u"task 2"_s, u""_s, u"apple"_s, u"Banana"_s, null}
        << QStringList{u"apple"_s, u"Banana"_s, u"task 2"_s, u"Task 10"_s, QString(), QString()};
    QTest::newRow("boolean: false first")
        << u"b"_s << QJsonArray{true, false, null, true}
        << QStringList{u"false"_s, u"true"_s, u"true"_s, QString()};
    QTest::newRow("enum: by its text")
        << u"e"_s << QJsonArray{u"red"_s, u"green"_s, null, u"blue"_s}
        << QStringList{u"blue"_s, u"green"_s, u"red"_s, QString()};
}

void TestRecordFilterModel::typedSort()
{
    QFETCH(QString, field);
    QFETCH(QJsonArray, values);
    QFETCH(QStringList, ascending);

    Client a(m_server->url(), m_server->token(), Kinds);
    Client b(m_server->url(), m_server->token(), Kinds);
    LOAD(a);
    LOAD(b);
    Filtered view(&a.model);
    const int column = a.column(field);
    view.proxy.sort(column, Qt::AscendingOrder); // before the records arrive: each push is sorted in
    QList<QJsonObject> records;
    for (const QJsonValue &value : std::as_const(values))
        records << QJsonObject{{u"s"_s, u"row"_s}, {field, value}};
    QVERIFY(!createThrough(b, a, records).isEmpty());
    QCOMPARE(view.values(column), ascending);

    view.proxy.sort(column, Qt::DescendingOrder);
    QCOMPARE(view.values(column), descending(ascending));
    QCOMPARE(view.ids(), freshOrder(&a.model, view.proxy));

    view.proxy.sort(-1); // unsorted: the source's order again
    QStringList sourceIds;
    for (int row = 0; row < a.model.rowCount(); ++row)
        sourceIds << a.model.idAt(row);
    QCOMPARE(view.ids(), sourceIds);
}

void TestRecordFilterModel::pushesKeepSortAndFilter_data()
{
    QTest::addColumn<QString>("sortField");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QString>("search");
    QTest::addColumn<QString>("operation");

    const QStringList operations = {u"insert"_s, u"update that moves a row"_s, u"update to null"_s, u"delete"_s,
                                    u"starts matching"_s, u"stops matching"_s, u"burst"_s};
    for (const QString &operation : operations) {
        const QByteArray name = operation.toUtf8();
        QTest::newRow(("integer ascending, no search: " + name).constData())
            << u"i"_s << Qt::AscendingOrder << QString() << operation;
        QTest::newRow(("date descending, search alpha: " + name).constData())
            << u"d"_s << Qt::DescendingOrder << u"alpha"_s << operation;
        QTest::newRow(("string ascending, search alpha: " + name).constData())
            << u"s"_s << Qt::AscendingOrder << u"ALPHA"_s << operation;
    }
}

// Another client changes records while this one shows them sorted and filtered: after each
// change the proxy shows what a freshly sorted proxy shows, a selected record stays selected
// (persistent index), and the proxy never resets.
void TestRecordFilterModel::pushesKeepSortAndFilter()
{
    QFETCH(QString, sortField);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QString, search);
    QFETCH(QString, operation);

    Client a(m_server->url(), m_server->token(), Kinds);
    Client b(m_server->url(), m_server->token(), Kinds);
    LOAD(a);
    LOAD(b);
    QList<QJsonObject> initial;
    for (int n = 0; n < 12; ++n) {
        initial << kind(u"%1 record %2"_s.arg(n % 2 == 0 ? u"alpha"_s : u"beta"_s).arg(n), (n * 37) % 11,
                        QDate(2024, 1, 1).addDays((n * 5) % 9).toString(Qt::ISODate));
    }
    const QStringList ids = createThrough(b, a, initial);
    QVERIFY(!ids.isEmpty());

    Filtered view(&a.model);
    view.proxy.setSearchText(search);
    view.proxy.sort(a.column(sortField), order);
    QCOMPARE(view.ids(), freshOrder(&a.model, view.proxy));
    const QString watched = ids.at(4); // "alpha record 4": matches every search, never touched
    const QPersistentModelIndex selected = view.proxy.indexOfRecord(watched);
    QVERIFY(selected.isValid());
    QSignalSpy resets(&view.proxy, &QAbstractItemModel::modelReset);

    const auto set = [&](int n, const QString &field, const QJsonValue &value) {
        QVERIFY(b.engine.setField(Kinds, ids.at(n), field, value));
    };
    if (operation == u"insert"_s) {
        QVERIFY(!b.engine.createRecord(Kinds, kind(u"alpha new"_s, 5, u"2024-01-03"_s)).isEmpty());
    } else if (operation == u"update that moves a row"_s) {
        set(2, u"i"_s, 1000);
        set(2, u"d"_s, u"2030-01-01"_s);
        set(2, u"s"_s, u"alpha zzz"_s);
    } else if (operation == u"update to null"_s) {
        set(6, u"i"_s, QJsonValue());
        set(6, u"d"_s, QJsonValue());
    } else if (operation == u"delete"_s) {
        QVERIFY(b.engine.deleteRecord(Kinds, ids.at(0)));
    } else if (operation == u"starts matching"_s) {
        set(1, u"s"_s, u"now alpha too"_s);
    } else if (operation == u"stops matching"_s) {
        set(8, u"s"_s, u"gamma record 8"_s);
    } else if (operation == u"burst"_s) {
        for (int n = 0; n < 12; ++n) {
            if (n == 4)
                continue;
            set(n, u"i"_s, (n * 5) % 7);
            set(n, u"s"_s, u"%1 burst %2"_s.arg(n % 3 == 0 ? u"beta"_s : u"alpha"_s).arg(11 - n));
        }
        QVERIFY(b.engine.deleteRecord(Kinds, ids.at(11)));
        QVERIFY(!b.engine.createRecord(Kinds, kind(u"alpha burst new"_s, 3, u"2024-01-02"_s)).isEmpty());
    }
    QVERIFY(converged(b, a));

    QCOMPARE(view.ids(), freshOrder(&a.model, view.proxy));
    QVERIFY(selected.isValid());
    QCOMPARE(selected.data(RecordTableModel::RecordIdRole).toString(), watched);
    QCOMPARE(resets.size(), 0);
    if (!search.isEmpty()) {
        for (int row = 0; row < view.proxy.rowCount(); ++row)
            QVERIFY(view.proxy.index(row, a.column(u"s"_s)).data().toString().contains(u"alpha"_s));
    }
}

void TestRecordFilterModel::search_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QString>("field"); // empty: every column
    QTest::addColumn<QStringList>("found"); // the "s" values shown, sorted

    const QStringList all = {u"Fix Chloé's bug"_s, u"Review the plan"_s, u"Ship the release"_s};
    QTest::newRow("empty shows all") << QString() << QString() << all;
    QTest::newRow("blank shows all") << u"   "_s << QString() << all;
    QTest::newRow("case-insensitive") << u"SHIP"_s << QString() << QStringList{u"Ship the release"_s};
    QTest::newRow("accent-insensitive") << u"chloe"_s << QString() << QStringList{u"Fix Chloé's bug"_s};
    QTest::newRow("accented search finds plain text") << u"révïew"_s << QString() << QStringList{u"Review the plan"_s};
    QTest::newRow("every word must match") << u"the plan"_s << QString() << QStringList{u"Review the plan"_s};
    QTest::newRow("words match anywhere in the record") << u"release sprint"_s << QString()
                                                       << QStringList{u"Ship the release"_s};
    QTest::newRow("the whole of a text field") << u"second line"_s << QString() << QStringList{u"Fix Chloé's bug"_s};
    QTest::newRow("an enum value") << u"green"_s << QString() << QStringList{u"Review the plan"_s};
    QTest::newRow("a number as shown") << u"42"_s << QString() << QStringList{u"Ship the release"_s};
    QTest::newRow("nothing matches") << u"zebra"_s << QString() << QStringList();
    QTest::newRow("one column only") << u"sprint"_s << u"s"_s << QStringList();
    QTest::newRow("one column, found") << u"sprint"_s << u"t"_s << QStringList{u"Ship the release"_s};
}

void TestRecordFilterModel::search()
{
    QFETCH(QString, search);
    QFETCH(QString, field);
    QFETCH(QStringList, found);

    Client a(m_server->url(), m_server->token(), Kinds);
    LOAD(a);
    QVERIFY(!a.model.insertRecord({{u"s"_s, u"Ship the release"_s}, {u"t"_s, u"before the sprint"_s}, {u"i"_s, 42}})
                 .isEmpty());
    QVERIFY(!a.model.insertRecord({{u"s"_s, u"Fix Chloé's bug"_s}, {u"t"_s, u"first line\nsecond line"_s}}).isEmpty());
    QVERIFY(!a.model.insertRecord({{u"s"_s, u"Review the plan"_s}, {u"e"_s, u"green"_s}}).isEmpty());
    Filtered view(&a.model);
    QSignalSpy searchChanged(&view.proxy, &RecordFilterModel::searchTextChanged);
    view.proxy.setSearchColumn(field.isEmpty() ? -1 : a.column(field));
    view.proxy.setSearchText(search);
    QCOMPARE(searchChanged.size(), search.isEmpty() ? 0 : 1);
    QCOMPARE(view.proxy.searchText(), search);

    QStringList shown = view.values(a.column(u"s"_s));
    shown.sort();
    QCOMPARE(shown, found);
    view.proxy.setSearchText({});
    QCOMPARE(view.proxy.rowCount(), 3);
}

// The record being edited stays while its edit makes it stop matching; unpinned, it goes.
void TestRecordFilterModel::pinnedRecordStaysVisible()
{
    Client a(m_server->url(), m_server->token(), Kinds);
    Client b(m_server->url(), m_server->token(), Kinds);
    LOAD(a);
    LOAD(b);
    const QStringList ids = createThrough(b, a, {kind(u"alpha one"_s, 1, u"2024-01-01"_s),
                                                 kind(u"alpha two"_s, 2, u"2024-01-02"_s)});
    QVERIFY(!ids.isEmpty());
    Filtered view(&a.model);
    view.proxy.setSearchText(u"alpha"_s);
    view.proxy.setPinnedRecord(ids.at(0));
    QCOMPARE(view.proxy.pinnedRecord(), ids.at(0));
    const QPersistentModelIndex edited = view.proxy.indexOfRecord(ids.at(0), a.column(u"s"_s));

    QVERIFY(b.engine.setField(Kinds, ids.at(0), u"s"_s, u"beta one"_s));
    QVERIFY(converged(b, a));
    QVERIFY(edited.isValid()); // still there while pinned
    QCOMPARE(edited.data().toString(), u"beta one"_s);
    QCOMPARE(view.proxy.rowCount(), 2);

    view.proxy.setPinnedRecord({});
    QVERIFY(!edited.isValid());
    QCOMPARE(view.ids(), QStringList{ids.at(1)});

    view.proxy.setPinnedRecord(ids.at(0)); // pinning a hidden record shows it
    QCOMPARE(view.proxy.rowCount(), 2);
    QVERIFY(view.proxy.indexOfRecord(ids.at(0)).isValid());
}

// An edit through the proxy (as a view makes it) moves the row to its new place; the
// persistent index (the view's current cell) moves with it.
void TestRecordFilterModel::localEditMovesTheRowWithItsIndex()
{
    Client a(m_server->url(), m_server->token(), Kinds);
    LOAD(a);
    for (int n = 0; n < 5; ++n)
        QVERIFY(!a.model.insertRecord(kind(u"row %1"_s.arg(n), n * 10, u"2024-01-01"_s)).isEmpty());
    Filtered view(&a.model);
    const int column = a.column(u"i"_s);
    view.proxy.sort(column, Qt::AscendingOrder);
    const QPersistentModelIndex first = view.proxy.index(0, column);
    const QString id = view.proxy.recordIdAt(0);
    QSignalSpy layouts(&view.proxy, &QAbstractItemModel::layoutChanged);

    QVERIFY(view.proxy.setData(first, qint64(25)));
    QCOMPARE(first.row(), 2); // between 20 and 30
    QCOMPARE(first.data(RecordTableModel::RecordIdRole).toString(), id);
    QCOMPARE(view.values(column), (QStringList{u"10"_s, u"20"_s, u"25"_s, u"30"_s, u"40"_s}));
    QCOMPARE(layouts.size(), 1);
    QTRY_COMPARE(a.engine.pendingCount(), 0);
    QCOMPARE(view.ids(), freshOrder(&a.model, view.proxy));
}

// The source resets (a reload of the collection): sort and search apply to the new rows.
void TestRecordFilterModel::reloadKeepsSortAndSearch()
{
    Client a(m_server->url(), m_server->token(), Kinds);
    LOAD(a);
    for (int n = 0; n < 4; ++n)
        QVERIFY(!a.model.insertRecord(kind(u"%1 %2"_s.arg(n % 2 ? u"odd"_s : u"even"_s).arg(n), 10 - n, {})).isEmpty());
    Filtered view(&a.model);
    view.proxy.setSearchText(u"odd"_s);
    view.proxy.sort(a.column(u"i"_s), Qt::AscendingOrder);
    QCOMPARE(view.values(a.column(u"s"_s)), (QStringList{u"odd 3"_s, u"odd 1"_s}));

    a.model.setCollection(u"tasks"_s);
    a.model.setCollection(Kinds);
    QCOMPARE(view.values(a.column(u"s"_s)), (QStringList{u"odd 3"_s, u"odd 1"_s}));
    QCOMPARE(view.ids(), freshOrder(&a.model, view.proxy));
}

QTEST_MAIN(TestRecordFilterModel)
#include "tst_recordfiltermodel.moc"
