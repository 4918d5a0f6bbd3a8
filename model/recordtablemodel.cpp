#include "recordtablemodel.h"

#include "fieldformat.h"
#include "modellogging_p.h"
#include "presencetracker_p.h"
#include "record.h"
#include "recordhistory.h"
#include "recordtitle.h"
#include "remotechangetracker_p.h"

#include <QDate>
#include <QDateTime>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

/// Roles whose value depends on the record's state rather than on one cell's value.
const QList<int> kStateRoles = {
    RecordTableModel::PendingRole, RecordTableModel::RecordPendingRole, RecordTableModel::ConflictRole,
    RecordTableModel::AuthorRole,  RecordTableModel::DeletedRole,       Qt::ToolTipRole,
};

/// Roles of a cell's remote-change highlight.
const QList<int> kRemoteChangeRoles = {
    RecordTableModel::RemoteChangeRole,
    RecordTableModel::RemoteAuthorRole,
    RecordTableModel::RemoteChangeStrengthRole,
};

bool sameRecordState(const RecordState &a, const RecordState &b)
{
    return a.dirty == b.dirty && a.deletedLocally == b.deletedLocally && a.isOnServer() == b.isOnServer()
        && a.author == b.author;
}

QJsonValue defaultValue(const FieldSchema &field)
{
    switch (field.type) {
    case FieldType::String:
    case FieldType::Text:
        return u""_s;
    case FieldType::Integer:
        return field.fromVariant(qint64(0));
    case FieldType::Number:
        return field.fromVariant(0.0);
    case FieldType::Boolean:
        return false;
    case FieldType::Date:
        return field.fromVariant(QDate::currentDate());
    case FieldType::DateTime:
        return field.fromVariant(QDateTime::currentDateTimeUtc());
    case FieldType::Enum:
        return field.values.isEmpty() ? QJsonValue() : QJsonValue(field.values.constFirst());
    }
    return {};
}

} // namespace

RecordTableModel::RecordTableModel(SyncEngine *engine, QObject *parent)
    : QAbstractTableModel(parent)
    , m_engine(engine)
    , m_remoteChanges(new RemoteChangeTracker(this))
    , m_presence(new PresenceTracker(engine, this))
{
    Q_ASSERT(engine);
    connect(m_remoteChanges, &RemoteChangeTracker::expired, this, &RecordTableModel::onRemoteChangesExpired);
    connect(m_remoteChanges, &RemoteChangeTracker::faded, this, &RecordTableModel::onRemoteChangesFaded);
    connect(m_presence, &PresenceTracker::changed, this, &RecordTableModel::onPresenceChanged);
    connect(engine, &SyncEngine::collectionsChanged, this, &RecordTableModel::onCollectionsChanged);
    connect(engine, &SyncEngine::collectionReloaded, this, &RecordTableModel::onCollectionReloaded);
    connect(engine, &SyncEngine::recordInserted, this, &RecordTableModel::refreshRecord);
    connect(engine, &SyncEngine::recordRemoved, this, &RecordTableModel::refreshRecord);
    connect(engine, &SyncEngine::recordChanged, this,
            [this](const QString &c, const QString &id, const QStringList &, ChangeSource source, const QString &) {
                // The changed cells are computed from the stored and the new local copy,
                // which is exactly what the view shows; the engine's field list says the same.
                refreshRecord(c, id, source);
            });
    connect(engine, &SyncEngine::conflictAdded, this,
            [this](const Conflict &conflict) { onConflictChanged(conflict.collection, conflict.id); });
    connect(engine, &SyncEngine::conflictRemoved, this, &RecordTableModel::onConflictChanged);
}

RecordTableModel::~RecordTableModel() = default;

QString RecordTableModel::collection() const
{
    return m_collection;
}

void RecordTableModel::setCollection(const QString &name)
{
    if (name == m_collection)
        return;
    m_collection = name;
    reload();
    emit collectionChanged(name);
}

CollectionSchema RecordTableModel::schema() const
{
    return m_schema;
}

// A reset on purpose: the whole content (and possibly the columns) is replaced at once,
// on the first load, on a switch of collection, on a schema change and when the engine
// reloads the collection after a reset of the change feed. Every other change is precise.
void RecordTableModel::reload()
{
    beginResetModel();
    m_schema = m_engine ? m_engine->collection(m_collection).value_or(CollectionSchema()) : CollectionSchema();
    m_rows = m_engine && !m_schema.name.isEmpty() ? m_engine->records(m_collection) : QList<RecordState>();
    const auto byId = [](const RecordState &a, const RecordState &b) { return a.id < b.id; };
    if (!std::is_sorted(m_rows.cbegin(), m_rows.cend(), byId)) // the engine's are: no moves for nothing
        std::sort(m_rows.begin(), m_rows.end(), byId);
    m_conflicts.clear();
    const QList<Conflict> conflicts = m_engine ? m_engine->conflicts() : QList<Conflict>();
    for (const Conflict &c : conflicts) {
        if (c.collection == m_collection)
            m_conflicts.insert(c.id);
    }
    m_remoteChanges->clear();
    endResetModel();
    qCDebug(lcModel) << "loaded" << m_collection << m_rows.size() << "records";
}

