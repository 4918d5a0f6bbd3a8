#pragma once

namespace Etagere {

/// Connection to the server as the user should see it (shared by PushChannel and SyncEngine).
enum class ConnectionState {
    Offline,      ///< not started, or the server cannot be reached and no retry is scheduled
    Connecting,   ///< first connection attempt in progress
    Live,         ///< push channel open and caught up
    Reconnecting, ///< connection lost; retrying with backoff
    NoNetwork,    ///< the system reports no network: no retries until it is back, then at once
    SignedOut,    ///< the server does not accept the session: no retries until a new token is set
};

} // namespace Etagere
