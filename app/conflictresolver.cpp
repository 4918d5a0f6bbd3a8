#include "conflictresolver.h"

#include "applogging_p.h"
#include "conflictdialog.h"
#include "syncengine.h"

namespace Etagere {

ConflictResolver::ConflictResolver(SyncEngine *engine, QWidget *window)
    : QObject(window)
    , m_engine(engine)
    , m_window(window)
{
    Q_ASSERT(engine);
    connect(engine, &SyncEngine::conflictRemoved, this, &ConflictResolver::onConflictRemoved);
}

ConflictResolver::~ConflictResolver() = default;

bool ConflictResolver::open(const QString &collection, const QString &id)
{
    if (m_dialog || !m_engine)
        return false;
    const std::optional<Conflict> conflict = m_engine->conflict(collection, id);
    const std::optional<CollectionSchema> schema = m_engine->collection(collection);
    if (!conflict || !schema)
        return false;
    m_dialog = new ConflictDialog(*conflict, *schema, m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::finished, this, &ConflictResolver::onFinished);
    m_dialog->open();
    return true;
}

bool ConflictResolver::isOpen() const
{
    return !m_dialog.isNull();
}

ConflictDialog *ConflictResolver::dialog() const
{
    return m_dialog;
}

void ConflictResolver::onConflictRemoved(const QString &collection, const QString &id)
{
    if (m_dialog && m_dialog->outcome() == ConflictDialog::Outcome::None
        && m_dialog->conflict().collection == collection && m_dialog->conflict().id == id) {
        Q_EMIT message(tr("The conflict you were looking at was settled or changed on the server"));
        m_dialog->reject(); // nothing left to decide on this version
    }
}

void ConflictResolver::onFinished()
{
    ConflictDialog *dialog = m_dialog;
    m_dialog = nullptr;
    const Conflict &conflict = dialog->conflict();
    QString error;
    bool ok = true;
    if (dialog->outcome() == ConflictDialog::Outcome::Write)
        ok = m_engine && m_engine->resolveConflict(conflict.collection, conflict.id, dialog->resolved(), &error);
    else if (dialog->outcome() == ConflictDialog::Outcome::Delete)
        ok = m_engine && m_engine->resolveByDeleting(conflict.collection, conflict.id);
    if (!ok) {
        qCWarning(lcApp) << "conflict resolution refused:" << conflict.collection << conflict.id << error;
        Q_EMIT message(tr("The conflict could not be resolved: %1").arg(error));
    }
    Q_EMIT finished();
}

} // namespace Etagere
