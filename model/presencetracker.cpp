#include "presencetracker_p.h"

#include "syncengine.h"

#include <algorithm>

namespace Etagere {

PresenceTracker::PresenceTracker(SyncEngine *engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
{
    Q_ASSERT(engine);
    connect(engine, &SyncEngine::presenceChanged, this, &PresenceTracker::apply);
    connect(engine, &SyncEngine::connectionStateChanged, this, [this](ConnectionState state) {
        if (state != ConnectionState::Live)
            forgetAll();
    });
}

PresenceList PresenceTracker::presence(const QString &collection, const QString &id) const
{
    const auto record = m_records.constFind({collection, id});
    if (record == m_records.cend())
        return {};
    const QString self = m_engine ? m_engine->user() : QString();
    PresenceList list;
    for (auto it = record->cbegin(); it != record->cend(); ++it)
        list.append(PresenceEntry{it.key(), it.value(), !self.isEmpty() && it.key() == self});
    // QMap gave them by name; editors go first, keeping that order.
    std::stable_sort(list.begin(), list.end(), [](const PresenceEntry &a, const PresenceEntry &b) {
        return a.state == Presence::State::Editing && b.state != Presence::State::Editing;
    });
    return list;
}

void PresenceTracker::apply(const Presence &presence)
{
    const Key key{presence.collection, presence.id};
    auto record = m_records.find(key);
    if (presence.state == Presence::State::Left) {
        if (record == m_records.end() || record->remove(presence.user) == 0)
            return;
        if (record->isEmpty())
            m_records.erase(record);
    } else {
        if (record == m_records.end())
            record = m_records.insert(key, {});
        if (record->value(presence.user, Presence::State::Left) == presence.state)
            return;
        record->insert(presence.user, presence.state);
    }
    Q_EMIT changed(presence.collection, presence.id);
}

void PresenceTracker::forgetAll()
{
    const QList<Key> keys = m_records.keys();
    m_records.clear();
    for (const Key &key : keys)
        Q_EMIT changed(key.first, key.second);
}

} // namespace Etagere
