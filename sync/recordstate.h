#pragma once

#include <QJsonObject>
#include <QString>

namespace Etagere {

/// What the client knows of one record: the protocol's (uri, etag, dirty) tuple,
/// the base (last server copy seen) and the local copy the user sees.
/// A plain value type owned by the RecordStore.
struct RecordState
{
    QString collection;
    QString id;
    QString uri;      ///< empty until the server has acknowledged the record ("no uri -> CREATE")
    QString etag;     ///< quoted strong ETag of `base`; empty when uri is empty
    bool dirty = false;            ///< local differs from base and must be written
    bool deletedLocally = false;   ///< the user deleted it; the DELETE is pending
    QJsonObject base;  ///< last server copy; meaningless when uri is empty
    QJsonObject local; ///< what the user sees and edits
    QString author;    ///< who made the server's last change of it
    qint64 seq = 0;    ///< collection sequence number of the server's last change of it

    [[nodiscard]] bool isOnServer() const { return !uri.isEmpty(); }

    friend bool operator==(const RecordState &, const RecordState &) = default;
};

} // namespace Etagere
