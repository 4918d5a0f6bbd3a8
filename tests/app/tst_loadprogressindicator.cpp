#include "loadprogressindicator.h"
#include "memoryrecordstore.h"
#include "scriptedserver.h"
#include "syncengine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

namespace {

constexpr int Timeout = 10000;

/// The first page of "items": 200 records and a cursor to the next.
QByteArray firstPage()
{
    QJsonArray records;
    for (int n = 0; n < 200; ++n) {
        records.append(QJsonObject{{u"id"_s, u"r%1"_s.arg(n, 4, 10, QChar(u'0'))}, {u"etag"_s, u"\"1\""_s},
                                   {u"seq"_s, 1}, {u"data"_s, QJsonObject{{u"title"_s, u"Item %1"_s.arg(n)}}}});
    }
    return QJsonDocument(QJsonObject{{u"seq"_s, 3}, {u"next"_s, u"r0199"_s}, {u"records"_s, records}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

/// LoadProgressIndicator against a scripted server whose collection "items" answers its
/// first page, then the second as each row says: the count shows while the load goes on,
/// and goes away however the load ends.
class TestLoadProgressIndicator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsTheLoad_data();
    void followsTheLoad();
};

void TestLoadProgressIndicator::followsTheLoad_data()
{
    QTest::addColumn<int>("secondPageStatus"); // 0: never answered
    QTest::addColumn<QString>("afterwards");
    QTest::newRow("still loading") << 0 << u"Loading Items: 200 records…"_s;
    QTest::newRow("refused: signed out (401)") << 401 << QString();
    QTest::newRow("failed (503)") << 503 << QString();
}

void TestLoadProgressIndicator::followsTheLoad()
{
    QFETCH(int, secondPageStatus);
    QFETCH(QString, afterwards);
    ScriptedServer scripted;
    QVERIFY(scripted.listen());
    int pages = 0;
    scripted.setHandler([&pages, secondPageStatus](const ScriptedServer::Request &request) {
        ScriptedServer::Response unanswered;
        unanswered.silent = true;
        if (request.path == "/v1/collections"_L1)
            return ScriptedServer::json(200, R"({"collections":[{"name":"items","title":"Items","seq":3,
                "fields":[{"name":"title","type":"string","title":"Title","required":true}]}]})");
        if (request.path != "/v1/collections/items/records"_L1)
            return unanswered;
        if (++pages == 1)
            return ScriptedServer::json(200, firstPage());
        if (secondPageStatus == 0)
            return unanswered;
        return ScriptedServer::json(secondPageStatus, QByteArray(R"({"type":"about:blank","status":)")
                                                          + QByteArray::number(secondPageStatus) + "}");
    });
    MemoryRecordStore store;
    SyncEngine engine(scripted.url(), &store);
    engine.setTimings(1000, 60000); // a failed load is tried again only after a minute
    LoadProgressIndicator indicator(&engine);
    QCOMPARE(indicator.text(), QString());
    QSignalSpy progress(&engine, &SyncEngine::collectionLoadProgress);
    engine.start();
    QVERIFY(progress.wait(Timeout));
    QCOMPARE(indicator.text(), u"Loading Items: 200 records…"_s);
    QCOMPARE(engine.loadedRecords(u"items"_s), 200);

    QTRY_COMPARE_WITH_TIMEOUT(pages, 2, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(indicator.text(), afterwards, Timeout);
    QCOMPARE(indicator.isHidden(), afterwards.isEmpty());
    QCOMPARE(engine.isLoading(u"items"_s), secondPageStatus == 0);
    QCOMPARE(engine.loadedRecords(u"items"_s), secondPageStatus == 0 ? 200 : 0);
}

QTEST_MAIN(TestLoadProgressIndicator)
#include "tst_loadprogressindicator.moc"
