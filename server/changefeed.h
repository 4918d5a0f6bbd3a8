#pragma once

#include "change.h"

namespace Etagere {

/// Read access to the committed change log, as the live hub needs it. Implemented by
/// the storage; the hub knows nothing else of it. Called on the server thread.
class ChangeFeed
{
public:
    struct Result
    {
        bool exists = false;   ///< the collection exists
        bool gone = false;     ///< `since` is older than what the server keeps (410 / reset)
        qint64 currentSeq = 0; ///< the collection's current sequence number
        QList<Change> changes; ///< changes with seq > since, in order, at most `limit`
    };

    virtual ~ChangeFeed() = default;
    [[nodiscard]] virtual Result changesSince(const QString &collection, qint64 since, int limit) const = 0;
};

} // namespace Etagere
