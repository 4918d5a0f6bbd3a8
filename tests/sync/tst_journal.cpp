#include "journal.h"
#include "journallocation.h"
#include "rawdatabase.h"
#include "recordstorecontract.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <iostream>
#include <string>

#include <sys/file.h>

using namespace Qt::StringLiterals;
using namespace Etagere;

namespace {

const QString Tasks = u"tasks"_s;
const char *const HoldVariable = "ETAGERE_TEST_HOLD_JOURNAL";

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

QList<RecordState> manyRecords(int count)
{
    QList<RecordState> records;
    records.reserve(count);
    for (int i = 0; i < count; ++i) {
        RecordState state = RecordStoreContract::record(u"r%1"_s.arg(i, 6, 10, QLatin1Char('0')));
        state.base.insert(u"notes"_s, u"Some longer text so that a row looks like a real one, number %1"_s.arg(i));
        state.base.insert(u"estimate"_s, i * 0.5);
        state.local = state.base;
        records.append(state);
    }
    return records;
}

/// The child process of lockedByAnotherProcess(): opens the journal, stores one record,
/// says "open" and waits until its stdin closes (or it is killed).
int holdJournal(const QString &path)
{
    Journal journal;
    if (!journal.open(path) || !journal.apply(StoreBatch{Tasks, {RecordStoreContract::record(u"child"_s)}, {}, 77})) {
        std::cout << "failed: " << journal.errorString().toStdString() << std::endl;
        return 1;
    }
    std::cout << "open" << std::endl;
    std::string line;
    std::getline(std::cin, line);
    return 0;
}

} // namespace

/// Journal: the RecordStore behaviour (shared table), durability across close/reopen and
/// a killed process, atomic batches under injected failures, locking, refusal of files
/// that are not (or not yet) ours, and speed.
class TestJournal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void behaviour_data();
    void behaviour();
    void newJournalIsWalWithItsVersion();
    void failedWriteChangesNothing_data();
    void failedWriteChangesNothing();
    void closedJournalRefusesWrites();
    void lockedByAnotherInstance();
    void lockedByAnotherProcess();
    void halfWrittenLock_data();
    void halfWrittenLock();
    void openFreeSlot();
    void newerVersionIsRefused();
    void foreignFileIsRefused_data();
    void foreignFileIsRefused();
    void damagedRowIsRefused();

    // On one journal of 10,000 records, made once (a benchmark reruns its function).
    void benchApplyOneEdit();
    void benchRecordsTenThousand();
    void benchOpenTenThousand();

