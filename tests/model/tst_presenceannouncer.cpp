#include "presenceannouncer.h"
#include "scriptedfixture.h"

using namespace Etagere;
using namespace Etagere::Test;
using namespace Qt::StringLiterals;

/// PresenceAnnouncer: what the server receives for each thing the window reports, read
/// off the live socket of a scripted server.
class TestPresenceAnnouncer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void announces_data();
    void announces();
    void destructorSaysLeft();

private:
    /// Waits until the engine's messages up to a marker announcement arrived; returns the
    /// presence messages before it, as "collection/id/state".
    [[nodiscard]] QStringList sentUntilMarker();

    std::unique_ptr<ScriptedFixture> m_fixture;
};

void TestPresenceAnnouncer::init()
{
    m_fixture = std::make_unique<ScriptedFixture>();
    QVERIFY(m_fixture->start());
}

void TestPresenceAnnouncer::cleanup()
{
    m_fixture.reset();
}

QStringList TestPresenceAnnouncer::sentUntilMarker()
{
    m_fixture->engine->announcePresence(ScriptedFixture::Notes, u"marker"_s, Presence::State::Viewing);
    QStringList sent;
    const bool arrived = QTest::qWaitFor([&] {
        sent.clear();
        for (const QStringList &message : m_fixture->sentPresence())
            sent << message.join(u'/');
        return !sent.isEmpty() && sent.constLast() == u"notes/marker/viewing"_s;
    }, ScriptedFixture::TimeoutMs);
    if (arrived)
        sent.removeLast();
    return sent;
}

void TestPresenceAnnouncer::announces_data()
{
    QTest::addColumn<QStringList>("steps"); ///< "collection C", "current ID", "open ID", "close ID", "clear"
    QTest::addColumn<QStringList>("sent");
    QTest::addColumn<QString>("probe");     ///< a record whose announced() state is checked
    QTest::addColumn<int>("probeState");

    const int viewing = int(Presence::State::Viewing);
    const int editing = int(Presence::State::Editing);
    const int left = int(Presence::State::Left);
    QTest::newRow("selecting a row: viewing") << QStringList{u"collection tasks"_s, u"current r1"_s}
                                              << QStringList{u"tasks/r1/viewing"_s} << u"r1"_s << viewing;
    QTest::newRow("another row: left, then viewing")
        << QStringList{u"collection tasks"_s, u"current r1"_s, u"current r2"_s}
        << QStringList{u"tasks/r1/viewing"_s, u"tasks/r1/left"_s, u"tasks/r2/viewing"_s} << u"r1"_s << left;
    QTest::newRow("the same row again: sent once")
        << QStringList{u"collection tasks"_s, u"current r1"_s, u"current r1"_s}
        << QStringList{u"tasks/r1/viewing"_s} << u"r1"_s << viewing;
    QTest::newRow("opening an editor: editing")
        << QStringList{u"collection tasks"_s, u"current r1"_s, u"open r1"_s}
        << QStringList{u"tasks/r1/viewing"_s, u"tasks/r1/editing"_s} << u"r1"_s << editing;
    QTest::newRow("closing it: back to viewing")
        << QStringList{u"collection tasks"_s, u"current r1"_s, u"open r1"_s, u"close r1"_s}
        << QStringList{u"tasks/r1/viewing"_s, u"tasks/r1/editing"_s, u"tasks/r1/viewing"_s} << u"r1"_s << viewing;
    QTest::newRow("an editor of another row: left when it closes")
        << QStringList{u"collection tasks"_s, u"current r1"_s, u"open r2"_s, u"close r2"_s}
        << QStringList{u"tasks/r1/viewing"_s, u"tasks/r2/editing"_s, u"tasks/r2/left"_s} << u"r2"_s << left;
    QTest::newRow("moving away while editing: editing until it closes")
        << QStringList{u"collection tasks"_s, u"current r1"_s, u"open r1"_s, u"current r2"_s, u"close r1"_s}
        << QStringList{u"tasks/r1/viewing"_s, u"tasks/r1/editing"_s, u"tasks/r2/viewing"_s, u"tasks/r1/left"_s}
        << u"r2"_s << viewing;
    QTest::newRow("two editors of one record: editing until both close")
        << QStringList{u"collection tasks"_s, u"open r3"_s, u"open r3"_s, u"close r3"_s}
        << QStringList{u"tasks/r3/editing"_s} << u"r3"_s << editing;
    QTest::newRow("switching collection: left for everything")
        << QStringList{u"collection tasks"_s, u"current r1"_s, u"open r2"_s, u"collection notes"_s, u"current n1"_s}
        << QStringList{u"tasks/r1/viewing"_s, u"tasks/r2/editing"_s, u"tasks/r1/left"_s, u"tasks/r2/left"_s,
                       u"notes/n1/viewing"_s}
        << u"r2"_s << left;
    QTest::newRow("an editor closing after the switch says nothing more")
        << QStringList{u"collection tasks"_s, u"open r2"_s, u"collection notes"_s, u"close r2"_s}
        << QStringList{u"tasks/r2/editing"_s, u"tasks/r2/left"_s} << u"r2"_s << left;
    QTest::newRow("clear (the window closes)")
        << QStringList{u"collection tasks"_s, u"current r1"_s, u"open r1"_s, u"clear"_s}
        << QStringList{u"tasks/r1/viewing"_s, u"tasks/r1/editing"_s, u"tasks/r1/left"_s} << u"r1"_s << left;
    QTest::newRow("no collection yet: nothing") << QStringList{u"current r1"_s, u"open r1"_s} << QStringList{}
                                                << u"r1"_s << left;
}

void TestPresenceAnnouncer::announces()
{
    QFETCH(QStringList, steps);
    QFETCH(QStringList, sent);
    QFETCH(QString, probe);
    QFETCH(int, probeState);

    PresenceAnnouncer announcer(m_fixture->engine.get());
    for (const QString &step : std::as_const(steps)) {
        const QString verb = step.section(u' ', 0, 0);
        const QString argument = step.section(u' ', 1);
        if (verb == "collection"_L1)
            announcer.setCollection(argument);
        else if (verb == "current"_L1)
            announcer.setCurrentRecord(argument);
        else if (verb == "open"_L1)
            announcer.editorOpened(argument);
        else if (verb == "close"_L1)
            announcer.editorClosed(argument);
        else if (verb == "clear"_L1)
            announcer.clear();
        else
            QFAIL(qPrintable(step));
    }
    QCOMPARE(sentUntilMarker(), sent);
    QCOMPARE(int(announcer.announced(probe)), probeState);
}

void TestPresenceAnnouncer::destructorSaysLeft()
{
    {
        PresenceAnnouncer announcer(m_fixture->engine.get());
        announcer.setCollection(ScriptedFixture::Tasks);
        announcer.setCurrentRecord(u"r1"_s);
        announcer.editorOpened(u"r2"_s);
    }
    QCOMPARE(sentUntilMarker(), (QStringList{u"tasks/r1/viewing"_s, u"tasks/r2/editing"_s, u"tasks/r1/left"_s,
                                             u"tasks/r2/left"_s}));
}

QTEST_GUILESS_MAIN(TestPresenceAnnouncer)
#include "tst_presenceannouncer.moc"
