// AuthStore: users, grants, sessions and the epoch in the server's database; every refused
// change changes nothing (not even the epoch).
#include "authstore.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Etagere::AuthStore;
using Right = AuthStore::Right;
using Outcome = AuthStore::Outcome;

class TestAuthStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void userNames_data();
    void userNames();
    void firstUserIsServerAdmin();
    void refusedChangesKeepTheEpoch_data();
    void refusedChangesKeepTheEpoch();
    void rights_data();
    void rights();
    void removeUserTakesGrantsAndSessions();
    void passwordChangeEndsSessions();
    void expiredSessionsDoNotCount();
    void localSessionIsReplaced();
    void localUserHasNoPassword();
    void twoConnectionsSeeEachOther();

private:
    [[nodiscard]] QString databasePath() const { return m_dir->filePath(u"etagere.sqlite"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AuthStore> m_store;
};

namespace {
const QString Hash = u"$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"_s; // stored as given
QDateTime inHours(int hours)
{
    return QDateTime::currentDateTimeUtc().addSecs(hours * 3600);
}
} // namespace

void TestAuthStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<AuthStore>();
    QVERIFY2(m_store->open(databasePath()), qPrintable(m_store->errorString()));
}

void TestAuthStore::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestAuthStore::userNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("alice") << u"alice"_s << true;
    QTest::newRow("mixed case, digits, signs") << u"Ana.Lopez_2-x@team"_s << true;
    QTest::newRow("64 characters") << QString(64, u'a') << true;
    QTest::newRow("65 characters") << QString(65, u'a') << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("space") << u"ana lopez"_s << false;
    QTest::newRow("leading dash") << u"-alice"_s << false;
    QTest::newRow("leading dot") << u".alice"_s << false;
    QTest::newRow("slash") << u"a/b"_s << false;
    QTest::newRow("non-ASCII") << u"chloé"_s << false;
}

void TestAuthStore::userNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(AuthStore::isValidUserName(name), valid);
}

void TestAuthStore::firstUserIsServerAdmin()
{
    bool admin = false;
    QCOMPARE(m_store->addUser(u"alice"_s, Hash, &admin), Outcome::Done);
    QVERIFY(admin);
    QCOMPARE(m_store->addUser(u"bob"_s, Hash, &admin), Outcome::Done);
    QVERIFY(!admin);
    QCOMPARE(m_store->rightOn(u"alice"_s, u"anything"_s), Right::Admin);
    QCOMPARE(m_store->rightOn(u"bob"_s, u"anything"_s), Right::None);
}

// A change that is refused leaves the epoch alone, so a server does not re-check its
// sockets for nothing; a change that is made moves it.
void TestAuthStore::refusedChangesKeepTheEpoch_data()
{
    QTest::addColumn<int>("change");
    QTest::addColumn<Outcome>("outcome");
    QTest::newRow("add existing user") << 0 << Outcome::UserExists;
    QTest::newRow("password of unknown user") << 1 << Outcome::NoSuchUser;
    QTest::newRow("remove unknown user") << 2 << Outcome::NoSuchUser;
    QTest::newRow("grant to unknown user") << 3 << Outcome::NoSuchUser;
    QTest::newRow("revoke a grant that is not there") << 4 << Outcome::NoSuchGrant;
    QTest::newRow("add a user") << 5 << Outcome::Done;
    QTest::newRow("grant") << 6 << Outcome::Done;
    QTest::newRow("create a session") << 7 << Outcome::Done;
}

void TestAuthStore::refusedChangesKeepTheEpoch()
{
    QFETCH(int, change);
    QFETCH(Outcome, outcome);
    QCOMPARE(m_store->addUser(u"alice"_s, Hash), Outcome::Done);
    const qint64 before = m_store->epoch();
    QVERIFY(before > 0);
    const auto users = m_store->users();
    Outcome got = Outcome::Failed;
    switch (change) {
    case 0: got = m_store->addUser(u"alice"_s, Hash); break;
    case 1: got = m_store->setPassword(u"ghost"_s, Hash); break;
    case 2: got = m_store->removeUser(u"ghost"_s); break;
    case 3: got = m_store->grant(u"ghost"_s, u"tasks"_s, Right::Read); break;
    case 4: got = m_store->revoke(u"alice"_s, u"tasks"_s); break;
    case 5: got = m_store->addUser(u"bob"_s, Hash); break;
    case 6: got = m_store->grant(u"alice"_s, u"tasks"_s, Right::Read); break;
    case 7: got = m_store->createSession("key", u"alice"_s, inHours(1)); break;
    }
    QCOMPARE(got, outcome);
    if (outcome == Outcome::Done) {
        QCOMPARE(m_store->epoch(), before + 1);
    } else {
        QCOMPARE(m_store->epoch(), before);
        QCOMPARE(m_store->users()->size(), users->size());
    }
}

// A grant of `granted` (None: no grant) and the right then held; each level implies the lower.
void TestAuthStore::rights_data()
{
    QTest::addColumn<Right>("granted");
    QTest::addColumn<bool>("canRead");
    QTest::newRow("none") << Right::None << false;
    QTest::newRow("read") << Right::Read << true;
    QTest::newRow("write") << Right::Write << true;
    QTest::newRow("admin") << Right::Admin << true;
}

