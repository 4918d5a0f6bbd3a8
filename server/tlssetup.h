#pragma once

#include <QObject>
#include <QSslConfiguration>
#include <QString>

#include <optional>

QT_BEGIN_NAMESPACE
class QSslServer;
class QSslSocket;
class QTimer;
QT_END_NAMESPACE

namespace Etagere {

/// The server side of TLS: reads the files given to `--tls-cert` and `--tls-key`, and proves
/// that they work together before the server announces itself, by one TLS handshake with
/// itself on a private loopback port (a key that does not belong to the certificate is
/// only found out this way: Qt loads each file happily on its own).
/// Lives on the server thread; verify() needs the event loop.
class TlsSetup : public QObject
{
    Q_OBJECT
public:
    explicit TlsSetup(QObject *parent = nullptr);
    ~TlsSetup() override;

    /// The server configuration from a PEM certificate file (the server's certificate first,
    /// then any intermediate certificates) and a PEM private key (RSA, EC or DSA, not
    /// encrypted). Nullopt with *error when a file cannot be read or holds no usable
    /// certificate or key. Only TLS 1.2 and later are offered.
    [[nodiscard]] static std::optional<QSslConfiguration> load(const QString &certPath, const QString &keyPath,
                                                               QString *error);

    /// Starts the handshake check; verified() follows, once.
    void verify(const QSslConfiguration &configuration);

Q_SIGNALS:
    /// The check is done: `error` is empty when a handshake succeeded, else why it failed.
    void verified(const QString &error);

private:
    void finish(const QString &error);

    QSslServer *m_server = nullptr;
    QSslSocket *m_client = nullptr;
    QTimer *m_timeout = nullptr;
    QString m_serverError;
    bool m_done = false;
};

} // namespace Etagere
