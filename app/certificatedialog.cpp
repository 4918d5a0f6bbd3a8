#include "certificatedialog.h"

#include "networkaccess.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

QString nameOf(const QSslCertificate &certificate, bool issuer)
{
    const auto info = [&](QSslCertificate::SubjectInfo field) {
        const QStringList values = issuer ? certificate.issuerInfo(field) : certificate.subjectInfo(field);
        return values.join(u", "_s);
    };
    QString name = info(QSslCertificate::CommonName);
    if (const QString organization = info(QSslCertificate::Organization); !organization.isEmpty())
        name += u" ("_s + organization + u')';
    return name.isEmpty() ? CertificateDialog::tr("(no name)") : name;
}

QString reasons(const QList<QSslError> &errors)
{
    QStringList lines;
    for (const QSslError &error : errors)
        lines << u"• "_s + error.errorString().toHtmlEscaped();
    return lines.join(u"<br>"_s);
}

} // namespace

CertificateDialog::CertificateDialog(const QUrl &server, const QSslCertificate &certificate,
                                     const QList<QSslError> &errors, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Untrusted certificate"));
    const QLocale locale;
    // Two lines of 16 bytes: easier to compare than one wrapped wherever the width ends.
    const QString fingerprint = formatFingerprint(NetworkAccess::fingerprint(certificate));
    const QString shownFingerprint = fingerprint.left(47) + u"<br>"_s + fingerprint.mid(48);
    m_details = tr("<p><b>Etagere did not connect to %1: its certificate could not be verified.</b> Nothing was "
                   "sent.</p><p>%2</p><table>"
                   "<tr><td>Issued to:</td><td>%3</td></tr><tr><td>Issued by:</td><td>%4</td></tr>"
                   "<tr><td>Valid:</td><td>%5 to %6</td></tr>"
                   "<tr><td>SHA-256:</td><td><tt>%7</tt></td></tr></table>"
                   "<p>Trust it only if the server's operator gave you this same fingerprint.</p>")
                    .arg(NetworkAccess::serverKey(server).toHtmlEscaped(), reasons(errors),
                         nameOf(certificate, false).toHtmlEscaped(), nameOf(certificate, true).toHtmlEscaped(),
                         locale.toString(certificate.effectiveDate(), QLocale::ShortFormat),
                         locale.toString(certificate.expiryDate(), QLocale::ShortFormat), shownFingerprint);
    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(48, 48));
    auto *text = new QLabel(m_details, this);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *trust = buttons->addButton(tr("&Trust this certificate"), QDialogButtonBox::AcceptRole);
    trust->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *row = new QHBoxLayout;
    row->addWidget(icon, 0, Qt::AlignTop);
    row->addWidget(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
    setMinimumWidth(560);
}

QString CertificateDialog::formatFingerprint(const QByteArray &sha256)
{
    return QString::fromLatin1(sha256.toHex(':').toUpper());
}

QString CertificateDialog::detailsText() const
{
    return m_details;
}

} // namespace Etagere
