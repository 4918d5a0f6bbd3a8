#include "collectionlistmodel.h"
#include "memoryrecordstore.h"
#include "syncengine.h"
#include "tableclient.h"
#include "testserver.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace Etagere;
using namespace Qt::StringLiterals;

namespace {

constexpr int ListTimeoutMs = 10000;

CollectionSchema localSchema(const QString &name, const QString &title)
{
    CollectionSchema schema;
    schema.name = name;
    schema.title = title;
    schema.fields = {{u"title"_s, FieldType::String, u"Title"_s, true, {}}};
    return schema;
}

int createCollection(const TestServer &server, const QString &name, const QString &title)
{
    const QJsonObject body{
        {u"title"_s, title},
        {u"fields"_s, QJsonArray{QJsonObject{{u"name"_s, u"title"_s}, {u"type"_s, u"string"_s},
                                             {u"title"_s, u"Title"_s}, {u"required"_s, true}}}}};
    return Test::createCollection(server.url(), server.token(), name, body);
}

QStringList names(const CollectionListModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result << model.index(row).data(CollectionListModel::NameRole).toString();
    return result;
}

/// (first, last) of each emission of a rowsInserted/rowsRemoved spy.
QList<std::pair<int, int>> ranges(const QSignalSpy &spy)
{
    QList<std::pair<int, int>> result;
    for (const QList<QVariant> &args : spy)
        result.append({args.at(1).toInt(), args.at(2).toInt()});
    return result;
}

using Ranges = QList<std::pair<int, int>>;

} // namespace

class TestCollectionListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsTheServer_data();
    void followsTheServer();
    void roles();
};

void TestCollectionListModel::followsTheServer_data()
{
    // What the store knew before the engine started, what the server has besides the
    // demo's "tasks", and the precise steps the model must take from one to the other.
    QTest::addColumn<QStringList>("stored");      // name=title pairs
    QTest::addColumn<QStringList>("serverExtra"); // name=title pairs created on the server
    QTest::addColumn<QStringList>("expected");    // names, in order
    QTest::addColumn<Ranges>("removedRows");
    QTest::addColumn<Ranges>("insertedRows");
    QTest::addColumn<int>("changedRows");

    // A stored "tasks" has one field where the demo's has seven: its row changes too.
    QTest::newRow("empty store") << QStringList() << QStringList() << QStringList{u"tasks"_s} << Ranges()
                                 << Ranges{{0, 0}} << 0;
    QTest::newRow("unchanged kept") << QStringList{u"books=Books"_s} << QStringList{u"books=Books"_s}
                                    << QStringList{u"books"_s, u"tasks"_s} << Ranges() << Ranges{{1, 1}} << 0;
    QTest::newRow("title changed") << QStringList{u"books=Old books"_s} << QStringList{u"books=Books"_s}
                                   << QStringList{u"books"_s, u"tasks"_s} << Ranges() << Ranges{{1, 1}} << 1;
    QTest::newRow("schema changed") << QStringList{u"tasks=Tasks"_s} << QStringList() << QStringList{u"tasks"_s}
                                    << Ranges() << Ranges() << 1;
    QTest::newRow("gone before") << QStringList{u"archive=Archive"_s, u"tasks=Tasks"_s} << QStringList()
                                 << QStringList{u"tasks"_s} << Ranges{{0, 0}} << Ranges() << 1;
    QTest::newRow("gone after") << QStringList{u"books=Books"_s, u"old=Old"_s} << QStringList{u"books=Books"_s}
                                << QStringList{u"books"_s, u"tasks"_s} << Ranges{{1, 1}} << Ranges{{1, 1}} << 0;
    QTest::newRow("new before") << QStringList{u"tasks=Tasks"_s} << QStringList{u"books=Books"_s}
                                << QStringList{u"books"_s, u"tasks"_s} << Ranges() << Ranges{{0, 0}} << 1;
    QTest::newRow("new after") << QStringList{u"books=Books"_s} << QStringList{u"books=Books"_s, u"zoo=Zoo"_s}
                               << QStringList{u"books"_s, u"tasks"_s, u"zoo"_s} << Ranges()
                               << Ranges{{1, 1}, {2, 2}} << 0;
    QTest::newRow("mixed") << QStringList{u"archive=Archive"_s, u"tasks=Tasks"_s, u"zoo=Old zoo"_s}
                           << QStringList{u"books=Books"_s, u"zoo=Zoo"_s} << QStringList{u"books"_s, u"tasks"_s, u"zoo"_s}
                           << Ranges{{0, 0}} << Ranges{{0, 0}} << 2;
}

