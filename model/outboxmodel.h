#pragma once

#include "recordstate.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace Etagere {

class SyncEngine;

/// The outbox: every record of a SyncEngine with an edit the server has not acknowledged
/// (RecordState::dirty, which includes deletions not yet confirmed), one row each, in the
/// order they became pending. Columns: the record (its title), the collection, the kind of
/// change (create, update, delete; "in conflict" when it waits for the user) and the fields
/// it changes compared with the server's copy (the base).
///
/// Follows the engine's signals precisely: a record that becomes pending is appended
/// (beginInsertRows), one that is acknowledged, discarded or removed goes
/// (beginRemoveRows), one that changes while pending emits dataChanged for its row. A
/// reloaded collection is compared row by row. Never resets.
///
/// Does not own the engine. Lives in the engine's thread.
class OutboxModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { RecordColumn, CollectionColumn, ChangeColumn, FieldsColumn, ColumnCount };
    Q_ENUM(Column)

    enum class Kind { Create, Update, Delete };
    Q_ENUM(Kind)

    enum Role {
        CollectionRole = Qt::UserRole + 1, ///< QString: the collection's name
        RecordIdRole,                      ///< QString: the record's id
        KindRole,                          ///< OutboxModel::Kind
        ChangedFieldsRole,                 ///< QStringList: field names changed against the base
        ConflictRole,                      ///< bool: the record has an unresolved conflict
    };
    Q_ENUM(Role)

    explicit OutboxModel(SyncEngine *engine, QObject *parent = nullptr);
    ~OutboxModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// Row of record `id` in `collection`, or -1.
    [[nodiscard]] int rowOf(const QString &collection, const QString &id) const;

    [[nodiscard]] static Kind kindOf(const RecordState &state);
    /// The fields `state` changes on the server: every field set (not null) for a create,
    /// none for a delete, those that differ from the base for an update. Sorted by name.
    [[nodiscard]] static QStringList changedFields(const RecordState &state);

private:
    void refresh(const QString &collection, const QString &id);
    void refreshCollection(const QString &collection);
    void refreshAll();
    void dropRow(int row);
    [[nodiscard]] QVariant displayText(const RecordState &state, int column) const;

    QPointer<SyncEngine> m_engine;
    QList<RecordState> m_pending;
};

} // namespace Etagere