private:
    [[nodiscard]] QString journalPath() const { return m_dir->filePath(u"sub/dir/test.journal"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;
    QTemporaryDir m_bigDir;
    Journal m_big;
};

void TestJournal::initTestCase()
{
    QVERIFY(m_bigDir.isValid());
    QVERIFY2(m_big.open(m_bigDir.filePath(u"big.journal"_s)), qPrintable(m_big.errorString()));
    QVERIFY(m_big.apply(StoreBatch{Tasks, manyRecords(10000), {}, 1}));
}

void TestJournal::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestJournal::behaviour_data()
{
    RecordStoreContract::addRows();
}

void TestJournal::behaviour()
{
    QFETCH(QList<StoreOp>, ops);
    QFETCH(StoreSnapshot, expected);
    Journal journal;
    QVERIFY2(journal.open(journalPath()), qPrintable(journal.errorString()));
    QVERIFY2(RecordStoreContract::run(journal, ops), qPrintable(journal.errorString()));
    QCOMPARE(RecordStoreContract::snapshot(journal), expected);
    QVERIFY(RecordStoreContract::lookupsAgree(journal));

    journal.close(); // every field, number and schema comes back from the file
    QVERIFY(RecordStoreContract::snapshot(journal).records.isEmpty());
    Journal reopened;
    QVERIFY2(reopened.open(journalPath()), qPrintable(reopened.errorString()));
    QCOMPARE(RecordStoreContract::snapshot(reopened), expected);
    QVERIFY(RecordStoreContract::lookupsAgree(reopened));
    QCOMPARE(reopened.errorString(), QString());
}

void TestJournal::newJournalIsWalWithItsVersion()
{
    Journal journal;
    QVERIFY2(journal.open(journalPath()), qPrintable(journal.errorString()));
    QVERIFY(journal.isOpen());
    QCOMPARE(journal.path(), journalPath());
    QVERIFY(QFile::exists(journalPath() + u".lock"_s));
    const RawDatabase raw(journalPath());
    QCOMPARE(raw.value(u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
    QCOMPARE(raw.value(u"PRAGMA user_version"_s).toInt(), Journal::SchemaVersion);
    QCOMPARE(raw.value(u"PRAGMA application_id"_s).toInt(), Journal::ApplicationId);
    QCOMPARE(raw.value(u"PRAGMA integrity_check"_s).toString(), u"ok"_s);
    journal.close();
    QVERIFY(!journal.isOpen());
    QVERIFY(!QFile::exists(journalPath() + u".lock"_s));
}

void TestJournal::failedWriteChangesNothing_data()
{
    // A trigger added behind the journal's back makes one statement of a write fail, after
    // others of the same transaction succeeded: the whole write must be rolled back.
    const QString poisonRecord = RawDatabase::poisonTrigger(u"INSERT"_s, u"records"_s, u"id"_s, u"poison"_s);
    const QString poisonRemoval = RawDatabase::poisonTrigger(u"DELETE"_s, u"records"_s, u"id"_s, u"a"_s);
    const QString poisonNumber = RawDatabase::poisonTrigger(u"INSERT"_s, u"sequences"_s);
    const QString poisonCollection = RawDatabase::poisonTrigger(u"INSERT"_s, u"collections"_s, u"name"_s, u"poison"_s);
    const RecordState c = RecordStoreContract::record(u"c"_s);
    const RecordState poison = RecordStoreContract::record(u"poison"_s);
    const CollectionSchema notes{u"notes"_s, u"Notes"_s, 0, {}};
    const CollectionSchema poisoned{u"poison"_s, u"Poison"_s, 0, {}};
    QTest::addColumn<QString>("trigger");
    QTest::addColumn<StoreOp>("op");
    QTest::newRow("second put of a batch") << poisonRecord << StoreOp::apply({Tasks, {c, poison}, {}, 6});
    QTest::newRow("removal after a put") << poisonRemoval << StoreOp::apply({Tasks, {c}, {u"b"_s, u"a"_s}, 6});
    QTest::newRow("number after puts and removals") << poisonNumber << StoreOp::apply({Tasks, {c}, {u"b"_s}, 6});
    QTest::newRow("setCollections half-way") << poisonCollection << StoreOp::setCollections({notes, poisoned});
}

void TestJournal::failedWriteChangesNothing()
{
    QFETCH(QString, trigger);
    QFETCH(StoreOp, op);
    Journal journal;
    QVERIFY2(journal.open(journalPath()), qPrintable(journal.errorString()));
    const RecordState a = RecordStoreContract::record(u"a"_s);
    const RecordState b = RecordStoreContract::record(u"b"_s);
    QVERIFY(journal.apply(StoreBatch{Tasks, {a, b}, {}, 5}));
    QVERIFY(journal.setCollections({CollectionSchema{Tasks, u"Tasks"_s, 5, {}}}));
    const StoreSnapshot before = RecordStoreContract::snapshot(journal);
    {
        const RawDatabase raw(journalPath());
        QVERIFY(raw.exec(trigger));
    }

    QVERIFY(!RecordStoreContract::run(journal, {op}));
    QVERIFY2(journal.errorString().contains(u"injected failure"_s), qPrintable(journal.errorString()));
    QCOMPARE(RecordStoreContract::snapshot(journal), before); // in memory
    journal.close();
    {
        const RawDatabase raw(journalPath());
        QVERIFY(raw.exec(u"DROP TRIGGER poison"_s));
    }
    QVERIFY2(journal.open(journalPath()), qPrintable(journal.errorString()));
    QCOMPARE(RecordStoreContract::snapshot(journal), before); // on disk
    QVERIFY(RecordStoreContract::run(journal, {op})); // the same write, now that it can succeed
    QVERIFY(RecordStoreContract::snapshot(journal) != before);
}

void TestJournal::closedJournalRefusesWrites()
{
    Journal journal;
    QVERIFY(!journal.apply(StoreBatch{Tasks, {RecordStoreContract::record(u"a"_s)}, {}, 1}));
    QVERIFY(journal.errorString().contains(u"not open"_s));
    QVERIFY(!journal.setCollections({}));
    QVERIFY(journal.records(Tasks).isEmpty());
    QCOMPARE(journal.lastSeq(Tasks), 0);
}

void TestJournal::lockedByAnotherInstance()
{
    Journal first;
    QVERIFY2(first.open(journalPath()), qPrintable(first.errorString()));
    QVERIFY(first.apply(StoreBatch{Tasks, {RecordStoreContract::record(u"a"_s)}, {}, 3}));
    Journal second;
    QVERIFY(!second.open(journalPath()));
    QVERIFY2(second.errorString().contains(u"in use"_s), qPrintable(second.errorString()));
    QVERIFY(second.isLockedElsewhere());
    QVERIFY(!first.isLockedElsewhere());
    QVERIFY(!second.isOpen());
    QVERIFY(second.records(Tasks).isEmpty());
    QVERIFY(first.apply(StoreBatch{Tasks, {RecordStoreContract::record(u"b"_s)}, {}, 4})); // not disturbed
    first.close();
    QVERIFY2(second.open(journalPath()), qPrintable(second.errorString()));
    QCOMPARE(second.records(Tasks).size(), 2);
    QCOMPARE(second.lastSeq(Tasks), 4);
}

void TestJournal::openFreeSlot()
{
    const QString path = journalPath();
    Journal first;
    Journal second;
    Journal third;
    QVERIFY2(first.openFreeSlot(path, 2), qPrintable(first.errorString()));
    QCOMPARE(first.path(), path);
    QVERIFY2(second.openFreeSlot(path, 2), qPrintable(second.errorString()));
    QCOMPARE(second.path(), JournalLocation::slotPath(path, 2));
    QVERIFY(!third.openFreeSlot(path, 2)); // both held
    QVERIFY2(third.errorString().contains(u"in use"_s), qPrintable(third.errorString()));
    QVERIFY(!third.isOpen());
    first.close();
    QVERIFY2(third.openFreeSlot(path, 2), qPrintable(third.errorString())); // the first slot again
    QCOMPARE(third.path(), path);
}

void TestJournal::lockedByAnotherProcess()
{
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(HoldVariable), journalPath());
    child.setProcessEnvironment(environment);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForStarted());
    QVERIFY(QTest::qWaitFor([&child] { return child.canReadLine() || child.state() != QProcess::Running; }, 10000));
    QCOMPARE(child.readLine().trimmed(), "open"_ba);

    Journal journal;
    QVERIFY(!journal.open(journalPath()));
    QVERIFY2(journal.errorString().contains(u"in use"_s), qPrintable(journal.errorString()));
    QVERIFY2(journal.errorString().contains(QString::number(child.processId())), qPrintable(journal.errorString()));

    child.kill(); // SIGKILL: its lock is stale, what it committed is there
    QVERIFY(child.waitForFinished());
    QVERIFY2(journal.open(journalPath()), qPrintable(journal.errorString()));
    QCOMPARE(journal.record(Tasks, u"child"_s), RecordStoreContract::record(u"child"_s));
    QCOMPARE(journal.lastSeq(Tasks), 77);
}

void TestJournal::halfWrittenLock_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("ageSeconds");
    QTest::addColumn<bool>("heldNatively"); // by a live process (here: this one)
    QTest::addColumn<bool>("opens");
    QTest::newRow("empty, of a killed process") << QByteArray() << 10 << false << true;
    QTest::newRow("cut short after the pid (Qt's own case)") << "4242\n"_ba << 10 << false << true;
    QTest::newRow("empty, just made: being written") << QByteArray() << 0 << false << false;
    QTest::newRow("empty, its owner alive") << QByteArray() << 10 << true << false;
}

