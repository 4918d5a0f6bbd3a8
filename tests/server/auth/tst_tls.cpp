// TLS: etagere-server with --tls-cert/--tls-key serves https and wss to a client that trusts
// its CA (and to nobody else), refuses unusable certificate files with exit code 2, and
// listens beyond loopback only with TLS and a user (or --insecure-listen, loudly).
#include "liveclient.h"
#include "rawhttp.h"
#include "restclient.h"
#include "testcertificates.h"
#include "testserver.h"

#include <QFile>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;
using namespace Etagere::Test;

class TestTls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void httpsAndWss();
    void untrustingClientsGetNothing();
    void badFiles_data();
    void badFiles();
    void nonLoopbackNeedsTlsAndAUser_data();
    void nonLoopbackNeedsTlsAndAUser();
    void nonLoopbackWithTls();
    void insecureListenWarns();

private:
    TestCertificates m_certificates;
};

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs etagere-server until it exits by itself (at most 10 s).
Run runToExit(const QStringList &args)
{
    QProcess process;
    process.start(TestServer::executablePath(), args);
    if (!process.waitForFinished(10000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

// `url` with 127.0.0.1 as host: the way in to a server that listens on every address.
QUrl onLoopback(QUrl url)
{
    url.setHost(u"127.0.0.1"_s);
    return url;
}

} // namespace

void TestTls::initTestCase()
{
    QVERIFY2(m_certificates.generate(), qPrintable(m_certificates.errorString()));
}

void TestTls::httpsAndWss()
{
    TestServer server;
    server.setTls(m_certificates.server().certificate, m_certificates.server().key);
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QCOMPARE(server.url().scheme(), u"https"_s);

    RestClient client(server.url(), server.token());
    client.setCaCertificates({m_certificates.caCertificate()});
    QCOMPARE(client.createCollection(u"notes"_s, testFields()), 201);
    QCOMPARE(client.get(u"/v1/collections"_s).status, 200);

    LiveClient live;
    live.setToken(server.token());
    live.setCaCertificates({m_certificates.caCertificate()});
    QUrl url = server.url();
    url.setScheme(u"wss"_s);
    url.setPath(u"/v1/live"_s);
    QVERIFY(live.open(url));
    live.sendHello({{u"notes"_s, 0}});
    QCOMPARE(live.take()[u"collections"_s].toObject(), (QJsonObject{{u"notes"_s, 0}}));
    QVERIFY(!client.createRecord(u"notes"_s, newId(), {{u"title"_s, u"over TLS"_s}}).isEmpty());
    QCOMPARE(live.take()[u"data"_s][u"title"_s], u"over TLS"_s);
}

// A client that does not trust the test CA gets no answer at all, nor does plain http.
void TestTls::untrustingClientsGetNothing()
{
    TestServer server;
    server.setTls(m_certificates.server().certificate, m_certificates.server().key);
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    RestClient client(server.url(), server.token());
    client.setCaCertificates({}); // trusts no CA
    const RestReply refused = client.get(u"/v1/collections"_s);
    QCOMPARE(refused.status, 0);
    QVERIFY(refused.body.isEmpty());

    LiveClient live;
    live.setToken(server.token());
    live.setCaCertificates({});
    QUrl url = server.url();
    url.setScheme(u"wss"_s);
    url.setPath(u"/v1/live"_s);
    QVERIFY(!live.tryOpen(url));

    const RawReply plain = RawHttp(server.url().port()).get("/v1/collections", {"Host: 127.0.0.1"});
    QCOMPARE(plain.status, 0);
}

// Certificate and key files that cannot serve, and what the error says.
void TestTls::badFiles_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("message");

    const TestCertificates &c = m_certificates;
    QFile garbage(c.path(u"garbage.pem"_s));
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write("-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
    garbage.close();

    QTest::newRow("no certificate file") << c.path(u"missing.pem"_s) << c.server().key << "cannot read the certificate"_ba;
    QTest::newRow("no key file") << c.server().certificate << c.path(u"missing.key"_s) << "cannot read the private key"_ba;
    QTest::newRow("garbage certificate") << c.path(u"garbage.pem"_s) << c.server().key << "no PEM certificate"_ba;
    QTest::newRow("key file holds a certificate") << c.server().certificate << c.server().certificate
                                                  << "no PEM private key"_ba;
    QTest::newRow("encrypted key") << c.server().certificate << c.encryptedServerKey() << "no PEM private key"_ba;
    QTest::newRow("key of another certificate") << c.server().certificate << c.selfSigned().key
                                                << "do not work together"_ba;
}

void TestTls::badFiles()
{
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(QByteArray, message);
    QTemporaryDir dir;
    const Run run = runToExit({u"--data"_s, dir.path(), u"--port"_s, u"0"_s, u"--local-user"_s, u"me"_s,
                               u"--tls-cert"_s, certificate, u"--tls-key"_s, key});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), run.err.constData());
    QVERIFY(run.out.isEmpty()); // never announced
    QVERIFY(!QFile::exists(dir.filePath(u"local-token"_s)));
}

