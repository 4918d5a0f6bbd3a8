#pragma once

#include "csvfield.h"

#include <QStringDecoder>

class QIODevice;

namespace Etagere {

/// Reads CSV (RFC 4180) from a device, one record at a time, without loading the whole
/// input: fields separated by commas, records by CRLF (a lone LF or CR is accepted too),
/// fields with commas, quotes or line breaks between double quotes, a quote inside them
/// doubled. The input is UTF-8, with or without a byte order mark. A line break inside a
/// quoted field is kept as it is in the file.
///
/// Each record knows the physical line it starts on (1-based, counting the line breaks
/// inside quoted fields), so that errors can name the line a person sees in an editor.
/// A blank line reads as a record of one null field (CsvRow{CsvField{}}).
///
/// Errors stop the reading: a quote inside an unquoted field, text after a closing quote,
/// a quoted field still open at the end, bytes that are not UTF-8 (or a NUL character),
/// a record longer than MaxRecordLength characters, or a read error of the device.
///
/// Does not own the device, which must be open for reading. Not thread-safe; cheap to use
/// in slices from an event loop (each readRow() reads at most what one record needs, plus
/// one chunk of the device).
class CsvReader
{
public:
    enum class Error { None, Read, Encoding, Syntax, TooLong };

    /// Longest record accepted, in characters (the server takes bodies up to 1 MiB).
    static constexpr qsizetype MaxRecordLength = 1024 * 1024;

    explicit CsvReader(QIODevice *device);

    /// Reads the next record into *row. False at the end of the input (then error() is
    /// None) or on an error.
    [[nodiscard]] bool readRow(CsvRow *row);
    /// The physical line (1-based) on which the record last read starts.
    [[nodiscard]] qint64 lineNumber() const;
    /// Bytes taken from the device so far (for progress).
    [[nodiscard]] qint64 bytesRead() const;

    [[nodiscard]] Error error() const;
    /// For people: "line 12: ..."; empty without error.
    [[nodiscard]] QString errorString() const;
    /// The same without the line: what is wrong.
    [[nodiscard]] QString errorReason() const;
    /// The line the error is on; 0 without error.
    [[nodiscard]] qint64 errorLine() const;

private:
    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };
    struct Cursor;

    [[nodiscard]] bool fill();
    [[nodiscard]] bool nextChar(QChar *c);
    bool consumeLineBreak(QChar first);
    [[nodiscard]] bool step(QChar c, Cursor &cursor);
    void takeQuoted(QChar c, Cursor &cursor);
    void takePlain(QChar c, Cursor &cursor);
    [[nodiscard]] bool finishAtEnd(Cursor &cursor, bool started);
    bool fail(Error error, qint64 line, const QString &message);

    QIODevice *m_device;
    QStringDecoder m_decoder;
    QString m_buffer;
    qsizetype m_pos = 0;
    qint64 m_bytesRead = 0;
    qint64 m_line = 1;       ///< the line the next character is on
    qint64 m_rowLine = 0;    ///< where the last record started
    qint64 m_quoteLine = 0;  ///< where the quoted field being read opened
    qsizetype m_rowLength = 0;
    QByteArray m_tail;       ///< the last bytes read, to spot a UTF-8 sequence cut at the end
    bool m_atEnd = false;
    Error m_error = Error::None;
    QString m_errorReason;
    qint64 m_errorLine = 0;
};

} // namespace Etagere
