#pragma once

#include "recordstore.h"

#include <QMap>
#include <QMetaType>

namespace Etagere {

/// One write to a RecordStore in a contract scenario.
struct StoreOp
{
    enum class Kind { Apply, SetCollections };
    Kind kind = Kind::Apply;
    StoreBatch batch; ///< Apply
    QList<CollectionSchema> collections; ///< SetCollections

    [[nodiscard]] static StoreOp apply(const StoreBatch &batch);
    [[nodiscard]] static StoreOp setCollections(const QList<CollectionSchema> &collections);
};

/// Everything a RecordStore answers about a set of collections.
struct StoreSnapshot
{
    QList<CollectionSchema> collections;
    QMap<QString, QList<RecordState>> records; ///< collection -> records() (only non-empty ones)
    QMap<QString, qint64> lastSeq;             ///< collection -> lastSeq() (only non-zero ones)

    friend bool operator==(const StoreSnapshot &, const StoreSnapshot &) = default;
};

/// For QCOMPARE: the snapshot as JSON text.
char *toString(const StoreSnapshot &snapshot);

/// The behaviour every RecordStore must show, as one data table shared by the tests of
/// each implementation (tst_memoryrecordstore, tst_journal): a row is a list of writes
/// and the snapshot they must leave. Test code only.
class RecordStoreContract
{
public:
    /// Adds the columns "ops" (QList<StoreOp>) and "expected" (StoreSnapshot) and the rows.
    static void addRows();
    /// Runs the writes in order; false (and stops) at the first one that fails.
    [[nodiscard]] static bool run(RecordStore &store, const QList<StoreOp> &ops);
    /// What `store` answers for every collection the table uses.
    [[nodiscard]] static StoreSnapshot snapshot(const RecordStore &store);
    /// True when record() gives what records() lists, and nothing for an unknown id.
    [[nodiscard]] static bool lookupsAgree(const RecordStore &store);
    /// A clean record of "tasks" on the server, with every field set.
    [[nodiscard]] static RecordState record(const QString &id, const QString &collection = QStringLiteral("tasks"));
};

} // namespace Etagere

Q_DECLARE_METATYPE(Etagere::StoreOp)
Q_DECLARE_METATYPE(Etagere::StoreSnapshot)
Q_DECLARE_METATYPE(QList<Etagere::StoreOp>)
