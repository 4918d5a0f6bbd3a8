#pragma once

#include "collectionschema.h"
#include "fieldedit.h"
#include "presenceentry.h"
#include "recordstate.h"
#include "syncengine.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QSet>

namespace Etagere {

class PresenceTracker;
class RecordHistory;
class RemoteChangeTracker;

/// One collection of a SyncEngine as a table: a row per record, ordered by id like the
/// engine, a column per schema field (header: the field's title).
///
/// Roles: EditRole gives the typed value (FieldSchema::toVariant: QString, qint64, double,
/// bool, QDate, QDateTime in UTC), DisplayRole a formatted text (none for booleans, which
/// use CheckStateRole), plus the custom roles below. setData(EditRole, or CheckStateRole on
/// a boolean column) asks the engine (SyncEngine::setField); setData(FieldEditRole) with a
/// FieldEdit does the same through SyncEngine::setFieldFrom, which turns an edit begun
/// before a remote change of that cell into a conflict. When the engine refuses, setData
/// returns false, nothing changes and editRejected() tells why. The cells of a record with
/// an open conflict, or deleted locally, are not editable (flags()).
///
/// The model follows the engine precisely: a changed record emits dataChanged for exactly
/// the cells whose value changed (and a separate, role-limited dataChanged when only its
/// state such as pending or conflict changed); inserts and removals use begin/endInsertRows
/// and begin/endRemoveRows at the sorted position. It resets only when the collection is
/// (re)loaded as a whole or its schema changes.
///
/// Live cues: PresenceRole lists who else views or edits each record (from
/// SyncEngine::presenceChanged, across collections, so a switch of collection shows them at
/// once); a change of it emits dataChanged for that row only, with PresenceRole and
/// ToolTipRole. A cell somebody else changed has RemoteChangeRole for
/// remoteHighlightDuration(), with RemoteAuthorRole (who) and RemoteChangeStrengthRole
/// (full, then fading to 0 over the second half), each step a dataChanged of that cell.
///
/// With a RecordHistory (setHistory()), every edit, insert and removal the engine accepts
/// through this model becomes an undoable step; an edit that became a conflict does not.
///
/// Does not own the engine or the history. Lives in the engine's thread.
class RecordTableModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_PROPERTY(QString collection READ collection WRITE setCollection NOTIFY collectionChanged)

public:
    enum Role {
        RecordIdRole = Qt::UserRole + 1, ///< QString: the record's id
        PendingRole,        ///< bool: this cell's value is not yet acknowledged by the server
        RecordPendingRole,  ///< bool: the record has edits not yet acknowledged (any cell)
        ConflictRole,       ///< bool: the record has an unresolved conflict
        RemoteChangeRole,   ///< bool: somebody else changed this cell moments ago
        AuthorRole,         ///< QString: who made the server's last change of the record
        DeletedRole,        ///< bool: deleted locally, the deletion not yet confirmed
        FieldNameRole,      ///< QString: the column's field name
        FieldTypeRole,      ///< Etagere::FieldType of the column
        FieldRequiredRole,  ///< bool: the column's field must not be null
        FieldValuesRole,    ///< QStringList: the allowed values of an enum column
        FieldEditRole,      ///< setData only: a FieldEdit (SyncEngine::setFieldFrom)
        PresenceRole,       ///< PresenceList: who else views or edits this record (any column)
        RemoteAuthorRole,   ///< QString: who made the remote change of this cell (while highlighted)
        RemoteChangeStrengthRole, ///< qreal: 1 down to 0 while the highlight fades; 0 when none
    };
    Q_ENUM(Role)

    explicit RecordTableModel(SyncEngine *engine, QObject *parent = nullptr);
    ~RecordTableModel() override;

    /// The collection shown; empty shows nothing. Setting it resets the model.
    [[nodiscard]] QString collection() const;
    void setCollection(const QString &name);
    [[nodiscard]] CollectionSchema schema() const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// Row of the record `id`, or -1.
    [[nodiscard]] int rowOf(const QString &id) const;
    /// Id of the record in `row`, empty when out of range.
    [[nodiscard]] QString idAt(int row) const;

    /// Asks the engine to create a record from `values`, completed with a default for
    /// every required field left out. Returns the new id (its row appears when the
    /// engine reports it), or empty with *error set and editRejected() emitted.
    [[nodiscard]] QString insertRecord(const QJsonObject &values = {}, QString *error = nullptr);
    /// Asks the engine to delete the record in `row`. False when out of range or refused.
    [[nodiscard]] bool removeRecord(int row);

    /// Where accepted edits are recorded for undo; null (the default) records nothing.
    [[nodiscard]] RecordHistory *history() const;
    void setHistory(RecordHistory *history);

    /// How long RemoteChangeRole stays true after a remote change (default 2000 ms).
    [[nodiscard]] int remoteHighlightDuration() const;
    void setRemoteHighlightDuration(int ms);

Q_SIGNALS:
    void collectionChanged(const QString &name);
    /// An edit or insert through this model was refused; `message` says why, for people.
    void editRejected(const QString &message);

private:
    void reload();
    void onCollectionsChanged();
    void onCollectionReloaded(const QString &collection);
    void onConflictChanged(const QString &collection, const QString &id);
    void refreshRecord(const QString &collection, const QString &id, ChangeSource source);
    void insertRow(const RecordState &state, ChangeSource source);
    void removeRow(int row);
    void updateRow(int row, const RecordState &now, ChangeSource source);
    void emitCellsChanged(int row, const QList<int> &columns, const QList<int> &roles = {});
    void markRemoteChange(const QString &id, const QList<int> &columns, const QString &author);
    void onRemoteChangesExpired(const QString &id, const QList<int> &columns);
    void onRemoteChangesFaded(const QString &id, const QList<int> &columns);
    void onPresenceChanged(const QString &collection, const QString &id);

    [[nodiscard]] int lowerBound(const QString &id) const;
    [[nodiscard]] bool isCellPending(const RecordState &state, int column) const;
    [[nodiscard]] QVariant valueData(const RecordState &state, int column, int role) const;
    [[nodiscard]] QVariant stateData(const RecordState &state, int column, int role) const;
    [[nodiscard]] QString toolTip(const RecordState &state, int column) const;
    [[nodiscard]] QJsonObject withDefaults(const QJsonObject &values) const;
    [[nodiscard]] bool writeField(const RecordState &state, const FieldSchema &field, const QJsonValue &value,
                                  const std::optional<QJsonValue> &editedFrom);

    QPointer<SyncEngine> m_engine;
    QString m_collection;
    CollectionSchema m_schema;
    QList<RecordState> m_rows;      ///< sorted by id, like SyncEngine::records()
    QSet<QString> m_conflicts;      ///< ids of records in conflict
    RemoteChangeTracker *m_remoteChanges; ///< owned (child)
    PresenceTracker *m_presence;          ///< owned (child)
    QPointer<RecordHistory> m_history;
};

} // namespace Etagere
