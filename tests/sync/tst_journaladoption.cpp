#include "journal.h"
#include "journallocation.h"
#include "rawdatabase.h"
#include "syncengine.h"
#include "testserver.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

namespace {

const QString Tasks = u"tasks"_s;
constexpr int Timeout = 10000;

enum class Kind { Clean, Dirty, Deleted, NeverSent };

RecordState makeRecord(const QString &id, Kind kind, const QString &title = u"local"_s)
{
    RecordState state;
    state.collection = Tasks;
    state.id = id;
    state.local = {{u"title"_s, title}};
    state.dirty = kind == Kind::Dirty || kind == Kind::NeverSent;
    state.deletedLocally = kind == Kind::Deleted;
    if (kind == Kind::NeverSent)
        return state;
    state.uri = u"/collections/tasks/records/"_s + id;
    state.etag = u"\"e3\""_s;
    state.base = {{u"title"_s, u"base"_s}};
    state.author = u"bob"_s;
    state.seq = 3;
    if (kind == Kind::Clean)
        state.local = state.base;
    return state;
}

const CollectionSchema TasksSchema{Tasks, u"Tasks"_s, 7, {}};

} // namespace

Q_DECLARE_METATYPE(Kind)

/// Journal::adoptOrphanedSlots(): the pending edits another slot of the same server and
/// user left behind are taken over by the journal that opens, once and without loss.
class TestJournalAdoption : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void adoptsPendingRecordsAndRemovesTheOtherSlot_data();
    void adoptsPendingRecordsAndRemovesTheOtherSlot();
    void heldSlotIsNotTouched();
    void pendingInBothKeepsTheOtherJournal_data();
    void pendingInBothKeepsTheOtherJournal();
    void adoptingAgainAfterACrashChangesNothing();
    void failedWriteRemovesNothing();
    void unreadableSlotIsKept();
    void adoptedEditsReachTheServer();

private:
    [[nodiscard]] QString basePath() const { return m_dir.filePath(u"x.journal"_s); }
    [[nodiscard]] QString slot(int n) const { return JournalLocation::slotPath(basePath(), n); }
    /// Writes a journal at `path` with `records` of "tasks", its schema and number 7.
    static void fill(const QString &path, const QList<RecordState> &records);
    /// What the journal at `path` holds of "tasks" (opened and closed again).
    static QList<RecordState> contentOf(const QString &path);
    [[nodiscard]] static bool anyFileOf(const QString &path);

    QTemporaryDir m_dir;
};

void TestJournalAdoption::init()
{
    QVERIFY(m_dir.isValid());
    for (const QString &name : QDir(m_dir.path()).entryList(QDir::Files))
        QVERIFY(QFile::remove(m_dir.filePath(name)));
}

void TestJournalAdoption::fill(const QString &path, const QList<RecordState> &records)
{
    Journal journal;
    QVERIFY2(journal.open(path), qPrintable(journal.errorString()));
    QVERIFY(journal.setCollections({TasksSchema}));
    QVERIFY(journal.apply(StoreBatch{Tasks, records, {}, 7}));
}

QList<RecordState> TestJournalAdoption::contentOf(const QString &path)
{
    Journal journal;
    if (!journal.open(path))
        return {};
    return journal.records(Tasks);
}

bool TestJournalAdoption::anyFileOf(const QString &path)
{
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u".lock"_s}) {
        if (QFile::exists(path + suffix))
            return true;
    }
    return false;
}

void TestJournalAdoption::adoptsPendingRecordsAndRemovesTheOtherSlot_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<int>("adopted");
    QTest::newRow("edited") << Kind::Dirty << 1;
    QTest::newRow("deleted") << Kind::Deleted << 1;
    QTest::newRow("created, never sent") << Kind::NeverSent << 1;
    QTest::newRow("clean only") << Kind::Clean << 0;
}

