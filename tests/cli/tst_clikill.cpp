#include "cliprocess.h"
#include "identifiers.h"
#include "journal.h"
#include "journallocation.h"
#include "serverprobe.h"
#include "syncengine.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

namespace {

constexpr int Timeout = 60000;
const QString Tasks = u"tasks"_s;

int fromEnvironment(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

/// The edits the test put in the journal: what the server must hold afterwards, once each.
struct Edits
{
    QHash<QString, QString> created; ///< id -> title
    QHash<QString, QString> updated; ///< id -> final title
};

} // namespace

/// The kill test: a journal holds N pending edits (creations with client UUIDs and
/// repeated updates of existing records) made while the server was out of reach; then
/// etagere-cli replays it against the real server and is killed with SIGKILL at random
/// moments, R times, restarted each time, and finally left to finish. Every edit must be on
/// the server exactly once: each creation one change, each updated record one change with
/// its final value, no other change, nothing pending in the journal.
/// Sizes: ETAGERE_KILL_EDITS (default 200) and ETAGERE_KILL_ROUNDS (default 20).
class TestCliKill : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void killedReplayDeliversEveryEditExactlyOnce();

private:
    /// Fills the journal at `path` with `count` edits the server does not have yet.
    [[nodiscard]] bool fillJournal(const QString &path, int count, Edits *edits);
    /// Pending edits in the journal at `path` (-1 when it cannot be opened).
    [[nodiscard]] static int pendingIn(const QString &path);
    [[nodiscard]] QStringList cliArguments() const;
    /// Runs the client and kills it (SIGKILL) once it has logged `echoes` pushed changes, or,
    /// when `echoes` is negative, `delayMs` after its start. False when it finished first.
    [[nodiscard]] bool killOnce(int echoes, int delayMs);

    std::unique_ptr<TestServer> m_server;
    QTemporaryDir m_journals;
};

void TestCliKill::initTestCase()
{
    qRegisterMetaType<Etagere::ChangeSource>();
    QVERIFY(m_journals.isValid());
    m_server = std::make_unique<TestServer>(QStringList{u"--demo"_s});
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    qputenv("ETAGERE_TOKEN", m_server->token()); // the CLI's runs inherit it
}

QStringList TestCliKill::cliArguments() const
{
    return {u"--server"_s, m_server->url().toString(), u"--journal-dir"_s, m_journals.path(), u"--verbose"_s,
            u"collections"_s};
}

bool TestCliKill::killOnce(int echoes, int delayMs)
{
    CliProcess cli;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"QT_LOGGING_RULES"_s); // --verbose decides
    cli.setEnvironment(environment);
    QSignalSpy finished(&cli, &CliProcess::finished);
    if (echoes >= 0) {
        connect(cli.process(), &QProcess::readyReadStandardError, &cli, [&cli, echoes] {
            if (cli.isRunning() && cli.standardError().count(u"etagere.sync: push "_s) >= echoes)
                cli.process()->kill();
        });
    }
    cli.start(cliArguments());
    if (echoes < 0 && !finished.wait(delayMs))
        cli.process()->kill();
    if (finished.isEmpty())
        [[maybe_unused]] const bool ended = finished.wait(Timeout);
    if (!cli.crashed()) {
        if (cli.exitCode() != 0)
            qWarning().noquote() << "a run that was not killed failed:" << cli.standardError();
        return false;
    }
    return true;
}

bool TestCliKill::fillJournal(const QString &path, int count, Edits *edits)
{
    Journal journal;
    if (!journal.open(path))
        return false;
    SyncEngine engine(m_server->url(), &journal);
    engine.setBearerToken(m_server->token());
    QSignalSpy loaded(&engine, &SyncEngine::collectionReloaded);
    engine.start(); // learns the schema and the records, then goes "offline": stopped
    if (!loaded.wait(Timeout))
        return false;
    engine.stop();
    QStringList existing;
    for (const RecordState &state : engine.records(Tasks))
        existing.append(state.id);
    for (int i = 0; i < count; ++i) {
        if (i % 5 == 4) { // every fifth edit updates one of the existing records, again and again
            const QString id = existing.at((i / 5) % existing.size());
            const QString title = u"update %1"_s.arg(i);
            if (!engine.setField(Tasks, id, u"title"_s, title))
                return false;
            edits->updated.insert(id, title);
        } else {
            const QString title = u"kill %1"_s.arg(i);
            const QString id = engine.createRecord(Tasks, QJsonObject{{u"title"_s, title}});
            if (id.isEmpty())
                return false;
            edits->created.insert(id, title);
        }
    }
    return engine.pendingCount() == edits->created.size() + edits->updated.size();
}

