#include "networkreachability.h"

#include "synclogging_p.h"

#include <QHostAddress>
#include <QNetworkInformation>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

/// Follows QNetworkInformation::reachability(), loaded once per process.
class SystemNetworkReachability : public NetworkReachability
{
public:
    SystemNetworkReachability(QNetworkInformation *information, QObject *parent)
        : NetworkReachability(parent)
    {
        follow(information->reachability());
        connect(information, &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability now) { follow(now); });
    }

private:
    void follow(QNetworkInformation::Reachability reachability)
    {
        qCInfo(lcSync) << "system network reachability:" << reachability;
        setReachable(reachability != QNetworkInformation::Reachability::Disconnected);
    }
};

QNetworkInformation *loadSystemInformation()
{
    if (QNetworkInformation *loaded = QNetworkInformation::instance())
        return loaded->supports(QNetworkInformation::Feature::Reachability) ? loaded : nullptr;
    if (!QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        qCInfo(lcSync) << "no network information backend among" << QNetworkInformation::availableBackends()
                       << "; the connection's state alone tells whether the server is reachable";
        return nullptr;
    }
    QNetworkInformation *information = QNetworkInformation::instance();
    qCInfo(lcSync) << "network information backend:" << information->backendName();
    return information;
}

} // namespace

NetworkReachability::NetworkReachability(QObject *parent)
    : QObject(parent)
{
}

NetworkReachability::~NetworkReachability() = default;

bool NetworkReachability::isReachable() const
{
    return m_reachable;
}

void NetworkReachability::setReachable(bool reachable)
{
    if (m_reachable == reachable)
        return;
    m_reachable = reachable;
    Q_EMIT reachableChanged(reachable);
}

NetworkReachability *NetworkReachability::system(QObject *parent)
{
    if (QNetworkInformation *information = loadSystemInformation())
        return new SystemNetworkReachability(information, parent);
    return new NetworkReachability(parent);
}

bool NetworkReachability::isLocal(const QUrl &server)
{
    const QString host = server.host();
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace Etagere
