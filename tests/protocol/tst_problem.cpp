#include "problem.h"

#include "jsontest.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

class TestProblem : public QObject
{
    Q_OBJECT

private slots:
    void make_data();
    void make();
    void toJson();
    void roundTrip_data();
    void roundTrip();
    void fromJson_data();
    void fromJson();
};

void TestProblem::make_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("title");
    QTest::newRow("400") << 400 << u"Bad Request"_s;
    QTest::newRow("401") << 401 << u"Unauthorized"_s;
    QTest::newRow("403") << 403 << u"Forbidden"_s;
    QTest::newRow("404") << 404 << u"Not Found"_s;
    QTest::newRow("405") << 405 << u"Method Not Allowed"_s;
    QTest::newRow("406") << 406 << u"Not Acceptable"_s;
    QTest::newRow("409") << 409 << u"Conflict"_s;
    QTest::newRow("410") << 410 << u"Gone"_s;
    QTest::newRow("412") << 412 << u"Precondition Failed"_s;
    QTest::newRow("413") << 413 << u"Content Too Large"_s;
    QTest::newRow("415") << 415 << u"Unsupported Media Type"_s;
    QTest::newRow("421") << 421 << u"Misdirected Request"_s;
    QTest::newRow("422") << 422 << u"Unprocessable Content"_s;
    QTest::newRow("426") << 426 << u"Upgrade Required"_s;
    QTest::newRow("428") << 428 << u"Precondition Required"_s;
    QTest::newRow("429") << 429 << u"Too Many Requests"_s;
    QTest::newRow("500") << 500 << u"Internal Server Error"_s;
    QTest::newRow("503") << 503 << u"Service Unavailable"_s;
    QTest::newRow("unnamed 4xx") << 499 << u"Client Error"_s;
    QTest::newRow("unnamed 5xx") << 599 << u"Server Error"_s;
}

void TestProblem::make()
{
    QFETCH(int, status);
    QFETCH(QString, title);
    const Problem problem = Problem::make(status, u"what went wrong"_s, u"due"_s);
    QCOMPARE(problem.status, status);
    QCOMPARE(problem.title, title);
    QCOMPARE(problem.type, u"about:blank"_s);
    QCOMPARE(problem.detail, u"what went wrong"_s);
    QCOMPARE(problem.field, u"due"_s);
}

void TestProblem::toJson()
{
    const QJsonObject withField = Problem::make(422, u"due: not a date"_s, u"due"_s).toJson();
    QCOMPARE(JsonTest::text(withField),
             R"({"detail":"due: not a date","field":"due","status":422,"title":"Unprocessable Content","type":"about:blank"})"_ba);
    const QJsonObject withoutField = Problem::make(404, u"no such record"_s).toJson();
    QVERIFY(!withoutField.contains(u"field"_s));
    QCOMPARE(withoutField.value(u"status"_s).toInt(), 404);
}

void TestProblem::roundTrip_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("field");
    QTest::newRow("with field") << 422 << u"title: a value is required"_s << u"title"_s;
    QTest::newRow("without field") << 412 << u"stale"_s << QString();
    QTest::newRow("unicode detail") << 400 << u"caf\u00e9 \u2603"_s << QString();
}

void TestProblem::roundTrip()
{
    QFETCH(int, status);
    QFETCH(QString, detail);
    QFETCH(QString, field);
    const Problem problem = Problem::make(status, detail, field);
    const std::optional<Problem> parsed = Problem::fromJson(problem.toJson());
    QVERIFY(parsed);
    QCOMPARE(parsed->type, problem.type);
    QCOMPARE(parsed->title, problem.title);
    QCOMPARE(parsed->status, problem.status);
    QCOMPARE(parsed->detail, problem.detail);
    QCOMPARE(parsed->field, problem.field);
}

void TestProblem::fromJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("title");
    QTest::newRow("full") << R"({"type":"urn:x","title":"T","status":409,"detail":"d"})"_ba << true << 409
                          << u"urn:x"_s << u"T"_s;
    QTest::newRow("type defaults") << R"({"status":404})"_ba << true << 404 << u"about:blank"_s << QString();
    QTest::newRow("ill-typed title ignored") << R"({"status":400,"title":7})"_ba << true << 400
                                             << u"about:blank"_s << QString();
    QTest::newRow("ill-typed type ignored") << R"({"status":400,"type":[]})"_ba << true << 400
                                            << u"about:blank"_s << QString();
    QTest::newRow("not an object") << R"([{"status":400}])"_ba << false << 0 << QString() << QString();
    QTest::newRow("null") << "null"_ba << false << 0 << QString() << QString();
    QTest::newRow("no status") << R"({"title":"Bad Request"})"_ba << false << 0 << QString() << QString();
    QTest::newRow("string status") << R"({"status":"400"})"_ba << false << 0 << QString() << QString();
    QTest::newRow("fractional status") << R"({"status":400.5})"_ba << false << 0 << QString() << QString();
    QTest::newRow("status too small") << R"({"status":99})"_ba << false << 0 << QString() << QString();
    QTest::newRow("status too big") << R"({"status":600})"_ba << false << 0 << QString() << QString();
}

void TestProblem::fromJson()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, valid);
    const QJsonValue value = JsonTest::parse(json);
    QVERIFY(!value.isUndefined());
    const std::optional<Problem> problem = Problem::fromJson(value);
    QCOMPARE(problem.has_value(), valid);
    if (!valid)
        return;
    QFETCH(int, status);
    QFETCH(QString, type);
    QFETCH(QString, title);
    QCOMPARE(problem->status, status);
    QCOMPARE(problem->type, type);
    QCOMPARE(problem->title, title);
}

QTEST_APPLESS_MAIN(TestProblem)
#include "tst_problem.moc"
