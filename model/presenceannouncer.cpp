#include "presenceannouncer.h"

#include "modellogging_p.h"
#include "syncengine.h"

#include <algorithm>

namespace Etagere {

PresenceAnnouncer::PresenceAnnouncer(SyncEngine *engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
{
    Q_ASSERT(engine);
}

PresenceAnnouncer::~PresenceAnnouncer()
{
    clear();
}

QString PresenceAnnouncer::collection() const
{
    return m_collection;
}

void PresenceAnnouncer::setCollection(const QString &name)
{
    if (name == m_collection)
        return;
    clear();
    m_collection = name;
}

QString PresenceAnnouncer::currentRecord() const
{
    return m_current;
}

void PresenceAnnouncer::setCurrentRecord(const QString &id)
{
    if (id == m_current)
        return;
    const QString previous = std::exchange(m_current, id);
    if (!previous.isEmpty())
        update(previous);
    if (!id.isEmpty())
        update(id);
}

void PresenceAnnouncer::editorOpened(const QString &id)
{
    if (id.isEmpty())
        return;
    ++m_editors[id];
    update(id);
}

void PresenceAnnouncer::editorClosed(const QString &id)
{
    const auto it = m_editors.find(id);
    if (it == m_editors.end()) // opened before a clear() or a switch of collection
        return;
    if (--*it <= 0)
        m_editors.erase(it);
    update(id);
}

Presence::State PresenceAnnouncer::announced(const QString &id) const
{
    return m_announced.value(id, Presence::State::Left);
}

void PresenceAnnouncer::clear()
{
    m_current.clear();
    m_editors.clear();
    QList<QString> ids = m_announced.keys();
    std::sort(ids.begin(), ids.end()); // in a stable order
    for (const QString &id : std::as_const(ids))
        update(id);
}

Presence::State PresenceAnnouncer::wanted(const QString &id) const
{
    if (m_editors.contains(id))
        return Presence::State::Editing;
    return id == m_current ? Presence::State::Viewing : Presence::State::Left;
}

void PresenceAnnouncer::update(const QString &id)
{
    const Presence::State state = wanted(id);
    if (state == announced(id) || m_collection.isEmpty())
        return;
    if (state == Presence::State::Left)
        m_announced.remove(id);
    else
        m_announced.insert(id, state);
    if (m_engine)
        m_engine->announcePresence(m_collection, id, state);
    qCDebug(lcModel) << "presence" << m_collection << id << int(state);
}

} // namespace Etagere
