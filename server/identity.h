#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Etagere {

/// Who a request or a live session acts for: the user of a valid session. Plain value type.
struct Identity
{
    QString user;          ///< the user name: the `author` of writes, the `user` of presence
    QByteArray sessionKey; ///< the key the session is stored under (SHA-256 of its token)
    QDateTime expires;     ///< when the session ends (UTC); invalid: never (tests)
};

} // namespace Etagere
