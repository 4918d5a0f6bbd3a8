#pragma once

#include <QDockWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace Etagere {

class ConflictListModel;
class SyncEngine;

/// The Conflicts panel: every unresolved conflict of the engine in a table (record,
/// collection, what clashed, who), in the order they came. The user goes on working and
/// resolves them in any order: double-click a row, press Enter on it, or press Resolve.
/// The window title carries the count ("Conflicts (2)"), so a tabbed dock shows it as a
/// badge on its tab. Asks nothing of the engine itself: resolveRequested() says which one.
class ConflictsPanel : public QDockWidget
{
    Q_OBJECT

public:
    explicit ConflictsPanel(SyncEngine *engine, QWidget *parent = nullptr);
    ~ConflictsPanel() override;

    [[nodiscard]] ConflictListModel *model() const;
    [[nodiscard]] QTableView *view() const;
    [[nodiscard]] int count() const;
    /// Makes the conflict of record `id` the current row (no-op when it is not listed).
    void select(const QString &collection, const QString &id);

Q_SIGNALS:
    void resolveRequested(const QString &collection, const QString &id);
    void countChanged(int count);

private:
    void requestRow(int row);
    void updateCount();

    ConflictListModel *m_model;
    QTableView *m_view;
    QLabel *m_hint;
    QPushButton *m_resolve;
};

} // namespace Etagere
