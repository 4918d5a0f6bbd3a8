#pragma once

#include <QJsonObject>

#include <optional>

namespace Etagere {

/// A value of record data as the protocol reads it: a missing member is null.
[[nodiscard]] QJsonValue nullIfMissing(const QJsonValue &value);
/// The value of `field` in record `data`; a missing member reads as null.
[[nodiscard]] QJsonValue fieldValue(const QJsonObject &data, const QString &field);
/// True when both record data hold the same values; a missing member counts as null.
[[nodiscard]] bool sameData(const QJsonObject &a, const QJsonObject &b);

/// One record as listed by `GET /v1/collections/{c}/records`:
/// `{"id", "etag", "seq", "data"}`. `etag` is the quoted strong tag as sent on the wire.
struct Record
{
    QString id;
    QString etag;
    qint64 seq = 0;
    QJsonObject data;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<Record> fromJson(const QJsonValue &json, QString *error);

    friend bool operator==(const Record &, const Record &) = default;
};

/// One page of records: `{"seq": N, "records": [...], "next": ID or null}`.
struct RecordPage
{
    qint64 seq = 0;
    QList<Record> records;
    QString next; ///< empty when this is the last page

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<RecordPage> fromJson(const QJsonValue &json, QString *error);
};

} // namespace Etagere
