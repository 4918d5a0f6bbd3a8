#include "certificatetrust.h"

#include "applogging_p.h"
#include "appsettings.h"
#include "certificatedialog.h"
#include "networkaccess.h"
#include "syncengine.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

const QString Group = u"tls/approved"_s;

} // namespace

CertificateTrust::CertificateTrust(SyncEngine *engine, QWidget *window, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_window(window)
{
    loadApprovals();
    connect(engine->networkAccess(), &NetworkAccess::certificateRejected, this, &CertificateTrust::onRejected);
}

CertificateDialog *CertificateTrust::dialog() const
{
    return m_dialog;
}

void CertificateTrust::loadApprovals()
{
    QSettings settings;
    settings.beginGroup(Group);
    const QString key = NetworkAccess::serverKey(m_engine->server());
    const QByteArray approved = QByteArray::fromHex(settings.value(AppSettings::serverSettingsKey(key)).toByteArray());
    if (!approved.isEmpty())
        m_engine->networkAccess()->approveCertificate(m_engine->server(), approved);
}

void CertificateTrust::onRejected(const QUrl &server, const QSslCertificate &certificate,
                                  const QList<QSslError> &errors)
{
    const QByteArray fingerprint = NetworkAccess::fingerprint(certificate);
    if (m_dialog || certificate.isNull() || m_asked.contains(fingerprint))
        return;
    m_asked.insert(fingerprint);
    m_dialog = new CertificateDialog(server, certificate, errors, m_window);
    connect(m_dialog, &QDialog::finished, m_dialog, &QObject::deleteLater);
    connect(m_dialog, &QDialog::accepted, this, [this, server, fingerprint] { approve(server, fingerprint); });
    connect(m_dialog, &QDialog::rejected, this, [this, server] {
        Q_EMIT notice(tr("Not connected to %1: its certificate is not trusted.").arg(server.toDisplayString()));
    });
    m_dialog->open();
}

void CertificateTrust::approve(const QUrl &server, const QByteArray &fingerprint)
{
    const QString key = NetworkAccess::serverKey(server);
    qCInfo(lcApp).noquote() << "the user trusts the certificate" << fingerprint.toHex() << "for" << key;
    QSettings settings;
    settings.beginGroup(Group);
    settings.setValue(AppSettings::serverSettingsKey(key), fingerprint.toHex());
    m_engine->networkAccess()->approveCertificate(server, fingerprint);
    m_engine->stop(); // connect now, not when the backoff says
    m_engine->start();
}

} // namespace Etagere
