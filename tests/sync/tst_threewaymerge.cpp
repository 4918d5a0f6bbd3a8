#include "threewaymerge.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

namespace {

QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

void row(const char *name, const char *base, const char *mine, const char *theirs, const char *merged,
         const QStringList &conflicts)
{
    QTest::newRow(name) << obj(base) << obj(mine) << obj(theirs) << obj(merged) << conflicts;
}

/// Equal when every member has the same value, an absent member counting as null.
bool sameValues(const QJsonObject &a, const QJsonObject &b)
{
    QStringList keys = a.keys() + b.keys();
    for (const QString &key : keys) {
        const QJsonValue x = a.value(key).isUndefined() ? QJsonValue() : a.value(key);
        const QJsonValue y = b.value(key).isUndefined() ? QJsonValue() : b.value(key);
        if (x != y)
            return false;
    }
    return true;
}

} // namespace

class TestThreeWayMerge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void merge_data();
    void merge();
    void mergeIsSymmetricWhenClean_data() { merge_data(); }
    void mergeIsSymmetricWhenClean();
};

void TestThreeWayMerge::merge_data()
{
    QTest::addColumn<QJsonObject>("base");
    QTest::addColumn<QJsonObject>("mine");
    QTest::addColumn<QJsonObject>("theirs");
    QTest::addColumn<QJsonObject>("merged");
    QTest::addColumn<QStringList>("conflicts");

    // One field, every combination of unchanged / changed-same / changed-different per side.
    row("unchanged both",
        R"({"a":1})", R"({"a":1})", R"({"a":1})", R"({"a":1})", QStringList());
    row("mine changed",
        R"({"a":1})", R"({"a":2})", R"({"a":1})", R"({"a":2})", QStringList());
    row("theirs changed",
        R"({"a":1})", R"({"a":1})", R"({"a":3})", R"({"a":3})", QStringList());
    row("both changed same",
        R"({"a":1})", R"({"a":5})", R"({"a":5})", R"({"a":5})", QStringList());
    row("both changed different",
        R"({"a":1})", R"({"a":2})", R"({"a":3})", R"({"a":2})", QStringList{u"a"_s});
    row("type differs",
        R"({"a":1})", R"({"a":"1"})", R"({"a":2})", R"({"a":"1"})", QStringList{u"a"_s});

    // Members added.
    row("mine added",
        "{}", R"({"a":1})", "{}", R"({"a":1})", QStringList());
    row("theirs added",
        "{}", "{}", R"({"a":1})", R"({"a":1})", QStringList());
    row("both added same",
        "{}", R"({"a":1})", R"({"a":1})", R"({"a":1})", QStringList());
    row("both added different",
        "{}", R"({"a":1})", R"({"a":2})", R"({"a":1})", QStringList{u"a"_s});

    // Members removed (a missing member counts as null).
    row("mine removed",
        R"({"a":1,"b":2})", R"({"b":2})", R"({"a":1,"b":2})", R"({"b":2})", QStringList());
    row("theirs removed",
        R"({"a":1,"b":2})", R"({"a":1,"b":2})", R"({"b":2})", R"({"b":2})", QStringList());
    row("both removed",
        R"({"a":1})", "{}", "{}", "{}", QStringList());
    row("removed vs set null",
        R"({"a":1})", "{}", R"({"a":null})", "{}", QStringList());
    row("mine removed, theirs changed",
        R"({"a":1})", "{}", R"({"a":2})", "{}", QStringList{u"a"_s});
    row("mine changed, theirs removed",
        R"({"a":1})", R"({"a":2})", "{}", R"({"a":2})", QStringList{u"a"_s});
    row("null base, mine set",
        R"({"a":null})", R"({"a":"x"})", "{}", R"({"a":"x"})", QStringList());

    // Several fields at once.
    row("different fields merge",
        R"({"a":1,"b":1,"c":1})", R"({"a":2,"b":1,"c":1})", R"({"a":1,"b":3,"c":1})", R"({"a":2,"b":3,"c":1})", QStringList());
    row("one conflict among merges",
        R"({"a":1,"b":1,"c":1})", R"({"a":2,"b":1,"c":9})", R"({"a":1,"b":3,"c":8})", R"({"a":2,"b":3,"c":9})", QStringList{u"c"_s});
    row("conflicts sorted",
        R"({"z":1,"a":1})", R"({"z":2,"a":2})", R"({"z":3,"a":3})", R"({"z":2,"a":2})", QStringList{u"a"_s, u"z"_s});
    row("empty base (create)",
        "{}", R"({"t":"x","n":1})", R"({"t":"x","n":2})", R"({"t":"x","n":1})", QStringList{u"n"_s});
}

void TestThreeWayMerge::merge()
{
    QFETCH(QJsonObject, base);
    QFETCH(QJsonObject, mine);
    QFETCH(QJsonObject, theirs);
    QFETCH(QJsonObject, merged);
    QFETCH(QStringList, conflicts);

    const MergeResult result = threeWayMerge(base, mine, theirs);
    QCOMPARE(result.merged, merged);
    QCOMPARE(result.conflictingFields, conflicts);
    QCOMPARE(result.isClean(), conflicts.isEmpty());
}

void TestThreeWayMerge::mergeIsSymmetricWhenClean()
{
    QFETCH(QJsonObject, base);
    QFETCH(QJsonObject, mine);
    QFETCH(QJsonObject, theirs);
    QFETCH(QStringList, conflicts);

    const MergeResult forward = threeWayMerge(base, mine, theirs);
    const MergeResult backward = threeWayMerge(base, theirs, mine);
    QCOMPARE(backward.conflictingFields, forward.conflictingFields);
    if (conflicts.isEmpty())
        QVERIFY(sameValues(backward.merged, forward.merged)); // absent and null are the same value
}

QTEST_GUILESS_MAIN(TestThreeWayMerge)
#include "tst_threewaymerge.moc"
