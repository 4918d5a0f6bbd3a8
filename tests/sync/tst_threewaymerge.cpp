// The merge as a table: every combination of per-field outcomes (unchanged, changed by one
// side, by both to the same or to different values, added, removed, null against missing)
// for a record of two fields, the five core outcomes for three fields, and the record-level
// delete cases. The expected results come from the rules written out below, independently
// of the code under test.

#include "threewaymerge.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

namespace {

// --- the expected results, by rule ----------------------------------------------------

/// A member as one copy has it: absent, or a value (null included).
using Member = std::optional<QJsonValue>;

/// The value a member stands for: a missing member counts as null.
QJsonValue valueOf(const Member &member)
{
    return member ? *member : QJsonValue(QJsonValue::Null);
}

/// The merge of one field, as a person would do it: nobody changed it: keep it; one side
/// changed it: take that change; both made the same change: take it; both changed it
/// differently: a conflict, and mine stays until the user decides.
struct FieldOutcome
{
    Member merged;
    bool conflict = false;
};

FieldOutcome expectedField(const Member &base, const Member &mine, const Member &theirs)
{
    const bool mineSame = valueOf(mine) == valueOf(base);
    const bool theirsSame = valueOf(theirs) == valueOf(base);
    if (mineSame && theirsSame)
        return {base, false};
    if (mineSame)
        return {theirs, false};
    if (theirsSame || valueOf(mine) == valueOf(theirs))
        return {mine, false};
    return {mine, true};
}

void put(QJsonObject &object, const QString &key, const Member &member)
{
    if (member)
        object.insert(key, *member);
}

// --- the per-field variants -----------------------------------------------------------

/// One field's story: its base, mine and theirs as tokens. A, B, C: three distinct values;
/// '0': null; '-': the member is missing.
struct Variant
{
    const char *name;
    char base;
    char mine;
    char theirs;
};

constexpr Variant AllVariants[] = {
    {"unchanged", 'A', 'A', 'A'},
    {"mine changed", 'A', 'B', 'A'},
    {"theirs changed", 'A', 'A', 'B'},
    {"both changed same", 'A', 'B', 'B'},
    {"both changed different", 'A', 'B', 'C'},
    {"mine added", '-', 'B', '-'},
    {"theirs added", '-', '-', 'B'},
    {"both added same", '-', 'B', 'B'},
    {"both added different", '-', 'B', 'C'},
    {"mine removed", 'A', '-', 'A'},
    {"theirs removed", 'A', 'A', '-'},
    {"both removed", 'A', '-', '-'},
    {"mine removed theirs changed", 'A', '-', 'B'},
    {"mine changed theirs removed", 'A', 'B', '-'},
    {"removed vs set null", 'A', '-', '0'},
    {"null base, mine dropped it", '0', '-', '0'},
    {"mine set null", 'A', '0', 'A'},
};
constexpr int CoreVariants = 5; ///< the first five: unchanged ... both changed different

/// The member for `token` in field number `field`; values differ across fields and kinds.
Member member(char token, int field)
{
    switch (token) {
    case '-': return std::nullopt;
    case '0': return QJsonValue(QJsonValue::Null);
    case 'A': return QJsonValue(10 * field + 1);
    case 'B': return QJsonValue(u"field %1 changed"_s.arg(field));
    default: return QJsonValue(QJsonArray{field, u"other"_s});
    }
}

/// Adds one row per combination of `variantCount` variants over `fieldCount` fields.
void addCrossProduct(int fieldCount, int variantCount)
{
    const QStringList keys{u"title"_s, u"done"_s, u"notes"_s};
    int combinations = 1;
    for (int i = 0; i < fieldCount; ++i)
        combinations *= variantCount;
    for (int combination = 0; combination < combinations; ++combination) {
        QJsonObject base, mine, theirs, merged;
        QStringList conflicts, names;
        for (int field = 0, rest = combination; field < fieldCount; ++field, rest /= variantCount) {
            const Variant &v = AllVariants[rest % variantCount];
            const QString &key = keys.at(field);
            const Member b = member(v.base, field), m = member(v.mine, field), t = member(v.theirs, field);
            const FieldOutcome outcome = expectedField(b, m, t);
            put(base, key, b);
            put(mine, key, m);
            put(theirs, key, t);
            put(merged, key, outcome.merged);
            if (outcome.conflict)
                conflicts.append(key);
            names.append(key + u": "_s + QLatin1StringView(v.name));
        }
        conflicts.sort();
        QTest::newRow(qPrintable(names.join(u" / "_s))) << base << mine << theirs << merged << conflicts;
    }
}

QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

/// Equal when every member has the same value, an absent member counting as null.
bool sameValues(const QJsonObject &a, const QJsonObject &b)
{
    for (const QString &key : a.keys() + b.keys()) {
        if (valueOf(a.contains(key) ? Member(a.value(key)) : std::nullopt)
            != valueOf(b.contains(key) ? Member(b.value(key)) : std::nullopt))
            return false;
    }
    return true;
}

// --- the record-level (delete) cases --------------------------------------------------

/// One side's copy of the record in the delete table; nullopt: deleted.
struct Side
{
    const char *name;
    std::optional<QJsonObject> copy;
};

QList<Side> recordSides()
{
    return {
        {"deleted", std::nullopt},
        {"unchanged", obj(R"({"title":"t","done":false})")},
        {"unchanged, null written out", obj(R"({"title":"t","done":false,"notes":null})")},
        {"title edited", obj(R"({"title":"mine","done":false})")},
        {"done edited", obj(R"({"title":"t","done":true})")},
        {"title edited otherwise", obj(R"({"title":"theirs","done":false})")},
    };
}

/// The record-level rule: both deleted: gone; one deleted and the other untouched (same
/// values as the base): gone; one deleted and the other edited: the user decides; both
/// there: the field merge decides, conflict when a field conflicts.
RecordMerge expectedRecord(const QJsonObject &base, const std::optional<QJsonObject> &mine,
                           const std::optional<QJsonObject> &theirs)
{
    using Outcome = RecordMerge::Outcome;
    if (!mine && !theirs)
        return {Outcome::Delete, {}, {}};
    if (!mine || !theirs)
        return {sameValues(mine ? *mine : *theirs, base) ? Outcome::Delete : Outcome::Conflict, {}, {}};
    RecordMerge expected;
    for (const QString &key : QStringList{u"done"_s, u"notes"_s, u"title"_s}) {
        const auto memberOf = [&key](const QJsonObject &o) { return o.contains(key) ? Member(o.value(key)) : std::nullopt; };
        const FieldOutcome field = expectedField(memberOf(base), memberOf(*mine), memberOf(*theirs));
        put(expected.merged, key, field.merged);
        if (field.conflict)
            expected.conflictingFields.append(key);
    }
    expected.outcome = expected.conflictingFields.isEmpty() ? Outcome::Keep : Outcome::Conflict;
    return expected;
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
    void mergeRecord_data();
    void mergeRecord();
};

void TestThreeWayMerge::merge_data()
{
    QTest::addColumn<QJsonObject>("base");
    QTest::addColumn<QJsonObject>("mine");
    QTest::addColumn<QJsonObject>("theirs");
    QTest::addColumn<QJsonObject>("merged");
    QTest::addColumn<QStringList>("conflicts");

    addCrossProduct(2, int(std::size(AllVariants))); // 17 x 17 = 289 rows
    addCrossProduct(3, CoreVariants);                // 5 x 5 x 5 = 125 rows

    // What the generated rows do not vary: types, nested values, order of the conflicts.
    const auto row = [](const char *name, const char *base, const char *mine, const char *theirs,
                        const char *merged, const QStringList &conflicts) {
        QTest::newRow(name) << obj(base) << obj(mine) << obj(theirs) << obj(merged) << conflicts;
    };
    row("same digits, other type", R"({"a":1})", R"({"a":"1"})", R"({"a":2})", R"({"a":"1"})", {u"a"_s});
    row("type change on one side", R"({"a":1})", R"({"a":"1"})", R"({"a":1})", R"({"a":"1"})", {});
    row("nested values compared whole", R"({"a":[1,2]})", R"({"a":[1,3]})", R"({"a":[1,3]})", R"({"a":[1,3]})", {});
    row("nested values differ", R"({"a":{"x":1}})", R"({"a":{"x":2}})", R"({"a":{"y":1}})", R"({"a":{"x":2}})",
        {u"a"_s});
    row("conflicts sorted", R"({"z":1,"a":1})", R"({"z":2,"a":2})", R"({"z":3,"a":3})", R"({"z":2,"a":2})",
        {u"a"_s, u"z"_s});
    row("empty base (create)", "{}", R"({"t":"x","n":1})", R"({"t":"x","n":2})", R"({"t":"x","n":1})", {u"n"_s});
    row("all empty", "{}", "{}", "{}", "{}", {});
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

void TestThreeWayMerge::mergeRecord_data()
{
    QTest::addColumn<QJsonObject>("base");
    QTest::addColumn<std::optional<QJsonObject>>("mine");
    QTest::addColumn<std::optional<QJsonObject>>("theirs");
    QTest::addColumn<RecordMerge>("expected");

    const QJsonObject base = obj(R"({"title":"t","done":false})");
    for (const Side &mine : recordSides()) { // 6 x 6 = 36 rows
        for (const Side &theirs : recordSides()) {
            QTest::addRow("mine %s, theirs %s", mine.name, theirs.name)
                << base << mine.copy << theirs.copy << expectedRecord(base, mine.copy, theirs.copy);
        }
    }
}

void TestThreeWayMerge::mergeRecord()
{
    QFETCH(QJsonObject, base);
    QFETCH(std::optional<QJsonObject>, mine);
    QFETCH(std::optional<QJsonObject>, theirs);
    QFETCH(RecordMerge, expected);

    const RecordMerge result = Etagere::mergeRecord(base, mine, theirs);
    QCOMPARE(int(result.outcome), int(expected.outcome));
    QCOMPARE(result.conflictingFields, expected.conflictingFields);
    if (mine && theirs)
        QCOMPARE(result.merged, expected.merged);
}

QTEST_GUILESS_MAIN(TestThreeWayMerge)
#include "tst_threewaymerge.moc"
