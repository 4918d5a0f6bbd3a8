#include "fetchchangesjob.h"
#include "fetchrecordsjob.h"
#include "memoryrecordstore.h"
#include "runjob.h"
#include "syncengine.h"
#include "testserver.h"
#include "writerecordjob.h"

#include "networkaccess.h"
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

namespace {

constexpr int Timeout = 10000;
const QString Tasks = u"tasks"_s;

/// What a side does to the record in deletePathsOfReconcile().
enum class Action {
    Delete,        ///< deletes it
    Edit,          ///< changes its title
    Resave,        ///< writes it again with the same values (a new ETag, nothing changed)
    EditAndRevert, ///< ours only: changes the title, then changes it back while that write is in flight
};

} // namespace

Q_DECLARE_METATYPE(Action)

/// Whole-record edits of the engine against a real etagere-server (`--demo`, collection
/// "tasks"): createRecordWithId() (a caller-chosen id, written exactly once), setRecord()
/// (one edit, one write), and the delete paths of the 412 reconciliation. "The other
/// client" is played by the test with plain REST jobs while our engine is stopped, so
/// that our write goes out with a stale ETag when it starts again.
class TestSyncEngineRecords : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createWithChosenIdIsWrittenOnce();
    void replayedCreationIsNotDuplicated();
    void createWithChosenIdRefusesBadInput_data();
    void createWithChosenIdRefusesBadInput();
    void setRecordIsOneEditAndOneWrite();
    void setRecordWithSameDataDoesNothing();
    void setRecordRefusesLikeSetField_data();
    void setRecordRefusesLikeSetField();
    void deletePathsOfReconcile_data();
    void deletePathsOfReconcile();

private:
    void startServer();
    [[nodiscard]] bool startEngine();
    [[nodiscard]] QString someId() const;
    /// The server's copy of a record; nullopt when absent.
    [[nodiscard]] std::optional<Record> serverRecord(const QString &id);
    /// The server's changes of "tasks" after `since`; its current number in *seq.
    [[nodiscard]] QList<Change> serverChanges(qint64 since, qint64 *seq = nullptr);
    [[nodiscard]] qint64 serverSeq();
    /// A write by "another client"; false when it failed.
    [[nodiscard]] bool otherClientWrites(WriteRecordJob::Mode mode, const QString &id, const QJsonObject &data,
                                         const QString &etag);

    NetworkAccess m_network;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<MemoryRecordStore> m_store;
    std::unique_ptr<SyncEngine> m_engine;
};

void TestSyncEngineRecords::init()
{
    qRegisterMetaType<Etagere::ChangeSource>();
    qRegisterMetaType<Etagere::Conflict>();
    startServer();
}

void TestSyncEngineRecords::cleanup()
{
    m_engine.reset();
    m_store.reset();
    m_server.reset();
}

void TestSyncEngineRecords::startServer()
{
    m_server = std::make_unique<TestServer>(QStringList{u"--demo"_s});
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_network.setBearerToken(m_server->token());
    m_store = std::make_unique<MemoryRecordStore>();
    m_engine = std::make_unique<SyncEngine>(m_server->url(), m_store.get());
    m_engine->setBearerToken(m_server->token());
    m_engine->setTimings(1000, 50);
}

bool TestSyncEngineRecords::startEngine()
{
    QSignalSpy reloaded(m_engine.get(), &SyncEngine::collectionReloaded);
    m_engine->start();
    return (!reloaded.isEmpty() || reloaded.wait(Timeout))
           && QTest::qWaitFor([this] { return m_engine->connectionState() == ConnectionState::Live; }, Timeout);
}

QString TestSyncEngineRecords::someId() const
{
    const QList<RecordState> records = m_engine->records(Tasks);
    return records.isEmpty() ? QString() : records.constFirst().id;
}

std::optional<Record> TestSyncEngineRecords::serverRecord(const QString &id)
{
    FetchRecordsJob job(&m_network, m_server->url(), Tasks);
    if (!Test::runJob(job, Timeout))
        return std::nullopt;
    for (const Record &record : job.records()) {
        if (record.id == id)
            return record;
    }
    return std::nullopt;
}

QList<Change> TestSyncEngineRecords::serverChanges(qint64 since, qint64 *seq)
{
    FetchChangesJob job(&m_network, m_server->url(), Tasks, since);
    if (!Test::runJob(job, Timeout)) {
        qWarning() << "fetching the changes failed:" << job.errorString();
        return {};
    }
    if (seq)
        *seq = job.seq();
    return job.changes();
}

qint64 TestSyncEngineRecords::serverSeq()
{
    qint64 seq = -1;
    [[maybe_unused]] const QList<Change> all = serverChanges(0, &seq);
    return seq;
}

