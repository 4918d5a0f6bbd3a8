#pragma once

#include "fieldschema.h"

#include <QJsonValue>
#include <QString>

namespace Etagere {

/// How much room a formatted value gets.
enum class ValueFormat {
    Cell, ///< one line for a table cell: multi-line text shows its first line and an ellipsis
    Full, ///< everything, for a dialog or a tooltip
};

/// Formats one field value for people, in the default QLocale: numbers with the locale's
/// separators, dates and date-times in the short local format (date-times in local time),
/// booleans as "Yes"/"No", enum values as their text. Null gives an empty string.
/// Pure function; safe from any thread once the default locale is set.
[[nodiscard]] QString formatFieldValue(const FieldSchema &field, const QJsonValue &value,
                                       ValueFormat format = ValueFormat::Cell);

} // namespace Etagere
