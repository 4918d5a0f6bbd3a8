#include "certificatedialog.h"
#include "networkaccess.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

namespace {

// A self-signed certificate for "etagere.test" (made once with `openssl req -x509`; the
// dialog only reads it).
const QByteArray Pem = R"(-----BEGIN CERTIFICATE-----
MIIBtDCCAVmgAwIBAgIUCWxpK8gK2N8Z8YVLipVCwFxuKeMwCgYIKoZIzj0EAwIw
LzEVMBMGA1UEAwwMZXRhZ2VyZS50ZXN0MRYwFAYDVQQKDA1FdGFnZXJlIHRlc3Rz
MB4XDTI2MTEyNzA3MTIyMFoXDTM2MTEyNDA3MTIyMFowLzEVMBMGA1UEAwwMZXRh
Z2VyZS50ZXN0MRYwFAYDVQQKDA1FdGFnZXJlIHRlc3RzMFkwEwYHKoZIzj0CAQYI
KoZIzj0DAQcDQgAEzTuWKbbQEBI/bsBo3HTwNj7TosKrwAaY/c+XYDSW4Oeyy0o4
+QckBmQkVQjntrB4RiBfA+YVMbOzE0IwoxY6sKNTMFEwHQYDVR0OBBYEFI6cw018
Ck5cMzv6yhbw/fzgylONMB8GA1UdIwQYMBaAFI6cw018Ck5cMzv6yhbw/fzgylON
MA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSQAwRgIhAMjKynPJ2Elk2TQ7
24Gw8QYtqfCxxXPRq0XAa0ea1isZAiEA0z1sy0TWJWB3k+nlz51bbY08zD2CFyXA
rqZR7ALlNyo=
-----END CERTIFICATE-----
)"_ba;

} // namespace

class TestCertificateDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatFingerprint_data();
    void formatFingerprint();
    void showsWhatTheUserMustCompare();
    void cancelIsTheDefault();
};

void TestCertificateDialog::formatFingerprint_data()
{
    QTest::addColumn<QByteArray>("digest");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("one byte") << "\x0a"_ba << u"0A"_s;
    QTest::newRow("three bytes") << "\xab\xcd\x01"_ba << u"AB:CD:01"_s;
    QTest::newRow("sha-256 length") << QByteArray(32, '\xff') << QString(u"FF:"_s.repeated(31) + u"FF"_s);
}

void TestCertificateDialog::formatFingerprint()
{
    QFETCH(QByteArray, digest);
    QFETCH(QString, expected);
    QCOMPARE(CertificateDialog::formatFingerprint(digest), expected);
}

void TestCertificateDialog::showsWhatTheUserMustCompare()
{
    const QSslCertificate certificate = QSslCertificate::fromData(Pem, QSsl::Pem).value(0);
    const QSslError error(QSslError::SelfSignedCertificate, certificate);
    CertificateDialog dialog(QUrl(u"https://etagere.test:8443"_s), certificate, {error});
    const QString details = dialog.detailsText();
    QVERIFY2(details.contains(u"etagere.test:8443"_s), qPrintable(details));
    QVERIFY(details.contains(error.errorString().toHtmlEscaped()));
    const QString fingerprint = CertificateDialog::formatFingerprint(NetworkAccess::fingerprint(certificate));
    QCOMPARE(fingerprint.size(), 32 * 3 - 1);
    // shown in two lines of 16 bytes
    QVERIFY2(details.contains(fingerprint.left(47) + u"<br>"_s + fingerprint.mid(48)), qPrintable(details));
    QVERIFY(details.contains(u"Nothing was sent"_s));
    QVERIFY(details.contains(u"Etagere tests"_s)); // who it claims to be
}

void TestCertificateDialog::cancelIsTheDefault()
{
    CertificateDialog dialog(QUrl(u"https://etagere.test"_s), QSslCertificate(), {});
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QVERIFY(buttons->button(QDialogButtonBox::Cancel)->isDefault());
    dialog.show();
    QTest::keyClick(&dialog, Qt::Key_Return); // Enter must not trust a certificate
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

QTEST_MAIN(TestCertificateDialog)
#include "tst_certificatedialog.moc"