bool TestSyncEngineRecords::otherClientWrites(WriteRecordJob::Mode mode, const QString &id, const QJsonObject &data,
                                              const QString &etag)
{
    WriteRecordJob job(&m_network, m_server->url(), mode, Tasks, id, data, etag);
    return Test::runJob(job, Timeout);
}

void TestSyncEngineRecords::createWithChosenIdIsWrittenOnce()
{
    QVERIFY(startEngine());
    const qint64 before = serverSeq();
    QVERIFY(before > 0);
    QSignalSpy inserted(m_engine.get(), &SyncEngine::recordInserted);
    const QString id = u"chosen-id_1"_s;
    const QJsonObject data{{u"title"_s, u"Chosen"_s}, {u"priority"_s, u"low"_s}};
    QString error;
    QVERIFY2(m_engine->createRecordWithId(Tasks, id, data, &error), qPrintable(error));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.constFirst().at(1).toString(), id);
    QCOMPARE(inserted.constFirst().at(2).value<ChangeSource>(), ChangeSource::Local);
    QVERIFY(!m_engine->record(Tasks, id)->isOnServer());
    QCOMPARE(m_engine->record(Tasks, id)->local, data);
    QCOMPARE(m_engine->pendingCount(), 1);

    QTRY_COMPARE_WITH_TIMEOUT(m_engine->pendingCount(), 0, Timeout);
    const RecordState acked = *m_engine->record(Tasks, id);
    QVERIFY(acked.isOnServer());
    const std::optional<Record> onServer = serverRecord(id);
    QVERIFY(onServer);
    QCOMPARE(onServer->data, data);
    QCOMPARE(onServer->etag, acked.etag);
    const QList<Change> changes = serverChanges(before);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.constFirst().id, id);
    QCOMPARE(changes.constFirst().op, Change::Op::Put);
    QCOMPARE(inserted.size(), 1); // our own echo is no second insert
    QVERIFY(m_engine->conflicts().isEmpty());
}

void TestSyncEngineRecords::replayedCreationIsNotDuplicated()
{
    // The creation reached the server but its answer was lost: the store still has it as
    // never sent, and a new engine sends it again (If-None-Match: *).
    QVERIFY(startEngine());
    const QString id = u"replayed"_s;
    const QJsonObject data{{u"title"_s, u"Once"_s}};
    QVERIFY(m_engine->createRecordWithId(Tasks, id, data));
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->pendingCount(), 0, Timeout);
    const qint64 before = serverSeq();
    RecordState unsent = *m_engine->record(Tasks, id);
    m_engine.reset();
    unsent.uri.clear();
    unsent.etag.clear();
    unsent.base = {};
    unsent.dirty = true;
    QVERIFY(m_store->apply(StoreBatch{Tasks, {unsent}, {}, std::nullopt}));

    m_engine = std::make_unique<SyncEngine>(m_server->url(), m_store.get());

    m_engine->setBearerToken(m_server->token());
    m_engine->setTimings(1000, 50);
    QSignalSpy conflicts(m_engine.get(), &SyncEngine::conflictAdded);
    QCOMPARE(m_engine->pendingCount(), 1);
    m_engine->start();
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->pendingCount(), 0, Timeout);
    QVERIFY(conflicts.isEmpty()); // a 412 with what we sent is "applied", not a conflict
    QVERIFY(m_engine->record(Tasks, id)->isOnServer());
    QCOMPARE(m_engine->record(Tasks, id)->local, data);
    QCOMPARE(serverChanges(before).size(), 0); // nothing written twice
    QCOMPARE(serverRecord(id)->data, data);
}

void TestSyncEngineRecords::createWithChosenIdRefusesBadInput_data()
{
    QTest::addColumn<QString>("collection");
    QTest::addColumn<QString>("id"); // "@known" stands for a record the engine has
    QTest::addColumn<QJsonObject>("data");
    QTest::addColumn<QString>("message");

    const QJsonObject good{{u"title"_s, u"fine"_s}};
    QTest::newRow("empty id") << Tasks << QString() << good << u"not a valid record id"_s;
    QTest::newRow("id with a slash") << Tasks << u"a/b"_s << good << u"not a valid record id"_s;
    QTest::newRow("id with a space") << Tasks << u"a b"_s << good << u"not a valid record id"_s;
    QTest::newRow("id too long") << Tasks << QString(129, u'x') << good << u"not a valid record id"_s;
    QTest::newRow("known id") << Tasks << u"@known"_s << good << u"already exists"_s;
    QTest::newRow("unknown collection") << u"nope"_s << u"fresh"_s << good << u"Unknown collection"_s;
    QTest::newRow("required field missing") << Tasks << u"fresh"_s << QJsonObject{{u"notes"_s, u"n"_s}}
                                            << u"title"_s;
    QTest::newRow("unknown field") << Tasks << u"fresh"_s << QJsonObject{{u"title"_s, u"t"_s}, {u"colour"_s, 1}}
                                   << u"colour"_s;
}

