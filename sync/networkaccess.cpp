#include "networkaccess.h"

#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace Etagere {

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

QNetworkReply *NetworkAccess::createRequest(Operation op, const QNetworkRequest &request, QIODevice *outgoingData)
{
    QNetworkRequest authorized(request);
    authorize(authorized);
    return QNetworkAccessManager::createRequest(op, authorized, outgoingData);
}

} // namespace Etagere
