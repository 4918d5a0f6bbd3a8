#pragma once

#include <QObject>
#include <QPointer>

class QWidget;

namespace Etagere {

class ConflictDialog;
class SyncEngine;

/// Shows the ConflictDialog for one conflict at a time and passes the user's choice to the
/// engine (SyncEngine::resolveConflict or resolveByDeleting). Cancel leaves the conflict
/// open: the edit stays pending and listed. When the engine drops the conflict the dialog
/// shows (resolved elsewhere, or replaced by a newer version), the dialog closes.
///
/// Does not own the engine. The dialog is window-modal on `window`.
class ConflictResolver : public QObject
{
    Q_OBJECT

public:
    ConflictResolver(SyncEngine *engine, QWidget *window);
    ~ConflictResolver() override;

    /// Opens the dialog for the conflict of record `id`; false when it has none or another
    /// conflict's dialog is open.
    bool open(const QString &collection, const QString &id);
    [[nodiscard]] bool isOpen() const;
    /// The dialog shown, if any (for tests and screenshots).
    [[nodiscard]] ConflictDialog *dialog() const;

Q_SIGNALS:
    /// A line for the status bar: why a resolution was refused, or why the dialog closed.
    void message(const QString &text);
    /// The dialog closed, whatever the outcome.
    void finished();

private:
    void onConflictRemoved(const QString &collection, const QString &id);
    void onFinished();

    QPointer<SyncEngine> m_engine;
    QWidget *m_window;
    QPointer<ConflictDialog> m_dialog;
};

} // namespace Etagere
