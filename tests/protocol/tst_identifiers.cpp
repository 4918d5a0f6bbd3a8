#include "identifiers.h"

#include <QSet>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace Etagere;

class TestIdentifiers : public QObject
{
    Q_OBJECT

private slots:
    void collectionName_data();
    void collectionName();
    void fieldName_data();
    void fieldName();
    void recordId_data();
    void recordId();
    void newRecordId();
    void recordPath_data();
    void recordPath();
};

void TestIdentifiers::collectionName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("one letter") << u"a"_s << true;
    QTest::newRow("word") << u"tasks"_s << true;
    QTest::newRow("dash underscore digit") << u"a-b_c9"_s << true;
    QTest::newRow("64 characters") << (u"a"_s + QString(63, u'z')) << true;
    QTest::newRow("65 characters") << (u"a"_s + QString(64, u'z')) << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("upper case") << u"Tasks"_s << false;
    QTest::newRow("starts with digit") << u"1tasks"_s << false;
    QTest::newRow("starts with dash") << u"-tasks"_s << false;
    QTest::newRow("starts with underscore") << u"_tasks"_s << false;
    QTest::newRow("space") << u"my tasks"_s << false;
    QTest::newRow("slash") << u"a/b"_s << false;
    QTest::newRow("dot") << u"a.b"_s << false;
    QTest::newRow("accented") << u"t\u00e2ches"_s << false;
    QTest::newRow("fullwidth a") << u"\uff41"_s << false;
}

void TestIdentifiers::collectionName()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(isValidCollectionName(name), valid);
}

void TestIdentifiers::fieldName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("one letter") << u"a"_s << true;
    QTest::newRow("underscore and digit") << u"due_date2"_s << true;
    QTest::newRow("64 characters") << (u"a"_s + QString(63, u'b')) << true;
    QTest::newRow("65 characters") << (u"a"_s + QString(64, u'b')) << false;
    QTest::newRow("dash") << u"due-date"_s << false;
    QTest::newRow("upper case") << u"Due"_s << false;
    QTest::newRow("leading underscore") << u"_due"_s << false;
    QTest::newRow("leading digit") << u"2due"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestIdentifiers::fieldName()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(isValidFieldName(name), valid);
}

void TestIdentifiers::recordId_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::newRow("one character") << u"x"_s << true;
    QTest::newRow("uuid") << u"1b4e28ba-2fa1-11d2-883f-0016d3cca427"_s << true;
    QTest::newRow("all classes") << u"AZaz09_-"_s << true;
    QTest::newRow("128 characters") << QString(128, u'a') << true;
    QTest::newRow("129 characters") << QString(129, u'a') << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("braced uuid") << u"{1b4e28ba-2fa1-11d2-883f-0016d3cca427}"_s << false;
    QTest::newRow("space") << u"a b"_s << false;
    QTest::newRow("slash") << u"a/b"_s << false;
    QTest::newRow("dot dot") << u".."_s << false;
    QTest::newRow("percent") << u"%2F"_s << false;
    QTest::newRow("umlaut") << u"\u00fc"_s << false;
    QTest::newRow("nul") << QString(1, QChar(0)) << false;
}

void TestIdentifiers::recordId()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QCOMPARE(isValidRecordId(id), valid);
}

void TestIdentifiers::newRecordId()
{
    QSet<QString> seen;
    for (int i = 0; i < 1000; ++i) {
        const QString id = Etagere::newRecordId();
        QVERIFY2(isValidRecordId(id), qPrintable(id));
        QCOMPARE(id.size(), 36);
        QVERIFY(!id.startsWith(u'{'));
        const QUuid uuid = QUuid::fromString(id);
        QVERIFY(!uuid.isNull());
        QCOMPARE(uuid.version(), QUuid::Random);
        seen.insert(id);
    }
    QCOMPARE(seen.size(), 1000);
}

void TestIdentifiers::recordPath_data()
{
    QTest::addColumn<QString>("collection");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("path");
    QTest::newRow("simple") << u"tasks"_s << u"r1"_s << u"/v1/collections/tasks/records/r1"_s;
    QTest::newRow("uuid") << u"bug-reports"_s << u"1b4e28ba-2fa1-11d2-883f-0016d3cca427"_s
                          << u"/v1/collections/bug-reports/records/1b4e28ba-2fa1-11d2-883f-0016d3cca427"_s;
    QTest::newRow("underscores kept") << u"a_b"_s << u"x_Y-z"_s << u"/v1/collections/a_b/records/x_Y-z"_s;
}

void TestIdentifiers::recordPath()
{
    QFETCH(QString, collection);
    QFETCH(QString, id);
    QFETCH(QString, path);
    QCOMPARE(Etagere::recordPath(collection, id), path);
}

QTEST_APPLESS_MAIN(TestIdentifiers)
#include "tst_identifiers.moc"
