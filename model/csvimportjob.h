#pragma once

#include "collectionschema.h"
#include "conflict.h"
#include "connectionstate.h"
#include "csvfield.h"
#include "syncengine.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <memory>

class QFile;

namespace Etagere {

class CsvImportParser;
class CsvReader;

/// A line of the file that was refused, and why.
struct CsvImportProblem
{
    qint64 line = 0; ///< the physical line in the file (1-based)
    QString reason;

    friend bool operator==(const CsvImportProblem &, const CsvImportProblem &) = default;
};

/// A record read from the file, checked and ready to be created.
struct CsvImportRow
{
    qint64 line = 0; ///< the physical line it starts on
    QString id;      ///< from the id column, or a new one
    QJsonObject data;
};

/// Imports a CSV file into one collection, all or nothing.
///
/// 1. Reading: the file is read as a stream (CsvReader) in slices from the event loop. Its
///    header maps columns to fields by name (csvvalues.h says how values are written); an
///    unknown or repeated column, or a required field without a column, refuses the file.
///    An id column (csvIdColumn()) gives the records their ids, else each gets a new one.
///    Every record is checked against the schema, its id against the file and the records
///    the engine knows, before anything is written. When one is refused, the job finishes
///    with Error::Refused and problems() lists each refused line with its reason (the first
///    MaxProblems of them); nothing was written.
/// 2. Writing: the records are created through the engine (createRecordsWithIds(), the
///    batch form of createRecordWithId(): the journal keeps each one, and its
///    `If-None-Match: *` write is replayed exactly once), at most window() of them waiting
///    for the server at a time, in batches of half a window or more (one journal commit
///    each). The job succeeds when the server has acknowledged every one.
/// 3. Rolling back, after cancel() while writing, or when the server or the journal refuses
///    a record: what was created is taken back: a creation not yet sent is discarded, a
///    record the server has is deleted (again at most window() at a time). When the server
///    cannot be reached, the deletions wait in the journal (the Outbox) and go out later;
///    leftPending() counts them.
///
/// finished() comes exactly once; the job does not delete itself. Lives in the engine's
/// thread; does not own the engine, which must outlive it.
class CsvImportJob : public QObject
{
    Q_OBJECT

public:
    enum class Phase { Idle, Reading, Writing, RollingBack, Finished };
    Q_ENUM(Phase)

    enum class Error {
        None,
        UnknownCollection, ///< the engine does not know the collection
        File,              ///< the file cannot be opened or read
        Malformed,         ///< not CSV, or not UTF-8: problems() has the line
        Header,            ///< the header does not fit the collection: problems() says how
        Refused,           ///< records the schema refuses: problems(); nothing was written
        WriteFailed,       ///< the server or the journal refused a record; the others were taken back
        Cancelled,         ///< cancel(); what was written was taken back
    };
    Q_ENUM(Error)

    static constexpr int MaxProblems = 100;
    static constexpr int DefaultWindow = 16;

    CsvImportJob(SyncEngine *engine, const QString &collection, const QString &filePath, QObject *parent = nullptr);
    ~CsvImportJob() override;

    /// How many creations (or deletions) may wait for the server at once. Before start().
    void setWindow(int records);
    [[nodiscard]] int window() const;

    /// Starts reading; the first slice runs from the event loop. Call once.
    void start();
    /// Stops. While reading: nothing was written, finished() follows at once. While writing:
    /// rolls back first. Later: nothing.
    void cancel();

    [[nodiscard]] QString collection() const;
    [[nodiscard]] QString filePath() const;
    [[nodiscard]] Phase phase() const;
    [[nodiscard]] bool isFinished() const;
    [[nodiscard]] Error error() const;
    /// For people; empty without error.
    [[nodiscard]] QString errorString() const;
    /// The refused lines (Malformed, Header, Refused, WriteFailed), at most MaxProblems.
    [[nodiscard]] QList<CsvImportProblem> problems() const;
    /// Records refused while reading (may exceed problems().size()).
    [[nodiscard]] int refusedCount() const;
    /// Records read and accepted.
    [[nodiscard]] int recordCount() const;
    /// Records the server acknowledged.
    [[nodiscard]] int imported() const;
    /// After a rollback: records taken back, and records whose deletion still waits for the
    /// server (or was refused by it).
    [[nodiscard]] int removed() const;
    [[nodiscard]] int leftPending() const;

Q_SIGNALS:
    void phaseChanged(Etagere::CsvImportJob::Phase phase);
    /// Reading: bytes of the file; Writing: records on the server; RollingBack: records taken back.
    void progressChanged(qint64 done, qint64 total);
    void finished(Etagere::CsvImportJob *job);

private:
    // csvimportjob.cpp: reading
    void readSlice();
    [[nodiscard]] bool readHeader(const CsvRow &header);
    void readRecord(const CsvRow &row);
    void refuse(qint64 line, const QString &reason);
    void endReading();
    // csvimportjob_writes.cpp: writing and rolling back
    void connectEngine();
    void writeSlice();
    [[nodiscard]] bool createBatch(const QList<CsvImportRow> &batch);
    void onRecordSeen(const QString &collection, const QString &id);
    void onRecordRemoved(const QString &collection, const QString &id);
    void onWriteFailed(const QString &collection, const QString &id, const QString &message);
    void onConflict(const Conflict &conflict);
    void failWriting(qint64 line, const QString &reason);
    void startRollback(Error error, const QString &message);
    void rollbackSlice();
    void scheduleRollbackSlice();
    void takeBack(const QString &id);
    void rollbackDone(const QString &id, bool removed);
    void checkRollbackEnd();
    void setPhase(Phase phase);
    void finish(Error error, const QString &message = {});

    QPointer<SyncEngine> m_engine;
    QString m_collection;
    QString m_filePath;
    CollectionSchema m_schema;
    int m_window = DefaultWindow;
    Phase m_phase = Phase::Idle;
    Error m_error = Error::None;
    QString m_errorString;

    std::unique_ptr<QFile> m_file;
    std::unique_ptr<CsvReader> m_reader;
    std::unique_ptr<CsvImportParser> m_parser;
    bool m_headerRead = false;
    QList<CsvImportProblem> m_problems;
    int m_refused = 0;
    QList<CsvImportRow> m_rows;
    QHash<QString, qint64> m_lineOfId;

    qsizetype m_next = 0;           ///< the next row to create
    QSet<QString> m_waiting;        ///< created, not yet on the server (or, rolling back: not yet gone)
    QList<QString> m_created;       ///< every id created, in order
    int m_imported = 0;
    Error m_rollbackReason = Error::None;
    QString m_rollbackMessage;
    qsizetype m_rollbackNext = 0;
    bool m_rollbackScheduled = false;
    int m_removed = 0;
    int m_leftPending = 0;
};

} // namespace Etagere
