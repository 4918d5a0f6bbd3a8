// The server's Storage on its own: transactions, gap-free sequence numbers, tombstones,
// retention, migration.
#include "storage.h"

#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Etagere::Change;
using Etagere::CollectionSchema;
using Etagere::Storage;

class TestStorage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void createsCollections();
    void writesNumberChangesWithoutGaps();
    void etagsAreNewOnEveryWrite();
    void tombstones();
    void recordsArePagedById();
    void failedWriteRollsBackEverything();
    void writeToUnknownCollectionFails();
    void changesSince_data();
    void changesSince();
    void retention();
    void survivesReopen();
    void recordTextReadsBackUnchanged_data();
    void recordTextReadsBackUnchanged();
    void schemaTextReadsBackUnchanged_data();
    void schemaTextReadsBackUnchanged();
    void usesWriteAheadLog();
    void refusesNewerDatabase();

private:
    [[nodiscard]] QString path() const { return m_dir->filePath(u"test.sqlite"_s); }
    Change put(const QString &collection, const QString &id, const QString &title);
    // Runs SQL on a second connection to the same file (what another process would see).
    void sideSql(const QStringList &statements);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Storage> m_storage;
};

namespace {

CollectionSchema schema(const QString &name)
{
    const QJsonObject json{{u"title"_s, name.toUpper()},
                           {u"fields"_s, QJsonArray{QJsonObject{{u"name"_s, u"title"_s}, {u"type"_s, u"string"_s},
                                                                {u"title"_s, u"Title"_s}, {u"required"_s, true}}}}};
    QString error;
    return CollectionSchema::fromJson(json, &error, name).value();
}

} // namespace

void TestStorage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_storage = std::make_unique<Storage>();
    QVERIFY2(m_storage->open(path()), qPrintable(m_storage->errorString()));
    QVERIFY(m_storage->createCollection(schema(u"alpha"_s)));
    QVERIFY(m_storage->createCollection(schema(u"beta"_s)));
}

void TestStorage::cleanup()
{
    m_storage.reset();
    m_dir.reset();
}

Change TestStorage::put(const QString &collection, const QString &id, const QString &title)
{
    const auto change = m_storage->write(collection, id, QJsonObject{{u"title"_s, title}}, u"tester"_s);
    if (!change)
        qWarning("write failed: %s", qPrintable(m_storage->errorString()));
    return change.value_or(Change());
}

void TestStorage::sideSql(const QStringList &statements)
{
    const QString name = u"side"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path());
        QVERIFY(db.open());
        QSqlQuery query(db);
        for (const QString &sql : statements)
            QVERIFY2(query.exec(sql), qPrintable(sql));
    }
    QSqlDatabase::removeDatabase(name);
}

void TestStorage::createsCollections()
{
    QVERIFY(!m_storage->createCollection(schema(u"alpha"_s))); // exists already
    const QList<CollectionSchema> all = m_storage->collections();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0), schema(u"alpha"_s));
    QCOMPARE(all.at(1).name, u"beta"_s);
    QVERIFY(!m_storage->collection(u"gamma"_s));
}

