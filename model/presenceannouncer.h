#pragma once

#include "livemessage.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace Etagere {

class SyncEngine;

/// Tells the others which record of a collection the user is at, through
/// SyncEngine::announcePresence. The window reports what happens: the collection shown,
/// the current record, editors opened and closed (an editor in the table or a form). A
/// record is announced as `editing` while an editor of it is open, as `viewing` while it is
/// the current record, and `left` as soon as neither holds (the current record moved, its
/// editor closed elsewhere, the collection changed). Only changes are sent: a state is
/// announced once. clear() and the destructor say `left` for everything announced.
///
/// The engine repeats the announcements after a reconnect by itself. Does not own the
/// engine. Lives in the engine's thread.
class PresenceAnnouncer : public QObject
{
    Q_OBJECT

public:
    explicit PresenceAnnouncer(SyncEngine *engine, QObject *parent = nullptr);
    ~PresenceAnnouncer() override;

    /// The collection the records belong to. Changing it says `left` for every record of
    /// the previous one and forgets its current record and open editors.
    [[nodiscard]] QString collection() const;
    void setCollection(const QString &name);

    /// The record the user is on (the current row); empty for none.
    [[nodiscard]] QString currentRecord() const;
    void setCurrentRecord(const QString &id);

    /// An editor of record `id` opened or closed; several may be open at once (counted).
    void editorOpened(const QString &id);
    void editorClosed(const QString &id);

    /// What is announced for record `id` of collection(): Viewing, Editing, or Left (nothing).
    [[nodiscard]] Presence::State announced(const QString &id) const;

    /// Says `left` for every record announced and forgets the current record and editors.
    void clear();

private:
    [[nodiscard]] Presence::State wanted(const QString &id) const;
    void update(const QString &id);

    QPointer<SyncEngine> m_engine;
    QString m_collection;
    QString m_current;
    QHash<QString, int> m_editors;                ///< record id -> editors open
    QHash<QString, Presence::State> m_announced;  ///< record id -> state sent (never Left)
};

} // namespace Etagere
