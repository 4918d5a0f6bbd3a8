#include "recordfiltermodel.h"

#include "recordfiltercache_p.h"
#include "recordtablemodel.h"

#include <QElapsedTimer>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

QStringList searchTerms(const QString &text)
{
    static const QRegularExpression space(u"\\s+"_s);
    return foldForSearch(text).split(space, Qt::SkipEmptyParts);
}

bool changesValues(const QList<int> &roles)
{
    return roles.isEmpty() || roles.contains(Qt::DisplayRole) || roles.contains(Qt::EditRole);
}

} // namespace

RecordFilterModel::RecordFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_cache(std::make_unique<Cache>())
{
    setDynamicSortFilter(true);
    m_warmUp.setSingleShot(true);
    m_warmUp.setInterval(0);
    connect(&m_warmUp, &QTimer::timeout, this, &RecordFilterModel::warmUp);
}

RecordFilterModel::~RecordFilterModel() = default;

void RecordFilterModel::setSourceModel(QAbstractItemModel *sourceModel)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_sourceConnections))
        disconnect(connection);
    m_sourceConnections.clear();
    m_cache->clear();
    if (sourceModel)
        connectCache(sourceModel); // before the base class connects: the cache is right when it sorts
    QSortFilterProxyModel::setSourceModel(sourceModel);
    startWarmUp();
}

// Keeps the cache row for row with the source. Slots run in the order they were connected,
// so these run before QSortFilterProxyModel's own, which may call lessThan() and
// filterAcceptsRow() for the rows concerned.
void RecordFilterModel::connectCache(QAbstractItemModel *source)
{
    Cache *cache = m_cache.get();
    const auto clear = [cache] { cache->clear(); };
    m_sourceConnections
        << connect(source, &QAbstractItemModel::rowsInserted, this,
                   [cache](const QModelIndex &parent, int first, int last) {
                       if (!parent.isValid())
                           cache->insertRows(first, last - first + 1);
                   })
        << connect(source, &QAbstractItemModel::rowsRemoved, this,
                   [cache](const QModelIndex &parent, int first, int last) {
                       if (!parent.isValid())
                           cache->removeRows(first, last - first + 1);
                   })
        << connect(source, &QAbstractItemModel::dataChanged, this,
                   [cache](const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) {
                       if (!topLeft.parent().isValid() && changesValues(roles))
                           cache->invalidateRows(topLeft.row(), bottomRight.row());
                   })
        << connect(source, &QAbstractItemModel::modelReset, this,
                   [this, cache] {
                       cache->clear();
                       startWarmUp();
                   })
        << connect(source, &QAbstractItemModel::layoutChanged, this, clear)
        << connect(source, &QAbstractItemModel::rowsMoved, this, clear)
        << connect(source, &QAbstractItemModel::columnsInserted, this, clear)
        << connect(source, &QAbstractItemModel::columnsRemoved, this, clear)
        << connect(source, &QAbstractItemModel::columnsMoved, this, clear);
}

QString RecordFilterModel::searchText() const
{
    return m_searchText;
}

void RecordFilterModel::setSearchText(const QString &text)
{
    if (text == m_searchText)
        return;
    m_searchText = text;
    const QStringList terms = searchTerms(text);
    if (terms != m_terms) { // "ship " filters like "ship": nothing to do
        // Switching the search on or off changes most rows: rebuilding the mapping in one
        // layout change costs far less than thousands of scattered row inserts or removals.
        // Refining a search changes few rows: those come and go precisely.
        const bool onOrOff = terms.isEmpty() || m_terms.isEmpty();
        m_terms = terms;
        if (onOrOff)
            invalidate();
        else
            invalidateRowsFilter();
    }
    emit searchTextChanged(text);
}

int RecordFilterModel::searchColumn() const
{
    return m_searchColumn;
}

void RecordFilterModel::setSearchColumn(int column)
{
    column = std::max(column, -1);
    if (column == m_searchColumn)
        return;
    m_searchColumn = column;
    if (!m_terms.isEmpty())
        invalidateRowsFilter();
    startWarmUp(); // the texts of another column
    emit searchColumnChanged(column);
}

