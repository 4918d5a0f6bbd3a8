#include "activitymodel.h"
#include "personcolor.h"
#include "scriptedfixture.h"

#include <QAbstractItemModelTester>

using namespace Etagere;
using namespace Etagere::Test;
using namespace Qt::StringLiterals;

namespace {

/// A change pushed by "the server": (collection, id, data as JSON or "null", author).
using Push = QStringList;

QJsonValue dataOf(const QString &json)
{
    return json == "null"_L1 ? QJsonValue() : QJsonValue(QJsonDocument::fromJson(json.toUtf8()).object());
}

} // namespace

/// ActivityModel against a scripted server that pushes other people's changes: one entry
/// per remote create, update and delete with its author, record and fields, newest first,
/// capped, with relative times that move on.
class TestActivityModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void entries_data();
    void entries();
    void newestFirstAndCapped();
    void localEditsAreNotListed();
    void relativeTime_data();
    void relativeTime();
    void timesMoveOn();

private:
    void push(const Push &change);

    std::unique_ptr<ScriptedFixture> m_fixture;
    std::unique_ptr<ActivityModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QDateTime m_now;
};

void TestActivityModel::init()
{
    qRegisterMetaType<Etagere::ChangeSource>();
    m_fixture = std::make_unique<ScriptedFixture>();
    QVERIFY(m_fixture->start());
    m_model = std::make_unique<ActivityModel>(m_fixture->engine.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_now = QDateTime(QDate(2024, 5, 6), QTime(10, 0), Qt::UTC);
    m_model->setClock([this] { return m_now; });
}

void TestActivityModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_fixture.reset();
}

void TestActivityModel::push(const Push &change)
{
    m_fixture->pushChange(change.at(0), change.at(1), dataOf(change.at(2)), change.at(3));
}

void TestActivityModel::entries_data()
{
    QTest::addColumn<Push>("change");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QStringList>("fields");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("display");

    const int created = int(ActivityModel::Kind::Created);
    const int changed = int(ActivityModel::Kind::Changed);
    const int deleted = int(ActivityModel::Kind::Deleted);
    QTest::newRow("one field") << Push{u"tasks"_s, u"r1"_s, uR"({"title":"Buy oat milk","owner":"Ann","done":false})"_s, u"bob"_s}
                               << changed << QStringList{u"title"_s} << u"Buy oat milk"_s
                               << u"bob changed Title of “Buy oat milk” · just now"_s;
    QTest::newRow("two fields, in schema order")
        << Push{u"tasks"_s, u"r2"_s, uR"({"title":"Call Bob","owner":"Carl","done":true})"_s, u"carol"_s} << changed
        << QStringList{u"done"_s, u"owner"_s} << u"Call Bob"_s << u"carol changed Owner, Done of “Call Bob” · just now"_s;
    QTest::newRow("created") << Push{u"tasks"_s, u"r9"_s, uR"({"title":"New one","owner":null,"done":false})"_s, u"dave"_s}
                             << created << QStringList{} << u"New one"_s << u"dave created “New one” · just now"_s;
    QTest::newRow("deleted: named by what it held")
        << Push{u"tasks"_s, u"r3"_s, u"null"_s, u"erin"_s} << deleted << QStringList{} << u"Plan trip"_s
        << u"erin deleted “Plan trip” · just now"_s;
    QTest::newRow("another collection") << Push{u"notes"_s, u"n1"_s, uR"({"text":"Bye"})"_s, u"bob"_s} << changed
                                        << QStringList{u"text"_s} << u"Bye"_s
                                        << u"bob changed Text of “Bye” · just now"_s;
    QTest::newRow("the user's own, from another window")
        << Push{u"notes"_s, u"n1"_s, uR"({"text":"Mine"})"_s, ScriptedFixture::Me} << changed << QStringList{u"text"_s}
        << u"Mine"_s << u"You (elsewhere) changed Text of “Mine” · just now"_s;
    QTest::newRow("no author") << Push{u"notes"_s, u"n1"_s, uR"({"text":"Anon"})"_s, QString()} << changed
                               << QStringList{u"text"_s} << u"Anon"_s
                               << u"Someone changed Text of “Anon” · just now"_s;
}

void TestActivityModel::entries()
{
    QFETCH(Push, change);
    QFETCH(int, kind);
    QFETCH(QStringList, fields);
    QFETCH(QString, title);
    QFETCH(QString, display);

    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    push(change);
    QTRY_COMPARE(m_model->rowCount(), 1);
    QCOMPARE(inserted.size(), 1);
    const QModelIndex entry = m_model->index(0);
    QCOMPARE(entry.data(ActivityModel::CollectionRole).toString(), change.at(0));
    QCOMPARE(entry.data(ActivityModel::RecordIdRole).toString(), change.at(1));
    QCOMPARE(entry.data(ActivityModel::AuthorRole).toString(), change.at(3));
    QCOMPARE(int(entry.data(ActivityModel::KindRole).value<ActivityModel::Kind>()), kind);
    QCOMPARE(entry.data(ActivityModel::FieldsRole).toStringList(), fields);
    QCOMPARE(entry.data(ActivityModel::RecordTitleRole).toString(), title);
    QCOMPARE(entry.data(ActivityModel::TimeRole).toDateTime(), m_now);
    QCOMPARE(entry.data().toString(), display);
    QCOMPARE(entry.data(Qt::DecorationRole).value<QColor>(), personColor(change.at(3)));
    QVERIFY(entry.data(Qt::ToolTipRole).toString().contains(change.at(0) == "tasks"_L1 ? u"Tasks"_s : u"Notes"_s));
}

