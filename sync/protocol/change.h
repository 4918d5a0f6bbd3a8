#pragma once

#include <QJsonObject>
#include <QList>

#include <optional>

namespace Etagere {

/// One committed change of a collection:
/// `{"seq", "collection", "id", "op": "put"|"delete", "etag", "data": {...}|null, "author"}`.
/// `data` is the whole record after the change; it is empty (null on the wire) for a delete.
/// fromJson() checks every member: `seq` >= 1, valid collection name and record id, a quoted
/// strong `etag` for a put (a delete may also carry "" or null, read as empty), `data` an
/// object for a put and null for a delete, `author` a string. Unknown members are ignored.
struct Change
{
    enum class Op { Put, Delete };

    qint64 seq = 0;
    QString collection;
    QString id;
    Op op = Op::Put;
    QString etag;
    QJsonObject data;
    QString author;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<Change> fromJson(const QJsonValue &json, QString *error);

    friend bool operator==(const Change &, const Change &) = default;
};

/// A page of the change feed: `{"seq": M, "changes": [...]}`.
struct ChangePage
{
    qint64 seq = 0;
    QList<Change> changes;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<ChangePage> fromJson(const QJsonValue &json, QString *error);
};

} // namespace Etagere