// A process killed between creating its lock file and writing its pid into it leaves a lock
// nobody can read: the next open takes it over, unless it may still be in the making.
void TestJournal::halfWrittenLock()
{
    QFETCH(QByteArray, content);
    QFETCH(int, ageSeconds);
    QFETCH(bool, heldNatively);
    QFETCH(bool, opens);
    {
        Journal first; // a journal with a record, then closed
        QVERIFY(first.open(journalPath()));
        QVERIFY(first.apply(StoreBatch{Tasks, {RecordStoreContract::record(u"a"_s)}, {}, 3}));
    }
    QFile lock(journalPath() + u".lock"_s);
    QVERIFY(lock.open(QIODevice::WriteOnly));
    QCOMPARE(lock.write(content), content.size());
    lock.flush();
    QVERIFY(lock.setFileTime(QDateTime::currentDateTime().addSecs(-ageSeconds), QFileDevice::FileModificationTime));
    if (heldNatively)
        QCOMPARE(::flock(lock.handle(), LOCK_EX | LOCK_NB), 0);

    Journal journal;
    QCOMPARE(journal.open(journalPath()), opens);
    if (opens) {
        QCOMPARE(journal.lastSeq(Tasks), 3);
        journal.close();
        QVERIFY(!QFile::exists(lock.fileName()));
    } else {
        QVERIFY2(journal.errorString().contains(u"in use"_s), qPrintable(journal.errorString()));
        QVERIFY(journal.isLockedElsewhere());
        QVERIFY(QFile::exists(lock.fileName())); // left alone
    }
}

