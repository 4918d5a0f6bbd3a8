#include "csvexportjob.h"

#include "csvvalues.h"
#include "csvwriter.h"
#include "modellogging_p.h"
#include "record.h"
#include "syncengine.h"

#include <QElapsedTimer>
#include <QSaveFile>
#include <QTimer>

namespace Etagere {

namespace {

/// How long one slice may write before the event loop gets its turn.
constexpr qint64 SliceMs = 15;

} // namespace

CsvExportJob::CsvExportJob(SyncEngine *engine, const QString &collection, const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_collection(collection)
    , m_filePath(filePath)
{
    Q_ASSERT(engine);
}

CsvExportJob::~CsvExportJob() = default;

void CsvExportJob::setWriteBom(bool writeBom) { m_writeBom = writeBom; }
QString CsvExportJob::collection() const { return m_collection; }
QString CsvExportJob::filePath() const { return m_filePath; }
bool CsvExportJob::isFinished() const { return m_finished; }
CsvExportJob::Error CsvExportJob::error() const { return m_error; }
QString CsvExportJob::errorString() const { return m_errorString; }
int CsvExportJob::total() const { return int(m_records.size()); }
int CsvExportJob::written() const { return m_written; }

void CsvExportJob::start()
{
    Q_ASSERT(!m_started);
    m_started = true;
    const std::optional<CollectionSchema> schema = m_engine ? m_engine->collection(m_collection) : std::nullopt;
    if (!schema) {
        QTimer::singleShot(0, this, [this] { finish(Error::UnknownCollection, tr("There is no collection \"%1\"").arg(m_collection)); });
        return;
    }
    m_schema = *schema;
    m_records = m_engine->records(m_collection);
    m_records.removeIf([](const RecordState &record) { return record.deletedLocally; });
    m_file = std::make_unique<QSaveFile>(m_filePath);
    if (!m_file->open(QIODevice::WriteOnly)) {
        const QString reason = m_file->errorString();
        QTimer::singleShot(0, this, [this, reason] { finish(Error::File, tr("Cannot write %1: %2").arg(m_filePath, reason)); });
        return;
    }
    m_writer = std::make_unique<CsvWriter>(m_file.get());
    m_writer->setWriteBom(m_writeBom);
    if (!writeHeader())
        return;
    QTimer::singleShot(0, this, &CsvExportJob::writeSlice);
}

void CsvExportJob::cancel()
{
    if (m_finished)
        return;
    finish(Error::Cancelled, tr("The export was cancelled; %1 was left as it was").arg(m_filePath));
}

bool CsvExportJob::writeHeader()
{
    CsvRow header{CsvField{csvIdColumn(m_schema), false}};
    for (const FieldSchema &field : std::as_const(m_schema.fields))
        header.append(CsvField{field.name, false});
    if (m_writer->writeRow(header))
        return true;
    const QString reason = m_writer->errorString();
    QTimer::singleShot(0, this, [this, reason] { finish(Error::File, tr("Cannot write %1: %2").arg(m_filePath, reason)); });
    return false;
}

bool CsvExportJob::writeRecord(const RecordState &record)
{
    CsvRow row{CsvField{record.id, false}};
    for (const FieldSchema &field : std::as_const(m_schema.fields))
        row.append(toCsvField(field, fieldValue(record.local, field.name)));
    return m_writer->writeRow(row);
}

void CsvExportJob::writeSlice()
{
    if (m_finished)
        return;
    QElapsedTimer slice;
    slice.start();
    while (m_written < m_records.size() && !slice.hasExpired(SliceMs)) {
        if (!writeRecord(m_records.at(m_written))) {
            finish(Error::File, tr("Cannot write %1: %2").arg(m_filePath, m_writer->errorString()));
            return;
        }
        ++m_written;
    }
    Q_EMIT progressChanged(m_written, total());
    if (m_written < m_records.size()) {
        QTimer::singleShot(0, this, &CsvExportJob::writeSlice);
        return;
    }
    if (!m_file->commit()) {
        finish(Error::File, tr("Cannot save %1: %2").arg(m_filePath, m_file->errorString()));
        return;
    }
    qCInfo(lcModel) << "exported" << m_written << "records of" << m_collection << "to" << m_filePath;
    finish(Error::None);
}

void CsvExportJob::finish(Error error, const QString &message)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_errorString = message;
    if (m_file && error != Error::None)
        m_file->cancelWriting(); // the file stays as it was
    m_writer.reset();
    m_file.reset();
    Q_EMIT finished(this);
}

} // namespace Etagere