void TestJournalAdoption::adoptsPendingRecordsAndRemovesTheOtherSlot()
{
    QFETCH(Kind, kind);
    QFETCH(int, adopted);
    const RecordState other = makeRecord(u"a"_s, kind);
    fill(slot(2), {other, makeRecord(u"clean"_s, Kind::Clean)});

    Journal journal;
    QVERIFY2(journal.openFreeSlot(basePath()), qPrintable(journal.errorString()));
    QCOMPARE(journal.path(), slot(1));
    QCOMPARE(journal.adoptOrphanedSlots(), adopted);
    QVERIFY(journal.keptJournals().isEmpty());
    QVERIFY(!anyFileOf(slot(2)));

    const QList<RecordState> expected = adopted ? QList<RecordState>{other} : QList<RecordState>{};
    QCOMPARE(journal.records(Tasks), expected);
    QCOMPARE(journal.lastSeq(Tasks), 0); // from the server, not from the other journal
    QCOMPARE(journal.collections().size(), adopted ? 1 : 0);
    journal.close();
    QCOMPARE(contentOf(slot(1)), expected); // committed, not only in memory
}

void TestJournalAdoption::heldSlotIsNotTouched()
{
    const RecordState held = makeRecord(u"held"_s, Kind::Dirty);
    const RecordState orphan = makeRecord(u"orphan"_s, Kind::Deleted);
    fill(slot(1), {held});
    fill(slot(3), {orphan});
    Journal holder; // another window, on slot 1
    QVERIFY(holder.open(slot(1)));

    Journal journal;
    QVERIFY(journal.openFreeSlot(basePath()));
    QCOMPARE(journal.path(), slot(2));
    QCOMPARE(journal.adoptOrphanedSlots(), 1);
    QVERIFY(journal.keptJournals().isEmpty()); // held is not "kept": it has an owner
    QCOMPARE(journal.records(Tasks), QList<RecordState>{orphan});
    QVERIFY(!anyFileOf(slot(3)));
    QVERIFY(holder.isOpen());
    QCOMPARE(holder.records(Tasks), QList<RecordState>{held});
    holder.close();
    QCOMPARE(contentOf(slot(1)), QList<RecordState>{held});
}

void TestJournalAdoption::pendingInBothKeepsTheOtherJournal_data()
{
    QTest::addColumn<RecordState>("mine");
    QTest::addColumn<bool>("kept");
    QTest::newRow("edited here too, differently") << makeRecord(u"a"_s, Kind::Dirty, u"mine"_s) << true;
    QTest::newRow("deleted here") << makeRecord(u"a"_s, Kind::Deleted) << true;
    QTest::newRow("clean here: theirs wins") << makeRecord(u"a"_s, Kind::Clean) << false;
}

void TestJournalAdoption::pendingInBothKeepsTheOtherJournal()
{
    QFETCH(RecordState, mine);
    QFETCH(bool, kept);
    const QList<RecordState> theirs = {makeRecord(u"a"_s, Kind::Dirty, u"theirs"_s), makeRecord(u"b"_s, Kind::Dirty)};
    fill(slot(1), {mine});
    fill(slot(2), theirs);

    Journal journal;
    QVERIFY(journal.openFreeSlot(basePath()));
    QCOMPARE(journal.adoptOrphanedSlots(), kept ? 0 : 2);
    QCOMPARE(journal.keptJournals(), kept ? QStringList{slot(2)} : QStringList{});
    QCOMPARE(journal.records(Tasks), kept ? QList<RecordState>{mine} : theirs);
    QCOMPARE(QFile::exists(slot(2)), kept);
    if (kept)
        QCOMPARE(contentOf(slot(2)), theirs);
}

void TestJournalAdoption::adoptingAgainAfterACrashChangesNothing()
{
    const QList<RecordState> theirs = {makeRecord(u"a"_s, Kind::Dirty), makeRecord(u"b"_s, Kind::NeverSent),
                                       makeRecord(u"c"_s, Kind::Deleted)};
    fill(slot(2), theirs);
    const QString copy = m_dir.filePath(u"copy"_s);
    QVERIFY(QFile::copy(slot(2), copy)); // closed: the -wal was checkpointed into the file

    Journal journal;
    QVERIFY(journal.openFreeSlot(basePath()));
    QCOMPARE(journal.adoptOrphanedSlots(), 3);
    const QList<RecordState> adopted = journal.records(Tasks);
    QCOMPARE(adopted, theirs);

    // The crash: written here, but the other file was not removed yet.
    QVERIFY(QFile::rename(copy, slot(2)));
    QCOMPARE(journal.adoptOrphanedSlots(), 0);
    QVERIFY(journal.keptJournals().isEmpty());
    QCOMPARE(journal.records(Tasks), adopted);
    QVERIFY(!anyFileOf(slot(2)));
    journal.close();
    QCOMPARE(contentOf(slot(1)), adopted);
}

