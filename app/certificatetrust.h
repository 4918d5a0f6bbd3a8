#pragma once

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSslCertificate>
#include <QSslError>
#include <QUrl>

class QWidget;

namespace Etagere {

class CertificateDialog;
class SyncEngine;

/// The user's say over TLS certificates the system does not trust. Loads the certificates the
/// user approved earlier (QSettings group `tls/approved`: `host:port` -> SHA-256 in hex; a
/// fingerprint is no secret) into the engine's NetworkAccess. When a certificate is refused,
/// shows a CertificateDialog once per certificate and run; an approval is remembered for that
/// server only and the engine reconnects at once. Declining leaves the connection refused.
/// Does not own the engine; the dialog is a child of `window`. GUI thread.
class CertificateTrust : public QObject
{
    Q_OBJECT

public:
    CertificateTrust(SyncEngine *engine, QWidget *window, QObject *parent = nullptr);

    /// The dialog while it is shown; null otherwise.
    [[nodiscard]] CertificateDialog *dialog() const;

Q_SIGNALS:
    void notice(const QString &message);

private:
    void loadApprovals();
    void onRejected(const QUrl &server, const QSslCertificate &certificate, const QList<QSslError> &errors);
    void approve(const QUrl &server, const QByteArray &fingerprint);

    SyncEngine *m_engine;
    QPointer<QWidget> m_window;
    QPointer<CertificateDialog> m_dialog;
    QSet<QByteArray> m_asked; ///< fingerprints shown in this run (not asked again)
};

} // namespace Etagere