void TestJournal::newerVersionIsRefused()
{
    {
        Journal journal;
        QVERIFY(journal.open(journalPath()));
        QVERIFY(journal.apply(StoreBatch{Tasks, {RecordStoreContract::record(u"a"_s)}, {}, 3}));
    }
    {
        const RawDatabase raw(journalPath());
        QVERIFY(raw.exec(u"PRAGMA user_version=%1"_s.arg(Journal::SchemaVersion + 1)));
    }
    const QByteArray before = fileHash(journalPath());
    Journal journal;
    QVERIFY(!journal.open(journalPath()));
    QVERIFY2(journal.errorString().contains(u"newer version"_s), qPrintable(journal.errorString()));
    QVERIFY(!journal.isOpen());
    QVERIFY(journal.records(Tasks).isEmpty());
    QCOMPARE(fileHash(journalPath()), before); // left as it is
    QVERIFY(!QFile::exists(journalPath() + u".lock"_s));
}

void TestJournal::foreignFileIsRefused_data()
{
    QTest::addColumn<QStringList>("statements"); // empty: a text file
    QTest::addColumn<QString>("message");
    QTest::newRow("text file") << QStringList() << u"not an Etagere journal"_s;
    QTest::newRow("another program's database")
        << QStringList{u"CREATE TABLE records (id TEXT, data TEXT)"_s} << u"not an Etagere journal"_s;
    QTest::newRow("another application id")
        << QStringList{u"CREATE TABLE t (x)"_s, u"PRAGMA application_id=1234"_s, u"PRAGMA user_version=1"_s}
        << u"not an Etagere journal"_s;
    QTest::newRow("our id without a version") << QStringList{u"PRAGMA application_id=%1"_s.arg(Journal::ApplicationId)}
                                              << u"not an Etagere journal"_s;
}

void TestJournal::foreignFileIsRefused()
{
    QFETCH(QStringList, statements);
    QFETCH(QString, message);
    const QString path = m_dir->filePath(u"foreign.db"_s);
    if (statements.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("These are my notes, not a database.\n").repeated(200));
    } else {
        const RawDatabase raw(path);
        for (const QString &sql : std::as_const(statements))
            QVERIFY2(raw.exec(sql), qPrintable(sql));
    }
    const QByteArray before = fileHash(path);
    Journal journal;
    QVERIFY(!journal.open(path));
    QVERIFY2(journal.errorString().contains(message), qPrintable(journal.errorString()));
    QVERIFY(!journal.isLockedElsewhere()); // another file would not help
    QCOMPARE(fileHash(path), before);

    QVERIFY(!journal.open(m_dir->path())); // a directory
    QVERIFY(!journal.errorString().isEmpty());
}

void TestJournal::damagedRowIsRefused()
{
    {
        Journal journal;
        QVERIFY(journal.open(journalPath()));
        QVERIFY(journal.apply(StoreBatch{Tasks, {RecordStoreContract::record(u"a"_s)}, {}, 3}));
    }
    {
        const RawDatabase raw(journalPath());
        QVERIFY(raw.exec(u"UPDATE records SET local = '{\"title\": ' WHERE id = 'a'"_s));
    }
    Journal journal;
    QVERIFY(!journal.open(journalPath()));
    QVERIFY2(journal.errorString().contains(u"damaged"_s), qPrintable(journal.errorString()));
    QVERIFY(journal.records(Tasks).isEmpty());
}

void TestJournal::benchApplyOneEdit()
{
    // One local edit as the engine stores it: one record, one transaction, synchronous=FULL.
    RecordState edited = *m_big.record(Tasks, u"r005000"_s);
    edited.dirty = true;
    int round = 0;
    QBENCHMARK {
        edited.local.insert(u"title"_s, u"edit %1"_s.arg(++round));
        QVERIFY(m_big.apply(StoreBatch{Tasks, {edited}, {}, std::nullopt}));
    }
    QCOMPARE(m_big.record(Tasks, u"r005000"_s), edited);
}

void TestJournal::benchRecordsTenThousand()
{
    qsizetype count = 0;
    QBENCHMARK {
        count = m_big.records(Tasks).size();
    }
    QCOMPARE(count, 10000);
}

void TestJournal::benchOpenTenThousand()
{
    m_big.close();
    Journal journal;
    QBENCHMARK {
        QVERIFY(journal.open(m_bigDir.filePath(u"big.journal"_s)));
    }
    QCOMPARE(journal.records(Tasks).size(), 10000);
    QVERIFY(journal.record(Tasks, u"r005000"_s)->dirty); // the edits of benchApplyOneEdit are there
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet(HoldVariable))
        return holdJournal(qEnvironmentVariable(HoldVariable));
    TestJournal test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_journal.moc"
