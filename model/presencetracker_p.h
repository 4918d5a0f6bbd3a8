#pragma once

#include "presenceentry.h"

#include <QHash>
#include <QMap>
#include <QObject>
#include <QPointer>

namespace Etagere {

class SyncEngine;

/// Who else views or edits which record, in every collection, as the engine hears it
/// (SyncEngine::presenceChanged). An entry goes with its `left` (the server sends one for
/// each record of a session whose socket closed). While the engine's own connection is
/// not live, it may miss those: then it forgets everything, and the snapshot the server
/// sends after the next welcome brings back who is still there. Helper of
/// RecordTableModel; lives in the engine's thread; does not own the engine.
class PresenceTracker : public QObject
{
    Q_OBJECT

public:
    explicit PresenceTracker(SyncEngine *engine, QObject *parent = nullptr);

    /// Everybody at record `id` of `collection`: editors first, then by name.
    [[nodiscard]] PresenceList presence(const QString &collection, const QString &id) const;

Q_SIGNALS:
    /// The presence at this record changed (somebody came, changed state or left).
    void changed(const QString &collection, const QString &id);

private:
    using Key = std::pair<QString, QString>; ///< (collection, id)

    void apply(const Presence &presence);
    void forgetAll();

    QPointer<SyncEngine> m_engine;
    QHash<Key, QMap<QString, Presence::State>> m_records; ///< -> user -> state
};

} // namespace Etagere
