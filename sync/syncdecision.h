#pragma once

#include "recordstate.h"

namespace Etagere {

/// What the protocol's decision table says to do with one record.
enum class SyncAction {
    Create,     ///< no uri: the server has never acknowledged it; create it
    Write,      ///< dirty, local etag == server's: send a conditional write
    Conflict,   ///< dirty, local etag != server's: three-way merge, else ask the user
    Nothing,    ///< clean, local etag == server's
    TakeServer, ///< clean, local etag != server's: take the server's copy
};

/// The decision table of PROTOCOL.md ("Ideas it rests on") as a pure function.
/// `serverEtag` is the quoted ETag the server currently has for the record (as known
/// from a push, a load or a 412); pass an empty string when the server has no copy.
[[nodiscard]] SyncAction decide(const RecordState &local, const QString &serverEtag);

/// Name of an action, for logs and test output.
[[nodiscard]] const char *syncActionName(SyncAction action);

} // namespace Etagere