void RecordTableModel::onCollectionsChanged()
{
    if (!m_engine || m_collection.isEmpty())
        return;
    const std::optional<CollectionSchema> now = m_engine->collection(m_collection);
    const bool existed = !m_schema.name.isEmpty();
    if (now.has_value() != existed || (now && now->fields != m_schema.fields)) {
        reload(); // the columns themselves changed
        return;
    }
    if (now)
        m_schema = *now;
}

void RecordTableModel::onCollectionReloaded(const QString &collection)
{
    if (collection == m_collection)
        reload();
}

void RecordTableModel::onConflictChanged(const QString &collection, const QString &id)
{
    if (collection != m_collection || !m_engine)
        return;
    const bool inConflict = m_engine->conflict(collection, id).has_value();
    if (inConflict == m_conflicts.contains(id))
        return;
    if (inConflict)
        m_conflicts.insert(id);
    else
        m_conflicts.remove(id);
    const int row = rowOf(id);
    if (row >= 0 && columnCount() > 0)
        emit dataChanged(index(row, 0), index(row, columnCount() - 1), kStateRoles);
}

// Brings the row of `id` to the engine's current state: inserts, removes or updates it.
void RecordTableModel::refreshRecord(const QString &collection, const QString &id, ChangeSource source)
{
    if (collection != m_collection || !m_engine || m_schema.name.isEmpty())
        return;
    const std::optional<RecordState> now = m_engine->record(collection, id);
    const int row = rowOf(id);
    if (now && row >= 0)
        updateRow(row, *now, source);
    else if (now)
        insertRow(*now, source);
    else if (row >= 0)
        removeRow(row);
}

void RecordTableModel::insertRow(const RecordState &state, ChangeSource source)
{
    const int row = lowerBound(state.id);
    beginInsertRows({}, row, row);
    m_rows.insert(row, state);
    endInsertRows();
    if (source == ChangeSource::Remote) {
        QList<int> all(columnCount());
        std::iota(all.begin(), all.end(), 0);
        markRemoteChange(state.id, all, state.author);
    }
}

void RecordTableModel::removeRow(int row)
{
    beginRemoveRows({}, row, row);
    const RecordState gone = m_rows.takeAt(row);
    endRemoveRows();
    m_remoteChanges->forget(gone.id);
    m_conflicts.remove(gone.id);
}

void RecordTableModel::updateRow(int row, const RecordState &now, ChangeSource source)
{
    const RecordState old = std::exchange(m_rows[row], now);
    QList<int> changed;
    QList<int> pendingFlipped;
    for (int column = 0; column < columnCount(); ++column) {
        const QString &name = m_schema.fields.at(column).name;
        if (fieldValue(old.local, name) != fieldValue(now.local, name))
            changed.append(column);
        else if (isCellPending(old, column) != isCellPending(now, column))
            pendingFlipped.append(column);
    }
    emitCellsChanged(row, changed);
    if (!sameRecordState(old, now) && columnCount() > 0)
        emit dataChanged(index(row, 0), index(row, columnCount() - 1), kStateRoles);
    else
        emitCellsChanged(row, pendingFlipped, {PendingRole});
    if (source == ChangeSource::Remote)
        markRemoteChange(now.id, changed, now.author);
}

// One dataChanged per cell: the changed cells of a record are rarely adjacent, and a
// view repaints exactly what it is told.
void RecordTableModel::emitCellsChanged(int row, const QList<int> &columns, const QList<int> &roles)
{
    for (int column : columns) {
        const QModelIndex cell = index(row, column);
        emit dataChanged(cell, cell, roles);
    }
}

void RecordTableModel::markRemoteChange(const QString &id, const QList<int> &columns, const QString &author)
{
    if (m_remoteChanges->mark(id, columns, author))
        emitCellsChanged(rowOf(id), columns, kRemoteChangeRoles);
}

void RecordTableModel::onRemoteChangesExpired(const QString &id, const QList<int> &columns)
{
    const int row = rowOf(id);
    if (row >= 0)
        emitCellsChanged(row, columns, kRemoteChangeRoles);
}

void RecordTableModel::onRemoteChangesFaded(const QString &id, const QList<int> &columns)
{
    const int row = rowOf(id);
    if (row >= 0)
        emitCellsChanged(row, columns, {RemoteChangeStrengthRole});
}

