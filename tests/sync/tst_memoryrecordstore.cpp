#include "memoryrecordstore.h"
#include "recordstorecontract.h"

#include <QTest>

using namespace Etagere;

/// MemoryRecordStore against the behaviour every RecordStore shares (recordstorecontract.h);
/// tst_journal runs the same table against the Journal.
class TestMemoryRecordStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void behaviour_data();
    void behaviour();
};

void TestMemoryRecordStore::behaviour_data()
{
    RecordStoreContract::addRows();
}

void TestMemoryRecordStore::behaviour()
{
    QFETCH(QList<StoreOp>, ops);
    QFETCH(StoreSnapshot, expected);
    MemoryRecordStore store;
    QVERIFY(RecordStoreContract::run(store, ops)); // an in-memory write never fails
    QCOMPARE(RecordStoreContract::snapshot(store), expected);
    QVERIFY(RecordStoreContract::lookupsAgree(store));
    QCOMPARE(store.errorString(), QString());
}

QTEST_GUILESS_MAIN(TestMemoryRecordStore)
#include "tst_memoryrecordstore.moc"
