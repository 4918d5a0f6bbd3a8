#include "certificatedialog.h"
#include "certificatetrust.h"
#include "memoryrecordstore.h"
#include "networkaccess.h"
#include "syncengine.h"
#include "testcertificates.h"
#include "testserver.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

namespace {

constexpr int Timeout = 10000;

/// An engine on `server` with its CertificateTrust, as AppController builds them.
struct Client
{
    explicit Client(const TestServer &server)
        : engine(server.url(), &store)
        , trust(&engine, nullptr)
    {
        engine.setTimings(1000, 50);
        engine.setBearerToken(server.token());
    }

    [[nodiscard]] bool isLive() const { return engine.connectionState() == ConnectionState::Live; }

    MemoryRecordStore store;
    SyncEngine engine;
    CertificateTrust trust;
};

} // namespace

/// The user's say over a self-signed server certificate, against a real https/wss server:
/// asked once, trusted for that server only, remembered for the next start.
class TestCertificateTrust : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void approvalIsAskedRememberedAndKeptToItsServer();
    void decliningKeepsItRefused();

private:
    [[nodiscard]] std::unique_ptr<TestServer> startServer();

    QTemporaryDir m_config;
    TestCertificates m_certificates;
};

void TestCertificateTrust::initTestCase()
{
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path())); // never the user's own settings
    QCoreApplication::setOrganizationName(u"EtagereTests"_s);
    QCoreApplication::setApplicationName(u"tst_certificatetrust"_s);
    QVERIFY2(m_certificates.generate(), qPrintable(m_certificates.errorString()));
}

std::unique_ptr<TestServer> TestCertificateTrust::startServer()
{
    auto server = std::make_unique<TestServer>(QStringList{u"--demo"_s});
    server->setTls(m_certificates.selfSigned().certificate, m_certificates.selfSigned().key);
    return server->start() ? std::move(server) : nullptr;
}

void TestCertificateTrust::approvalIsAskedRememberedAndKeptToItsServer()
{
    QSettings().clear();
    const std::unique_ptr<TestServer> server = startServer();
    QVERIFY(server);
    {
        Client client(*server);
        client.engine.start();
        QTRY_VERIFY_WITH_TIMEOUT(client.trust.dialog() && client.trust.dialog()->isVisible(), Timeout);
        QVERIFY(!client.isLive());
        const QString shown = client.trust.dialog()->detailsText();
        const QSslCertificate certificate = QSslCertificate::fromPath(m_certificates.selfSigned().certificate).value(0);
        const QString fingerprint = CertificateDialog::formatFingerprint(NetworkAccess::fingerprint(certificate));
        QVERIFY(shown.contains(fingerprint.left(47)) && shown.contains(fingerprint.mid(48))); // two lines of 16
        client.trust.dialog()->accept();
        QTRY_VERIFY_WITH_TIMEOUT(client.isLive(), Timeout); // at once, not after the backoff
    }
    { // the next start: remembered, nothing asked
        Client client(*server);
        client.engine.start();
        QTRY_VERIFY_WITH_TIMEOUT(client.isLive(), Timeout);
        QVERIFY(!client.trust.dialog());
    }
    // The same certificate on another server (another port) is asked about again.
    const std::unique_ptr<TestServer> other = startServer();
    QVERIFY(other);
    QVERIFY(other->url().port() != server->url().port());
    Client client(*other);
    client.engine.start();
    QTRY_VERIFY_WITH_TIMEOUT(client.trust.dialog() && client.trust.dialog()->isVisible(), Timeout);
    QVERIFY(!client.isLive());
}

void TestCertificateTrust::decliningKeepsItRefused()
{
    QSettings().clear();
    const std::unique_ptr<TestServer> server = startServer();
    QVERIFY(server);
    Client client(*server);
    QSignalSpy noticed(&client.trust, &CertificateTrust::notice);
    QSignalSpy rejected(client.engine.networkAccess(), &NetworkAccess::certificateRejected);
    client.engine.start();
    QTRY_VERIFY_WITH_TIMEOUT(client.trust.dialog() && client.trust.dialog()->isVisible(), Timeout);
    client.trust.dialog()->reject();
    QCOMPARE(noticed.size(), 1);
    const qsizetype before = rejected.size();
    QTRY_VERIFY_WITH_TIMEOUT(rejected.size() > before, Timeout); // it keeps being refused...
    QVERIFY(!client.trust.dialog());                            // ...without asking again
    QVERIFY(!client.isLive());
    QVERIFY(QSettings().allKeys().isEmpty()); // nothing remembered
}

QTEST_MAIN(TestCertificateTrust)
#include "tst_certificatetrust.moc"
