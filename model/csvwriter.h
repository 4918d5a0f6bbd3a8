#pragma once

#include "csvfield.h"

class QIODevice;

namespace Etagere {

/// Writes CSV (RFC 4180) to a device, one record at a time, in UTF-8 with CRLF line
/// breaks. A field goes between double quotes (inner quotes doubled) when it asks to
/// (CsvField::quoted, used for an empty string as opposed to no value) or needs to: it
/// holds a comma, a quote, a line break, or starts or ends with a space or a tab (which
/// some programs would trim otherwise). What CsvReader reads back is exactly what was
/// written, except that a record of a single null field is a blank line.
///
/// Does not own the device, which must be open for writing. Not thread-safe.
class CsvWriter
{
public:
    explicit CsvWriter(QIODevice *device);

    /// Starts the output with a UTF-8 byte order mark (which spreadsheet programs use to
    /// recognise UTF-8). Call before the first record; off by default.
    void setWriteBom(bool writeBom);
    [[nodiscard]] bool writeBom() const;

    /// Writes one record and its CRLF. False when the device refused it (see errorString()).
    [[nodiscard]] bool writeRow(const CsvRow &row);
    /// Why the last write failed; empty when none did.
    [[nodiscard]] QString errorString() const;

    /// The text of one field as it is written.
    [[nodiscard]] static QString formatField(const CsvField &field);

private:
    QIODevice *m_device;
    QString m_errorString;
    bool m_writeBom = false;
    bool m_started = false;
};

} // namespace Etagere
