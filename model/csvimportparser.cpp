#include "csvimportparser_p.h"

#include "csvimportjob.h"
#include "csvvalues.h"
#include "identifiers.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

constexpr int IdColumn = -1;

} // namespace

CsvImportParser::CsvImportParser(const CollectionSchema &schema)
    : m_schema(schema)
    , m_idColumn(csvIdColumn(schema))
{
}

bool CsvImportParser::hasIdColumn() const
{
    return m_columns.contains(IdColumn);
}

// The problem with the column, empty when it maps; appends it to m_columns.
QString CsvImportParser::mapColumn(const QString &name, qsizetype column)
{
    const int field = name == m_idColumn ? IdColumn : m_schema.indexOf(name);
    m_columns.append(field);
    if (name.isEmpty())
        return CsvImportJob::tr("column %1 has no name").arg(column + 1);
    if (name != m_idColumn && field < 0) {
        QStringList names;
        for (const FieldSchema &f : std::as_const(m_schema.fields))
            names << f.name;
        return CsvImportJob::tr("unknown column \"%1\": the columns of \"%2\" are %3 and %4")
            .arg(name, m_schema.name, m_idColumn, names.join(u", "_s));
    }
    return {};
}

bool CsvImportParser::setHeader(const CsvRow &header, qint64 line, QList<CsvImportProblem> *problems)
{
    m_columns.clear();
    const qsizetype before = problems->size();
    QSet<QString> seen;
    for (qsizetype column = 0; column < header.size(); ++column) {
        const QString name = header.at(column).text.trimmed();
        if (const QString problem = mapColumn(name, column); !problem.isEmpty())
            problems->append({line, problem});
        else if (seen.contains(name))
            problems->append({line, CsvImportJob::tr("the column \"%1\" appears twice").arg(name)});
        seen.insert(name);
    }
    for (const FieldSchema &field : std::as_const(m_schema.fields)) {
        if (field.required && !seen.contains(field.name))
            problems->append({line, CsvImportJob::tr("no column for the required field \"%1\"").arg(field.name)});
    }
    return problems->size() == before;
}

std::optional<CsvImportRow> CsvImportParser::parse(const CsvRow &row, qint64 line, QString *reason) const
{
    if (row.size() != m_columns.size()) {
        *reason = CsvImportJob::tr("%n values, but the header has %1 columns", nullptr, int(row.size())).arg(m_columns.size());
        return std::nullopt;
    }
    CsvImportRow record;
    record.line = line;
    for (qsizetype column = 0; column < row.size(); ++column) {
        const int field = m_columns.at(column);
        if (field == IdColumn) {
            record.id = row.at(column).text.trimmed();
            continue;
        }
        const std::optional<QJsonValue> value = fromCsvField(m_schema.fields.at(field), row.at(column), reason);
        if (!value)
            return std::nullopt;
        if (!value->isNull()) // a missing member is null: no need to send it
            record.data.insert(m_schema.fields.at(field).name, *value);
    }
    if (record.id.isEmpty())
        record.id = newRecordId();
    else if (!isValidRecordId(record.id)) {
        *reason = CsvImportJob::tr("\"%1\" is not a valid record id (1 to 128 of A-Z, a-z, 0-9, _ and -)").arg(record.id);
        return std::nullopt;
    }
    if (const ValidationResult valid = m_schema.validate(record.data); !valid) {
        *reason = valid.detail;
        return std::nullopt;
    }
    return record;
}

} // namespace Etagere
