#pragma once

#include <QByteArray>
#include <QString>

namespace Etagere {

/// What the live hub asks about identities: whether a session still holds and whether its
/// user may read a collection. Implemented by the AuthStore; the hub knows nothing else of
/// accounts. Called on the server thread.
class LiveAuthorizer
{
public:
    virtual ~LiveAuthorizer() = default;
    /// True when `user` may read `collection` (server admin, or a read, write or admin grant).
    [[nodiscard]] virtual bool canRead(const QString &user, const QString &collection) const = 0;
    /// True while the session stored under `sessionKey` exists and has not expired.
    [[nodiscard]] virtual bool isSessionValid(const QByteArray &sessionKey) const = 0;
};

} // namespace Etagere
