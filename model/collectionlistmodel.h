#pragma once

#include "collectionschema.h"

#include <QAbstractListModel>
#include <QPointer>

namespace Etagere {

class SyncEngine;

/// The collections a SyncEngine knows, one row each, in the engine's order (by name).
/// Follows SyncEngine::collectionsChanged precisely: rows are inserted, removed, moved
/// and updated by comparing names, never reset.
///
/// Does not own the engine; the engine must outlive the model or be destroyed with it.
/// Lives in the engine's thread.
class CollectionListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        NameRole = Qt::UserRole + 1, ///< QString: the collection's name (its identifier)
        FieldCountRole,              ///< int: number of fields in its schema
    };
    Q_ENUM(Role)

    explicit CollectionListModel(SyncEngine *engine, QObject *parent = nullptr);
    ~CollectionListModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// Name of the collection in `row`, empty when out of range.
    [[nodiscard]] QString nameAt(int row) const;
    /// Row of the collection called `name`, or -1.
    [[nodiscard]] int rowOf(const QString &name) const;

private:
    void synchronize();
    void removeMissing(const QList<CollectionSchema> &wanted);
    void placeAt(int row, const CollectionSchema &schema);

    QPointer<SyncEngine> m_engine;
    QList<CollectionSchema> m_collections;
};

} // namespace Etagere