void TestCollectionListModel::followsTheServer()
{
    QFETCH(QStringList, stored);
    QFETCH(QStringList, serverExtra);
    QFETCH(QStringList, expected);
    QFETCH(Ranges, removedRows);
    QFETCH(Ranges, insertedRows);
    QFETCH(int, changedRows);

    TestServer server({u"--demo"_s});
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    for (const QString &pair : std::as_const(serverExtra))
        QCOMPARE(createCollection(server, pair.section(u'=', 0, 0), pair.section(u'=', 1)), 201);

    MemoryRecordStore store;
    QList<CollectionSchema> known;
    for (const QString &pair : std::as_const(stored))
        known << localSchema(pair.section(u'=', 0, 0), pair.section(u'=', 1));
    QVERIFY(store.setCollections(known));
    SyncEngine engine(server.url(), &store);
    engine.setBearerToken(server.token());
    CollectionListModel model(&engine);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), stored.size());
    QList<QPersistentModelIndex> kept; // rows of stored collections the server still has
    for (int row = 0; row < model.rowCount(); ++row) {
        if (expected.contains(model.nameAt(row)))
            kept << QPersistentModelIndex(model.index(row));
    }

    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy listed(&engine, &SyncEngine::collectionsChanged);
    engine.start();
    QTRY_VERIFY_WITH_TIMEOUT(!listed.isEmpty(), ListTimeoutMs);

    QCOMPARE(names(model), expected);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(ranges(removed), removedRows);
    QCOMPARE(ranges(inserted), insertedRows);
    QCOMPARE(changed.size(), changedRows);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.index(row).data().toString(), engine.collections().at(row).title);
    for (const QPersistentModelIndex &row : std::as_const(kept))
        QVERIFY(row.isValid()); // such rows survive (moved or updated), never removed and recreated
}

void TestCollectionListModel::roles()
{
    TestServer server({u"--demo"_s});
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    MemoryRecordStore store;
    SyncEngine engine(server.url(), &store);
    engine.setBearerToken(server.token());
    CollectionListModel model(&engine);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    engine.start();
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, ListTimeoutMs);

    const QModelIndex tasks = model.index(0);
    QCOMPARE(tasks.data(Qt::DisplayRole).toString(), u"Tasks"_s);
    QCOMPARE(tasks.data(CollectionListModel::NameRole).toString(), u"tasks"_s);
    QCOMPARE(tasks.data(CollectionListModel::FieldCountRole).toInt(), engine.collection(u"tasks"_s)->fields.size());
    QVERIFY(tasks.data(Qt::ToolTipRole).toString().contains(u"tasks"_s));
    QCOMPARE(model.nameAt(0), u"tasks"_s);
    QCOMPARE(model.nameAt(1), QString());
    QCOMPARE(model.nameAt(-1), QString());
    QCOMPARE(model.rowOf(u"tasks"_s), 0);
    QCOMPARE(model.rowOf(u"nothing"_s), -1);
    QCOMPARE(model.roleNames().value(CollectionListModel::NameRole), "name"_ba);
}

QTEST_MAIN(TestCollectionListModel)
#include "tst_collectionlistmodel.moc"
