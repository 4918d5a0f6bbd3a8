#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QStringList>

namespace Etagere {

/// A write the server refused because someone else changed the record first, and that
/// could not be merged automatically. Carries the three copies a user needs to decide.
/// `mine`/`theirs` are absent (hasMine/hasTheirs false) when that side deleted the record.
struct Conflict
{
    QString collection;
    QString id;
    QJsonObject base;
    QJsonObject mine;
    QJsonObject theirs;
    bool hasMine = true;
    bool hasTheirs = true;
    QString theirsEtag;      ///< the server's current ETag; the resolution is written with it
    QString theirsAuthor;
    QStringList conflictingFields; ///< fields both sides changed to different values

    friend bool operator==(const Conflict &, const Conflict &) = default;
};

} // namespace Etagere

Q_DECLARE_METATYPE(Etagere::Conflict)
