#include "recordfiltercache_p.h"

#include <QDate>
#include <QDateTime>

namespace Etagere {

namespace {

template<typename T>
int threeWay(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

/// Inserts `count` unset entries at `first`, or leaves an empty (never filled) list alone.
template<typename T>
void insertUnset(std::vector<std::optional<T>> *list, int first, int count)
{
    if (!list->empty())
        list->insert(list->begin() + first, size_t(count), std::nullopt);
}

template<typename T>
void removeEntries(std::vector<std::optional<T>> *list, int first, int count)
{
    if (!list->empty())
        list->erase(list->begin() + first, list->begin() + first + count);
}

/// Makes `list` as long as the source has rows when it was never filled.
template<typename T>
void sizeFor(std::vector<std::optional<T>> *list, const QAbstractItemModel *source)
{
    if (list->empty()) {
        list->resize(size_t(source->rowCount()));
        return;
    }
    Q_ASSERT(list->size() == size_t(source->rowCount()));
}

SortKey numberKey(qint64 integer)
{
    SortKey key;
    key.kind = SortKey::Kind::Number;
    key.integer = integer;
    key.real = double(integer);
    return key;
}

SortKey realKey(double real)
{
    SortKey key;
    key.kind = SortKey::Kind::Number;
    key.integral = false;
    key.real = real;
    return key;
}

/// What a search finds in a cell: the whole text of a string, else the text shown.
QString cellSearchText(const QModelIndex &cell)
{
    const QVariant edit = cell.data(Qt::EditRole);
    if (edit.metaType() == QMetaType::fromType<QString>())
        return edit.toString();
    return cell.data(Qt::DisplayRole).toString();
}

} // namespace

int SortKey::compare(const SortKey &other) const
{
    Q_ASSERT(!isNull() && !other.isNull());
    if (kind != other.kind)
        return kind < other.kind ? -1 : 1;
    if (kind == Kind::Text)
        return text->compare(*other.text);
    if (integral && other.integral)
        return threeWay(integer, other.integer);
    return threeWay(real, other.real);
}

QString foldForSearch(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            folded.append(c);
    }
    return folded.toCaseFolded();
}

RecordFilterModel::Cache::Cache()
{
    // The C locale's collation is a plain comparison of code points, case and digits
    // included: there, sort as in English.
    if (QLocale().language() == QLocale::C)
        m_collator.setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    m_collator.setNumericMode(true);
}

void RecordFilterModel::Cache::clear()
{
    m_keys.clear();
    m_texts.clear();
}

void RecordFilterModel::Cache::insertRows(int first, int count)
{
    insertUnset(&m_keys, first, count);
    insertUnset(&m_texts, first, count);
}

void RecordFilterModel::Cache::removeRows(int first, int count)
{
    removeEntries(&m_keys, first, count);
    removeEntries(&m_texts, first, count);
}

void RecordFilterModel::Cache::invalidateRows(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        if (size_t(row) < m_keys.size())
            m_keys[size_t(row)].reset();
        if (size_t(row) < m_texts.size())
            m_texts[size_t(row)].reset();
    }
}

const SortKey &RecordFilterModel::Cache::sortKey(const QAbstractItemModel *source, int row, int column)
{
    // The hot path of sorting: called twice per comparison.
    if (column == m_keyColumn && size_t(row) < m_keys.size() && m_keys[size_t(row)].has_value())
        return *m_keys[size_t(row)];
    if (column != m_keyColumn) {
        m_keys.clear();
        m_keyColumn = column;
    }
    sizeFor(&m_keys, source);
    std::optional<SortKey> &key = m_keys[size_t(row)];
    if (!key)
        key = makeSortKey(source->index(row, column).data(Qt::EditRole));
    return *key;
}

const QString &RecordFilterModel::Cache::searchText(const QAbstractItemModel *source, int row, int column)
{
    if (column == m_textColumn && size_t(row) < m_texts.size() && m_texts[size_t(row)].has_value())
        return *m_texts[size_t(row)];
    if (column != m_textColumn) {
        m_texts.clear();
        m_textColumn = column;
    }
    sizeFor(&m_texts, source);
    std::optional<QString> &text = m_texts[size_t(row)];
    if (!text) {
        QStringList cells;
        const int first = column < 0 ? 0 : column;
        const int last = column < 0 ? source->columnCount() - 1 : column;
        for (int c = first; c <= last; ++c)
            cells << cellSearchText(source->index(row, c));
        text = foldForSearch(cells.join(u'\n'));
    }
    return *text;
}

SortKey RecordFilterModel::Cache::makeSortKey(const QVariant &value) const
{
    if (!value.isValid() || value.isNull())
        return {};
    switch (value.metaType().id()) {
    case QMetaType::Bool:
        return numberKey(value.toBool() ? 1 : 0);
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
        return numberKey(value.toLongLong());
    case QMetaType::ULongLong:
    case QMetaType::Double:
    case QMetaType::Float:
        return realKey(value.toDouble());
    case QMetaType::QDate:
        return numberKey(value.toDate().toJulianDay());
    case QMetaType::QDateTime:
        return numberKey(value.toDateTime().toMSecsSinceEpoch());
    default:
        break;
    }
    const QString text = value.toString();
    if (text.trimmed().isEmpty())
        return {}; // blank text sorts with the empty values
    SortKey key;
    key.kind = SortKey::Kind::Text;
    key.text = m_collator.sortKey(text);
    return key;
}

} // namespace Etagere
