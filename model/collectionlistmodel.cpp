#include "collectionlistmodel.h"

#include "modellogging_p.h"
#include "syncengine.h"

namespace Etagere {

namespace {

bool containsName(const QList<CollectionSchema> &list, const QString &name)
{
    return std::any_of(list.cbegin(), list.cend(), [&](const CollectionSchema &c) { return c.name == name; });
}

} // namespace

CollectionListModel::CollectionListModel(SyncEngine *engine, QObject *parent)
    : QAbstractListModel(parent)
    , m_engine(engine)
{
    Q_ASSERT(engine);
    m_collections = engine->collections();
    connect(engine, &SyncEngine::collectionsChanged, this, &CollectionListModel::synchronize);
}

CollectionListModel::~CollectionListModel() = default;

int CollectionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_collections.size());
}

QVariant CollectionListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CollectionSchema &c = m_collections.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return c.title.isEmpty() ? c.name : c.title;
    case Qt::ToolTipRole:
        return tr("%1 (fields: %n)", nullptr, int(c.fields.size())).arg(c.name);
    case NameRole:
        return c.name;
    case FieldCountRole:
        return int(c.fields.size());
    default:
        return {};
    }
}

QHash<int, QByteArray> CollectionListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(FieldCountRole, "fieldCount");
    return names;
}

QString CollectionListModel::nameAt(int row) const
{
    return row >= 0 && row < m_collections.size() ? m_collections.at(row).name : QString();
}

int CollectionListModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_collections.size(); ++row) {
        if (m_collections.at(row).name == name)
            return row;
    }
    return -1;
}

// Brings m_collections to the engine's list with the smallest visible steps: first the
// rows whose name is gone are removed, then each wanted entry is put at its place by
// updating, moving or inserting a row. Afterwards both lists are equal.
void CollectionListModel::synchronize()
{
    if (!m_engine)
        return;
    const QList<CollectionSchema> wanted = m_engine->collections();
    removeMissing(wanted);
    for (int row = 0; row < wanted.size(); ++row)
        placeAt(row, wanted.at(row));
    Q_ASSERT(m_collections == wanted);
}

void CollectionListModel::removeMissing(const QList<CollectionSchema> &wanted)
{
    for (int row = int(m_collections.size()) - 1; row >= 0; --row) {
        if (containsName(wanted, m_collections.at(row).name))
            continue;
        qCDebug(lcModel) << "collection gone:" << m_collections.at(row).name;
        beginRemoveRows({}, row, row);
        m_collections.removeAt(row);
        endRemoveRows();
    }
}

void CollectionListModel::placeAt(int row, const CollectionSchema &schema)
{
    if (row < m_collections.size() && m_collections.at(row).name == schema.name) {
        // Only title and fields show; the sequence number changes with every record change.
        const bool visible = m_collections.at(row).title != schema.title || m_collections.at(row).fields != schema.fields;
        m_collections[row] = schema;
        if (visible)
            emit dataChanged(index(row), index(row));
        return;
    }
    const int from = rowOf(schema.name);
    if (from > row) { // known further down: move it up (destination is before `from`)
        beginMoveRows({}, from, from, {}, row);
        m_collections.move(from, row);
        endMoveRows();
        placeAt(row, schema); // now at its place; update its content if needed
        return;
    }
    qCDebug(lcModel) << "collection new:" << schema.name;
    beginInsertRows({}, row, row);
    m_collections.insert(row, schema);
    endInsertRows();
}

} // namespace Etagere
