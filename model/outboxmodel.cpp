#include "outboxmodel.h"

#include "record.h"
#include "recordtitle.h"
#include "syncengine.h"

#include <QSet>

namespace Etagere {

OutboxModel::OutboxModel(SyncEngine *engine, QObject *parent)
    : QAbstractTableModel(parent)
    , m_engine(engine)
{
    Q_ASSERT(engine);
    for (const CollectionSchema &schema : engine->collections()) {
        const QList<RecordState> records = engine->records(schema.name);
        for (const RecordState &state : records) {
            if (state.dirty)
                m_pending.append(state);
        }
    }
    const auto refreshOne = [this](const QString &collection, const QString &id) { refresh(collection, id); };
    connect(engine, &SyncEngine::recordInserted, this, refreshOne);
    connect(engine, &SyncEngine::recordChanged, this, refreshOne);
    connect(engine, &SyncEngine::recordRemoved, this, refreshOne);
    connect(engine, &SyncEngine::conflictAdded, this,
            [this](const Conflict &conflict) { refresh(conflict.collection, conflict.id); });
    connect(engine, &SyncEngine::conflictRemoved, this, refreshOne);
    connect(engine, &SyncEngine::collectionReloaded, this, &OutboxModel::refreshCollection);
    connect(engine, &SyncEngine::collectionsChanged, this, &OutboxModel::refreshAll);
}

OutboxModel::~OutboxModel() = default;

int OutboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_pending.size());
}

int OutboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OutboxModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RecordState &state = m_pending.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(state, index.column());
    case Qt::ToolTipRole:
        return tr("%1 in %2: %3").arg(displayText(state, RecordColumn).toString(),
                                      displayText(state, CollectionColumn).toString(),
                                      displayText(state, ChangeColumn).toString());
    case CollectionRole:
        return state.collection;
    case RecordIdRole:
        return state.id;
    case KindRole:
        return QVariant::fromValue(kindOf(state));
    case ChangedFieldsRole:
        return changedFields(state);
    case ConflictRole:
        return m_engine && m_engine->conflict(state.collection, state.id).has_value();
    default:
        return {};
    }
}

QVariant OutboxModel::displayText(const RecordState &state, int column) const
{
    const std::optional<CollectionSchema> schema = m_engine ? m_engine->collection(state.collection) : std::nullopt;
    const CollectionSchema known = schema.value_or(CollectionSchema());
    switch (column) {
    case RecordColumn:
        return recordTitle(known, state.id, state.local, state.base);
    case CollectionColumn:
        return known.title.isEmpty() ? state.collection : known.title;
    case ChangeColumn: {
        const Kind kind = kindOf(state);
        const QString what = kind == Kind::Create ? tr("New record")
                             : kind == Kind::Delete ? tr("Deletion")
                                                    : tr("Change");
        const bool conflicted = m_engine && m_engine->conflict(state.collection, state.id).has_value();
        return conflicted ? tr("%1 (in conflict)").arg(what) : what;
    }
    case FieldsColumn:
        return fieldTitles(known, changedFields(state));
    default:
        return {};
    }
}

QVariant OutboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case RecordColumn:
        return tr("Record");
    case CollectionColumn:
        return tr("Collection");
    case ChangeColumn:
        return tr("Change");
    case FieldsColumn:
        return tr("Fields");
    default:
        return {};
    }
}

QHash<int, QByteArray> OutboxModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(CollectionRole, "collection");
    names.insert(RecordIdRole, "recordId");
    names.insert(KindRole, "kind");
    names.insert(ChangedFieldsRole, "changedFields");
    names.insert(ConflictRole, "conflict");
    return names;
}

int OutboxModel::rowOf(const QString &collection, const QString &id) const
{
    for (int row = 0; row < m_pending.size(); ++row) {
        if (m_pending.at(row).collection == collection && m_pending.at(row).id == id)
            return row;
    }
    return -1;
}

OutboxModel::Kind OutboxModel::kindOf(const RecordState &state)
{
    if (state.deletedLocally)
        return Kind::Delete;
    return state.isOnServer() ? Kind::Update : Kind::Create;
}

QStringList OutboxModel::changedFields(const RecordState &state)
{
    QStringList fields;
    switch (kindOf(state)) {
    case Kind::Delete:
        return fields;
    case Kind::Create:
        for (auto it = state.local.begin(); it != state.local.end(); ++it) {
            if (!it.value().isNull())
                fields << it.key();
        }
        break;
    case Kind::Update: {
        QSet<QString> names;
        for (auto it = state.local.begin(); it != state.local.end(); ++it)
            names.insert(it.key());
        for (auto it = state.base.begin(); it != state.base.end(); ++it)
            names.insert(it.key());
        for (const QString &name : std::as_const(names)) {
            if (fieldValue(state.local, name) != fieldValue(state.base, name))
                fields << name;
        }
        break;
    }
    }
    fields.sort();
    return fields;
}

void OutboxModel::refresh(const QString &collection, const QString &id)
{
    const std::optional<RecordState> state = m_engine ? m_engine->record(collection, id) : std::nullopt;
    const bool pending = state && state->dirty;
    const int row = rowOf(collection, id);
    if (!pending) {
        if (row >= 0)
            dropRow(row);
        return;
    }
    if (row < 0) {
        const int end = int(m_pending.size());
        beginInsertRows({}, end, end);
        m_pending.append(*state);
        endInsertRows();
        return;
    }
    m_pending[row] = *state;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void OutboxModel::refreshCollection(const QString &collection)
{
    // A reload replaced the collection as a whole: rows of it that are no longer pending
    // go, the others are updated, and pending records not listed yet are appended.
    for (int row = int(m_pending.size()) - 1; row >= 0; --row) {
        if (m_pending.at(row).collection == collection)
            refresh(collection, m_pending.at(row).id);
    }
    if (!m_engine)
        return;
    const QStringList pending = m_engine->pendingIds(collection);
    for (const QString &id : pending) {
        if (rowOf(collection, id) < 0)
            refresh(collection, id);
    }
}

void OutboxModel::refreshAll()
{
    // A collection may have gone, or its title changed.
    QSet<QString> collections;
    for (const RecordState &state : std::as_const(m_pending))
        collections.insert(state.collection);
    for (const QString &collection : std::as_const(collections))
        refreshCollection(collection);
}

void OutboxModel::dropRow(int row)
{
    beginRemoveRows({}, row, row);
    m_pending.removeAt(row);
    endRemoveRows();
}

} // namespace Etagere
