#pragma once

// Helpers of the CSV tests: a readable notation for records.

#include "csvfield.h"

#include <QStringList>

namespace Etagere::Test {

using namespace Qt::StringLiterals;

/// A record as text: each field `[text]` when unquoted, `"text"` when quoted, joined by
/// commas; CR and LF inside shown as \r and \n.
inline QString describe(const CsvRow &row)
{
    QStringList fields;
    for (const CsvField &field : row) {
        QString text = field.text;
        text.replace(u'\r', u"\\r"_s).replace(u'\n', u"\\n"_s);
        fields << (field.quoted ? u'"' + text + u'"' : u'[' + text + u']');
    }
    return fields.join(u',');
}

} // namespace Etagere::Test
