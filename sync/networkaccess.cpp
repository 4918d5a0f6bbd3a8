#include "networkaccess.h"

#include "synclogging_p.h"

#include <QCryptographicHash>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

bool isTls(const QUrl &url)
{
    return url.scheme() == "https"_L1 || url.scheme() == "wss"_L1;
}

} // namespace

NetworkAccess::NetworkAccess(QObject *parent)
    : QNetworkAccessManager(parent)
{
}

void NetworkAccess::setBearerToken(const QByteArray &token)
{
    if (m_token == token)
        return;
    m_token = token;
    Q_EMIT bearerTokenChanged();
}

QByteArray NetworkAccess::bearerToken() const
{
    return m_token;
}

void NetworkAccess::authorize(QNetworkRequest &request) const
{
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer "_ba + m_token);
}

void NetworkAccess::setCaCertificates(const QList<QSslCertificate> &certificates)
{
    m_caCertificates = certificates;
}

QList<QSslCertificate> NetworkAccess::caCertificates() const
{
    return m_caCertificates;
}

void NetworkAccess::approveCertificate(const QUrl &server, const QByteArray &sha256)
{
    m_approved.insert(serverKey(server), sha256);
}

QSslConfiguration NetworkAccess::sslConfiguration() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.addCaCertificates(m_caCertificates);
    return configuration;
}

bool NetworkAccess::acceptsSslErrors(const QUrl &server, const QList<QSslError> &errors)
{
    if (errors.isEmpty())
        return true;
    const QSslCertificate certificate = errors.constFirst().certificate();
    const auto approved = m_approved.constFind(serverKey(server));
    const bool sameCertificate = std::all_of(errors.cbegin(), errors.cend(), [&](const QSslError &error) {
        return error.certificate().isNull() || error.certificate() == certificate;
    });
    if (!certificate.isNull() && sameCertificate && approved != m_approved.cend()
        && *approved == fingerprint(certificate))
        return true;
    qCWarning(lcSync).noquote() << "refused the TLS certificate of" << serverKey(server) << "-"
                                << errors.constFirst().errorString();
    const QUrl origin = server.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment
                                        | QUrl::RemoveUserInfo);
    Q_EMIT certificateRejected(origin, certificate, errors);
    return false;
}

QUrl NetworkAccess::serverUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    const bool usable = url.isValid() && (url.scheme() == "http"_L1 || url.scheme() == "https"_L1)
                        && !url.host().isEmpty();
    return usable ? url : QUrl();
}

QString NetworkAccess::serverKey(const QUrl &server)
{
    return u"%1:%2"_s.arg(server.host()).arg(server.port(isTls(server) ? 443 : 80));
}

QByteArray NetworkAccess::fingerprint(const QSslCertificate &certificate)
{
    return QCryptographicHash::hash(certificate.toDer(), QCryptographicHash::Sha256);
}

QNetworkReply *NetworkAccess::createRequest(Operation op, const QNetworkRequest &request, QIODevice *outgoingData)
{
    QNetworkRequest prepared(request);
    authorize(prepared);
    if (isTls(prepared.url()))
        prepared.setSslConfiguration(sslConfiguration());
    QNetworkReply *reply = QNetworkAccessManager::createRequest(op, prepared, outgoingData);
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        if (acceptsSslErrors(reply->url(), errors))
            reply->ignoreSslErrors(errors);
    });
    return reply;
}

} // namespace Etagere
