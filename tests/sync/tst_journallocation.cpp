#include "journallocation.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

/// JournalLocation: readable, stable and unique file names per (server, user).
class TestJournalLocation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fileName_data();
    void fileName();
    void samePairSameFile_data();
    void samePairSameFile();
    void differentPairsDifferentFiles_data();
    void differentPairsDifferentFiles();
    void pathIsUnderTheBaseDirectory();
    void localPath_data();
    void localPath();
    void slotPath_data();
    void slotPath();
};

void TestJournalLocation::fileName_data()
{
    QTest::addColumn<QUrl>("server");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("readablePart"); // before "-<12 hex digits>.journal"
    QTest::newRow("loopback") << QUrl(u"http://127.0.0.1:8642"_s) << u"alice"_s << u"127.0.0.1_8642_alice"_s;
    QTest::newRow("default http port") << QUrl(u"http://Example.ORG"_s) << u"bob"_s << u"example.org_80_bob"_s;
    QTest::newRow("default https port") << QUrl(u"https://example.org/"_s) << u"bob"_s << u"example.org_443_bob"_s;
    QTest::newRow("odd user name") << QUrl(u"http://h:1"_s) << u"Zoë O'Neil/../x"_s << u"h_1_Zo--O-Neil-..-x"_s;
    QTest::newRow("no user") << QUrl(u"http://h:1"_s) << QString() << u"h_1_anonymous"_s;
    QTest::newRow("ipv6") << QUrl(u"http://[::1]:9000"_s) << u"me"_s << u"--1_9000_me"_s;
    QTest::newRow("long user is cut") << QUrl(u"http://h:1"_s) << QString(100, u'u') << u"h_1_"_s + QString(40, u'u');
}

void TestJournalLocation::fileName()
{
    QFETCH(QUrl, server);
    QFETCH(QString, user);
    QFETCH(QString, readablePart);
    const QString name = JournalLocation::fileName(server, user);
    static const QRegularExpression shape(u"^(.*)-[0-9a-f]{12}\\.journal$"_s);
    const QRegularExpressionMatch match = shape.match(name);
    QVERIFY2(match.hasMatch(), qPrintable(name));
    QCOMPARE(match.captured(1), readablePart);
    QVERIFY(!name.contains(u'/'));
}

void TestJournalLocation::samePairSameFile_data()
{
    QTest::addColumn<QUrl>("a");
    QTest::addColumn<QUrl>("b");
    QTest::newRow("trailing slash") << QUrl(u"http://h:1/base"_s) << QUrl(u"http://h:1/base/"_s);
    QTest::newRow("host case") << QUrl(u"http://HOST:1"_s) << QUrl(u"http://host:1"_s);
    QTest::newRow("explicit default port") << QUrl(u"http://h"_s) << QUrl(u"http://h:80"_s);
    QTest::newRow("credentials and query ignored") << QUrl(u"http://x:y@h:1?a=b#f"_s) << QUrl(u"http://h:1"_s);
}

void TestJournalLocation::samePairSameFile()
{
    QFETCH(QUrl, a);
    QFETCH(QUrl, b);
    QCOMPARE(JournalLocation::fileName(a, u"u"_s), JournalLocation::fileName(b, u"u"_s));
}

void TestJournalLocation::differentPairsDifferentFiles_data()
{
    QTest::addColumn<QUrl>("serverA");
    QTest::addColumn<QString>("userA");
    QTest::addColumn<QUrl>("serverB");
    QTest::addColumn<QString>("userB");
    const QUrl h(u"http://h:1"_s);
    QTest::newRow("other user") << h << u"alice"_s << h << u"bob"_s;
    QTest::newRow("users that read alike") << h << u"a/b"_s << h << u"a-b"_s;
    QTest::newRow("user case") << h << u"Alice"_s << h << u"alice"_s;
    QTest::newRow("no user and 'anonymous'") << h << QString() << h << u"anonymous"_s;
    QTest::newRow("long users alike where cut") << h << QString(50, u'x') + u'1' << h << QString(50, u'x') + u'2';
    QTest::newRow("other port") << h << u"u"_s << QUrl(u"http://h:2"_s) << u"u"_s;
    QTest::newRow("other scheme") << h << u"u"_s << QUrl(u"https://h:1"_s) << u"u"_s;
    QTest::newRow("other base path") << QUrl(u"http://h:1/a"_s) << u"u"_s << QUrl(u"http://h:1/b"_s) << u"u"_s;
}

void TestJournalLocation::differentPairsDifferentFiles()
{
    QFETCH(QUrl, serverA);
    QFETCH(QString, userA);
    QFETCH(QUrl, serverB);
    QFETCH(QString, userB);
    QVERIFY(JournalLocation::fileName(serverA, userA) != JournalLocation::fileName(serverB, userB));
}

void TestJournalLocation::pathIsUnderTheBaseDirectory()
{
    const QUrl server(u"http://127.0.0.1:8642"_s);
    QCOMPARE(JournalLocation::path(u"/data/etagere/journals/"_s, server, u"alice"_s),
             u"/data/etagere/journals/"_s + JournalLocation::fileName(server, u"alice"_s));
}

void TestJournalLocation::localPath_data()
{
    QTest::addColumn<QString>("dirA");
    QTest::addColumn<QString>("userA");
    QTest::addColumn<QString>("dirB");
    QTest::addColumn<QString>("userB");
    QTest::addColumn<bool>("same");
    QTest::newRow("same directory and user") << u"/d/server"_s << u"u"_s << u"/d/server"_s << u"u"_s << true;
    QTest::newRow("same directory, written otherwise") << u"/d/server"_s << u"u"_s << u"/d/./x/../server/"_s
                                                       << u"u"_s << true;
    QTest::newRow("other directory") << u"/d/server"_s << u"u"_s << u"/e/server"_s << u"u"_s << false;
    QTest::newRow("other user") << u"/d/server"_s << u"u"_s << u"/d/server"_s << u"v"_s << false;
}

void TestJournalLocation::localPath()
{
    QFETCH(QString, dirA);
    QFETCH(QString, userA);
    QFETCH(QString, dirB);
    QFETCH(QString, userB);
    QFETCH(bool, same);
    const QString a = JournalLocation::localPath(u"/j"_s, dirA, userA);
    QCOMPARE(a == JournalLocation::localPath(u"/j"_s, dirB, userB), same);
    QVERIFY2(a.startsWith(u"/j/local_%1-"_s.arg(userA)) && a.endsWith(u".journal"_s), qPrintable(a));
}

void TestJournalLocation::slotPath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("slot");
    QTest::addColumn<QString>("expected");
    QTest::newRow("first is the path") << u"/j/h_1_u-abc.journal"_s << 1 << u"/j/h_1_u-abc.journal"_s;
    QTest::newRow("second") << u"/j/h_1_u-abc.journal"_s << 2 << u"/j/h_1_u-abc.2.journal"_s;
    QTest::newRow("eighth") << u"/j/h_1_u-abc.journal"_s << 8 << u"/j/h_1_u-abc.8.journal"_s;
    QTest::newRow("other suffix") << u"/j/file.db"_s << 3 << u"/j/file.db.3.journal"_s;
}

void TestJournalLocation::slotPath()
{
    QFETCH(QString, path);
    QFETCH(int, slot);
    QFETCH(QString, expected);
    QCOMPARE(JournalLocation::slotPath(path, slot), expected);
}

QTEST_GUILESS_MAIN(TestJournalLocation)
#include "tst_journallocation.moc"
