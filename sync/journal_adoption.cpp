// Journal::adoptOrphanedSlots(): the pending edits of another slot nobody holds come here.
#include "journal.h"

#include "journallocation.h"
#include "journalsql_p.h"

#include "synclogging_p.h"

#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Etagere {

using namespace JournalSql;

namespace {

bool isPending(const RecordState &state)
{
    return state.dirty || state.deletedLocally || !state.isOnServer();
}

// The journal file and SQLite's companions; the lock file goes when its owner unlocks.
// The -wal first: a crash half-way must not leave a stale log next to a later new file.
bool removeJournalFiles(const QString &path)
{
    bool removed = true;
    for (const QString &file : {path + u"-wal"_s, path + u"-shm"_s, path}) {
        if (QFileInfo::exists(file) && !QFile::remove(file))
            removed = false;
    }
    return removed;
}

} // namespace

QStringList Journal::keptJournals() const
{
    return m_keptJournals;
}

int Journal::adoptOrphanedSlots(int maxSlots)
{
    m_keptJournals.clear();
    if (!isOpen()) {
        m_errorString = Journal::tr("the journal is not open");
        return -1;
    }
    int adopted = 0;
    for (int slot = 1; slot <= maxSlots; ++slot) {
        const QString path = JournalLocation::slotPath(m_basePath, slot);
        if (slot == m_slot || !QFileInfo::exists(path))
            continue;
        const int count = adoptSlot(path);
        if (count < 0)
            return -1;
        adopted += count;
    }
    return adopted;
}

// One other slot: locked (or left alone), its pending records written here, then removed.
int Journal::adoptSlot(const QString &path)
{
    Journal other;
    if (!other.open(path)) {
        if (!other.isLockedElsewhere()) // held: a running program's own; else unreadable
            keep(path, other.errorString());
        return 0;
    }
    QList<RecordState> pending;
    if (!other.readPending(&pending)) {
        keep(path, other.errorString());
        return 0;
    }
    const std::optional<QList<RecordState>> records = adoptable(pending, path);
    if (!records)
        return 0;
    if (!storeAdopted(*records, missingSchemas(other, *records)))
        return -1; // nothing removed: the next run adopts it
    other.closeDatabase(); // the lock stays until the files are gone
    if (!removeJournalFiles(path))
        keep(path, Journal::tr("cannot remove it"));
    qCInfo(lcSync).noquote() << "journal" << m_path << "adopted" << records->size() << "pending records of" << path;
    return int(records->size());
}

// The records of `pending` to write here (those already here in the same state are not),
// or nullopt when one of them is pending here in another version: then both are kept.
std::optional<QList<RecordState>> Journal::adoptable(const QList<RecordState> &pending, const QString &path)
{
    QList<RecordState> records;
    for (const RecordState &state : pending) {
        const std::optional<RecordState> mine = record(state.collection, state.id);
        if (mine && *mine == state)
            continue;
        if (mine && isPending(*mine)) {
            keep(path, Journal::tr("record %1 of %2 is pending in both journals, in different versions").arg(
                           state.id, state.collection));
            return std::nullopt;
        }
        records.append(state);
    }
    return records;
}

// Schemas `other` knows of the collections of `records` that this journal does not know,
// so that adopted edits show before the server is reached.
QList<CollectionSchema> Journal::missingSchemas(const Journal &other, const QList<RecordState> &records) const
{
    QSet<QString> known;
    for (const CollectionSchema &schema : collections())
        known.insert(schema.name);
    QSet<QString> needed;
    for (const RecordState &state : records)
        needed.insert(state.collection);
    QList<CollectionSchema> missing;
    for (const CollectionSchema &schema : other.collections()) {
        if (needed.contains(schema.name) && !known.contains(schema.name))
            missing.append(schema);
    }
    return missing;
}

void Journal::keep(const QString &path, const QString &why)
{
    qCWarning(lcSync).noquote() << "journal" << path << "kept with its pending edits:" << why;
    m_keptJournals.append(path);
}

bool Journal::readPending(QList<RecordState> *pending)
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    QString error;
    if (!run(query, SelectPending, {}, &error))
        return fail(Journal::tr("cannot read the journal %1: %2").arg(m_path, error));
    while (query.next()) {
        std::optional<RecordState> state = recordFromRow(query);
        if (!state)
            return fail(Journal::tr("the journal %1 is damaged: bad data in record %2").arg(m_path, query.value(1).toString()));
        pending->append(std::move(*state));
    }
    return true;
}

bool Journal::storeAdopted(const QList<RecordState> &records, const QList<CollectionSchema> &schemas)
{
    if (!begin())
        return false;
    QSqlQuery query(database());
    QString error;
    for (const CollectionSchema &schema : schemas) {
        if (!run(query, u"INSERT OR IGNORE INTO collections (name, schema) VALUES (?, ?)"_s,
                 {schema.name, toText(schema.toJson())}, &error))
            return rollback(Journal::tr("cannot store the collection %1: %2").arg(schema.name, error));
    }
    if (!putRecords(query, records, &error))
        return rollback(Journal::tr("cannot store the adopted edits: %1").arg(error));
    if (!commit())
        return false;
    QList<CollectionSchema> collections = m_cache.collections();
    collections.append(schemas);
    bool cached = m_cache.setCollections(collections);
    for (const RecordState &state : records)
        cached = m_cache.apply(StoreBatch{state.collection, {state}, {}, std::nullopt}) && cached;
    return cached;
}

// --- transactions ---------------------------------------------------------------------------

} // namespace Etagere
