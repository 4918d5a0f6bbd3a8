#pragma once

#include <QDockWidget>

class QLabel;
class QListView;

namespace Etagere {

class ActivityModel;
class SyncEngine;

/// The Activity panel: the latest changes other people made (ActivityModel), newest first,
/// each with its author's colour, what they did and how long ago. Clicking an entry (or
/// Enter on it) asks to show that record: recordRequested(); the window selects it.
class ActivityPanel : public QDockWidget
{
    Q_OBJECT

public:
    explicit ActivityPanel(SyncEngine *engine, QWidget *parent = nullptr);
    ~ActivityPanel() override;

    [[nodiscard]] ActivityModel *model() const;
    [[nodiscard]] QListView *view() const;

Q_SIGNALS:
    void recordRequested(const QString &collection, const QString &id);

private:
    void request(const QModelIndex &index);
    void updateHint();

    ActivityModel *m_model;
    QListView *m_view;
    QLabel *m_hint;
};

} // namespace Etagere
