#pragma once

#include <QDialog>
#include <QSslCertificate>
#include <QSslError>
#include <QUrl>

namespace Etagere {

/// Shown when a server's TLS certificate failed verification and the connection was refused:
/// who the certificate claims to be, who issued it, when it is valid, why it was refused and
/// its SHA-256 fingerprint, for the user to compare with what the server's operator gave
/// them. "Cancel" is the default; accepting means "trust this exact certificate for this
/// server" (the caller remembers it). Thin: it decides nothing itself.
class CertificateDialog : public QDialog
{
    Q_OBJECT

public:
    CertificateDialog(const QUrl &server, const QSslCertificate &certificate, const QList<QSslError> &errors,
                      QWidget *parent = nullptr);

    /// `AB:CD:...`: the SHA-256 digest as colon-separated upper-case hex pairs.
    [[nodiscard]] static QString formatFingerprint(const QByteArray &sha256);
    /// The text of the dialog's details (for tests and screen readers).
    [[nodiscard]] QString detailsText() const;

private:
    QString m_details;
};

} // namespace Etagere
