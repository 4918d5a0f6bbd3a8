#pragma once

#include "fakechangefeed.h"
#include "hub.h"
#include "liveclient.h"

#include <QObject>
#include <QWebSocketServer>

#include <memory>
#include <optional>

namespace Etagere {

/// The fixture shared by the hub's test cases: a fake change feed (collection `books` with
/// changes 1..5, `films` empty), a Hub without authorizer whose sockets are all `alice`'s, and a QWebSocketServer
/// on a free loopback port that hands every socket to the hub. Test classes derive from it
/// and call setUpHub() from init() and tearDownHub() from cleanup(). Test thread only.
class HubTest : public QObject
{
    Q_OBJECT

protected:
    /// `authorizer` (not owned; may be null) is given to the hub.
    void setUpHub(const LiveAuthorizer *authorizer = nullptr);
    void tearDownHub();
    /// The identity the hub gives the next socket it accepts (then alice's again).
    void setNextIdentity(const Identity &identity) { m_nextIdentity = identity; }

    /// A connected client (owned by the fixture until tearDownHub()).
    [[nodiscard]] LiveClient *connectClient(WireFormat format = WireFormat::Json);
    /// A client that sent `hello` and read everything the hub answered to it (some tests
    /// only need it to exist).
    LiveClient *subscribedClient(const QMap<QString, qint64> &collections,
                                 WireFormat format = WireFormat::Json);

    std::unique_ptr<FakeChangeFeed> m_feed;
    std::unique_ptr<QWebSocketServer> m_server;
    std::unique_ptr<Hub> m_hub;
    std::unique_ptr<QObject> m_clients; ///< parent of the test's clients
    std::optional<Identity> m_nextIdentity;
};

} // namespace Etagere