void RecordTableModel::onPresenceChanged(const QString &collection, const QString &id)
{
    const int row = collection == m_collection ? rowOf(id) : -1;
    if (row >= 0 && columnCount() > 0)
        emit dataChanged(index(row, 0), index(row, columnCount() - 1), {PresenceRole, Qt::ToolTipRole});
}

int RecordTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RecordTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_schema.fields.size());
}

QVariant RecordTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RecordState &state = m_rows.at(index.row());
    const QVariant value = valueData(state, index.column(), role);
    return value.isValid() ? value : stateData(state, index.column(), role);
}

QVariant RecordTableModel::valueData(const RecordState &state, int column, int role) const
{
    const FieldSchema &field = m_schema.fields.at(column);
    const QJsonValue value = fieldValue(state.local, field.name);
    const bool isBool = field.type == FieldType::Boolean;
    switch (role) {
    case Qt::DisplayRole:
        return isBool ? QVariant() : QVariant(formatFieldValue(field, value, ValueFormat::Cell));
    case Qt::EditRole:
        return field.toVariant(value);
    case Qt::CheckStateRole:
        return isBool ? QVariant(value.toBool() ? Qt::Checked : Qt::Unchecked) : QVariant();
    case Qt::TextAlignmentRole:
        if (field.type == FieldType::Integer || field.type == FieldType::Number)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case FieldNameRole:
        return field.name;
    case FieldTypeRole:
        return QVariant::fromValue(field.type);
    case FieldRequiredRole:
        return field.required;
    case FieldValuesRole:
        return field.values;
    default:
        return {};
    }
}

QVariant RecordTableModel::stateData(const RecordState &state, int column, int role) const
{
    switch (role) {
    case Qt::ToolTipRole:
        return toolTip(state, column);
    case RecordIdRole:
        return state.id;
    case PendingRole:
        return isCellPending(state, column);
    case RecordPendingRole:
        return state.dirty || state.deletedLocally;
    case ConflictRole:
        return m_conflicts.contains(state.id);
    case RemoteChangeRole:
        return m_remoteChanges->contains(state.id, column);
    case RemoteAuthorRole:
        return m_remoteChanges->author(state.id, column);
    case RemoteChangeStrengthRole:
        return m_remoteChanges->strength(state.id, column);
    case PresenceRole:
        return QVariant::fromValue(m_presence->presence(m_collection, state.id));
    case AuthorRole:
        return state.author;
    case DeletedRole:
        return state.deletedLocally;
    default:
        return {};
    }
}

QString RecordTableModel::toolTip(const RecordState &state, int column) const
{
    QStringList lines;
    const FieldSchema &field = m_schema.fields.at(column);
    if (field.type == FieldType::Text)
        lines << formatFieldValue(field, fieldValue(state.local, field.name), ValueFormat::Full);
    if (!state.author.isEmpty())
        lines << tr("Last changed by %1").arg(state.author);
    if (state.deletedLocally)
        lines << tr("Deleted here; waiting for the server to confirm");
    else if (isCellPending(state, column))
        lines << tr("Not yet saved on the server");
    if (m_conflicts.contains(state.id))
        lines << tr("Someone else changed this record too: the conflict needs your decision");
    const PresenceList presence = m_presence->presence(m_collection, state.id);
    for (const PresenceEntry &entry : presence)
        lines << describePresence(entry);
    return lines.join(u'\n');
}

bool RecordTableModel::isCellPending(const RecordState &state, int column) const
{
    if (state.deletedLocally)
        return true;
    if (!state.dirty)
        return false;
    const QString &name = m_schema.fields.at(column).name;
    return !state.isOnServer() || fieldValue(state.local, name) != fieldValue(state.base, name);
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    const FieldSchema &field = m_schema.fields.at(section);
    switch (role) {
    case Qt::DisplayRole:
        return field.title.isEmpty() ? field.name : field.title;
    case Qt::ToolTipRole:
        return field.required ? tr("%1 (%2, required)").arg(field.name, fieldTypeName(field.type))
                              : tr("%1 (%2)").arg(field.name, fieldTypeName(field.type));
    case FieldNameRole:
        return field.name;
    case FieldTypeRole:
        return QVariant::fromValue(field.type);
    default:
        return QAbstractTableModel::headerData(section, orientation, role);
    }
}

Qt::ItemFlags RecordTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    const Qt::ItemFlags base = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    const RecordState &state = m_rows.at(index.row());
    if (state.deletedLocally || m_conflicts.contains(state.id))
        return base; // the engine refuses edits until the conflict is resolved: none may start

    // A boolean is toggled in the cell (check state); every other type opens an editor.
    if (m_schema.fields.at(index.column()).type == FieldType::Boolean)
        return base | Qt::ItemIsUserCheckable;
    return base | Qt::ItemIsEditable;
}