void TestActivityModel::newestFirstAndCapped()
{
    m_model->setCapacity(3);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    const QStringList authors{u"a1"_s, u"a2"_s, u"a3"_s, u"a4"_s, u"a5"_s};
    for (const QString &author : authors)
        push({u"notes"_s, u"n1"_s, uR"({"text":"%1"})"_s.arg(author), author});
    QTRY_COMPARE(inserted.size(), 5);
    QCOMPARE(m_model->rowCount(), 3);
    for (const QList<QVariant> &args : std::as_const(inserted)) { // always at the top
        QCOMPARE(args.at(1).toInt(), 0);
        QCOMPARE(args.at(2).toInt(), 0);
    }
    QCOMPARE(removed.size(), 2);
    for (const QList<QVariant> &args : std::as_const(removed)) { // always the oldest, at the end
        QCOMPARE(args.at(1).toInt(), 3);
        QCOMPARE(args.at(2).toInt(), 3);
    }
    const QStringList shown{m_model->index(0).data(ActivityModel::AuthorRole).toString(),
                            m_model->index(1).data(ActivityModel::AuthorRole).toString(),
                            m_model->index(2).data(ActivityModel::AuthorRole).toString()};
    QCOMPARE(shown, (QStringList{u"a5"_s, u"a4"_s, u"a3"_s}));

    m_model->setCapacity(1); // lowering it drops the oldest at once
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->index(0).data(ActivityModel::AuthorRole).toString(), u"a5"_s);
    QCOMPARE(ActivityModel::DefaultCapacity, 200);
}

void TestActivityModel::localEditsAreNotListed()
{
    QSignalSpy changed(m_fixture->engine.get(), &SyncEngine::recordChanged);
    QVERIFY(m_fixture->engine->setField(ScriptedFixture::Tasks, u"r1"_s, u"owner"_s, u"Me"_s));
    QCOMPARE(changed.size(), 1);
    QVERIFY(m_fixture->engine->deleteRecord(ScriptedFixture::Tasks, u"r2"_s));
    QCOMPARE(m_model->rowCount(), 0);
    push({u"notes"_s, u"n1"_s, uR"({"text":"Theirs"})"_s, u"bob"_s}); // and the others' still are
    QTRY_COMPARE(m_model->rowCount(), 1);
}

void TestActivityModel::relativeTime_data()
{
    QTest::addColumn<int>("secondsAgo");
    QTest::addColumn<QString>("expected");
    QTest::newRow("now") << 0 << u"just now"_s;
    QTest::newRow("59 s") << 59 << u"just now"_s;
    QTest::newRow("1 min") << 60 << u"1 min ago"_s;
    QTest::newRow("59 min") << 59 * 60 + 59 << u"59 min ago"_s;
    QTest::newRow("1 h") << 3600 << u"1 h ago"_s;
    QTest::newRow("23 h") << 23 * 3600 + 3599 << u"23 h ago"_s;
    const QDateTime twoDays = QDateTime(QDate(2024, 5, 4), QTime(10, 0), Qt::UTC);
    QTest::newRow("2 days: the date") << 2 * 24 * 3600
                                      << QLocale().toString(twoDays.toLocalTime(), QLocale::ShortFormat);
}

void TestActivityModel::relativeTime()
{
    QFETCH(int, secondsAgo);
    QFETCH(QString, expected);
    QCOMPARE(ActivityModel::relativeTime(m_now.addSecs(-secondsAgo), m_now), expected);
}

void TestActivityModel::timesMoveOn()
{
    push({u"notes"_s, u"n1"_s, uR"({"text":"Later"})"_s, u"bob"_s});
    QTRY_COMPARE(m_model->rowCount(), 1);
    push({u"tasks"_s, u"r3"_s, u"null"_s, u"carol"_s});
    QTRY_COMPARE(m_model->rowCount(), 2);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_now = m_now.addSecs(5 * 60);
    m_model->refreshTimes(); // what the minute timer does
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.constFirst().at(0).toModelIndex(), m_model->index(0));
    QCOMPARE(changed.constFirst().at(1).toModelIndex(), m_model->index(1));
    QVERIFY(changed.constFirst().at(2).value<QList<int>>().contains(Qt::DisplayRole));
    QCOMPARE(m_model->index(1).data().toString(), u"bob changed Text of “Later” · 5 min ago"_s);
    QCOMPARE(m_model->index(0).data(ActivityModel::RelativeTimeRole).toString(), u"5 min ago"_s);
}

QTEST_GUILESS_MAIN(TestActivityModel)
#include "tst_activitymodel.moc"
