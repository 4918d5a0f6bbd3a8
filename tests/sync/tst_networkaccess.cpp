#include "listcollectionsjob.h"
#include "networkaccess.h"
#include "pushchannel.h"
#include "runjob.h"
#include "testcertificates.h"
#include "testserver.h"

#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

namespace {

constexpr int Timeout = 10000;

enum class Served { CaSigned, SelfSigned, Expired, WrongHost };
enum class Trust { Nothing, TheCa, ApprovedHere, ApprovedElsewhere };

} // namespace

Q_DECLARE_METATYPE(Served)
Q_DECLARE_METATYPE(Trust)

/// The client's TLS rules against a real etagere-server serving https and wss with
/// certificates made for the test: what verifies is used, what does not is refused before
/// anything is sent, unless the user approved that exact certificate for that server.
class TestNetworkAccess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void restRequests_data();
    void restRequests();
    void liveSocket_data() { restRequests_data(); }
    void liveSocket();
    void serverKeyAndFingerprint();
    void serverUrl_data();
    void serverUrl();

private:
    /// Starts a TLS server with the certificate `served` and a client trusting `trust`.
    [[nodiscard]] bool setUp(Served served, Trust trust);
    [[nodiscard]] TestCertificates::Pair pairOf(Served served) const;

    TestCertificates m_certificates;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<NetworkAccess> m_network;
};

void TestNetworkAccess::initTestCase()
{
    QVERIFY2(m_certificates.generate(), qPrintable(m_certificates.errorString()));
}

TestCertificates::Pair TestNetworkAccess::pairOf(Served served) const
{
    switch (served) {
    case Served::CaSigned: return m_certificates.server();
    case Served::SelfSigned: return m_certificates.selfSigned();
    case Served::Expired: return m_certificates.expired();
    case Served::WrongHost: return m_certificates.wrongHost();
    }
    return {};
}

bool TestNetworkAccess::setUp(Served served, Trust trust)
{
    m_server = std::make_unique<TestServer>(QStringList{u"--demo"_s});
    const TestCertificates::Pair pair = pairOf(served);
    m_server->setTls(pair.certificate, pair.key);
    if (!m_server->start()) {
        qWarning().noquote() << m_server->errorString();
        return false;
    }
    m_network = std::make_unique<NetworkAccess>();
    m_network->setBearerToken(m_server->token());
    const QSslCertificate certificate = QSslCertificate::fromPath(pair.certificate).value(0);
    QUrl elsewhere = m_server->url();
    elsewhere.setPort(m_server->url().port() + 1);
    if (trust == Trust::TheCa)
        m_network->setCaCertificates({m_certificates.caCertificate()});
    else if (trust == Trust::ApprovedHere)
        m_network->approveCertificate(m_server->url(), NetworkAccess::fingerprint(certificate));
    else if (trust == Trust::ApprovedElsewhere)
        m_network->approveCertificate(elsewhere, NetworkAccess::fingerprint(certificate));
    return true;
}

void TestNetworkAccess::restRequests_data()
{
    QTest::addColumn<Served>("served");
    QTest::addColumn<Trust>("trust");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("CA-signed, CA trusted") << Served::CaSigned << Trust::TheCa << true;
    QTest::newRow("CA-signed, CA unknown") << Served::CaSigned << Trust::Nothing << false;
    QTest::newRow("self-signed") << Served::SelfSigned << Trust::TheCa << false;
    QTest::newRow("self-signed, approved") << Served::SelfSigned << Trust::ApprovedHere << true;
    QTest::newRow("self-signed, approved for another port") << Served::SelfSigned << Trust::ApprovedElsewhere << false;
    QTest::newRow("expired") << Served::Expired << Trust::TheCa << false;
    QTest::newRow("expired, approved") << Served::Expired << Trust::ApprovedHere << true;
    QTest::newRow("wrong host") << Served::WrongHost << Trust::TheCa << false;
}

void TestNetworkAccess::restRequests()
{
    QFETCH(Served, served);
    QFETCH(Trust, trust);
    QFETCH(bool, accepted);
    QVERIFY(setUp(served, trust));
    QCOMPARE(m_server->url().scheme(), u"https"_s);
    QSignalSpy rejected(m_network.get(), &NetworkAccess::certificateRejected);
    ListCollectionsJob job(m_network.get(), m_server->url());
    QCOMPARE(Test::runJob(job, Timeout), accepted);
    if (accepted) {
        QCOMPARE(job.collections().size(), 1);
        QCOMPARE(rejected.size(), 0);
        return;
    }
    QCOMPARE(job.error(), RestJob::Error::Tls);
    QCOMPARE(job.httpStatus(), 0); // refused in the handshake: no request went out
    QVERIFY(!rejected.isEmpty());
    QCOMPARE(rejected.first().at(0).toUrl(), m_server->url());
    const QSslCertificate servedCertificate = QSslCertificate::fromPath(pairOf(served).certificate).value(0);
    QCOMPARE(rejected.first().at(1).value<QSslCertificate>(), servedCertificate); // what the user would be shown
}

void TestNetworkAccess::liveSocket()
{
    QFETCH(Served, served);
    QFETCH(Trust, trust);
    QFETCH(bool, accepted);
    QVERIFY(setUp(served, trust));
    PushChannel channel(m_network.get(), m_server->url());
    QCOMPARE(PushChannel::liveUrl(m_server->url()).scheme(), u"wss"_s);
    channel.setReconnectBase(50);
    channel.subscribe(u"tasks"_s, 0);
    QSignalSpy welcomed(&channel, &PushChannel::welcomed);
    QSignalSpy rejected(m_network.get(), &NetworkAccess::certificateRejected);
    channel.open();
    if (accepted) {
        QVERIFY(welcomed.wait(Timeout));
        QCOMPARE(welcomed.first().at(0).toString(), m_server->user());
        return;
    }
    QTRY_VERIFY_WITH_TIMEOUT(rejected.size() >= 2, Timeout); // refused, and again on each retry
    QCOMPARE(welcomed.size(), 0);
    QVERIFY(channel.state() != ConnectionState::Live);
}

void TestNetworkAccess::serverKeyAndFingerprint()
{
    QCOMPARE(NetworkAccess::serverKey(QUrl(u"https://e.example"_s)), u"e.example:443"_s);
    QCOMPARE(NetworkAccess::serverKey(QUrl(u"http://e.example"_s)), u"e.example:80"_s);
    QCOMPARE(NetworkAccess::serverKey(QUrl(u"https://e.example:8443/x"_s)), u"e.example:8443"_s);
    const QSslCertificate ca = m_certificates.caCertificate();
    QCOMPARE(NetworkAccess::fingerprint(ca), ca.digest(QCryptographicHash::Sha256));
    QCOMPARE(NetworkAccess::fingerprint(ca).size(), 32);
}

void TestNetworkAccess::serverUrl_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("usable");
    QTest::newRow("https") << u"https://e.example:8443"_s << true;
    QTest::newRow("http loopback") << u"http://127.0.0.1:8642"_s << true;
    QTest::newRow("ftp") << u"ftp://e.example"_s << false;
    QTest::newRow("no host") << u"https://"_s << false;
    QTest::newRow("no scheme") << u"e.example:8443"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestNetworkAccess::serverUrl()
{
    QFETCH(QString, text);
    QFETCH(bool, usable);
    const QUrl url = NetworkAccess::serverUrl(text);
    QCOMPARE(url.isEmpty(), !usable);
    if (usable)
        QCOMPARE(url, QUrl(text));
}

QTEST_GUILESS_MAIN(TestNetworkAccess)
#include "tst_networkaccess.moc"
