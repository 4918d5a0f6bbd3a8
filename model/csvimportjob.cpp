// CsvImportJob: the public API and the reading phase (csvimportjob_writes.cpp: writing and
// rolling back).

#include "csvimportjob.h"

#include "csvimportparser_p.h"
#include "csvreader.h"
#include "modellogging_p.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTimer>

namespace Etagere {

namespace {

/// How long one slice of reading may take before the event loop gets its turn.
constexpr qint64 SliceMs = 15;

} // namespace

CsvImportJob::CsvImportJob(SyncEngine *engine, const QString &collection, const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_collection(collection)
    , m_filePath(filePath)
{
    Q_ASSERT(engine);
}

CsvImportJob::~CsvImportJob() = default;

void CsvImportJob::setWindow(int records)
{
    Q_ASSERT(records > 0 && m_phase == Phase::Idle);
    m_window = records;
}

int CsvImportJob::window() const { return m_window; }
QString CsvImportJob::collection() const { return m_collection; }
QString CsvImportJob::filePath() const { return m_filePath; }
CsvImportJob::Phase CsvImportJob::phase() const { return m_phase; }
bool CsvImportJob::isFinished() const { return m_phase == Phase::Finished; }
CsvImportJob::Error CsvImportJob::error() const { return m_error; }
QString CsvImportJob::errorString() const { return m_errorString; }
QList<CsvImportProblem> CsvImportJob::problems() const { return m_problems; }
int CsvImportJob::refusedCount() const { return m_refused; }
int CsvImportJob::recordCount() const { return int(m_rows.size()); }
int CsvImportJob::imported() const { return m_imported; }
int CsvImportJob::removed() const { return m_removed; }
int CsvImportJob::leftPending() const { return m_leftPending; }

void CsvImportJob::start()
{
    Q_ASSERT(m_phase == Phase::Idle);
    setPhase(Phase::Reading);
    const std::optional<CollectionSchema> schema = m_engine ? m_engine->collection(m_collection) : std::nullopt;
    if (!schema) {
        QTimer::singleShot(0, this, [this] { finish(Error::UnknownCollection, tr("There is no collection \"%1\"").arg(m_collection)); });
        return;
    }
    m_schema = *schema;
    m_parser = std::make_unique<CsvImportParser>(m_schema);
    m_file = std::make_unique<QFile>(m_filePath);
    if (!m_file->open(QIODevice::ReadOnly)) {
        const QString reason = m_file->errorString();
        QTimer::singleShot(0, this, [this, reason] { finish(Error::File, tr("Cannot read %1: %2").arg(m_filePath, reason)); });
        return;
    }
    m_reader = std::make_unique<CsvReader>(m_file.get());
    QTimer::singleShot(0, this, &CsvImportJob::readSlice);
}

void CsvImportJob::cancel()
{
    switch (m_phase) {
    case Phase::Idle:
    case Phase::Reading:
        finish(Error::Cancelled, tr("The import was cancelled before anything was written."));
        return;
    case Phase::Writing:
        startRollback(Error::Cancelled, tr("The import was cancelled."));
        return;
    case Phase::RollingBack:
    case Phase::Finished:
        return;
    }
}

void CsvImportJob::readSlice()
{
    if (m_phase != Phase::Reading)
        return;
    if (!m_engine) {
        finish(Error::Cancelled, tr("The import was stopped before anything was written: the engine is gone."));
        return;
    }
    QElapsedTimer slice;
    slice.start();
    CsvRow row;
    while (!slice.hasExpired(SliceMs)) {
        if (!m_reader->readRow(&row)) {
            endReading();
            return;
        }
        if (!m_headerRead) {
            m_headerRead = true;
            if (!readHeader(row))
                return;
        } else {
            readRecord(row);
        }
    }
    Q_EMIT progressChanged(m_reader->bytesRead(), m_file->size());
    QTimer::singleShot(0, this, &CsvImportJob::readSlice);
}

bool CsvImportJob::readHeader(const CsvRow &header)
{
    if (m_parser->setHeader(header, m_reader->lineNumber(), &m_problems))
        return true;
    finish(Error::Header, tr("The columns of %1 do not fit the collection \"%2\"; nothing was written.")
                              .arg(QFileInfo(m_filePath).fileName(), m_collection));
    return false;
}

void CsvImportJob::readRecord(const CsvRow &row)
{
    const qint64 line = m_reader->lineNumber();
    if (row.size() == 1 && row.constFirst().isNull())
        return; // a blank line
    QString reason;
    std::optional<CsvImportRow> record = m_parser->parse(row, line, &reason);
    if (!record) {
        refuse(line, reason);
        return;
    }
    if (const qint64 first = m_lineOfId.value(record->id); first > 0) {
        refuse(line, tr("the id %1 is already used on line %2").arg(record->id).arg(first));
        return;
    }
    m_lineOfId.insert(record->id, line);
    if (m_engine->record(m_collection, record->id)) {
        refuse(line, tr("a record with the id %1 already exists in \"%2\"").arg(record->id, m_collection));
        return;
    }
    if (m_refused == 0) // once one is refused, nothing will be written: stop keeping them
        m_rows.append(std::move(*record));
}

void CsvImportJob::refuse(qint64 line, const QString &reason)
{
    ++m_refused;
    m_rows.clear();
    if (m_problems.size() < MaxProblems)
        m_problems.append({line, reason});
}

void CsvImportJob::endReading()
{
    Q_EMIT progressChanged(m_reader->bytesRead(), m_file->size());
    const qint64 line = m_reader->errorLine();
    if (m_reader->error() == CsvReader::Error::Read) {
        finish(Error::File, m_reader->errorString());
        return;
    }
    if (m_reader->error() != CsvReader::Error::None) {
        m_problems.append({line, m_reader->errorReason()});
        finish(Error::Malformed, tr("%1 is not a CSV file Etagere can read; nothing was written.")
                                     .arg(QFileInfo(m_filePath).fileName()));
        return;
    }
    if (!m_headerRead) {
        finish(Error::Header, tr("%1 is empty: it needs at least a header line naming the columns").arg(m_filePath));
        return;
    }
    if (m_refused > 0) {
        finish(Error::Refused, tr("%n records cannot be imported; nothing was written.", nullptr, m_refused));
        return;
    }
    m_reader.reset();
    m_file.reset();
    qCInfo(lcModel) << "import into" << m_collection << ":" << m_rows.size() << "records read from" << m_filePath;
    setPhase(Phase::Writing);
    connectEngine();
    writeSlice();
}

void CsvImportJob::setPhase(Phase phase)
{
    if (m_phase == phase)
        return;
    m_phase = phase;
    Q_EMIT phaseChanged(phase);
}

void CsvImportJob::finish(Error error, const QString &message)
{
    if (m_phase == Phase::Finished)
        return;
    m_error = error;
    m_errorString = message;
    m_reader.reset();
    m_file.reset();
    if (m_engine)
        disconnect(m_engine, nullptr, this, nullptr);
    qCInfo(lcModel) << "import into" << m_collection << "finished:" << error << message;
    setPhase(Phase::Finished);
    Q_EMIT finished(this);
}

} // namespace Etagere
