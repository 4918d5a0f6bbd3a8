#pragma once

#include <QObject>
#include <QPointer>

namespace Etagere {

class RecordFilterModel;
class RecordTableModel;
class RecordTableView;
class SyncEngine;

/// Tells the records table what to say while it shows no row
/// (RecordTableView::setPlaceholderText()): that the collection is loading, with the
/// records received so far; that it is not loaded yet (the server cannot be reached); that
/// it has no records yet; or that the quick search matches none. Empty while rows show.
/// A child of the view; does not own the engine, the models or the view.
class TablePlaceholder : public QObject
{
    Q_OBJECT

public:
    /// `filter` is the view's model, over a RecordTableModel.
    TablePlaceholder(SyncEngine *engine, RecordFilterModel *filter, RecordTableView *view);
    ~TablePlaceholder() override;

    /// What the view is told to show now.
    [[nodiscard]] QString text() const;

private:
    void update();
    [[nodiscard]] QString emptyCollectionText(const QString &collection) const;

    QPointer<SyncEngine> m_engine;
    RecordFilterModel *m_filter;
    RecordTableModel *m_records;
    RecordTableView *m_view;
};

} // namespace Etagere
