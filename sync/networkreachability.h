#pragma once

#include <QObject>

class QUrl;

namespace Etagere {

/// Whether the system believes the network is there, as the push channel needs to know it:
/// isReachable() false means "no network at all, do not even try"; true means "try" (the
/// socket then tells whether the server answers).
///
/// This base class is the fallback: always reachable, so that without any system
/// information the socket's state alone decides. system() follows QNetworkInformation;
/// tests subclass it and call setReachable() to script the network coming and going.
/// Lives in its creator's thread.
class NetworkReachability : public QObject
{
    Q_OBJECT

public:
    explicit NetworkReachability(QObject *parent = nullptr);
    ~NetworkReachability() override;

    [[nodiscard]] bool isReachable() const;

    /// A NetworkReachability that follows the system's QNetworkInformation backend
    /// (reachability Disconnected is unreachable; Unknown, Local, Site, Online reachable).
    /// Without a backend it is this base class: always reachable. Owned by `parent`.
    [[nodiscard]] static NetworkReachability *system(QObject *parent = nullptr);
    /// True when `server` is on this machine (loopback): no network state matters for it.
    [[nodiscard]] static bool isLocal(const QUrl &server);

Q_SIGNALS:
    void reachableChanged(bool reachable);

protected:
    /// Updates the state; emits reachableChanged() when it changes.
    void setReachable(bool reachable);

private:
    bool m_reachable = true;
};

} // namespace Etagere
