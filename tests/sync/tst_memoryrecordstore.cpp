#include "memoryrecordstore.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

namespace {

RecordState state(const QString &id, bool dirty = false)
{
    RecordState s;
    s.collection = u"tasks"_s;
    s.id = id;
    s.uri = u"/v1/collections/tasks/records/"_s + id;
    s.etag = u"\"1\""_s;
    s.dirty = dirty;
    s.local = QJsonObject{{u"title"_s, id}};
    s.base = s.local;
    return s;
}

QStringList ids(const QList<RecordState> &records)
{
    QStringList list;
    for (const RecordState &r : records)
        list.append(r.id);
    return list;
}

} // namespace

class TestMemoryRecordStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void collectionsAreOrderedByName();
    void applyPutsRemovesAndSeq();
    void recordsAreOrderedById();
    void replaceCollectionReplacesOnlyThatCollection();
};

void TestMemoryRecordStore::collectionsAreOrderedByName()
{
    MemoryRecordStore store;
    store.setCollections({CollectionSchema{u"zeta"_s, u"Z"_s, 1, {}}, CollectionSchema{u"alpha"_s, u"A"_s, 2, {}}});
    QCOMPARE(store.collections().size(), 2);
    QCOMPARE(store.collections().at(0).name, u"alpha"_s);
    store.setCollections({CollectionSchema{u"beta"_s, u"B"_s, 0, {}}});
    QCOMPARE(store.collections().size(), 1);
}

void TestMemoryRecordStore::applyPutsRemovesAndSeq()
{
    MemoryRecordStore store;
    QCOMPARE(store.lastSeq(u"tasks"_s), 0);
    QVERIFY(!store.record(u"tasks"_s, u"a"_s));
    store.apply(StoreBatch{u"tasks"_s, {state(u"a"_s), state(u"b"_s, true)}, {}, 4});
    QCOMPARE(store.lastSeq(u"tasks"_s), 4);
    QCOMPARE(store.record(u"tasks"_s, u"b"_s), state(u"b"_s, true));
    store.apply(StoreBatch{u"tasks"_s, {}, {u"a"_s}, std::nullopt});
    QCOMPARE(store.lastSeq(u"tasks"_s), 4); // unchanged without a number
    QVERIFY(!store.record(u"tasks"_s, u"a"_s));
    QCOMPARE(ids(store.records(u"tasks"_s)), QStringList{u"b"_s});
}

void TestMemoryRecordStore::recordsAreOrderedById()
{
    MemoryRecordStore store;
    store.apply(StoreBatch{u"tasks"_s, {state(u"c"_s), state(u"A"_s), state(u"b"_s)}, {}, std::nullopt});
    QCOMPARE(ids(store.records(u"tasks"_s)), QStringList({u"A"_s, u"b"_s, u"c"_s}));
}

void TestMemoryRecordStore::replaceCollectionReplacesOnlyThatCollection()
{
    MemoryRecordStore store;
    store.apply(StoreBatch{u"tasks"_s, {state(u"a"_s), state(u"b"_s)}, {}, 3});
    RecordState other = state(u"x"_s);
    other.collection = u"notes"_s;
    store.apply(StoreBatch{u"notes"_s, {other}, {}, 8});
    store.replaceCollection(u"tasks"_s, {state(u"c"_s)}, 9);
    QCOMPARE(ids(store.records(u"tasks"_s)), QStringList{u"c"_s});
    QCOMPARE(store.lastSeq(u"tasks"_s), 9);
    QCOMPARE(ids(store.records(u"notes"_s)), QStringList{u"x"_s});
    QCOMPARE(store.lastSeq(u"notes"_s), 8);
}

QTEST_GUILESS_MAIN(TestMemoryRecordStore)
#include "tst_memoryrecordstore.moc"
