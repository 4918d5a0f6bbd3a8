#include "fielddefinitionmodel.h"

#include "identifiers.h"

#include <QColor>
#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

constexpr FieldType AllTypes[] = {FieldType::String, FieldType::Text,     FieldType::Integer, FieldType::Number,
                                  FieldType::Boolean, FieldType::Date, FieldType::DateTime, FieldType::Enum};

/// The background of a cell with a problem: a light red that dark text reads well on.
const QColor ProblemBackground(0xfd, 0xe2, 0xe1);

} // namespace

FieldDefinitionModel::FieldDefinitionModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

FieldDefinitionModel::~FieldDefinitionModel() = default;

QList<FieldType> FieldDefinitionModel::types()
{
    return {std::begin(AllTypes), std::end(AllTypes)};
}

QString FieldDefinitionModel::typeLabel(FieldType type)
{
    switch (type) {
    case FieldType::String: return tr("One line of text");
    case FieldType::Text: return tr("Text (several lines)");
    case FieldType::Integer: return tr("Whole number");
    case FieldType::Number: return tr("Number");
    case FieldType::Boolean: return tr("Yes or no");
    case FieldType::Date: return tr("Date");
    case FieldType::DateTime: return tr("Date and time");
    case FieldType::Enum: return tr("Choice");
    }
    return {};
}

int FieldDefinitionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FieldDefinitionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FieldDefinitionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Name");
    case TitleColumn: return tr("Title");
    case TypeColumn: return tr("Type");
    case RequiredColumn: return tr("Required");
    case ValuesColumn: return tr("Choices");
    default: return {};
    }
}

Qt::ItemFlags FieldDefinitionModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    const Qt::ItemFlags base = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    switch (index.column()) {
    case RequiredColumn: return base | Qt::ItemIsUserCheckable;
    case ValuesColumn: return base;
    default: return base | Qt::ItemIsEditable;
    }
}

QVariant FieldDefinitionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case Qt::EditRole:
        return editData(row, index.column());
    case Qt::CheckStateRole:
        if (index.column() != RequiredColumn)
            return {};
        return row.field.required ? Qt::Checked : Qt::Unchecked;
    case ProblemRole:
        return problem(index.row(), index.column());
    case Qt::ToolTipRole: {
        const QString text = problem(index.row(), index.column());
        if (!text.isEmpty() || index.column() != TypeColumn)
            return text.isEmpty() ? QVariant() : QVariant(text);
        return tr("Stored as \"%1\"").arg(fieldTypeName(row.field.type));
    }
    case Qt::BackgroundRole:
        return problem(index.row(), index.column()).isEmpty() ? QVariant() : QVariant(ProblemBackground);
    case Qt::ForegroundRole:
        return problem(index.row(), index.column()).isEmpty() ? QVariant() : QVariant(QColor(Qt::black));
    default:
        return {};
    }
}

QVariant FieldDefinitionModel::displayData(const Row &row, int column) const
{
    switch (column) {
    case NameColumn: return row.field.name;
    case TitleColumn: return row.field.title;
    case TypeColumn: return typeLabel(row.field.type);
    case ValuesColumn: return row.field.type == FieldType::Enum ? row.values.join(u", "_s) : QString();
    default: return {};
    }
}

QVariant FieldDefinitionModel::editData(const Row &row, int column) const
{
    switch (column) {
    case NameColumn: return row.field.name;
    case TitleColumn: return row.field.title;
    case TypeColumn: return fieldTypeName(row.field.type);
    case ValuesColumn: return row.values;
    default: return {};
    }
}

bool FieldDefinitionModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Row &row = m_rows[index.row()];
    const Row before = row;
    if (!setCell(row, index.column(), value, role))
        return false;
    const bool typeChanged = row.field.type != before.field.type;
    row.serverProblem.clear(); // the user changed the row: the server's word no longer applies
    const Checked checked = check(); // before any signal: listeners see the new state whole
    const int lastColumn = typeChanged || !before.serverProblem.isEmpty() ? ColumnCount - 1 : index.column();
    Q_EMIT dataChanged(index.siblingAtColumn(typeChanged ? 0 : index.column()), index.siblingAtColumn(lastColumn));
    announce(checked);
    return true;
}

// Changes one property of `row`; false when `value` is not one for that cell and role.
bool FieldDefinitionModel::setCell(Row &row, int column, const QVariant &value, int role)
{
    if (column == RequiredColumn) {
        if (role != Qt::CheckStateRole)
            return false;
        row.field.required = value.value<Qt::CheckState>() == Qt::Checked;
        return true;
    }
    if (role != Qt::EditRole)
        return false;
    switch (column) {
    case NameColumn:
        row.field.name = value.toString().trimmed();
        return true;
    case TitleColumn:
        row.field.title = value.toString();
        return true;
    case TypeColumn: {
        const std::optional<FieldType> type = fieldTypeFromName(value.toString());
        if (type)
            row.field.type = *type;
        return type.has_value();
    }
    case ValuesColumn:
        if (row.field.type != FieldType::Enum || value.metaType() != QMetaType::fromType<QStringList>())
            return false;
        row.values = value.toStringList();
        return true;
    default:
        return false;
    }
}

QString FieldDefinitionModel::freshName() const
{
    QSet<QString> used;
    for (const Row &row : m_rows)
        used.insert(row.field.name);
    for (int n = int(m_rows.size()) + 1;; ++n) {
        const QString name = u"field_%1"_s.arg(n);
        if (!used.contains(name))
            return name;
    }
}