int TestCliKill::pendingIn(const QString &path)
{
    // A kill while the run wrote its lock file leaves one nobody can read: the journal takes
    // it over once it is old enough not to be one in the making (a second).
    Journal journal;
    if (!QTest::qWaitFor([&] { return journal.open(path) || !journal.isLockedElsewhere(); }, 5000)
        || !journal.isOpen())
        return -1;
    int pending = 0;
    for (const RecordState &state : journal.records(Tasks))
        pending += state.dirty ? 1 : 0;
    return pending;
}

void TestCliKill::killedReplayDeliversEveryEditExactlyOnce()
{
    const int editCount = fromEnvironment("ETAGERE_KILL_EDITS", 200);
    const int rounds = fromEnvironment("ETAGERE_KILL_ROUNDS", 20);
    const QString path = JournalLocation::path(m_journals.path(), m_server->url(), localUserName());
    ServerProbe probe(m_server->url(), m_server->token());
    Edits edits;
    QVERIFY(fillJournal(path, editCount, &edits));
    const qint64 before = probe.seq(Tasks);
    const int pendingBefore = pendingIn(path);
    QCOMPARE(pendingBefore, edits.created.size() + edits.updated.size());

    // Kill the replaying client at random moments: most rounds once it has seen a random
    // number of its writes come back from the server (each write's echo is one "push" line
    // of its --verbose log), sized so that the journal empties over the rounds; every third
    // round at a random time after its start (loading the journal, connecting, listing).
    const quint32 seed = QRandomGenerator::global()->generate();
    QRandomGenerator random(seed);
    QElapsedTimer elapsed;
    elapsed.start();
    int kills = 0;
    int finishedFirst = 0;
    int pending = pendingBefore;
    QList<int> pendingAtKills;
    for (int attempt = 0; kills < rounds && attempt < rounds * 3; ++attempt) {
        const int roundsLeft = rounds - kills;
        const bool timed = pending == 0 || kills % 3 == 2;
        const int echoes = int(random.bounded(1, std::max(2, 2 * pending / (roundsLeft + 1))));
        const int delayMs = int(random.bounded(5, 80));
        if (!killOnce(timed ? -1 : echoes, delayMs)) {
            ++finishedFirst; // it finished before the kill
            continue;
        }
        ++kills;
        pending = pendingIn(path);
        QVERIFY2(pending >= 0, "the journal cannot be opened after a kill");
        pendingAtKills.append(pending);
    }
    QCOMPARE(kills, rounds);

    CliProcess last; // left to finish
    QVERIFY(last.run(cliArguments(), Timeout));
    QVERIFY2(last.exitCode() == 0, qPrintable(last.standardError()));
    const qint64 ms = elapsed.elapsed();

    // Every edit once on the server: one change per record edited, none else.
    const QList<QJsonObject> changes = probe.changes(Tasks, before);
    QHash<QString, int> changesPerRecord;
    for (const QJsonObject &change : changes)
        ++changesPerRecord[change.value(u"id"_s).toString()];
    int duplicates = 0;
    for (const int count : std::as_const(changesPerRecord))
        duplicates += count - 1;
    QHash<QString, QString> titles;
    for (const QJsonObject &record : probe.records(Tasks))
        titles.insert(record.value(u"id"_s).toString(),
                      record.value(u"data"_s).toObject().value(u"title"_s).toString());
    int lost = 0;
    for (const QHash<QString, QString> *expected : {&edits.created, &edits.updated}) {
        for (auto it = expected->cbegin(); it != expected->cend(); ++it)
            lost += titles.value(it.key()) == it.value() && changesPerRecord.value(it.key()) >= 1 ? 0 : 1;
    }
    qInfo("kill test: %d edits (%lld creations, %lld records updated), %d kills, %d runs finished before their "
          "kill, %lld ms, %lld changes on the server, duplicates %d, lost %d, seed %u",
          editCount, qint64(edits.created.size()), qint64(edits.updated.size()), kills, finishedFirst, ms,
          qint64(changes.size()), duplicates, lost, seed);
    qInfo() << "pending in the journal after each kill:" << pendingBefore << pendingAtKills;
    QCOMPARE(duplicates, 0);
    QCOMPARE(lost, 0);
    QCOMPARE(changes.size(), edits.created.size() + edits.updated.size());
    QCOMPARE(changesPerRecord.size(), edits.created.size() + edits.updated.size());
    QCOMPARE(pendingIn(path), 0);
    QVERIFY(!QFile::exists(JournalLocation::slotPath(path, 2))); // every run took the same journal
}

QTEST_GUILESS_MAIN(TestCliKill)
#include "tst_clikill.moc"
