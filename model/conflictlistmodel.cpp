#include "conflictlistmodel.h"

#include "recordtitle.h"
#include "syncengine.h"

using namespace Qt::StringLiterals;

namespace Etagere {

ConflictListModel::ConflictListModel(SyncEngine *engine, QObject *parent)
    : QAbstractTableModel(parent)
    , m_engine(engine)
{
    Q_ASSERT(engine);
    m_conflicts = engine->conflicts();
    connect(engine, &SyncEngine::conflictAdded, this, &ConflictListModel::add);
    connect(engine, &SyncEngine::conflictRemoved, this, &ConflictListModel::remove);
    connect(engine, &SyncEngine::collectionsChanged, this, &ConflictListModel::collectionsChanged);
}

ConflictListModel::~ConflictListModel() = default;

int ConflictListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_conflicts.size());
}

int ConflictListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConflictListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Conflict &conflict = m_conflicts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(conflict, index.column());
    case Qt::ToolTipRole:
        return tr("%1 in %2: %3 (%4)")
            .arg(displayText(conflict, RecordColumn).toString(), displayText(conflict, CollectionColumn).toString(),
                 whatText(conflict), displayText(conflict, AuthorColumn).toString());
    case CollectionRole:
        return conflict.collection;
    case RecordIdRole:
        return conflict.id;
    case KindRole:
        return QVariant::fromValue(kindOf(conflict));
    case FieldsRole:
        return conflict.conflictingFields;
    default:
        return {};
    }
}

QVariant ConflictListModel::displayText(const Conflict &conflict, int column) const
{
    const std::optional<CollectionSchema> schema = m_engine ? m_engine->collection(conflict.collection) : std::nullopt;
    switch (column) {
    case RecordColumn:
        return recordTitle(schema.value_or(CollectionSchema()), conflict.id,
                           conflict.hasMine ? conflict.mine : conflict.theirs, conflict.base);
    case CollectionColumn:
        return schema && !schema->title.isEmpty() ? schema->title : conflict.collection;
    case WhatColumn:
        return whatText(conflict);
    case AuthorColumn:
        return conflict.theirsAuthor.isEmpty() ? tr("someone") : conflict.theirsAuthor;
    default:
        return {};
    }
}

QString ConflictListModel::whatText(const Conflict &conflict) const
{
    switch (kindOf(conflict)) {
    case Kind::TheyDeleted:
        return conflict.hasMine ? tr("Deleted on the server, edited by you") : tr("Deleted on both sides");
    case Kind::IDeleted:
        return tr("Deleted by you, edited on the server");
    case Kind::Edits:
        break;
    }
    const std::optional<CollectionSchema> schema = m_engine ? m_engine->collection(conflict.collection) : std::nullopt;
    const QString fields = fieldTitles(schema.value_or(CollectionSchema()), conflict.conflictingFields);
    return fields.isEmpty() ? tr("Both edited") : tr("Both edited: %1").arg(fields);
}

QVariant ConflictListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case RecordColumn:
        return tr("Record");
    case CollectionColumn:
        return tr("Collection");
    case WhatColumn:
        return tr("Conflict");
    case AuthorColumn:
        return tr("Changed by");
    default:
        return {};
    }
}

QHash<int, QByteArray> ConflictListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(CollectionRole, "collection");
    names.insert(RecordIdRole, "recordId");
    names.insert(KindRole, "kind");
    names.insert(FieldsRole, "fields");
    return names;
}

int ConflictListModel::rowOf(const QString &collection, const QString &id) const
{
    for (int row = 0; row < m_conflicts.size(); ++row) {
        if (m_conflicts.at(row).collection == collection && m_conflicts.at(row).id == id)
            return row;
    }
    return -1;
}

const Conflict &ConflictListModel::conflictAt(int row) const
{
    Q_ASSERT(row >= 0 && row < m_conflicts.size());
    return m_conflicts.at(row);
}

ConflictListModel::Kind ConflictListModel::kindOf(const Conflict &conflict)
{
    if (!conflict.hasTheirs)
        return Kind::TheyDeleted;
    return conflict.hasMine ? Kind::Edits : Kind::IDeleted;
}

void ConflictListModel::add(const Conflict &conflict)
{
    if (const int row = rowOf(conflict.collection, conflict.id); row >= 0) { // the engine replaced it
        m_conflicts[row] = conflict;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    const int row = int(m_conflicts.size());
    beginInsertRows({}, row, row);
    m_conflicts.append(conflict);
    endInsertRows();
}

void ConflictListModel::remove(const QString &collection, const QString &id)
{
    const int row = rowOf(collection, id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_conflicts.removeAt(row);
    endRemoveRows();
}

void ConflictListModel::collectionsChanged()
{
    // A collection's title or fields may have changed: the texts of every row may differ.
    if (!m_conflicts.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole, Qt::ToolTipRole});
}

} // namespace Etagere
