#pragma once

#include <QSslCertificate>
#include <QString>
#include <QTemporaryDir>

namespace Etagere {

/// Certificates for TLS tests, made fresh by the `openssl` command line in a temporary
/// directory (kept for the object's life), all with P-256 keys:
/// - a test CA (valid for two days);
/// - `server`: for 127.0.0.1 and localhost, signed by the CA, valid now;
/// - `selfSigned`: for 127.0.0.1 and localhost, signed by its own key;
/// - `expired`: for 127.0.0.1 and localhost, signed by the CA, valid only in January 2020
///   (made with `openssl ca -startdate -enddate`);
/// - `wrongHost`: for wrong.example only, signed by the CA, valid now;
/// - encryptedServerKey(): the server's key, encrypted with the pass phrase `secret`.
/// generate() blocks (tests only) for a few hundred milliseconds.
class TestCertificates
{
public:
    /// A certificate and its private key, as PEM files.
    struct Pair
    {
        QString certificate;
        QString key;
    };

    /// Makes every certificate; false with errorString() (openssl's stderr) on failure.
    [[nodiscard]] bool generate();
    [[nodiscard]] QString errorString() const { return m_errorString; }

    [[nodiscard]] QString caCertificatePath() const;
    /// The CA's certificate, for a client that should trust it.
    [[nodiscard]] QSslCertificate caCertificate() const;
    [[nodiscard]] Pair server() const { return pair(u"server"); }
    [[nodiscard]] Pair selfSigned() const { return pair(u"selfsigned"); }
    [[nodiscard]] Pair expired() const { return pair(u"expired"); }
    [[nodiscard]] Pair wrongHost() const { return pair(u"wronghost"); }
    [[nodiscard]] QString encryptedServerKey() const { return path(QStringLiteral("server-encrypted.key")); }
    /// A file in the certificates' directory (for tests that write broken files).
    [[nodiscard]] QString path(const QString &name) const;

private:
    [[nodiscard]] Pair pair(QStringView name) const;
    [[nodiscard]] bool openssl(const QStringList &arguments);
    [[nodiscard]] bool makeCa();
    [[nodiscard]] bool makeRequest(const QString &name, const QString &hostName);
    [[nodiscard]] bool signWithCa(const QString &name, const QString &altNames, int serial);
    [[nodiscard]] bool signExpired(const QString &name);
    [[nodiscard]] bool makeSelfSigned(const QString &name);
    [[nodiscard]] bool writeFile(const QString &name, const QByteArray &contents);

    QTemporaryDir m_dir;
    QString m_errorString;
};

} // namespace Etagere
