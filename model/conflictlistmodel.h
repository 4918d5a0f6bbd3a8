#pragma once

#include "conflict.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace Etagere {

class SyncEngine;

/// Every unresolved conflict of a SyncEngine, one row each, oldest first, for the
/// Conflicts panel. Columns: the record (its title), the collection, what clashed (the
/// fields both sides changed, or who deleted it) and who made the server's version.
///
/// Follows SyncEngine::conflictAdded/conflictRemoved precisely with begin/endInsertRows
/// and begin/endRemoveRows; a conflict replaced by a newer version of the same record
/// (removed, then added) moves to the end. Never resets.
///
/// Does not own the engine. Lives in the engine's thread.
class ConflictListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { RecordColumn, CollectionColumn, WhatColumn, AuthorColumn, ColumnCount };
    Q_ENUM(Column)

    /// Which kind of clash a row is.
    enum class Kind {
        Edits,          ///< both sides changed the record
        TheyDeleted,    ///< the server deleted what I edited (hasTheirs false)
        IDeleted,       ///< I deleted what they edited (hasMine false)
    };
    Q_ENUM(Kind)

    enum Role {
        CollectionRole = Qt::UserRole + 1, ///< QString: the collection's name
        RecordIdRole,                      ///< QString: the record's id
        KindRole,                          ///< ConflictListModel::Kind
        FieldsRole,                        ///< QStringList: the fields both sides changed
    };
    Q_ENUM(Role)

    explicit ConflictListModel(SyncEngine *engine, QObject *parent = nullptr);
    ~ConflictListModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// Row of the conflict of record `id` in `collection`, or -1.
    [[nodiscard]] int rowOf(const QString &collection, const QString &id) const;
    /// The conflict in `row`; Q_ASSERTs the row is valid.
    [[nodiscard]] const Conflict &conflictAt(int row) const;

    [[nodiscard]] static Kind kindOf(const Conflict &conflict);

private:
    void add(const Conflict &conflict);
    void remove(const QString &collection, const QString &id);
    void collectionsChanged();
    [[nodiscard]] QString whatText(const Conflict &conflict) const;
    [[nodiscard]] QVariant displayText(const Conflict &conflict, int column) const;

    QPointer<SyncEngine> m_engine;
    QList<Conflict> m_conflicts;
};

} // namespace Etagere
