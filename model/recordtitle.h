#pragma once

#include "collectionschema.h"

#include <QJsonObject>
#include <QString>

namespace Etagere {

/// How people recognise a record in a list: the value of the first non-empty string field
/// of `schema` in `data` (the first of `data`, `fallback`), else the record's id.
/// Pure function.
[[nodiscard]] QString recordTitle(const CollectionSchema &schema, const QString &id, const QJsonObject &data,
                                  const QJsonObject &fallback = {});

/// The titles of `fields` (field names) in schema order, joined with ", "; a name the
/// schema does not know is shown as it is, at the end.
[[nodiscard]] QString fieldTitles(const CollectionSchema &schema, const QStringList &fields);

} // namespace Etagere
