#include "presenceentry.h"

#include <QCoreApplication>

namespace Etagere {

namespace {

QString translate(const char *text, int n = -1)
{
    return QCoreApplication::translate("Etagere::Presence", text, nullptr, n);
}

} // namespace

QString describePresence(const PresenceEntry &entry)
{
    const bool editing = entry.state == Presence::State::Editing;
    if (entry.isSelf) {
        return editing ? translate("You are editing this record in another window")
                       : translate("You are viewing this record in another window");
    }
    return (editing ? translate("%1 is editing this record") : translate("%1 is viewing this record"))
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
        return self ? translate("You are editing this record in another window too") : QString();
    if (others.size() == 1)
        return translate("%1 is editing this record").arg(others.constFirst());
    if (others.size() == 2)
        return translate("%1 and %2 are editing this record").arg(others.at(0), others.at(1));
    return translate("%1 and %n others are editing this record", int(others.size() - 1)).arg(others.constFirst());
}

} // namespace Etagere