void TestAuthStore::rights()
{
    QFETCH(Right, granted);
    QFETCH(bool, canRead);
    QCOMPARE(m_store->addUser(u"root"_s, Hash), Outcome::Done); // the server admin
    QCOMPARE(m_store->addUser(u"bob"_s, Hash), Outcome::Done);
    if (granted != Right::None)
        QCOMPARE(m_store->grant(u"bob"_s, u"not-yet-created"_s, granted), Outcome::Done);
    QCOMPARE(m_store->rightOn(u"bob"_s, u"not-yet-created"_s), granted);
    QCOMPARE(m_store->canRead(u"bob"_s, u"not-yet-created"_s), canRead);
    QCOMPARE(m_store->rightOn(u"bob"_s, u"other"_s), Right::None);
    QCOMPARE(m_store->rightOn(u"nobody"_s, u"not-yet-created"_s), Right::None);
    // A later grant replaces the earlier one, downwards too.
    QCOMPARE(m_store->grant(u"bob"_s, u"not-yet-created"_s, Right::Read), Outcome::Done);
    QCOMPARE(m_store->rightOn(u"bob"_s, u"not-yet-created"_s), Right::Read);
}

void TestAuthStore::removeUserTakesGrantsAndSessions()
{
    QCOMPARE(m_store->addUser(u"root"_s, Hash), Outcome::Done);
    QCOMPARE(m_store->addUser(u"bob"_s, Hash), Outcome::Done);
    QCOMPARE(m_store->grant(u"bob"_s, u"tasks"_s, Right::Write), Outcome::Done);
    QCOMPARE(m_store->createSession("bob-key", u"bob"_s, inHours(1)), Outcome::Done);
    QVERIFY(m_store->isSessionValid("bob-key"));
    QCOMPARE(m_store->removeUser(u"bob"_s), Outcome::Done);
    QVERIFY(!m_store->isSessionValid("bob-key"));
    QCOMPARE(m_store->addUser(u"bob"_s, Hash), Outcome::Done); // a new bob inherits nothing
    QCOMPARE(m_store->rightOn(u"bob"_s, u"tasks"_s), Right::None);
    QVERIFY(!m_store->isSessionValid("bob-key"));
}

void TestAuthStore::passwordChangeEndsSessions()
{
    QCOMPARE(m_store->addUser(u"alice"_s, Hash), Outcome::Done);
    QCOMPARE(m_store->addUser(u"bob"_s, Hash), Outcome::Done);
    QCOMPARE(m_store->createSession("a1", u"alice"_s, inHours(1)), Outcome::Done);
    QCOMPARE(m_store->createSession("b1", u"bob"_s, inHours(1)), Outcome::Done);
    QCOMPARE(m_store->setPassword(u"alice"_s, u"$argon2id$other"_s), Outcome::Done);
    QCOMPARE(*m_store->passwordHash(u"alice"_s), u"$argon2id$other"_s);
    QVERIFY(!m_store->isSessionValid("a1"));
    QVERIFY(m_store->isSessionValid("b1"));
}

void TestAuthStore::expiredSessionsDoNotCount()
{
    QCOMPARE(m_store->addUser(u"alice"_s, Hash), Outcome::Done);
    QCOMPARE(m_store->createSession("old", u"alice"_s, QDateTime::currentDateTimeUtc().addSecs(-1)), Outcome::Done);
    QCOMPARE(m_store->createSession("new", u"alice"_s, inHours(1)), Outcome::Done);
    QVERIFY(!m_store->session("old"));
    QCOMPARE(m_store->session("new")->user, u"alice"_s);
    QCOMPARE(m_store->deleteExpiredSessions(), 1);
    QCOMPARE(m_store->deleteExpiredSessions(), 0);
    QVERIFY(m_store->isSessionValid("new"));
}

void TestAuthStore::localSessionIsReplaced()
{
    QCOMPARE(m_store->ensureLocalUser(u"me"_s), Outcome::Done);
    QCOMPARE(m_store->createSession("login", u"me"_s, inHours(1)), Outcome::Done);
    QCOMPARE(m_store->replaceLocalSession("local1", u"me"_s, inHours(1)), Outcome::Done);
    QCOMPARE(m_store->replaceLocalSession("local2", u"me"_s, inHours(1)), Outcome::Done);
    QVERIFY(!m_store->isSessionValid("local1"));
    QVERIFY(m_store->isSessionValid("local2"));
    QVERIFY(m_store->session("local2")->local);
    QVERIFY(m_store->isSessionValid("login")); // a login session is not the local one
}

void TestAuthStore::localUserHasNoPassword()
{
    QCOMPARE(m_store->ensureLocalUser(u"me"_s), Outcome::Done);
    QCOMPARE(*m_store->passwordHash(u"me"_s), QString());
    QVERIFY(!m_store->hasPasswordUser());
    QCOMPARE(m_store->rightOn(u"me"_s, u"tasks"_s), Right::Admin);
    bool admin = true;
    QCOMPARE(m_store->addUser(u"alice"_s, Hash, &admin), Outcome::Done);
    QVERIFY(!admin); // the local user is the server admin already
    QVERIFY(m_store->hasPasswordUser());
    QCOMPARE(m_store->ensureLocalUser(u"alice"_s), Outcome::Done); // made admin, password kept
    QCOMPARE(*m_store->passwordHash(u"alice"_s), Hash);
    QCOMPARE(m_store->rightOn(u"alice"_s, u"tasks"_s), Right::Admin);
}

// Another connection (another process, in real life) sees changes and the epoch at once.
void TestAuthStore::twoConnectionsSeeEachOther()
{
    AuthStore other;
    QVERIFY(other.open(databasePath()));
    const qint64 epoch = other.epoch();
    QCOMPARE(m_store->addUser(u"alice"_s, Hash), Outcome::Done);
    QCOMPARE(other.epoch(), epoch + 1);
    QCOMPARE(*other.passwordHash(u"alice"_s), Hash);
    QCOMPARE(other.addUser(u"alice"_s, Hash), Outcome::UserExists);
}

QTEST_GUILESS_MAIN(TestAuthStore)
#include "tst_authstore.moc"
