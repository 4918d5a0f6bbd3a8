#include "memoryrecordstore.h"
#include "recordfiltermodel.h"
#include "recordtablemodel.h"
#include "recordtableview.h"
#include "scriptedserver.h"
#include "syncengine.h"
#include "tableplaceholder.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QKeySequence>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

namespace {

constexpr int Timeout = 10000;
const QString Items = u"items"_s;

/// `count` records named "Item n" from `first` on, as one page of the protocol that
/// reflects the change `seq`.
QByteArray page(int first, int count, const QString &next, qint64 seq = 3)
{
    QJsonArray records;
    for (int n = first; n < first + count; ++n) {
        records.append(QJsonObject{{u"id"_s, u"r%1"_s.arg(n, 4, 10, QChar(u'0'))}, {u"etag"_s, u"\"1\""_s},
                                   {u"seq"_s, 1}, {u"data"_s, QJsonObject{{u"title"_s, u"Item %1"_s.arg(n)}}}});
    }
    const QJsonValue cursor = next.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(next);
    return QJsonDocument(QJsonObject{{u"seq"_s, seq}, {u"next"_s, cursor}, {u"records"_s, records}})
        .toJson(QJsonDocument::Compact);
}

/// How the scripted server answers for the records of "items".
enum class Records { None, Three, FirstPageOnly, Failing };

} // namespace

/// TablePlaceholder: what the records table says while it shows no row, against a scripted
/// server serving the collection "items" as each test says, with a real engine and models.
class TestTablePlaceholder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();

    void loadingCountsWhatArrived();
    void failedLoadIsNotLoadedYet();
    void emptyCollectionInvitesToAdd();
    void searchWithoutMatchSaysSo();
    void paintedOnlyWhileEmpty();

private:
    void start(Records records, int retryMs = 50);

    std::unique_ptr<ScriptedServer> m_scripted;
    std::unique_ptr<MemoryRecordStore> m_store;
    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<RecordTableModel> m_records;
    std::unique_ptr<RecordFilterModel> m_filter;
    std::unique_ptr<QAbstractItemModelTester> m_recordsTester;
    std::unique_ptr<QAbstractItemModelTester> m_filterTester;
    std::unique_ptr<RecordTableView> m_view;
    TablePlaceholder *m_placeholder = nullptr;
};

void TestTablePlaceholder::cleanup()
{
    m_view.reset(); // and the placeholder, its child
    m_filterTester.reset();
    m_recordsTester.reset();
    m_filter.reset();
    m_records.reset();
    m_engine.reset();
    m_store.reset();
    m_scripted.reset();
}

