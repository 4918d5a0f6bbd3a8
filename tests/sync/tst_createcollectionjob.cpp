#include "createcollectionjob.h"
#include "fetchrecordsjob.h"
#include "listcollectionsjob.h"
#include "memoryrecordstore.h"
#include "networkaccess.h"
#include "runjob.h"
#include "scriptedserver.h"
#include "syncengine.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Etagere;
using namespace Qt::StringLiterals;

namespace {

constexpr int Timeout = 10000;

CollectionSchema booksSchema(const QString &name = u"books"_s)
{
    CollectionSchema schema;
    schema.name = name;
    schema.title = u"Books"_s;
    schema.fields = {
        FieldSchema{u"title"_s, FieldType::String, u"Title"_s, true, {}},
        FieldSchema{u"pages"_s, FieldType::Integer, u"Pages"_s, false, {}},
        FieldSchema{u"shelf"_s, FieldType::Enum, u"Shelf"_s, false, {u"top"_s, u"bottom"_s}},
    };
    return schema;
}

} // namespace

/// CreateCollectionJob (`PUT /v1/collections/{c}` + `If-None-Match: *`) against a real
/// etagere-server, its errors (403 from a scripted server, which ours never sends), and
/// SyncEngine::createCollection(): the engine knows the new collection before the caller
/// hears of the job's success, and loads and follows it.
class TestCreateCollectionJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createsAndAnswersTheSchema();
    void sendsThePreconditionAndBody();
    void errors_data();
    void errors();
    void forbiddenIsTyped();
    void engineKnowsTheCollectionFirst();
    void engineRefusesAnInvalidSchemaWithoutSending_data();
    void engineRefusesAnInvalidSchemaWithoutSending();

private:
    [[nodiscard]] QList<CollectionSchema> serverCollections();

    NetworkAccess m_network;
    std::unique_ptr<TestServer> m_server;
};

void TestCreateCollectionJob::init()
{
    m_server = std::make_unique<TestServer>(QStringList{u"--demo"_s});
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_network.setBearerToken(m_server->token());
}

void TestCreateCollectionJob::cleanup()
{
    m_server.reset();
}

QList<CollectionSchema> TestCreateCollectionJob::serverCollections()
{
    ListCollectionsJob job(&m_network, m_server->url());
    return Test::runJob(job, Timeout) ? job.collections() : QList<CollectionSchema>();
}

void TestCreateCollectionJob::createsAndAnswersTheSchema()
{
    CreateCollectionJob job(&m_network, m_server->url(), booksSchema());
    QVERIFY2(Test::runJob(job, Timeout), qPrintable(job.errorString()));
    QCOMPARE(job.httpStatus(), 201);
    QCOMPARE(job.created(), booksSchema());
    QCOMPARE(job.requested(), booksSchema());
    const QList<CollectionSchema> listed = serverCollections();
    QCOMPARE(listed.size(), 2);
    QCOMPARE(listed.first(), booksSchema()); // "books" sorts before "tasks"
}

void TestCreateCollectionJob::sendsThePreconditionAndBody()
{
    ScriptedServer scripted;
    QVERIFY(scripted.listen());
    scripted.setHandler([](const ScriptedServer::Request &) { return ScriptedServer::json(201, QByteArray()); });
    CollectionSchema schema = booksSchema();
    schema.seq = 12; // not sent: a new collection starts at 0
    CreateCollectionJob job(&m_network, scripted.url(), schema);
    QVERIFY2(Test::runJob(job, Timeout), qPrintable(job.errorString()));
    const ScriptedServer::Request request = scripted.requests().constFirst();
    QCOMPARE(request.method, "PUT"_ba);
    QCOMPARE(request.path, u"/v1/collections/books"_s);
    QCOMPARE(request.headers.value("if-none-match"), "*"_ba);
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    QCOMPARE(body.keys(), (QStringList{u"fields"_s, u"title"_s}));
    QCOMPARE(body.value(u"fields"_s).toArray().size(), 3);
    // A bare 201 (all the contract promises): the schema sent is the one created.
    QCOMPARE(job.created().seq, 0);
    QCOMPARE(job.created().fields, schema.fields);
}

void TestCreateCollectionJob::errors_data()
{
    // Schemas the protocol refuses (SyncEngine::createCollection() would not send them).
    QTest::addColumn<CollectionSchema>("schema");
    QTest::addColumn<RestJob::Error>("error");
    QTest::addColumn<QString>("field");  // problemField()
    QTest::addColumn<QString>("detail"); // part of problemDetail()
    CollectionSchema noValues = booksSchema();
    noValues.fields[2].values.clear();
    CollectionSchema valueTwice = booksSchema();
    valueTwice.fields[2].values = {u"top"_s, u"top"_s};
    CollectionSchema fieldTwice = booksSchema();
    fieldTwice.fields[1].name = u"title"_s;
    CollectionSchema badFieldName = booksSchema();
    badFieldName.fields[1].name = u"Pages"_s;
    QTest::newRow("exists") << booksSchema(u"tasks"_s) << RestJob::Error::Conflict << QString() << QString();
    QTest::newRow("enum without values") << noValues << RestJob::Error::Validation << u"shelf"_s
                                         << u"at least one value"_s;
    QTest::newRow("enum value twice") << valueTwice << RestJob::Error::Validation << u"shelf"_s << u"listed twice"_s;
    QTest::newRow("field twice") << fieldTwice << RestJob::Error::Validation << u"title"_s << u"used twice"_s;
    QTest::newRow("bad field name") << badFieldName << RestJob::Error::Validation << u"Pages"_s
                                    << u"[a-z][a-z0-9_]{0,63}"_s;
}