bool FieldDefinitionModel::insertRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || row > m_rows.size() || count < 1)
        return false;
    beginInsertRows(parent, row, row + count - 1);
    for (int i = 0; i < count; ++i) {
        Row added;
        added.field.name = freshName();
        added.field.title = tr("Field %1").arg(added.field.name.mid(6));
        m_rows.insert(row + i, added);
    }
    Checked checked = check();
    endInsertRows();
    checked.rows.removeIf([&](int changed) { return changed >= row && changed < row + count; }); // new anyway
    announce(checked);
    return true;
}

bool FieldDefinitionModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count < 1 || row + count > m_rows.size())
        return false;
    beginRemoveRows(parent, row, row + count - 1);
    m_rows.remove(row, count);
    const Checked checked = check();
    endRemoveRows();
    announce(checked);
    return true;
}

bool FieldDefinitionModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                                    const QModelIndex &destinationParent, int destinationChild)
{
    if (sourceParent.isValid() || destinationParent.isValid() || count < 1 || sourceRow < 0
        || sourceRow + count > m_rows.size() || destinationChild < 0 || destinationChild > m_rows.size())
        return false;
    if (!beginMoveRows(sourceParent, sourceRow, sourceRow + count - 1, destinationParent, destinationChild))
        return false; // a move into itself
    for (int i = 0; i < count; ++i) {
        if (destinationChild > sourceRow)
            m_rows.move(sourceRow, destinationChild - 1);
        else
            m_rows.move(sourceRow + i, destinationChild + i);
    }
    endMoveRows();
    return true; // the same rows, in another order: their problems stay as they were
}

void FieldDefinitionModel::setFields(const QList<FieldSchema> &fields)
{
    beginResetModel(); // on purpose: a whole new list
    m_rows.clear();
    for (const FieldSchema &field : fields) {
        Row row;
        row.field = field;
        row.values = field.values;
        row.field.values.clear();
        m_rows.append(row);
    }
    const Checked checked = check();
    endResetModel();
    if (checked.validityChanged)
        Q_EMIT validityChanged(m_valid);
}

QList<FieldSchema> FieldDefinitionModel::fields() const
{
    QList<FieldSchema> result;
    for (const Row &row : m_rows) {
        FieldSchema field = row.field;
        field.title = field.title.trimmed();
        if (field.type == FieldType::Enum)
            field.values = row.values;
        result.append(field);
    }
    return result;
}

int FieldDefinitionModel::appendField()
{
    const int row = int(m_rows.size());
    insertRows(row, 1);
    return row;
}

bool FieldDefinitionModel::isValid() const
{
    return m_valid;
}

QString FieldDefinitionModel::problem(int row, int column) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    const Row &r = m_rows.at(row);
    switch (column) {
    case -1:
        return !r.nameProblem.isEmpty() ? r.nameProblem : !r.valuesProblem.isEmpty() ? r.valuesProblem : r.serverProblem;
    case NameColumn:
        return !r.nameProblem.isEmpty() ? r.nameProblem : r.serverProblem;
    case ValuesColumn:
        return r.valuesProblem;
    default:
        return {};
    }
}

int FieldDefinitionModel::firstProblemRow() const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (!problem(row).isEmpty())
            return row;
    }
    return -1;
}

int FieldDefinitionModel::setServerProblem(const QString &fieldName, const QString &detail)
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).field.name != fieldName)
            continue;
        m_rows[row].serverProblem = detail;
        const Checked checked = check();
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        announce(checked);
        return row;
    }
    return -1;
}

QString FieldDefinitionModel::nameProblemOf(qsizetype row, const QHash<QString, int> &uses) const
{
    const QString &name = m_rows.at(row).field.name;
    if (name.isEmpty())
        return tr("The field needs a name");
    if (!isValidFieldName(name))
        return tr("\"%1\" is not a valid field name: use a to z, 0 to 9 and _, starting with a letter "
                  "(at most 64 characters)").arg(name);
    if (uses.value(name) > 1)
        return tr("Another field is called \"%1\"").arg(name);
    return {};
}

QString FieldDefinitionModel::valuesProblemOf(const Row &row)
{
    if (row.field.type != FieldType::Enum)
        return {};
    if (row.values.isEmpty())
        return tr("A choice needs at least one value");
    QSet<QString> seen;
    for (const QString &value : row.values) {
        if (value.isEmpty())
            return tr("A value of a choice cannot be empty");
        if (seen.contains(value))
            return tr("\"%1\" is listed twice").arg(value);
        seen.insert(value);
    }
    return {};
}

// Checks every row again (a name clash involves two rows) and updates the validity,
// without a signal: see announce().
FieldDefinitionModel::Checked FieldDefinitionModel::check()
{
    QHash<QString, int> uses;
    for (const Row &row : std::as_const(m_rows))
        ++uses[row.field.name];
    Checked checked;
    bool valid = !m_rows.isEmpty();
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        Row &row = m_rows[i];
        const QString name = nameProblemOf(i, uses);
        const QString values = valuesProblemOf(row);
        valid = valid && name.isEmpty() && values.isEmpty() && row.serverProblem.isEmpty();
        if (name == row.nameProblem && values == row.valuesProblem)
            continue;
        row.nameProblem = name;
        row.valuesProblem = values;
        checked.rows.append(int(i));
    }
    checked.validityChanged = std::exchange(m_valid, valid) != valid;
    return checked;
}

// Signals what check() found: the rows whose problems changed, then the validity.
void FieldDefinitionModel::announce(const Checked &checked)
{
    for (const int row : checked.rows)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    if (checked.validityChanged)
        Q_EMIT validityChanged(m_valid);
}

} // namespace Etagere
