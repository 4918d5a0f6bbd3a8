#include "presenceentry.h"

#include <QCoreApplication>

namespace Etagere {

namespace {

/// The texts of this file, in the translation context "Etagere::Presence" (lupdate reads Text::tr()).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Etagere::Presence)
};

} // namespace

QString describePresence(const PresenceEntry &entry)
{
    const bool editing = entry.state == Presence::State::Editing;
    if (entry.isSelf) {
        return editing ? Text::tr("You are editing this record in another window")
                       : Text::tr("You are viewing this record in another window");
    }
    return (editing ? Text::tr("%1 is editing this record") : Text::tr("%1 is viewing this record"))
        .arg(entry.user);
}

QString editingWarning(const PresenceList &presence)
{
    QStringList others;
    bool self = false;
    for (const PresenceEntry &entry : presence) {
        if (entry.state != Presence::State::Editing)
            continue;
        if (entry.isSelf)
            self = true;
        else
            others << entry.user;
    }
    if (others.isEmpty())
        return self ? Text::tr("You are editing this record in another window too") : QString();
    if (others.size() == 1)
        return Text::tr("%1 is editing this record").arg(others.constFirst());
    if (others.size() == 2)
        return Text::tr("%1 and %2 are editing this record").arg(others.at(0), others.at(1));
    return Text::tr("%1 and %n others are editing this record", nullptr, int(others.size() - 1)).arg(others.constFirst());
}

} // namespace Etagere