void TestStorage::writesNumberChangesWithoutGaps()
{
    QList<qint64> alpha, beta;
    for (int i = 0; i < 10; ++i) {
        alpha.append(put(u"alpha"_s, u"a%1"_s.arg(i % 3), QString::number(i)).seq);
        if (i % 3 == 0)
            beta.append(put(u"beta"_s, u"b"_s, QString::number(i)).seq);
    }
    QCOMPARE(alpha, QList<qint64>({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
    QCOMPARE(beta, QList<qint64>({1, 2, 3, 4}));
    QCOMPARE(m_storage->collection(u"alpha"_s)->seq, 10);
    QCOMPARE(m_storage->record(u"alpha"_s, u"a0"_s).seq, 10);
}

void TestStorage::etagsAreNewOnEveryWrite()
{
    QSet<QString> etags;
    for (int i = 0; i < 20; ++i) {
        const Change change = put(u"alpha"_s, u"same"_s, u"same"_s);
        QVERIFY(change.etag.startsWith(u'"') && change.etag.endsWith(u'"') && change.etag.size() > 2);
        QCOMPARE(m_storage->record(u"alpha"_s, u"same"_s).etag, change.etag);
        etags.insert(change.etag);
    }
    QCOMPARE(etags.size(), 20);
}

void TestStorage::tombstones()
{
    put(u"alpha"_s, u"gone"_s, u"x"_s);
    const auto deleted = m_storage->write(u"alpha"_s, u"gone"_s, std::nullopt, u"tester"_s);
    QVERIFY(deleted);
    QCOMPARE(deleted->op, Change::Op::Delete);
    QVERIFY(deleted->data.isEmpty());
    const Etagere::StoredRecord tombstone = m_storage->record(u"alpha"_s, u"gone"_s);
    QVERIFY(tombstone.exists && tombstone.deleted && !tombstone.isLive());
    QCOMPARE(tombstone.etag, deleted->etag);
    QVERIFY(!m_storage->record(u"alpha"_s, u"never"_s).exists);
    QCOMPARE(m_storage->records(u"alpha"_s, {}, 10)->records.size(), 0);
    const Change again = put(u"alpha"_s, u"gone"_s, u"back"_s);
    QCOMPARE(again.seq, 3);
    QVERIFY(m_storage->record(u"alpha"_s, u"gone"_s).isLive());
}

void TestStorage::recordsArePagedById()
{
    for (const QString &id : {u"b"_s, u"B"_s, u"a"_s, u"_"_s, u"0"_s})
        put(u"alpha"_s, id, id);
    auto page = m_storage->records(u"alpha"_s, {}, 3);
    QVERIFY(page);
    QCOMPARE(page->seq, 5);
    QStringList ids;
    for (const Etagere::Record &record : std::as_const(page->records))
        ids.append(record.id);
    QCOMPARE(ids, QStringList({u"0"_s, u"B"_s, u"_"_s}));
    QCOMPARE(page->next, u"_"_s);
    page = m_storage->records(u"alpha"_s, page->next, 3);
    QCOMPARE(page->records.size(), 2);
    QCOMPARE(page->records.at(0).id, u"a"_s);
    QVERIFY(page->next.isEmpty());
    QVERIFY(!m_storage->records(u"nosuch"_s, {}, 3));
}

void TestStorage::failedWriteRollsBackEverything()
{
    put(u"alpha"_s, u"first"_s, u"1"_s);
    // Make the change row insert fail after the counter and the record row were written.
    sideSql({u"CREATE TRIGGER refuse BEFORE INSERT ON changes WHEN NEW.id = 'boom' "
             "BEGIN SELECT RAISE(ABORT, 'refused'); END"_s});
    QVERIFY(!m_storage->write(u"alpha"_s, u"boom"_s, QJsonObject{{u"title"_s, u"x"_s}}, u"tester"_s));
    QVERIFY(m_storage->errorString().contains(u"refused"_s));
    QCOMPARE(m_storage->collection(u"alpha"_s)->seq, 1);
    QVERIFY(!m_storage->record(u"alpha"_s, u"boom"_s).exists);
    QCOMPARE(m_storage->changesSince(u"alpha"_s, 0, 100).changes.size(), 1);
    QCOMPARE(put(u"alpha"_s, u"second"_s, u"2"_s).seq, 2); // no gap
    QVERIFY(m_storage->checkIntegrity());
}

void TestStorage::writeToUnknownCollectionFails()
{
    QVERIFY(!m_storage->write(u"gamma"_s, u"x"_s, QJsonObject{{u"title"_s, u"x"_s}}, u"tester"_s));
    QVERIFY(!m_storage->record(u"gamma"_s, u"x"_s).exists);
    QVERIFY(!m_storage->changesSince(u"gamma"_s, 0, 10).exists);
}

void TestStorage::changesSince_data()
{
    QTest::addColumn<qint64>("since");
    QTest::addColumn<int>("limit");
    QTest::addColumn<bool>("gone");
    QTest::addColumn<QList<qint64>>("seqs");
    QTest::newRow("all") << qint64(0) << 100 << false << QList<qint64>({1, 2, 3, 4});
    QTest::newRow("after 2") << qint64(2) << 100 << false << QList<qint64>({3, 4});
    QTest::newRow("limited") << qint64(1) << 2 << false << QList<qint64>({2, 3});
    QTest::newRow("up to date") << qint64(4) << 100 << false << QList<qint64>();
    QTest::newRow("ahead") << qint64(5) << 100 << true << QList<qint64>();
}

void TestStorage::changesSince()
{
    QFETCH(qint64, since);
    QFETCH(int, limit);
    QFETCH(bool, gone);
    QFETCH(QList<qint64>, seqs);
    put(u"alpha"_s, u"x"_s, u"1"_s);
    put(u"alpha"_s, u"y"_s, u"2"_s);
    QVERIFY(m_storage->write(u"alpha"_s, u"x"_s, std::nullopt, u"tester"_s));
    put(u"alpha"_s, u"x"_s, u"4"_s);
    const auto result = m_storage->changesSince(u"alpha"_s, since, limit);
    QVERIFY(result.exists);
    QCOMPARE(result.gone, gone);
    QCOMPARE(result.currentSeq, 4);
    QList<qint64> got;
    for (const Change &change : result.changes) {
        got.append(change.seq);
        QCOMPARE(change.collection, u"alpha"_s);
        QCOMPARE(change.author, u"tester"_s);
        QCOMPARE(change.op == Change::Op::Delete, change.seq == 3);
        QCOMPARE(change.data.isEmpty(), change.seq == 3);
    }
    QCOMPARE(got, seqs);
}

void TestStorage::retention()
{
    m_storage->setRetainChanges(2);
    for (int i = 1; i <= 5; ++i)
        put(u"alpha"_s, u"r"_s, QString::number(i));
    put(u"beta"_s, u"r"_s, u"1"_s);
    QVERIFY(m_storage->changesSince(u"alpha"_s, 0, 100).gone);
    QVERIFY(m_storage->changesSince(u"alpha"_s, 2, 100).gone);
    const auto kept = m_storage->changesSince(u"alpha"_s, 3, 100);
    QVERIFY(!kept.gone);
    QCOMPARE(kept.changes.size(), 2);
    QCOMPARE(kept.changes.first().seq, 4);
    QVERIFY(!m_storage->changesSince(u"beta"_s, 0, 100).gone);
}

void TestStorage::survivesReopen()
{
    const Change written = put(u"alpha"_s, u"kept"_s, u"value"_s);
    m_storage->close();
    QVERIFY(!m_storage->isOpen());
    QVERIFY(m_storage->open(path()));
    const Etagere::StoredRecord record = m_storage->record(u"alpha"_s, u"kept"_s);
    QCOMPARE(record.etag, written.etag);
    QCOMPARE(record.data, written.data);
    QCOMPARE(m_storage->changesSince(u"alpha"_s, 0, 10).changes, QList<Change>{written});
    QCOMPARE(m_storage->collections().size(), 2);
}

// Found by tests/fuzz: Qt 6.4's QJsonDocument drops U+FEFF at the start of a string, so a
// stored value read back with it changed.
void TestStorage::recordTextReadsBackUnchanged_data()
{
    QTest::addColumn<QString>("title");
    const QString zwnbsp(QChar(0xFEFF));
    QTest::newRow("plain") << u"plain"_s;
    QTest::newRow("starts with U+FEFF") << zwnbsp + u"x"_s;
    QTest::newRow("only U+FEFF") << zwnbsp;
    QTest::newRow("U+FEFF twice") << zwnbsp + zwnbsp;
    QTest::newRow("U+FEFF and escapes") << zwnbsp + u"\"quoted\"\n"_s;
}

void TestStorage::recordTextReadsBackUnchanged()
{
    QFETCH(QString, title);
    const Change written = put(u"alpha"_s, u"r"_s, title);
    QCOMPARE(written.data.value(u"title"_s).toString(), title);
    QCOMPARE(m_storage->record(u"alpha"_s, u"r"_s).data, written.data);
    QCOMPARE(m_storage->records(u"alpha"_s, {}, 10)->records.value(0).data, written.data);
    QCOMPARE(m_storage->changesSince(u"alpha"_s, 0, 10).changes, QList<Change>{written});
}

void TestStorage::schemaTextReadsBackUnchanged_data()
{
    QTest::addColumn<QStringList>("values");
    const QString zwnbsp(QChar(0xFEFF));
    QTest::newRow("plain") << QStringList{u"a"_s, u"b"_s};
    QTest::newRow("one starts with U+FEFF") << QStringList{zwnbsp + u"a"_s, u"b"_s};
    QTest::newRow("same but for U+FEFF") << QStringList{zwnbsp + u"a"_s, u"a"_s};
}

void TestStorage::schemaTextReadsBackUnchanged()
{
    QFETCH(QStringList, values);
    const QJsonObject field{{u"name"_s, u"kind"_s}, {u"type"_s, u"enum"_s}, {u"title"_s, values.first()},
                            {u"values"_s, QJsonArray::fromStringList(values)}};
    QString error;
    const auto gamma = CollectionSchema::fromJson(QJsonObject{{u"fields"_s, QJsonArray{field}}}, &error, u"gamma"_s);
    QVERIFY2(gamma, qPrintable(error));
    QVERIFY(m_storage->createCollection(*gamma));
    const std::optional<CollectionSchema> stored = m_storage->collection(u"gamma"_s);
    QVERIFY2(stored, qPrintable(m_storage->errorString()));
    QCOMPARE(*stored, *gamma);
}

void TestStorage::usesWriteAheadLog()
{
    put(u"alpha"_s, u"x"_s, u"x"_s);
    QVERIFY(QFile::exists(path() + u"-wal"_s));
    QVERIFY(m_storage->checkIntegrity());
}

void TestStorage::refusesNewerDatabase()
{
    m_storage->close();
    sideSql({u"PRAGMA user_version = 99"_s});
    QVERIFY(!m_storage->open(path()));
    QVERIFY(m_storage->errorString().contains(u"99"_s));
    QVERIFY(!m_storage->isOpen());
}

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
