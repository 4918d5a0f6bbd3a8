#include "testcertificates.h"

#include <QDir>
#include <QFile>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

constexpr int OpensslTimeoutMs = 20000;
const QString LocalNames = u"subjectAltName=IP:127.0.0.1,DNS:localhost"_s;
const QStringList NewKey = {u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s, u"-nodes"_s};

// The smallest `openssl ca` set-up: a database, a serial and no policy on names.
const QByteArray CaConfig = R"([ ca ]
default_ca = test_ca
[ test_ca ]
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = any_name
unique_subject = no
[ any_name ]
commonName = supplied
)";

} // namespace

QString TestCertificates::path(const QString &name) const
{
    return m_dir.filePath(name);
}

TestCertificates::Pair TestCertificates::pair(QStringView name) const
{
    return {path(name.toString() + u".pem"_s), path(name.toString() + u".key"_s)};
}

QString TestCertificates::caCertificatePath() const
{
    return path(u"ca.pem"_s);
}

QSslCertificate TestCertificates::caCertificate() const
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(caCertificatePath());
    return certificates.isEmpty() ? QSslCertificate() : certificates.first();
}

bool TestCertificates::writeFile(const QString &name, const QByteArray &contents)
{
    QFile file(path(name));
    if (file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size())
        return true;
    m_errorString = u"cannot write %1: %2"_s.arg(file.fileName(), file.errorString());
    return false;
}

bool TestCertificates::openssl(const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.start(u"openssl"_s, arguments);
    if (process.waitForFinished(OpensslTimeoutMs) && process.exitStatus() == QProcess::NormalExit
        && process.exitCode() == 0) {
        return true;
    }
    m_errorString = u"openssl %1 failed (%2): %3"_s.arg(arguments.join(u' '), process.errorString(),
                                                          QString::fromLocal8Bit(process.readAllStandardError()));
    return false;
}

bool TestCertificates::makeCa()
{
    return openssl(QStringList{u"req"_s, u"-x509"_s} + NewKey
                   + QStringList{u"-keyout"_s, u"ca.key"_s, u"-out"_s, u"ca.pem"_s, u"-days"_s, u"2"_s,
                                 u"-subj"_s, u"/CN=Etagere Test CA"_s, u"-addext"_s,
                                 u"basicConstraints=critical,CA:TRUE"_s, u"-addext"_s,
                                 u"keyUsage=critical,keyCertSign,cRLSign"_s});
}

bool TestCertificates::makeRequest(const QString &name, const QString &hostName)
{
    return openssl(QStringList{u"req"_s} + NewKey
                   + QStringList{u"-keyout"_s, name + u".key"_s, u"-out"_s, name + u".csr"_s, u"-subj"_s,
                                 u"/CN="_s + hostName});
}

// Signs NAME.csr with the CA, valid from now for two days, for `altNames`.
bool TestCertificates::signWithCa(const QString &name, const QString &altNames, int serial)
{
    const QString extensions = name + u".ext"_s;
    return writeFile(extensions, (altNames + u"\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n"_s).toUtf8())
           && openssl({u"x509"_s, u"-req"_s, u"-in"_s, name + u".csr"_s, u"-CA"_s, u"ca.pem"_s, u"-CAkey"_s,
                       u"ca.key"_s, u"-set_serial"_s, QString::number(serial), u"-days"_s,
                       u"2"_s, u"-out"_s, name + u".pem"_s, u"-extfile"_s, extensions});
}

// Signs NAME.csr with the CA for 127.0.0.1 and localhost, valid only in January 2020.
bool TestCertificates::signExpired(const QString &name)
{
    return writeFile(u"ca.cnf"_s, CaConfig) && writeFile(u"index.txt"_s, {}) && writeFile(u"serial"_s, "1000\n")
           && writeFile(name + u".ext"_s, (LocalNames + u"\n"_s).toUtf8())
           && openssl({u"ca"_s, u"-batch"_s, u"-config"_s, u"ca.cnf"_s, u"-cert"_s, u"ca.pem"_s, u"-keyfile"_s,
                       u"ca.key"_s, u"-in"_s, name + u".csr"_s, u"-out"_s, name + u".pem"_s, u"-notext"_s,
                       u"-startdate"_s, u"20200101000000Z"_s, u"-enddate"_s, u"20200131000000Z"_s, u"-extfile"_s,
                       name + u".ext"_s});
}

bool TestCertificates::makeSelfSigned(const QString &name)
{
    return openssl(QStringList{u"req"_s, u"-x509"_s} + NewKey
                   + QStringList{u"-keyout"_s, name + u".key"_s, u"-out"_s, name + u".pem"_s, u"-days"_s, u"2"_s,
                                 u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s, LocalNames});
}

bool TestCertificates::generate()
{
    if (!m_dir.isValid()) {
        m_errorString = u"cannot create a temporary directory: "_s + m_dir.errorString();
        return false;
    }
    return makeCa() && makeRequest(u"server"_s, u"127.0.0.1"_s) && signWithCa(u"server"_s, LocalNames, 2001)
           && makeRequest(u"wronghost"_s, u"wrong.example"_s)
           && signWithCa(u"wronghost"_s, u"subjectAltName=DNS:wrong.example"_s, 2002)
           && makeRequest(u"expired"_s, u"127.0.0.1"_s) && signExpired(u"expired"_s)
           && makeSelfSigned(u"selfsigned"_s)
           && openssl({u"pkey"_s, u"-in"_s, u"server.key"_s, u"-aes256"_s, u"-passout"_s, u"pass:secret"_s,
                       u"-out"_s, u"server-encrypted.key"_s});
}

} // namespace Etagere
