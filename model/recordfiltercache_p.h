#pragma once

// RecordFilterModel's per-row cache of sort keys and search texts (see recordfiltercache.cpp).

#include "recordfiltermodel.h"

#include <QCollator>
#include <QCollatorSortKey>

#include <optional>
#include <vector>

namespace Etagere {

/// A value reduced to what sorting compares: numbers (and dates, date-times and booleans
/// as numbers), collation keys of text, or nothing (null, or blank text).
struct SortKey
{
    enum class Kind : quint8 { Number, Text, Null }; ///< also the order between kinds

    Kind kind = Kind::Null;
    bool integral = true;
    qint64 integer = 0;
    double real = 0;
    std::optional<QCollatorSortKey> text;

    [[nodiscard]] bool isNull() const { return kind == Kind::Null; }
    /// Negative, zero or positive as this sorts before, with or after `other` (neither null).
    [[nodiscard]] int compare(const SortKey &other) const;
};

/// Folds text for searching: decomposed, without accents, case-folded.
[[nodiscard]] QString foldForSearch(const QString &text);

/// Per source row (top level only): the sort key of one column and the search text of one
/// column or of all, computed on first use. Either list is empty (nothing computed yet) or
/// exactly as long as the source has rows; the proxy keeps it so from the source's signals,
/// which it receives before QSortFilterProxyModel does.
class RecordFilterModel::Cache
{
public:
    Cache();

    void clear();
    void insertRows(int first, int count);
    void removeRows(int first, int count);
    /// Forgets what was computed for rows first..last (their values changed).
    void invalidateRows(int first, int last);

    [[nodiscard]] const SortKey &sortKey(const QAbstractItemModel *source, int row, int column);
    /// The folded text of `column` of `row`, or of every column when `column` is -1.
    [[nodiscard]] const QString &searchText(const QAbstractItemModel *source, int row, int column);

private:
    [[nodiscard]] SortKey makeSortKey(const QVariant &value) const;

    QCollator m_collator;
    int m_keyColumn = -1;
    std::vector<std::optional<SortKey>> m_keys;
    int m_textColumn = -2;
    std::vector<std::optional<QString>> m_texts;
};

} // namespace Etagere
