#pragma once

// Private to CsvImportJob: the header mapping and the conversion of one CSV record into
// record data, against a collection's schema.

#include "collectionschema.h"
#include "csvfield.h"
#include "csvimportjob.h"

#include <optional>

namespace Etagere {

class CsvImportParser
{
public:
    explicit CsvImportParser(const CollectionSchema &schema);

    /// Maps the header's columns to fields by name (an id column, csvIdColumn(), to the
    /// record id). Every problem (unknown, repeated or unnamed column, required field
    /// without column) is appended to *problems; false when there was one.
    [[nodiscard]] bool setHeader(const CsvRow &header, qint64 line, QList<CsvImportProblem> *problems);

    /// The record of one CSV row, checked against the schema; nullopt with *reason (without
    /// the line) when the row is refused. A row without id gets a new one (newRecordId()).
    [[nodiscard]] std::optional<CsvImportRow> parse(const CsvRow &row, qint64 line, QString *reason) const;

    [[nodiscard]] bool hasIdColumn() const;

private:
    [[nodiscard]] QString mapColumn(const QString &name, qsizetype column);

    CollectionSchema m_schema;
    QString m_idColumn;
    QList<int> m_columns; ///< per column: the index of its field, or IdColumn
};

} // namespace Etagere