void TestJournalAdoption::failedWriteRemovesNothing()
{
    const QList<RecordState> theirs = {makeRecord(u"a"_s, Kind::Dirty)};
    fill(slot(1), {});
    fill(slot(2), theirs);
    {
        const RawDatabase raw(slot(1));
        QVERIFY(raw.exec(RawDatabase::poisonTrigger(u"INSERT"_s, u"records"_s)));
    }

    Journal journal;
    QVERIFY(journal.openFreeSlot(basePath()));
    QCOMPARE(journal.adoptOrphanedSlots(), -1);
    QVERIFY2(journal.errorString().contains(u"injected failure"_s), qPrintable(journal.errorString()));
    QVERIFY(journal.records(Tasks).isEmpty());
    QCOMPARE(contentOf(slot(2)), theirs);

    // Once the journal can be written again, the next run adopts them.
    journal.close();
    {
        const RawDatabase raw(slot(1));
        QVERIFY(raw.exec(u"DROP TRIGGER poison"_s));
    }
    QVERIFY(journal.openFreeSlot(basePath()));
    QCOMPARE(journal.adoptOrphanedSlots(), 1);
    QCOMPARE(journal.records(Tasks), theirs);
}

void TestJournalAdoption::unreadableSlotIsKept()
{
    QFile garbage(slot(2));
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    QVERIFY(garbage.write(QByteArray(4096, 'x')) == 4096);
    garbage.close();

    Journal journal;
    QVERIFY(journal.openFreeSlot(basePath()));
    QCOMPARE(journal.adoptOrphanedSlots(), 0);
    QCOMPARE(journal.keptJournals(), QStringList{slot(2)});
    QFile check(slot(2));
    QVERIFY(check.open(QIODevice::ReadOnly));
    QCOMPARE(check.readAll(), QByteArray(4096, 'x'));
}

void TestJournalAdoption::adoptedEditsReachTheServer()
{
    TestServer server({u"--demo"_s});
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QString edited;
    QString created;
    {
        // A second window, on slot 2, loads the records; then the server goes away.
        Journal second;
        QVERIFY(second.open(slot(2)));
        SyncEngine engine(server.url(), &second);
        engine.setBearerToken(server.token());
        engine.setTimings(1000, 50);
        engine.start();
        QTRY_VERIFY_WITH_TIMEOUT(engine.connectionState() == ConnectionState::Live && second.lastSeq(Tasks) > 0,
                                 Timeout);
        server.kill();
        edited = engine.records(Tasks).at(0).id;
        QVERIFY(engine.setField(Tasks, edited, u"title"_s, u"From slot 2"_s));
        created = engine.createRecord(Tasks, {{u"title"_s, u"Created in slot 2"_s}, {u"priority"_s, u"low"_s}});
        QVERIFY(!created.isEmpty());
        QCOMPARE(engine.pendingCount(), 2);
    } // that window is closed

    QVERIFY2(server.restart(), qPrintable(server.errorString()));
    Journal journal;
    QVERIFY(journal.openFreeSlot(basePath()));
    QCOMPARE(journal.path(), slot(1));
    QCOMPARE(journal.adoptOrphanedSlots(), 2);
    SyncEngine engine(server.url(), &journal);
    engine.setBearerToken(server.token());
    engine.setTimings(1000, 50);
    QCOMPARE(engine.pendingCount(), 2);
    engine.start();
    QTRY_COMPARE_WITH_TIMEOUT(engine.pendingCount(), 0, Timeout);
    QCOMPARE(engine.record(Tasks, edited)->local.value("title"_L1).toString(), u"From slot 2"_s);
    QCOMPARE(engine.record(Tasks, edited)->base.value("title"_L1).toString(), u"From slot 2"_s); // the server's copy
    QVERIFY(engine.record(Tasks, created)->isOnServer());
    QVERIFY(!anyFileOf(slot(2)));
}

QTEST_GUILESS_MAIN(TestJournalAdoption)
#include "tst_journaladoption.moc"