void TestCreateCollectionJob::errors()
{
    QFETCH(CollectionSchema, schema);
    QFETCH(RestJob::Error, error);
    QFETCH(QString, field);
    QFETCH(QString, detail);
    CreateCollectionJob job(&m_network, m_server->url(), schema);
    QVERIFY(!Test::runJob(job, Timeout));
    QCOMPARE(job.error(), error);
    QCOMPARE(job.problemField(), field);
    QVERIFY2(job.problemDetail().contains(detail), qPrintable(job.problemDetail()));
    if (error == RestJob::Error::Conflict) { // the existing collection, unchanged
        QCOMPARE(job.httpStatus(), 412);
        QCOMPARE(job.serverData().toObject().value(u"name"_s).toString(), u"tasks"_s);
        QCOMPARE(serverCollections().constFirst().title, u"Tasks"_s);
    }
    QCOMPARE(serverCollections().size(), 1); // nothing was created
}

void TestCreateCollectionJob::forbiddenIsTyped()
{
    ScriptedServer scripted;
    QVERIFY(scripted.listen());
    scripted.setHandler([](const ScriptedServer::Request &) {
        return ScriptedServer::json(403, R"({"type":"about:blank","title":"Forbidden","status":403,)"
                                         R"("detail":"creating collections needs the admin right"})"_ba);
    });
    CreateCollectionJob job(&m_network, scripted.url(), booksSchema());
    QVERIFY(!Test::runJob(job, Timeout));
    QCOMPARE(job.error(), RestJob::Error::Forbidden);
    QCOMPARE(job.problemDetail(), u"creating collections needs the admin right"_s);
}

void TestCreateCollectionJob::engineKnowsTheCollectionFirst()
{
    MemoryRecordStore store;
    SyncEngine engine(m_server->url(), &store);
    engine.setBearerToken(m_server->token());
    engine.setTimings(1000, 50);
    QSignalSpy reloaded(&engine, &SyncEngine::collectionReloaded);
    engine.start();
    QVERIFY(reloaded.wait(Timeout));
    QTRY_COMPARE_WITH_TIMEOUT(engine.connectionState(), ConnectionState::Live, Timeout);
    reloaded.clear();

    QSignalSpy changed(&engine, &SyncEngine::collectionsChanged);
    QString error;
    CreateCollectionJob *job = engine.createCollection(booksSchema(), &error);
    QVERIFY2(job, qPrintable(error));
    bool knownAtFinish = false;
    connect(job, &RestJob::finished, this, [&](RestJob *finished) {
        QCOMPARE(finished->error(), RestJob::Error::None);
        knownAtFinish = engine.collection(u"books"_s).has_value() && changed.size() == 1;
    });
    QSignalSpy finished(job, &RestJob::finished);
    QVERIFY(finished.wait(Timeout));
    QVERIFY(knownAtFinish);
    QCOMPARE(engine.collection(u"books"_s)->fields, booksSchema().fields);
    QTRY_VERIFY_WITH_TIMEOUT(!reloaded.isEmpty(), Timeout); // loaded (empty) and followed
    QCOMPARE(reloaded.first().first().toString(), u"books"_s);

    // It is a collection like the others: a record created in it reaches the server.
    const QString id = engine.createRecord(u"books"_s, QJsonObject{{u"title"_s, u"Dune"_s}, {u"pages"_s, 412}}, &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(engine.record(u"books"_s, id)->isOnServer(), Timeout);
    FetchRecordsJob fetch(&m_network, m_server->url(), u"books"_s);
    QVERIFY(Test::runJob(fetch, Timeout));
    QCOMPARE(fetch.records().size(), 1);

    // Someone else creates another one; ours exists: the engine's list is untouched.
    changed.clear();
    CreateCollectionJob *again = engine.createCollection(booksSchema(), &error);
    QVERIFY(again);
    QSignalSpy againFinished(again, &RestJob::finished);
    QVERIFY(againFinished.wait(Timeout));
    QCOMPARE(againFinished.first().first().value<RestJob *>()->error(), RestJob::Error::Conflict);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(engine.collections().size(), 2);
}

void TestCreateCollectionJob::engineRefusesAnInvalidSchemaWithoutSending_data()
{
    QTest::addColumn<CollectionSchema>("schema");
    QTest::addColumn<QString>("error");
    CollectionSchema badName = booksSchema(u"Books"_s);
    CollectionSchema badField = booksSchema();
    badField.fields[0].name = u"Title"_s;
    CollectionSchema twice = booksSchema();
    twice.fields[1].name = u"title"_s;
    CollectionSchema emptyEnum = booksSchema();
    emptyEnum.fields[2].values.clear();
    QTest::newRow("collection name") << badName << u"not a valid collection name"_s;
    QTest::newRow("field name") << badField << u"[a-z][a-z0-9_]{0,63}"_s;
    QTest::newRow("field twice") << twice << u"used twice"_s;
    QTest::newRow("enum without values") << emptyEnum << u"at least one value"_s;
}

void TestCreateCollectionJob::engineRefusesAnInvalidSchemaWithoutSending()
{
    QFETCH(CollectionSchema, schema);
    QFETCH(QString, error);
    ScriptedServer scripted;
    QVERIFY(scripted.listen());
    MemoryRecordStore store;
    SyncEngine engine(scripted.url(), &store);
    QSignalSpy changed(&engine, &SyncEngine::collectionsChanged);
    QString reason;
    QVERIFY(!engine.createCollection(schema, &reason));
    QVERIFY2(reason.contains(error), qPrintable(reason));
    QTest::qWait(50);
    QVERIFY(scripted.requests().isEmpty());
    QCOMPARE(changed.size(), 0);
}

QTEST_GUILESS_MAIN(TestCreateCollectionJob)
#include "tst_createcollectionjob.moc"