void TestTablePlaceholder::start(Records records, int retryMs)
{
    m_scripted = std::make_unique<ScriptedServer>();
    QVERIFY(m_scripted->listen());
    m_scripted->setHandler([records](const ScriptedServer::Request &request) {
        if (request.path == "/v1/collections"_L1)
            return ScriptedServer::json(200, R"({"collections":[{"name":"items","title":"Items","seq":3,
                "fields":[{"name":"title","type":"string","title":"Title","required":true}]}]})");
        ScriptedServer::Response unanswered;
        unanswered.silent = true;
        if (request.path != "/v1/collections/items/records"_L1)
            return unanswered;
        switch (records) {
        case Records::None:
            return ScriptedServer::json(200, page(0, 0, {}, 0)); // never changed: number 0
        case Records::Three:
            return ScriptedServer::json(200, page(0, 3, {}));
        case Records::FirstPageOnly:
            return request.query.hasQueryItem(u"after"_s) ? unanswered
                                                           : ScriptedServer::json(200, page(0, 200, u"r0199"_s));
        case Records::Failing:
            break;
        }
        return ScriptedServer::json(503, R"({"type":"about:blank","title":"Unavailable","status":503})");
    });
    m_store = std::make_unique<MemoryRecordStore>();
    m_engine = std::make_unique<SyncEngine>(m_scripted->url(), m_store.get());
    m_engine->setTimings(1000, retryMs);
    m_records = std::make_unique<RecordTableModel>(m_engine.get());
    m_filter = std::make_unique<RecordFilterModel>();
    m_filter->setSourceModel(m_records.get());
    m_recordsTester = std::make_unique<QAbstractItemModelTester>(m_records.get(),
                                                                 QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_filterTester = std::make_unique<QAbstractItemModelTester>(m_filter.get(),
                                                                QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_view = std::make_unique<RecordTableView>();
    m_view->setModel(m_filter.get());
    m_placeholder = new TablePlaceholder(m_engine.get(), m_filter.get(), m_view.get());
    QCOMPARE(m_placeholder->text(), QString()); // no collection chosen
    m_records->setCollection(Items);
    m_engine->start();
}

void TestTablePlaceholder::loadingCountsWhatArrived()
{
    start(Records::FirstPageOnly); // the second page never comes
    QTRY_COMPARE_WITH_TIMEOUT(m_placeholder->text(), u"Loading the records…\n200 received so far"_s, Timeout);
    QCOMPARE(m_view->placeholderText(), m_placeholder->text());
    QVERIFY(m_engine->isLoading(Items));
    QCOMPARE(m_filter->rowCount(), 0);
}

void TestTablePlaceholder::failedLoadIsNotLoadedYet()
{
    start(Records::Failing, 60000); // tried again only after a minute
    QTRY_COMPARE_WITH_TIMEOUT(m_placeholder->text(),
                              u"The records are not loaded yet: they will be once the server can be reached."_s,
                              Timeout);
    QVERIFY(!m_engine->isLoading(Items));
    QVERIFY(!m_engine->isLoaded(Items));
}

void TestTablePlaceholder::emptyCollectionInvitesToAdd()
{
    start(Records::None);
    const QString shortcut = QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText);
    QTRY_COMPARE_WITH_TIMEOUT(m_placeholder->text(), u"No records yet.\nAdd one with Add Record (%1)."_s.arg(shortcut),
                              Timeout);
    QVERIFY(m_engine->isLoaded(Items)); // loaded, though its number is still 0
    QCOMPARE(m_store->lastSeq(Items), 0);
    QVERIFY(!m_engine->createRecord(Items, QJsonObject{{u"title"_s, u"First"_s}}).isEmpty());
    QCOMPARE(m_placeholder->text(), QString()); // a row shows
    QCOMPARE(m_view->placeholderText(), QString());
}

void TestTablePlaceholder::searchWithoutMatchSaysSo()
{
    start(Records::Three);
    QTRY_COMPARE_WITH_TIMEOUT(m_filter->rowCount(), 3, Timeout);
    QCOMPARE(m_placeholder->text(), QString());
    m_filter->setSearchText(u"  item   42 "_s);
    QCOMPARE(m_filter->rowCount(), 0);
    QCOMPARE(m_placeholder->text(), u"No record matches “item 42”."_s);
    m_filter->setSearchText(u"item 2"_s);
    QCOMPARE(m_filter->rowCount(), 1);
    QCOMPARE(m_view->placeholderText(), QString());
}

// The view paints the text only while it has no row.
void TestTablePlaceholder::paintedOnlyWhileEmpty()
{
    start(Records::Three);
    m_view->resize(500, 300);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QTRY_COMPARE_WITH_TIMEOUT(m_filter->rowCount(), 3, Timeout);
    const auto paintedWith = [this](const QString &text) {
        m_view->setPlaceholderText(text);
        return m_view->viewport()->grab().toImage();
    };
    QCOMPARE(paintedWith(u"Shown only when empty"_s), paintedWith(QString()));
    m_filter->setSearchText(u"nothing like it"_s);
    QCOMPARE(m_filter->rowCount(), 0);
    QVERIFY(paintedWith(u"Shown only when empty"_s) != paintedWith(QString()));
}

QTEST_MAIN(TestTablePlaceholder)
#include "tst_tableplaceholder.moc"
