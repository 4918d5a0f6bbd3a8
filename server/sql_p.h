#pragma once

// Small Qt SQL helpers shared by the server's stores (Storage, AuthStore). Not a public class.

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Etagere::Sql {

/// Runs one statement with positional bind values; false (and the error in *error) on failure.
[[nodiscard]] inline bool run(QSqlQuery &query, const QString &sql, const QVariantList &values, QString *error)
{
    if (!query.prepare(sql)) {
        *error = query.lastError().text();
        return false;
    }
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}

} // namespace Etagere::Sql
