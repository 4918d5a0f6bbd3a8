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

/// The texts of this file, in the translation context "Etagere::CsvReader" (lupdate reads Text::tr()).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Etagere::CsvReader)
};

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
    return m_error == Error::None ? QString() : Text::tr("line %1: %2").arg(m_errorLine).arg(m_errorReason);
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
                return fail(Error::Read, m_line, Text::tr("cannot read the file: %1").arg(m_device->errorString()));
            if (endsInCutSequence(m_tail))
                return fail(Error::Encoding, m_line, Text::tr("the file ends inside a UTF-8 character"));
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

/// Where readRow() is within a record.
struct CsvReader::Cursor
{
    CsvRow *row = nullptr;
    CsvField field;
    State state = State::FieldStart;
    bool rowDone = false;
};

bool CsvReader::readRow(CsvRow *row)
{
    Q_ASSERT(row);
    row->clear();
    if (m_error != Error::None)
        return false;
    m_rowLine = m_line;
    m_rowLength = 0;
    Cursor cursor{row, {}, State::FieldStart, false};
    bool started = false;
    QChar c;
    while (!cursor.rowDone && nextChar(&c)) {
        started = true;
        if (c.isNull())
            return fail(Error::Encoding, m_line, Text::tr("the text is not UTF-8 (or holds a NUL character)"));
        if (++m_rowLength > MaxRecordLength)
            return fail(Error::TooLong, m_rowLine, Text::tr("the record is longer than %1 characters").arg(MaxRecordLength));
        if (!step(c, cursor))
            return false;
    }
    return cursor.rowDone || (m_error == Error::None && finishAtEnd(cursor, started));
}

// One character of a record; sets cursor.rowDone at the line break that ends it.
bool CsvReader::step(QChar c, Cursor &cursor)
{
    switch (cursor.state) {
    case State::Quoted:
        takeQuoted(c, cursor);
        return true;
    case State::QuoteInQuoted:
        if (c == u'"') { // a doubled quote: one quote of the text
            cursor.field.text.append(u'"');
            cursor.state = State::Quoted;
            return true;
        }
        if (c != u',' && c != u'\r' && c != u'\n')
            return fail(Error::Syntax, m_line, Text::tr("text after the closing quote of a field"));
        break;
    case State::FieldStart:
        if (c == u'"') {
            cursor.field.quoted = true;
            cursor.state = State::Quoted;
            m_quoteLine = m_line;
            return true;
        }
        break;
    case State::Unquoted:
        if (c == u'"')
            return fail(Error::Syntax, m_line, Text::tr("a quote inside a field that does not start with one "
                                                  "(put the field in quotes and double the quote)"));
        break;
    }
    takePlain(c, cursor);
    return true;
}

// Inside quotes everything is text, line breaks included (kept as in the file: CRLF stays
// CRLF), up to the next quote.
void CsvReader::takeQuoted(QChar c, Cursor &cursor)
{
    if (c == u'"') {
        cursor.state = State::QuoteInQuoted;
        return;
    }
    cursor.field.text.append(c);
    if ((c == u'\r' || c == u'\n') && consumeLineBreak(c))
        cursor.field.text.append(u'\n');
}

// Outside quotes: a comma ends the field, a line break the record; anything else is text.
void CsvReader::takePlain(QChar c, Cursor &cursor)
{
    if (c == u',' || c == u'\r' || c == u'\n') {
        cursor.row->append(std::exchange(cursor.field, CsvField()));
        cursor.state = State::FieldStart;
        if (c != u',') {
            [[maybe_unused]] const bool crlf = consumeLineBreak(c);
            cursor.rowDone = true;
        }
        return;
    }
    cursor.field.text.append(c);
    cursor.state = State::Unquoted;
}

bool CsvReader::finishAtEnd(Cursor &cursor, bool started)
{
    if (!started)
        return false; // nothing left: the end of the input
    if (cursor.state == State::Quoted)
        return fail(Error::Syntax, m_quoteLine, Text::tr("the quoted field that opens on this line is never closed"));
    cursor.row->append(std::exchange(cursor.field, CsvField()));
    return true;
}

} // namespace Etagere
