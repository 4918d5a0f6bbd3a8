#include "logindialog.h"
#include "memoryrecordstore.h"
#include "signincontroller.h"
#include "syncengine.h"
#include "testserver.h"
#include "tokenstore.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

namespace {

constexpr int Timeout = 10000;
const QString Tasks = u"tasks"_s;

} // namespace

/// Signing in on a real server with accounts, with no keychain (as on CI): the login dialog,
/// a wrong password, a session the server ends while edits are pending, signing out.
class TestSignInController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void signsInThroughTheDialog();
    void anEndedSessionBringsTheLoginBackAndKeepsPendingEdits();
    void signingOutAsksAgain();
    void anotherUserIsAnotherAccount();

private:
    /// Types `password` into the open dialog and presses Sign in.
    [[nodiscard]] bool typePassword(const QString &password);
    [[nodiscard]] bool isLive() const;

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<MemoryRecordStore> m_store;
    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<SignInController> m_signIn;
};

void TestSignInController::initTestCase()
{
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent"); // no keychain: never the user's own
}

void TestSignInController::init()
{
    m_server = std::make_unique<TestServer>(QStringList{u"--demo"_s});
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    QVERIFY(m_server->addUser(u"alice"_s, u"first password"_s));
    QVERIFY(m_server->grant(u"alice"_s, Tasks, u"write"_s));
    QVERIFY(m_server->addUser(u"bob"_s, u"bob's password"_s));
    QVERIFY(m_server->grant(u"bob"_s, Tasks, u"write"_s));
    m_store = std::make_unique<MemoryRecordStore>();
    m_engine = std::make_unique<SyncEngine>(m_server->url(), m_store.get());
    m_engine->setTimings(1000, 50);
    m_tokens = std::make_unique<TokenStore>();
    m_signIn = std::make_unique<SignInController>(m_engine.get(), u"alice"_s, m_tokens.get(), nullptr);
}

void TestSignInController::cleanup()
{
    m_signIn.reset();
    m_engine.reset();
    m_store.reset();
    m_server.reset();
}

bool TestSignInController::typePassword(const QString &password)
{
    if (!QTest::qWaitFor([this] { return m_signIn->dialog() && m_signIn->dialog()->isVisible(); }, Timeout))
        return false;
    LoginDialog *dialog = m_signIn->dialog();
    const QList<QLineEdit *> edits = dialog->findChildren<QLineEdit *>();
    edits.at(2)->setText(password);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    return true;
}

bool TestSignInController::isLive() const
{
    return m_engine->connectionState() == ConnectionState::Live && !m_engine->records(Tasks).isEmpty();
}

void TestSignInController::signsInThroughTheDialog()
{
    m_signIn->start(); // nothing in the keychain: the dialog
    m_engine->start();
    QVERIFY(typePassword(u"wrong"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_signIn->dialog()->error(), u"Wrong user name or password."_s, Timeout);
    QVERIFY(!m_signIn->dialog()->isBusy());
    QVERIFY(typePassword(u"first password"_s));
    QTRY_VERIFY_WITH_TIMEOUT(isLive(), Timeout);
    QVERIFY(!m_signIn->dialog() || !m_signIn->dialog()->isVisible());
    QCOMPARE(m_engine->user(), u"alice"_s);
}

void TestSignInController::anEndedSessionBringsTheLoginBackAndKeepsPendingEdits()
{
    QSignalSpy noticed(m_signIn.get(), &SignInController::notice);
    m_signIn->start();
    m_engine->start();
    QVERIFY(typePassword(u"first password"_s));
    QTRY_VERIFY_WITH_TIMEOUT(isLive(), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(noticed.size(), 1, Timeout); // the keychain could not keep it: said so

    // An administrator sets a new password: alice's sessions end, her socket closes (4401).
    QSignalSpy required(m_engine.get(), &SyncEngine::authenticationRequired);
    QVERIFY(m_server->runCommand({u"user"_s, u"passwd"_s, u"alice"_s}, "second password\n").exitCode == 0);
    QVERIFY(required.wait(Timeout));
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->connectionState(), ConnectionState::SignedOut, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(m_signIn->dialog() && m_signIn->dialog()->isVisible(), Timeout);

    // She goes on working meanwhile: the edit waits, nothing is lost.
    const QString id = m_engine->records(Tasks).constFirst().id;
    QVERIFY(m_engine->setField(Tasks, id, u"title"_s, u"Typed while signed out"_s));
    QCOMPARE(m_engine->pendingCount(), 1);
    QVERIFY(typePassword(u"second password"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->pendingCount(), 0, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(isLive(), Timeout);
    QCOMPARE(m_engine->record(Tasks, id)->base.value("title"_L1).toString(), u"Typed while signed out"_s);
}

void TestSignInController::signingOutAsksAgain()
{
    m_signIn->start();
    m_engine->start();
    QVERIFY(typePassword(u"first password"_s));
    QTRY_VERIFY_WITH_TIMEOUT(isLive(), Timeout);
    m_signIn->signOut();
    QTRY_VERIFY_WITH_TIMEOUT(m_signIn->dialog() && m_signIn->dialog()->isVisible(), Timeout);
    QVERIFY(m_engine->bearerToken().isEmpty());
    QVERIFY(m_engine->connectionState() != ConnectionState::Live);
    QVERIFY(typePassword(u"first password"_s));
    QTRY_VERIFY_WITH_TIMEOUT(isLive(), Timeout);
}

void TestSignInController::anotherUserIsAnotherAccount()
{
    QSignalSpy changed(m_signIn.get(), &SignInController::accountChanged);
    m_signIn->start();
    m_engine->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_signIn->dialog() && m_signIn->dialog()->isVisible(), Timeout);
    m_signIn->dialog()->setUser(u"bob"_s);
    QVERIFY(typePassword(u"bob's password"_s));
    QVERIFY(changed.wait(Timeout)); // bob's edits go in bob's journal: the app reconnects
    QCOMPARE(changed.first().at(1).toString(), u"bob"_s);
    QVERIFY(!changed.first().at(2).toByteArray().isEmpty());
    QVERIFY(m_engine->bearerToken().isEmpty()); // this engine (alice's) never got bob's token
}

QTEST_MAIN(TestSignInController)
#include "tst_signincontroller.moc"
