#include "tokenstore.h"

#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

// Tests run without a Secret Service (as on CI, and forced here so that a developer's real
// keychain is never touched): the store must fail cleanly, and never fall back to a file.
class TestTokenStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keyOf_data();
    void keyOf();
    void withoutAKeychainSavingFailsAndWritesNothing();
    void withoutAKeychainNothingIsLoaded();

private:
    QTemporaryDir m_home;
};

void TestTokenStore::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + QFile::encodeName(m_home.filePath(u"no-bus"_s)));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(u"config"_s)));
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.filePath(u"data"_s)));
    QStandardPaths::setTestModeEnabled(false);
}

void TestTokenStore::keyOf_data()
{
    QTest::addColumn<QUrl>("server");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QUrl(u"https://e.example:8443"_s) << u"alice"_s << u"https://e.example:8443 alice"_s;
    QTest::newRow("trailing slash") << QUrl(u"https://e.example:8443/"_s) << u"alice"_s
                                    << u"https://e.example:8443 alice"_s;
    QTest::newRow("other user") << QUrl(u"https://e.example:8443"_s) << u"bob"_s << u"https://e.example:8443 bob"_s;
}

void TestTokenStore::keyOf()
{
    QFETCH(QUrl, server);
    QFETCH(QString, user);
    QFETCH(QString, expected);
    QCOMPARE(TokenStore::keyOf(server, user), expected);
}

void TestTokenStore::withoutAKeychainSavingFailsAndWritesNothing()
{
    TokenStore store;
    QSignalSpy saved(&store, &TokenStore::saved);
    QSignalSpy failed(&store, &TokenStore::saveFailed);
    const QByteArray token = "token-that-must-not-reach-a-file-4f9c2e"_ba;
    store.save(QUrl(u"https://e.example"_s), u"alice"_s, token);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    QCOMPARE(saved.size(), 0);
    QVERIFY(!failed.first().at(2).toString().isEmpty()); // a reason for people
    QDirIterator files(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(token), qPrintable(file.fileName()));
    }
}

void TestTokenStore::withoutAKeychainNothingIsLoaded()
{
    TokenStore store;
    QSignalSpy loaded(&store, &TokenStore::loaded);
    store.load(QUrl(u"https://e.example"_s), u"alice"_s);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000);
    QCOMPARE(loaded.first().at(1).toString(), u"alice"_s);
    QVERIFY(loaded.first().at(2).toByteArray().isEmpty());
}

QTEST_MAIN(TestTokenStore)
#include "tst_tokenstore.moc"