void RecordFilterModel::startWarmUp()
{
    m_warmRow = 0;
    if (sourceModel() && sourceModel()->rowCount() >= WarmUpRows)
        m_warmUp.start();
    else
        m_warmUp.stop();
}

// One slice of the warm-up: search texts for WarmUpSliceMs, then back to the event loop.
void RecordFilterModel::warmUp()
{
    if (!sourceModel())
        return;
    QElapsedTimer slice;
    slice.start();
    const int rows = sourceModel()->rowCount();
    while (m_warmRow < rows && !slice.hasExpired(WarmUpSliceMs))
        (void)m_cache->searchText(sourceModel(), m_warmRow++, m_searchColumn);
    if (m_warmRow < rows)
        m_warmUp.start();
}

QString RecordFilterModel::pinnedRecord() const
{
    return m_pinned;
}

void RecordFilterModel::setPinnedRecord(const QString &id)
{
    if (id == m_pinned)
        return;
    const QString previous = std::exchange(m_pinned, id);
    if (m_terms.isEmpty() || !sourceModel())
        return;
    // Only when a row must come or go: a full pass over the filter is not free.
    const QModelIndex unpinned = indexOfRecord(previous);
    const bool unpinnedLeaves = unpinned.isValid() && !matches(mapToSource(unpinned).row());
    const bool pinnedComes = !id.isEmpty() && !indexOfRecord(id).isValid();
    if (unpinnedLeaves || pinnedComes)
        invalidateRowsFilter();
}

QModelIndex RecordFilterModel::indexOfRecord(const QString &id, int column) const
{
    if (id.isEmpty() || !sourceModel())
        return {};
    int row = -1;
    if (const auto *records = qobject_cast<const RecordTableModel *>(sourceModel())) {
        row = records->rowOf(id);
    } else {
        const QModelIndexList found =
            sourceModel()->match(sourceModel()->index(0, 0), RecordTableModel::RecordIdRole, id, 1, Qt::MatchExactly);
        row = found.isEmpty() ? -1 : found.constFirst().row();
    }
    return row < 0 ? QModelIndex() : mapFromSource(sourceModel()->index(row, column));
}

QString RecordFilterModel::recordIdAt(int row) const
{
    return index(row, 0).data(RecordTableModel::RecordIdRole).toString();
}

bool RecordFilterModel::lessThan(const QModelIndex &sourceLeft, const QModelIndex &sourceRight) const
{
    const int column = sourceLeft.column();
    const SortKey &left = m_cache->sortKey(sourceModel(), sourceLeft.row(), column);
    const SortKey &right = m_cache->sortKey(sourceModel(), sourceRight.row(), column);
    const bool ascending = sortOrder() == Qt::AscendingOrder;
    // A descending sort asks lessThan(right, left): to keep empty values and the source's
    // order of equal values the same in both orders, answer for the order asked.
    if (left.isNull() != right.isNull())
        return left.isNull() != ascending;
    const int order = left.isNull() ? 0 : left.compare(right);
    if (order != 0)
        return order < 0;
    return ascending ? sourceLeft.row() < sourceRight.row() : sourceLeft.row() > sourceRight.row();
}

bool RecordFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || m_terms.isEmpty())
        return true;
    return matches(sourceRow) || isPinned(sourceRow);
}

bool RecordFilterModel::matches(int sourceRow) const
{
    const QString &text = m_cache->searchText(sourceModel(), sourceRow, m_searchColumn);
    return std::all_of(m_terms.cbegin(), m_terms.cend(), [&text](const QString &term) { return text.contains(term); });
}

bool RecordFilterModel::isPinned(int sourceRow) const
{
    return !m_pinned.isEmpty()
        && sourceModel()->index(sourceRow, 0).data(RecordTableModel::RecordIdRole).toString() == m_pinned;
}

} // namespace Etagere