void TestSyncEngineRecords::createWithChosenIdRefusesBadInput()
{
    QFETCH(QString, collection);
    QFETCH(QString, id);
    QFETCH(QJsonObject, data);
    QFETCH(QString, message);
    QVERIFY(startEngine());
    if (id == u"@known"_s)
        id = someId();
    const QList<RecordState> before = m_engine->records(Tasks);
    QSignalSpy inserted(m_engine.get(), &SyncEngine::recordInserted);
    QSignalSpy changed(m_engine.get(), &SyncEngine::recordChanged);

    QString error;
    QVERIFY(!m_engine->createRecordWithId(collection, id, data, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QCOMPARE(m_engine->records(Tasks), before);
    QCOMPARE(m_engine->pendingCount(), 0);
    QVERIFY(inserted.isEmpty());
    QVERIFY(changed.isEmpty());
}

void TestSyncEngineRecords::setRecordIsOneEditAndOneWrite()
{
    QVERIFY(startEngine());
    const QString id = someId();
    const RecordState before = *m_engine->record(Tasks, id);
    const qint64 seq = serverSeq();
    QJsonObject data = before.local;
    data.insert(u"title"_s, u"Whole record"_s);
    data.insert(u"owner"_s, u"Ada"_s);
    data.insert(u"done"_s, !before.local.value("done"_L1).toBool());
    QSignalSpy changed(m_engine.get(), &SyncEngine::recordChanged);

    QString error;
    QVERIFY2(m_engine->setRecord(Tasks, id, data, &error), qPrintable(error));
    QCOMPARE(changed.size(), 1); // one edit, every changed field at once
    QStringList fields = changed.constFirst().at(2).toStringList();
    fields.sort();
    QCOMPARE(fields, (QStringList{u"done"_s, u"owner"_s, u"title"_s}));
    QCOMPARE(changed.constFirst().at(3).value<ChangeSource>(), ChangeSource::Local);
    QCOMPARE(m_engine->record(Tasks, id)->local, data);
    QVERIFY(m_engine->record(Tasks, id)->dirty);

    QTRY_COMPARE_WITH_TIMEOUT(m_engine->pendingCount(), 0, Timeout);
    const QList<Change> changes = serverChanges(seq);
    QCOMPARE(changes.size(), 1); // one write, not one per field
    QCOMPARE(changes.constFirst().id, id);
    QCOMPARE(changes.constFirst().data, data);
    const std::optional<Record> onServer = serverRecord(id);
    QCOMPARE(onServer->data, data);
    QCOMPARE(onServer->etag, m_engine->record(Tasks, id)->etag);
}

void TestSyncEngineRecords::setRecordWithSameDataDoesNothing()
{
    QVERIFY(startEngine());
    const QString id = someId();
    const RecordState before = *m_engine->record(Tasks, id);
    QSignalSpy changed(m_engine.get(), &SyncEngine::recordChanged);
    QVERIFY(m_engine->setRecord(Tasks, id, before.local));
    QVERIFY(changed.isEmpty());
    QCOMPARE(*m_engine->record(Tasks, id), before);
    QCOMPARE(m_engine->pendingCount(), 0);
}

void TestSyncEngineRecords::setRecordRefusesLikeSetField_data()
{
    QTest::addColumn<QString>("state"); // what the record is in before the edit
    QTest::addColumn<QString>("id");    // "@id": the record picked
    QTest::addColumn<QJsonObject>("data");
    QTest::addColumn<QString>("message");

    const QJsonObject good{{u"title"_s, u"fine"_s}};
    QTest::newRow("unknown record") << u"clean"_s << u"no-such-record"_s << good << u"Unknown record"_s;
    QTest::newRow("required field missing") << u"clean"_s << u"@id"_s << QJsonObject{{u"notes"_s, u"n"_s}}
                                            << u"title"_s;
    QTest::newRow("enum value not listed")
        << u"clean"_s << u"@id"_s << QJsonObject{{u"title"_s, u"t"_s}, {u"priority"_s, u"urgent"_s}} << u"priority"_s;
    QTest::newRow("unknown field") << u"clean"_s << u"@id"_s << QJsonObject{{u"title"_s, u"t"_s}, {u"colour"_s, 1}}
                                   << u"colour"_s;
    QTest::newRow("pending deletion") << u"deleted"_s << u"@id"_s << good << u"being deleted"_s;
    QTest::newRow("open conflict") << u"conflict"_s << u"@id"_s << good << u"conflict"_s;
}

void TestSyncEngineRecords::setRecordRefusesLikeSetField()
{
    QFETCH(QString, state);
    QFETCH(QString, id);
    QFETCH(QJsonObject, data);
    QFETCH(QString, message);
    QVERIFY(startEngine());
    if (id == u"@id"_s)
        id = someId();
    m_engine->stop(); // the record stays as this test puts it
    if (state == u"deleted"_s)
        QVERIFY(m_engine->deleteRecord(Tasks, id));
    if (state == u"conflict"_s) { // an edit begun from a value the field no longer has
        QVERIFY(m_engine->setFieldFrom(Tasks, id, u"title"_s, u"what the editor showed"_s, u"mine"_s));
        QVERIFY(m_engine->conflict(Tasks, id));
    }
    const QList<RecordState> before = m_engine->records(Tasks);
    const int pending = m_engine->pendingCount();
    QSignalSpy changed(m_engine.get(), &SyncEngine::recordChanged);

    QString error;
    QVERIFY(!m_engine->setRecord(Tasks, id, data, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QCOMPARE(m_engine->records(Tasks), before);
    QCOMPARE(m_engine->pendingCount(), pending);
    QVERIFY(changed.isEmpty());
}

void TestSyncEngineRecords::deletePathsOfReconcile_data()
{
    QTest::addColumn<Action>("ours");
    QTest::addColumn<Action>("theirs");
    QTest::addColumn<bool>("conflict");       // the engine opens a conflict
    QTest::addColumn<bool>("keptLocally");    // the engine still has the record at the end
    QTest::addColumn<bool>("keptOnServer");   // the server still has it at the end

    QTest::newRow("I deleted, they re-saved the same values: my delete goes out with their ETag")
        << Action::Delete << Action::Resave << false << false << false;
    QTest::newRow("I deleted, they deleted too: gone") << Action::Delete << Action::Delete << false << false << false;
    QTest::newRow("they deleted a record I left unchanged: removed")
        << Action::EditAndRevert << Action::Delete << false << false << false;
    QTest::newRow("I edited, they deleted: conflict") << Action::Edit << Action::Delete << true << true << false;
    QTest::newRow("I deleted, they edited: conflict") << Action::Delete << Action::Edit << true << true << true;
}

void TestSyncEngineRecords::deletePathsOfReconcile()
{
    QFETCH(Action, ours);
    QFETCH(Action, theirs);
    QFETCH(bool, conflict);
    QFETCH(bool, keptLocally);
    QFETCH(bool, keptOnServer);
    QVERIFY(startEngine());
    const QString id = someId();
    const RecordState before = *m_engine->record(Tasks, id);
    m_engine->stop(); // their write cannot reach us before ours leaves with the old ETag

    QJsonObject edited = before.base;
    edited.insert(u"title"_s, u"Edited"_s);
    const WriteRecordJob::Mode theirMode =
        theirs == Action::Delete ? WriteRecordJob::Mode::Delete : WriteRecordJob::Mode::Replace;
    QVERIFY(otherClientWrites(theirMode, id, theirs == Action::Edit ? edited : before.base, before.etag));

    if (ours == Action::Delete)
        QVERIFY(m_engine->deleteRecord(Tasks, id));
    else
        QVERIFY(m_engine->setField(Tasks, id, u"title"_s, u"Mine"_s));
    QSignalSpy conflicts(m_engine.get(), &SyncEngine::conflictAdded);
    QSignalSpy removed(m_engine.get(), &SyncEngine::recordRemoved);
    m_engine->start(); // sends our pending write at once (If-Match: the old ETag)
    if (ours == Action::EditAndRevert) { // before its answer: the record is the base again
        QVERIFY(m_engine->setField(Tasks, id, u"title"_s, before.base.value("title"_L1)));
        QCOMPARE(m_engine->record(Tasks, id)->local, before.base);
    }

    if (conflict) {
        QTRY_COMPARE_WITH_TIMEOUT(conflicts.size(), 1, Timeout);
        const Conflict opened = conflicts.constFirst().at(0).value<Conflict>();
        QCOMPARE(opened.id, id);
        QCOMPARE(opened.hasMine, ours != Action::Delete);
        QCOMPARE(opened.hasTheirs, theirs != Action::Delete);
        QCOMPARE(m_engine->pendingCount(), 1); // suspended until the user decides
    } else {
        QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(m_engine->pendingCount(), 0, Timeout);
        QVERIFY(conflicts.isEmpty());
        QVERIFY(m_engine->conflicts().isEmpty());
    }
    QCOMPARE(m_engine->record(Tasks, id).has_value(), keptLocally);
    const std::optional<Record> onServer = serverRecord(id);
    QCOMPARE(onServer.has_value(), keptOnServer);
    if (onServer) // nothing was overwritten: theirs is still there
        QCOMPARE(onServer->data, edited);
}

QTEST_GUILESS_MAIN(TestSyncEngineRecords)
#include "tst_syncengine_records.moc"
