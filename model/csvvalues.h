#pragma once

#include "collectionschema.h"
#include "csvfield.h"

#include <QJsonValue>

#include <optional>

namespace Etagere {

// How Etagere writes typed values into CSV fields and reads them back, losslessly:
//
// | type               | CSV text                                                  |
// |--------------------|-----------------------------------------------------------|
// | any, null          | an empty field without quotes                             |
// | string, text       | the text; an empty string as `""`                         |
// | integer            | decimal digits with an optional sign (`-42`)              |
// | number             | the shortest text that reads back as the same double      |
// |                    | (`0.1`, `1e+20`), with a dot, never locale separators     |
// | boolean            | `true` or `false` (read in any case)                      |
// | date, datetime,    | the wire text as it is (`2024-05-01`,                     |
// | enum               | `2024-05-01T09:30:00Z`, `high`)                           |
//
// Pure functions; any thread.

/// The header of the column that holds record ids: "id", or "_id" when the collection has a
/// field called "id" (no field name starts with "_", so "_id" is always free).
[[nodiscard]] QString csvIdColumn(const CollectionSchema &schema);

/// The CSV field for `value` of `field`. A value of the wrong type for the field is written
/// as its JSON text, so that nothing is hidden (reading it back is refused).
[[nodiscard]] CsvField toCsvField(const FieldSchema &field, const QJsonValue &value);

/// The value a CSV field gives for `field`: null for an empty field (quoted or not, except
/// for string and text, where `""` is the empty string). Checked with
/// FieldSchema::checkValue(); nullopt with *error set ("estimate: 'abc' is not a number")
/// when the text is not a value of the field.
[[nodiscard]] std::optional<QJsonValue> fromCsvField(const FieldSchema &field, const CsvField &cell,
                                                     QString *error);

} // namespace Etagere
