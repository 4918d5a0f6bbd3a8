#include "csvreader.h"

#include <QCoreApplication>
#include <QIODevice>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

constexpr qint64 ChunkSize = 64 * 1024;

/// True when `bytes` ends in the first bytes of a UTF-8 sequence whose rest is missing.
bool endsInCutSequence(const QByteArray &bytes)
{
    for (qsizetype back = 1; back <= 4 && back <= bytes.size(); ++back) {
        const auto byte = static_cast<unsigned char>(bytes.at(bytes.size() - back));
        if ((byte & 0xC0) == 0x80)
            continue; // a continuation byte: look further back for its lead
        const qsizetype needed = (byte & 0xE0) == 0xC0 ? 2 : (byte & 0xF0) == 0xE0 ? 3 : (byte & 0xF8) == 0xF0 ? 4 : 1;
        return back < needed;
    }
    return false;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("Etagere::CsvReader", text);
}

} // namespace

CsvReader::CsvReader(QIODevice *device)
    : m_device(device)
    , m_decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInvalidToNull) // a BOM is skipped
{
    Q_ASSERT(device && device->isReadable());
}

qint64 CsvReader::lineNumber() const { return m_rowLine; }
qint64 CsvReader::bytesRead() const { return m_bytesRead; }
CsvReader::Error CsvReader::error() const { return m_error; }
QString CsvReader::errorString() const
{
    return m_error == Error::None ? QString() : tr("line %1: %2").arg(m_errorLine).arg(m_errorReason);
}

QString CsvReader::errorReason() const { return m_errorReason; }
qint64 CsvReader::errorLine() const { return m_errorLine; }

bool CsvReader::fail(Error error, qint64 line, const QString &message)
{
    m_error = error;
    m_errorLine = line;
    m_errorReason = message;
    return false;
}

// Decodes the next chunk into the buffer; false at the end of the input or on an error.
bool CsvReader::fill()
{
    while (!m_atEnd && m_error == Error::None) {
        const QByteArray chunk = m_device->read(ChunkSize);
        if (chunk.isEmpty()) {
            m_atEnd = true;
            if (!m_device->atEnd())
                return fail(Error::Read, m_line, tr("cannot read the file: %1").arg(m_device->errorString()));
            if (endsInCutSequence(m_tail))
                return fail(Error::Encoding, m_line, tr("the file ends inside a UTF-8 character"));
            return false;
        }
        m_bytesRead += chunk.size();
        m_tail = (m_tail + chunk).right(4);
        m_buffer = m_decoder.decode(chunk);
        m_pos = 0;
        if (!m_buffer.isEmpty())
            return true;
    }
    return false;
}

bool CsvReader::nextChar(QChar *c)
{
    if (m_pos >= m_buffer.size() && !fill())
        return false;
    *c = m_buffer.at(m_pos++);
    return true;
}

// After CR or LF: a CR may be followed by the LF of a CRLF; either way one line ends.
// Returns true when it took that LF.
bool CsvReader::consumeLineBreak(QChar first)
{
    ++m_line;
    if (first != u'\r')
        return false;
    if (m_pos >= m_buffer.size() && !fill())
        return false;
    if (m_buffer.at(m_pos) != u'\n')
        return false;
    ++m_pos;
    return true;
}

bool CsvReader::readRow(CsvRow *row)
{
    Q_ASSERT(row);
    row->clear();
    if (m_error != Error::None)
        return false;
    m_rowLine = m_line;
    m_rowLength = 0;
    State state = State::FieldStart;
    CsvField field;
    bool started = false;
    QChar c;
    while (nextChar(&c)) {
        started = true;
        if (c.isNull())
            return fail(Error::Encoding, m_line, tr("the text is not UTF-8 (or holds a NUL character)"));
        if (++m_rowLength > MaxRecordLength)
            return fail(Error::TooLong, m_rowLine, tr("the record is longer than %1 characters").arg(MaxRecordLength));
        bool rowDone = false;
        if (!step(c, &state, row, &field, &rowDone))
            return false;
        if (rowDone)
            return true;
    }
    return m_error == Error::None && finishAtEnd(state, row, &field, started);
}

// One character of a record; sets *rowDone at the line break that ends it.
bool CsvReader::step(QChar c, State *state, CsvRow *row, CsvField *field, bool *rowDone)
{
    const bool lineBreak = c == u'\r' || c == u'\n';
    switch (*state) {
    case State::FieldStart:
    case State::Unquoted:
        if (c == u'"' && *state == State::FieldStart) {
            field->quoted = true;
            m_quoteLine = m_line;
            *state = State::Quoted;
            return true;
        }
        if (c == u'"')
            return fail(Error::Syntax, m_line, tr("a quote inside a field that does not start with one "
                                                  "(put the field in quotes and double the quote)"));
        break;
    case State::Quoted:
        if (c == u'"') {
            *state = State::QuoteInQuoted;
            return true;
        }
        field->text.append(c);
        if (lineBreak && consumeLineBreak(c)) // kept as in the file: CRLF stays CRLF
            field->text.append(u'\n');
        return true;
    case State::QuoteInQuoted:
        if (c == u'"') {
            field->text.append(u'"');
            *state = State::Quoted;
            return true;
        }
        if (c != u',' && !lineBreak)
            return fail(Error::Syntax, m_line, tr("text after the closing quote of a field"));
        break;
    }
    if (c == u',') {
        row->append(std::exchange(*field, CsvField()));
        *state = State::FieldStart;
    } else if (lineBreak) {
        [[maybe_unused]] const bool crlf = consumeLineBreak(c);
        row->append(std::exchange(*field, CsvField()));
        *rowDone = true;
    } else {
        field->text.append(c);
        *state = State::Unquoted;
    }
    return true;
}

bool CsvReader::finishAtEnd(State state, CsvRow *row, CsvField *field, bool started)
{
    if (!started)
        return false; // nothing left: the end of the input
    if (state == State::Quoted)
        return fail(Error::Syntax, m_quoteLine, tr("the quoted field that opens on this line is never closed"));
    row->append(std::exchange(*field, CsvField()));
    return true;
}

} // namespace Etagere
