#pragma once

#include "collectionschema.h"
#include "recordstate.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QSaveFile;

namespace Etagere {

class CsvWriter;
class SyncEngine;

/// Writes every record of one collection to a CSV file (CsvWriter, csvvalues.h): a header
/// with the record-id column (csvIdColumn()) and the field names in schema order, then one
/// record per row, ordered by id, with the values the user sees (pending edits included;
/// records being deleted left out), each written losslessly.
///
/// The records are taken when start() is called; the file is written in slices from the
/// event loop (progressChanged() after each), so that a big collection never freezes the
/// window. The file is replaced atomically (QSaveFile): after a failure or cancel() it is as
/// it was before. finished() comes exactly once, also after cancel(); the job does not
/// delete itself. Lives in the engine's thread; does not own the engine.
class CsvExportJob : public QObject
{
    Q_OBJECT

public:
    enum class Error {
        None,
        UnknownCollection, ///< the engine does not know the collection
        File,              ///< the file cannot be opened, written or saved
        Cancelled,         ///< cancel() was called; the file is unchanged
    };
    Q_ENUM(Error)

    CsvExportJob(SyncEngine *engine, const QString &collection, const QString &filePath, QObject *parent = nullptr);
    ~CsvExportJob() override;

    /// Writes a UTF-8 byte order mark first (for spreadsheet programs). Before start().
    void setWriteBom(bool writeBom);
    /// Starts writing; the first slice runs from the event loop. Call once.
    void start();
    /// Stops and leaves the file as it was; finished() follows with Error::Cancelled.
    void cancel();

    [[nodiscard]] QString collection() const;
    [[nodiscard]] QString filePath() const;
    [[nodiscard]] bool isFinished() const;
    [[nodiscard]] Error error() const;
    /// For people; empty without error.
    [[nodiscard]] QString errorString() const;
    /// Records to write, and written so far.
    [[nodiscard]] int total() const;
    [[nodiscard]] int written() const;

Q_SIGNALS:
    void progressChanged(int written, int total);
    void finished(Etagere::CsvExportJob *job);

private:
    void writeSlice();
    [[nodiscard]] bool writeHeader();
    [[nodiscard]] bool writeRecord(const RecordState &record);
    void finish(Error error, const QString &message = {});

    QPointer<SyncEngine> m_engine;
    QString m_collection;
    QString m_filePath;
    CollectionSchema m_schema;
    QList<RecordState> m_records;
    std::unique_ptr<QSaveFile> m_file;
    std::unique_ptr<CsvWriter> m_writer;
    int m_written = 0;
    bool m_writeBom = false;
    bool m_started = false;
    bool m_finished = false;
    Error m_error = Error::None;
    QString m_errorString;
};

} // namespace Etagere
