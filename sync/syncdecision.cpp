#include "syncdecision.h"

namespace Etagere {

SyncAction decide(const RecordState &local, const QString &serverEtag)
{
    if (local.uri.isEmpty())
        return SyncAction::Create;
    const bool sameEtag = local.etag == serverEtag;
    if (local.dirty)
        return sameEtag ? SyncAction::Write : SyncAction::Conflict;
    return sameEtag ? SyncAction::Nothing : SyncAction::TakeServer;
}

const char *syncActionName(SyncAction action)
{
    switch (action) {
    case SyncAction::Create: return "Create";
    case SyncAction::Write: return "Write";
    case SyncAction::Conflict: return "Conflict";
    case SyncAction::Nothing: return "Nothing";
    case SyncAction::TakeServer: return "TakeServer";
    }
    return "?";
}

} // namespace Etagere
