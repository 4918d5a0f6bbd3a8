#pragma once

#include <QSortFilterProxyModel>
#include <QTimer>

#include <memory>

namespace Etagere {

/// Sorts and filters a RecordTableModel (or any model with its roles) for a view, and stays
/// correct while the source changes live (dynamicSortFilter): a record whose sorted value
/// changes moves (layoutChanged, so selections and open editors follow it), one that starts
/// or stops matching the search appears or disappears (precise row inserts and removals).
///
/// Sorting is typed, from the source's EditRole: integers and numbers by value, dates and
/// date-times in time order, booleans false before true, text with the locale's collation
/// (case-insensitive, digits by value: "Task 2" before "Task 10"), and empty values (null)
/// last in both orders. Equal values keep the source's order (by record id), so the order
/// is the same however it was reached.
///
/// The search is case- and accent-insensitive: every word of searchText() must occur in the
/// record's text (all columns, or searchColumn()), as shown (numbers and dates as formatted)
/// or, for text fields, in full.
///
/// The pinned record (the one being edited) is never filtered out, so an edit never loses
/// its row under the user's hands; once unpinned it is filtered like any other.
///
/// Sort keys and search texts are computed once per source row and kept until that row
/// changes, so sorting or searching a large collection calls the source's data() once per
/// cell, not once per comparison. For a large source (WarmUpRows rows or more) the search
/// texts are computed ahead, a slice at a time while the event loop is idle, so that the
/// first search does not compute them all at once. Lives in the thread of its source (it
/// uses its event loop); no Widgets.
class RecordFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY searchTextChanged)
    Q_PROPERTY(int searchColumn READ searchColumn WRITE setSearchColumn NOTIFY searchColumnChanged)

public:
    static constexpr int WarmUpRows = 2000;
    static constexpr int WarmUpSliceMs = 8;

    explicit RecordFilterModel(QObject *parent = nullptr);
    ~RecordFilterModel() override;

    void setSourceModel(QAbstractItemModel *sourceModel) override;

    [[nodiscard]] QString searchText() const;
    /// Filters on the words of `text`; empty shows every record.
    void setSearchText(const QString &text);
    /// The column searched, or -1 (the default) for every column.
    [[nodiscard]] int searchColumn() const;
    void setSearchColumn(int column);

    /// The id of the record kept visible whatever the search; empty for none.
    [[nodiscard]] QString pinnedRecord() const;
    void setPinnedRecord(const QString &id);

    /// The proxy index of the record `id` in `column`; invalid when it is filtered out or unknown.
    [[nodiscard]] QModelIndex indexOfRecord(const QString &id, int column = 0) const;
    /// The id of the record in proxy `row`; empty when out of range.
    [[nodiscard]] QString recordIdAt(int row) const;

Q_SIGNALS:
    void searchTextChanged(const QString &text);
    void searchColumnChanged(int column);

protected:
    [[nodiscard]] bool lessThan(const QModelIndex &sourceLeft, const QModelIndex &sourceRight) const override;
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void connectCache(QAbstractItemModel *source);
    void startWarmUp();
    void warmUp();
    [[nodiscard]] bool matches(int sourceRow) const;
    [[nodiscard]] bool isPinned(int sourceRow) const;

    class Cache;
    std::unique_ptr<Cache> m_cache;
    QString m_searchText;
    QStringList m_terms; ///< the folded words of m_searchText
    int m_searchColumn = -1;
    QString m_pinned;
    QList<QMetaObject::Connection> m_sourceConnections;
    QTimer m_warmUp;
    int m_warmRow = 0; ///< the next row whose search text the warm-up computes
};

} // namespace Etagere
