#include "demolauncher.h"
#include "journal.h"
#include "journallocation.h"
#include "rawdatabase.h"
#include "testserver.h"

#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

// `etagere --demo` for real: the launcher, the embedded server and two `etagere` processes
// (offscreen), each signed in as its own person.
class TestDemoLauncher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void twoPeopleEachInTheirWindow();

private:
    QTemporaryDir m_home;
};

void TestDemoLauncher::initTestCase()
{
    QVERIFY(m_home.isValid());
    // The windows are processes of their own: they inherit this environment.
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.filePath(u"data"_s)));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(u"config"_s)));
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent"); // no keychain is touched
}

void TestDemoLauncher::twoPeopleEachInTheirWindow()
{
    const QString dataDir = m_home.filePath(u"demo-server"_s);
    DemoLauncher launcher;
    launcher.setPaths(TestServer::executablePath(), dataDir, QStringLiteral(ETAGERE_APP_PATH));
    QSignalSpy started(&launcher, &DemoLauncher::windowsStarted);
    QSignalSpy finished(&launcher, &DemoLauncher::finished);
    launcher.start();
    QVERIFY2(started.wait(30000), finished.isEmpty() ? "" : qPrintable(finished.first().at(1).toString()));
    QCOMPARE(launcher.windows().size(), 2);

    // Each window signs in as its person and keeps that person's journal of the server.
    const QString journals = m_home.filePath(u"data/Etagere/Etagere/journals"_s);
    for (const QString &person : DemoLauncher::People) {
        // Read beside the window that holds it (SQLite WAL): its copy of the demo, loaded as that person.
        const QString path = JournalLocation::path(journals, launcher.serverUrl(), person);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 20000);
        const RawDatabase journal(path);
        const auto loaded = [&] {
            return journal.value(u"SELECT last_seq FROM sequences WHERE collection = 'tasks'"_s).toLongLong() > 0;
        };
        QTRY_VERIFY_WITH_TIMEOUT(loaded(), 20000);
    }
    QProcess users;
    users.start(TestServer::executablePath(), {u"--data"_s, dataDir, u"user"_s, u"list"_s});
    QVERIFY(users.waitForFinished(10000));
    const QString listed = QString::fromUtf8(users.readAllStandardOutput());
    for (const QString &person : DemoLauncher::People)
        QVERIFY2(listed.contains(person), qPrintable(listed));

    // Closing both windows ends the demo and stops its server.
    for (QProcess *window : launcher.windows())
        window->terminate();
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().at(0).toInt(), 0);
    QVERIFY(!QFile::exists(QDir(dataDir).filePath(u"endpoint"_s)));
    for (const QString &person : DemoLauncher::People) { // each loaded the demo as that person
        Journal journal;
        QVERIFY(journal.open(JournalLocation::path(journals, launcher.serverUrl(), person)));
        QVERIFY2(journal.lastSeq(u"tasks"_s) > 0, qPrintable(person));
    }
}

QTEST_MAIN(TestDemoLauncher)
#include "tst_demolauncher.moc"
