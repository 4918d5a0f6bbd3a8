#include "tlssetup.h"

#include <QFile>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

constexpr int VerifyTimeoutMs = 10000;

std::optional<QByteArray> readFile(const QString &path, const QString &what, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read the %1 %2: %3"_s.arg(what, path, file.errorString());
        return std::nullopt;
    }
    return file.readAll();
}

// The private key in `pem`, whatever its algorithm; a null key when none fits.
QSslKey privateKey(const QByteArray &pem)
{
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        const QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return {};
}

} // namespace

TlsSetup::TlsSetup(QObject *parent)
    : QObject(parent)
{
}

TlsSetup::~TlsSetup() = default;

std::optional<QSslConfiguration> TlsSetup::load(const QString &certPath, const QString &keyPath, QString *error)
{
    if (!QSslSocket::supportsSsl()) {
        *error = u"TLS is not available: Qt found no TLS backend (is libssl installed?)"_s;
        return std::nullopt;
    }
    const std::optional<QByteArray> certPem = readFile(certPath, u"certificate"_s, error);
    const std::optional<QByteArray> keyPem = certPem ? readFile(keyPath, u"private key"_s, error) : std::nullopt;
    if (!keyPem)
        return std::nullopt;
    const QList<QSslCertificate> chain = QSslCertificate::fromData(*certPem, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull()) {
        *error = u"%1 holds no PEM certificate"_s.arg(certPath);
        return std::nullopt;
    }
    const QSslKey key = privateKey(*keyPem);
    if (key.isNull()) {
        *error = u"%1 holds no PEM private key that can be read (an encrypted key is not supported)"_s.arg(keyPath);
        return std::nullopt;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate with tokens
    return configuration;
}

void TlsSetup::verify(const QSslConfiguration &configuration)
{
    m_server = new QSslServer(this);
    m_server->setSslConfiguration(configuration);
    connect(m_server, &QSslServer::errorOccurred, this, [this](QSslSocket *socket, QAbstractSocket::SocketError) {
        m_serverError = socket->errorString();
    });
    connect(m_server, &QSslServer::pendingConnectionAvailable, this, [this] { finish({}); });
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        QTimer::singleShot(0, this, [this] { finish(u"cannot check TLS: "_s + m_server->errorString()); });
        return;
    }
    m_client = new QSslSocket(this);
    m_client->setPeerVerifyMode(QSslSocket::VerifyNone); // only the server's side is checked here
    connect(m_client, &QSslSocket::errorOccurred, this, [this] {
        // The server's reason (for example "Private key does not certify public key") is
        // the one that counts; give it a moment to arrive.
        QTimer::singleShot(100, this, [this] {
            finish(m_serverError.isEmpty() ? m_client->errorString() : m_serverError);
        });
    });
    m_timeout = new QTimer(this);
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] { finish(u"the TLS handshake with itself timed out"_s); });
    m_timeout->start(VerifyTimeoutMs);
    m_client->connectToHostEncrypted(u"127.0.0.1"_s, m_server->serverPort());
}

void TlsSetup::finish(const QString &error)
{
    if (m_done)
        return;
    m_done = true;
    if (m_timeout)
        m_timeout->stop();
    // This may run inside a signal of one of the sockets: they go away later, and so does
    // the answer.
    if (m_server) {
        while (QTcpSocket *socket = m_server->nextPendingConnection())
            socket->deleteLater();
        m_server->close();
        m_server->deleteLater();
    }
    if (m_client) {
        m_client->disconnect(this);
        m_client->deleteLater();
    }
    QTimer::singleShot(0, this, [this, error] { Q_EMIT verified(error); });
}

} // namespace Etagere
