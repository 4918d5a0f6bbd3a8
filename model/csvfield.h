#pragma once

#include <QList>
#include <QString>

namespace Etagere {

/// One field of a CSV record (RFC 4180) as CsvReader reads it and CsvWriter writes it.
/// `quoted` tells whether it was (or must be) written between double quotes: that is how
/// Etagere tells an empty string (`""`) from no value at all (an empty, unquoted field),
/// which RFC 4180 does not distinguish. A plain value type.
struct CsvField
{
    QString text;
    bool quoted = false;

    /// An empty, unquoted field: no value.
    [[nodiscard]] bool isNull() const { return text.isEmpty() && !quoted; }

    friend bool operator==(const CsvField &, const CsvField &) = default;
};

/// One CSV record.
using CsvRow = QList<CsvField>;

} // namespace Etagere