bool RecordTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!m_engine || !index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const FieldSchema &field = m_schema.fields.at(index.column());
    const RecordState &state = m_rows.at(index.row());
    if (role == Qt::CheckStateRole && field.type == FieldType::Boolean)
        return writeField(state, field, value.value<Qt::CheckState>() == Qt::Checked, std::nullopt);
    if (role == Qt::EditRole)
        return writeField(state, field, field.fromVariant(value), std::nullopt);
    if (role == FieldEditRole && value.canConvert<FieldEdit>()) {
        const FieldEdit edit = value.value<FieldEdit>();
        return writeField(state, field, field.fromVariant(edit.to), field.fromVariant(edit.from));
    }
    return false;
}

bool RecordTableModel::writeField(const RecordState &state, const FieldSchema &field, const QJsonValue &value,
                                  const std::optional<QJsonValue> &editedFrom)
{
    if (state.deletedLocally)
        return false;
    const QJsonValue before = fieldValue(state.local, field.name);
    if (before == value)
        return true; // nothing to write
    const QString id = state.id; // `state` is replaced when the engine reports the edit
    const QString title = field.title.isEmpty() ? field.name : field.title;
    QString error;
    const bool written = editedFrom ? m_engine->setFieldFrom(m_collection, id, field.name, *editedFrom, value, &error)
                                    : m_engine->setField(m_collection, id, field.name, value, &error);
    if (!written) {
        qCInfo(lcModel) << "edit refused:" << m_collection << id << field.name << error;
        emit editRejected(tr("%1: %2").arg(title, error));
    } else if (m_history && !m_engine->conflict(m_collection, id)) { // a conflict is decided, not undone
        m_history->fieldEdited(m_collection, id, field.name, title, before, value);
    }
    return written;
}

QHash<int, QByteArray> RecordTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(RecordIdRole, "recordId");
    names.insert(PendingRole, "pending");
    names.insert(RecordPendingRole, "recordPending");
    names.insert(ConflictRole, "conflict");
    names.insert(RemoteChangeRole, "remoteChange");
    names.insert(AuthorRole, "author");
    names.insert(DeletedRole, "deleted");
    names.insert(FieldNameRole, "fieldName");
    names.insert(FieldTypeRole, "fieldType");
    names.insert(FieldRequiredRole, "fieldRequired");
    names.insert(FieldValuesRole, "fieldValues");
    names.insert(PresenceRole, "presence");
    names.insert(RemoteAuthorRole, "remoteAuthor");
    names.insert(RemoteChangeStrengthRole, "remoteChangeStrength");
    return names;
}

int RecordTableModel::lowerBound(const QString &id) const
{
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), id,
                                     [](const RecordState &state, const QString &key) { return state.id < key; });
    return int(std::distance(m_rows.cbegin(), it));
}

int RecordTableModel::rowOf(const QString &id) const
{
    const int row = lowerBound(id);
    return row < m_rows.size() && m_rows.at(row).id == id ? row : -1;
}

QString RecordTableModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QString();
}

QJsonObject RecordTableModel::withDefaults(const QJsonObject &values) const
{
    QJsonObject data = values;
    for (const FieldSchema &field : m_schema.fields) {
        if (field.required && fieldValue(data, field.name).isNull())
            data.insert(field.name, defaultValue(field));
    }
    return data;
}

QString RecordTableModel::insertRecord(const QJsonObject &values, QString *error)
{
    QString why;
    const QJsonObject data = withDefaults(values);
    const QString id = m_engine && !m_schema.name.isEmpty() ? m_engine->createRecord(m_collection, data, &why)
                                                            : QString();
    if (!id.isEmpty() && m_history)
        m_history->recordCreated(m_collection, id, data);
    if (id.isEmpty()) {
        if (why.isEmpty())
            why = tr("No collection is open");
        qCInfo(lcModel) << "insert refused:" << m_collection << why;
        emit editRejected(tr("Cannot add a record: %1").arg(why));
        if (error)
            *error = why;
    }
    return id;
}

bool RecordTableModel::removeRecord(int row)
{
    if (!m_engine || row < 0 || row >= m_rows.size())
        return false;
    const RecordState state = m_rows.at(row); // a copy: the row goes when the engine reports it
    const bool wasDeleted = state.deletedLocally;
    if (!m_engine->deleteRecord(m_collection, state.id))
        return false;
    if (m_history && !wasDeleted)
        m_history->recordDeleted(m_collection, state.id, recordTitle(m_schema, state.id, state.local), state.local);
    return true;
}

RecordHistory *RecordTableModel::history() const
{
    return m_history;
}

void RecordTableModel::setHistory(RecordHistory *history)
{
    m_history = history;
}

int RecordTableModel::remoteHighlightDuration() const
{
    return m_remoteChanges->duration();
}

void RecordTableModel::setRemoteHighlightDuration(int ms)
{
    m_remoteChanges->setDuration(ms);
}

} // namespace Etagere
