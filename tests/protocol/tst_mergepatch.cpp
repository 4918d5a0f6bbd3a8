#include "mergepatch.h"

#include "jsontest.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

class TestMergePatch : public QObject
{
    Q_OBJECT

private slots:
    void apply_data();
    void apply();
    void applyLeavesArgumentsAlone();
    void diff_data();
    void diff();
};

void TestMergePatch::apply_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QByteArray>("result");
    // RFC 7396 appendix A, every example in order.
    QTest::newRow("A.1 replace") << R"({"a":"b"})"_ba << R"({"a":"c"})"_ba << R"({"a":"c"})"_ba;
    QTest::newRow("A.2 add") << R"({"a":"b"})"_ba << R"({"b":"c"})"_ba << R"({"a":"b","b":"c"})"_ba;
    QTest::newRow("A.3 remove") << R"({"a":"b"})"_ba << R"({"a":null})"_ba << R"({})"_ba;
    QTest::newRow("A.4 remove one of two") << R"({"a":"b","b":"c"})"_ba << R"({"a":null})"_ba << R"({"b":"c"})"_ba;
    QTest::newRow("A.5 array by string") << R"({"a":["b"]})"_ba << R"({"a":"c"})"_ba << R"({"a":"c"})"_ba;
    QTest::newRow("A.6 string by array") << R"({"a":"c"})"_ba << R"({"a":["b"]})"_ba << R"({"a":["b"]})"_ba;
    QTest::newRow("A.7 nested") << R"({"a":{"b":"c"}})"_ba << R"({"a":{"b":"d","c":null}})"_ba
                                << R"({"a":{"b":"d"}})"_ba;
    QTest::newRow("A.8 array of objects") << R"({"a":[{"b":"c"}]})"_ba << R"({"a":[1]})"_ba << R"({"a":[1]})"_ba;
    QTest::newRow("A.9 arrays") << R"(["a","b"])"_ba << R"(["c","d"])"_ba << R"(["c","d"])"_ba;
    QTest::newRow("A.10 object by array") << R"({"a":"b"})"_ba << R"(["c"])"_ba << R"(["c"])"_ba;
    QTest::newRow("A.11 null patch") << R"({"a":"foo"})"_ba << "null"_ba << "null"_ba;
    QTest::newRow("A.12 string patch") << R"({"a":"foo"})"_ba << R"("bar")"_ba << R"("bar")"_ba;
    QTest::newRow("A.13 target null kept") << R"({"e":null})"_ba << R"({"a":1})"_ba << R"({"a":1,"e":null})"_ba;
    QTest::newRow("A.14 array target") << R"([1,2])"_ba << R"({"a":"b","c":null})"_ba << R"({"a":"b"})"_ba;
    QTest::newRow("A.15 deep new") << R"({})"_ba << R"({"a":{"bb":{"ccc":null}}})"_ba << R"({"a":{"bb":{}}})"_ba;
    // RFC 7396 section 3.
    QTest::newRow("section 3")
        << R"({"title":"Goodbye!","author":{"givenName":"John","familyName":"Doe"},"tags":["example","sample"],"content":"This will be unchanged"})"_ba
        << R"({"title":"Hello!","phoneNumber":"+01-123-456-7890","author":{"familyName":null},"tags":["example"]})"_ba
        << R"({"title":"Hello!","author":{"givenName":"John"},"tags":["example"],"content":"This will be unchanged","phoneNumber":"+01-123-456-7890"})"_ba;
    // Beyond the RFC's table.
    QTest::newRow("empty patch") << R"({"a":1})"_ba << "{}"_ba << R"({"a":1})"_ba;
    QTest::newRow("scalar target") << "42"_ba << R"({"a":1})"_ba << R"({"a":1})"_ba;
    QTest::newRow("remove missing") << R"({"a":1})"_ba << R"({"b":null})"_ba << R"({"a":1})"_ba;
    QTest::newRow("number patch") << R"({"a":1})"_ba << "3.5"_ba << "3.5"_ba;
}

void TestMergePatch::apply()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, patch);
    QFETCH(QByteArray, result);
    const QJsonValue expected = JsonTest::parse(result);
    QVERIFY(!expected.isUndefined());
    const QJsonValue actual = MergePatch::apply(JsonTest::parse(target), JsonTest::parse(patch));
    QCOMPARE(JsonTest::text(actual), JsonTest::text(expected));
    QCOMPARE(actual, expected);
}

void TestMergePatch::applyLeavesArgumentsAlone()
{
    const QJsonObject target = JsonTest::object(R"({"a":{"b":1},"c":2})");
    const QJsonObject patch = JsonTest::object(R"({"a":{"b":null},"c":null})");
    const QJsonObject targetCopy = target;
    const QJsonObject patchCopy = patch;
    QCOMPARE(JsonTest::text(MergePatch::apply(target, patch)), R"({"a":{}})"_ba);
    QCOMPARE(target, targetCopy);
    QCOMPARE(patch, patchCopy);
}

void TestMergePatch::diff_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QByteArray>("patch");
    QTest::newRow("equal") << R"({"a":1,"b":"x"})"_ba << R"({"a":1,"b":"x"})"_ba << "{}"_ba;
    QTest::newRow("both empty") << "{}"_ba << "{}"_ba << "{}"_ba;
    QTest::newRow("changed") << R"({"a":1,"b":"x"})"_ba << R"({"a":2,"b":"x"})"_ba << R"({"a":2})"_ba;
    QTest::newRow("added") << R"({"a":1})"_ba << R"({"a":1,"b":true})"_ba << R"({"b":true})"_ba;
    QTest::newRow("removed") << R"({"a":1,"b":2})"_ba << R"({"a":1})"_ba << R"({"b":null})"_ba;
    QTest::newRow("all removed") << R"({"a":1,"b":2})"_ba << "{}"_ba << R"({"a":null,"b":null})"_ba;
    QTest::newRow("type change") << R"({"a":1})"_ba << R"({"a":"1"})"_ba << R"({"a":"1"})"_ba;
    QTest::newRow("array replaced") << R"({"a":[1,2]})"_ba << R"({"a":[1]})"_ba << R"({"a":[1]})"_ba;
    QTest::newRow("nested object") << R"({"a":{"x":1,"y":2}})"_ba << R"({"a":{"x":1,"y":3}})"_ba
                                   << R"({"a":{"y":3}})"_ba;
    QTest::newRow("object to scalar") << R"({"a":{"x":1}})"_ba << R"({"a":5})"_ba << R"({"a":5})"_ba;
    QTest::newRow("scalar to object") << R"({"a":5})"_ba << R"({"a":{"x":1}})"_ba << R"({"a":{"x":1}})"_ba;
    QTest::newRow("from null member") << R"({"a":null})"_ba << R"({"a":1})"_ba << R"({"a":1})"_ba;
    QTest::newRow("null member removed") << R"({"a":null})"_ba << "{}"_ba << R"({"a":null})"_ba;
}

void TestMergePatch::diff()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QByteArray, patch);
    const QJsonObject fromObject = JsonTest::object(from);
    const QJsonObject toObject = JsonTest::object(to);
    const QJsonObject actual = MergePatch::diff(fromObject, toObject);
    QCOMPARE(JsonTest::text(actual), JsonTest::text(JsonTest::parse(patch)));
    QCOMPARE(JsonTest::text(MergePatch::apply(fromObject, actual)), JsonTest::text(toObject));
}

QTEST_APPLESS_MAIN(TestMergePatch)
#include "tst_mergepatch.moc"
