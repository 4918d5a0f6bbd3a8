#pragma once

#include <QDockWidget>
#include <QPointer>

class QLabel;
class QMessageBox;
class QPushButton;
class QTableView;

namespace Etagere {

class OutboxModel;
class SyncEngine;

/// The Outbox panel: every edit not yet acknowledged by the server (OutboxModel), with
/// what it does (new record, change, deletion) and which fields it changes. "Discard…"
/// asks first, then takes the selected edit back (SyncEngine::discardPending): the record
/// returns to the server's copy, a record never sent disappears. A refusal (a write of it
/// is on its way) is shown in the panel. The window title carries the count.
///
/// Does not own the engine.
class OutboxPanel : public QDockWidget
{
    Q_OBJECT

public:
    explicit OutboxPanel(SyncEngine *engine, QWidget *parent = nullptr);
    ~OutboxPanel() override;

    [[nodiscard]] OutboxModel *model() const;
    [[nodiscard]] QTableView *view() const;
    /// The confirmation "Discard…" opened, while it is open (for tests).
    [[nodiscard]] QMessageBox *confirmation() const;
    /// Asks whether to discard the edit in the current row (no-op without one).
    void confirmDiscard();

private:
    void discard(const QString &collection, const QString &id);
    void updateState();

    QPointer<SyncEngine> m_engine;
    OutboxModel *m_model;
    QTableView *m_view;
    QLabel *m_status;
    QPushButton *m_discard;
    QPointer<QMessageBox> m_confirmation;
};

} // namespace Etagere