// --listen 0.0.0.0 (every address) with or without TLS and a user who can log in.
void TestTls::nonLoopbackNeedsTlsAndAUser_data()
{
    QTest::addColumn<bool>("tls");
    QTest::addColumn<bool>("user");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("no TLS, no user") << false << false << "without TLS"_ba;
    QTest::newRow("no TLS, a user") << false << true << "without TLS"_ba;
    QTest::newRow("TLS, no user") << true << false << "no user can log in"_ba;
}

void TestTls::nonLoopbackNeedsTlsAndAUser()
{
    QFETCH(bool, tls);
    QFETCH(bool, user);
    QFETCH(QByteArray, message);
    QTemporaryDir dir;
    TestServer server;
    server.setDataDir(dir.path());
    if (user)
        QVERIFY(server.addUser(u"alice"_s, u"pass"_s));
    QStringList args{u"--data"_s, server.dataDir(), u"--listen"_s, u"0.0.0.0"_s, u"--port"_s, u"0"_s};
    if (tls)
        args += {u"--tls-cert"_s, m_certificates.server().certificate, u"--tls-key"_s, m_certificates.server().key};
    const Run run = runToExit(args);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), run.err.constData());
    QVERIFY(run.out.isEmpty());
}

// With TLS and a user, a server listens on every address. It answers for any Host name there
// (a team server has names the server cannot know); the token decides.
void TestTls::nonLoopbackWithTls()
{
    TestServer server({u"--listen"_s, u"0.0.0.0"_s});
    server.setLocalUser({});
    server.setTls(m_certificates.server().certificate, m_certificates.server().key);
    QVERIFY(server.addUser(u"alice"_s, u"pass"_s));
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QCOMPARE(server.url().toString(), u"https://0.0.0.0:%1"_s.arg(server.url().port()));
    QVERIFY(server.token().isEmpty()); // no local user
    RestClient client(onLoopback(server.url()));
    client.setCaCertificates({m_certificates.caCertificate()});
    QVERIFY(client.logInAs(u"alice"_s, u"pass"_s));
    QCOMPARE(client.get(u"/v1/collections"_s).status, 200);
    const QByteArray host = "team.example:" + QByteArray::number(server.url().port());
    QCOMPARE(client.get(u"/v1/collections"_s, {{"Host", host}}).status, 200);
    client.setToken({});
    QVERIFY(client.get(u"/v1/collections"_s, {{"Host", host}}).isProblem(401));
}

void TestTls::insecureListenWarns()
{
    QTemporaryDir dir;
    QProcess process;
    process.start(TestServer::executablePath(), {u"--data"_s, dir.path(), u"--listen"_s, u"0.0.0.0"_s, u"--port"_s,
                                                 u"0"_s, u"--insecure-listen"_s});
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 10000);
    const QByteArray line = process.readLine().trimmed();
    QVERIFY2(line.startsWith("listening on http://0.0.0.0:"), line.constData());
    const QByteArray err = process.readAllStandardError();
    QVERIFY2(err.contains("WARNING") && err.contains("WITHOUT TLS"), err.constData());
    const quint16 port = quint16(line.mid(line.lastIndexOf(':') + 1).toUInt());
    const RawReply reply = RawHttp(port).get("/v1/collections", {"Host: team.example"});
    QVERIFY(reply.isProblem(401)); // not 421: any Host off loopback
    process.terminate();
    QVERIFY(process.waitForFinished(5000));
}

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
