#pragma once

#include "livemessage.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace Etagere {

/// Somebody else at a record: one entry of RecordTableModel::PresenceRole.
struct PresenceEntry
{
    QString user;                                    ///< as the server names them
    Presence::State state = Presence::State::Viewing; ///< Viewing or Editing, never Left
    bool isSelf = false; ///< the signed-in user themselves, in another window or client

    friend bool operator==(const PresenceEntry &, const PresenceEntry &) = default;
};

/// Everybody at one record, those editing first, then by name.
using PresenceList = QList<PresenceEntry>;

/// One line for people: "Bob is editing this record", "You are viewing this record in
/// another window". Translated (context "Etagere::Presence").
[[nodiscard]] QString describePresence(const PresenceEntry &entry);
/// What an open editor of the record warns about: who else is editing it ("Bob is editing
/// this record", "Bob and Ann are editing this record", ...), empty when nobody is.
[[nodiscard]] QString editingWarning(const PresenceList &presence);

} // namespace Etagere

Q_DECLARE_METATYPE(Etagere::PresenceEntry)
Q_DECLARE_METATYPE(Etagere::PresenceList)
