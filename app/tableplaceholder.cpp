#include "tableplaceholder.h"

#include "recordfiltermodel.h"
#include "recordtablemodel.h"
#include "recordtableview.h"
#include "syncengine.h"

#include <QKeySequence>

namespace Etagere {

TablePlaceholder::TablePlaceholder(SyncEngine *engine, RecordFilterModel *filter, RecordTableView *view)
    : QObject(view)
    , m_engine(engine)
    , m_filter(filter)
    , m_records(qobject_cast<RecordTableModel *>(filter->sourceModel()))
    , m_view(view)
{
    Q_ASSERT(engine && m_records);
    const auto refresh = [this] { update(); };
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, refresh);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, refresh);
    connect(m_filter, &QAbstractItemModel::modelReset, this, refresh);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, refresh);
    connect(m_filter, &RecordFilterModel::searchTextChanged, this, refresh);
    connect(m_records, &RecordTableModel::collectionChanged, this, refresh);
    connect(engine, &SyncEngine::collectionLoadProgress, this, refresh);
    connect(engine, &SyncEngine::collectionReloaded, this, refresh);
    connect(engine, &SyncEngine::collectionsChanged, this, refresh);
    connect(engine, &SyncEngine::errorOccurred, this, refresh);          // a load that failed
    connect(engine, &SyncEngine::authenticationRequired, this, refresh); // one refused (401)
    update();
}

TablePlaceholder::~TablePlaceholder() = default;

QString TablePlaceholder::text() const
{
    const QString collection = m_records->collection();
    if (collection.isEmpty() || m_filter->rowCount() > 0)
        return {};
    if (m_records->rowCount() > 0)
        return tr("No record matches “%1”.").arg(m_filter->searchText().simplified());
    return emptyCollectionText(collection);
}

QString TablePlaceholder::emptyCollectionText(const QString &collection) const
{
    if (m_engine && m_engine->isLoading(collection)) {
        const int received = m_engine->loadedRecords(collection);
        return received > 0 ? tr("Loading the records…\n%L1 received so far").arg(received)
                            : tr("Loading the records…");
    }
    if (m_engine && !m_engine->isLoaded(collection))
        return tr("The records are not loaded yet: they will be once the server can be reached.");
    return tr("No records yet.\nAdd one with Add Record (%1).")
        .arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText));
}

void TablePlaceholder::update()
{
    m_view->setPlaceholderText(text());
}

} // namespace Etagere
