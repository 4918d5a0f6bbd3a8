#pragma once

#include "wirecodec.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace Etagere {

/// A header list as (name, value) pairs; names compare case-insensitively.
using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

/// One HTTP request as the record service sees it, free of any HTTP server library.
/// Plain value type.
struct HttpRequest
{
    QByteArray method;       ///< upper case: GET, PUT, PATCH, DELETE, POST, ...
    QString path;            ///< percent-encoded path, for example `/v1/collections/tasks`
    QUrlQuery query;
    HttpHeaders headers;
    QByteArray body;
    QByteArray peer;         ///< the client's IP address as text, for example `127.0.0.1`

    /// All values of header `name` (case-insensitive), joined with ", " as RFC 9110
    /// allows for list headers; empty when absent.
    [[nodiscard]] QByteArray header(const QByteArray &name) const;
    [[nodiscard]] bool hasHeader(const QByteArray &name) const;
    /// How many times header `name` (case-insensitive) occurs.
    [[nodiscard]] qsizetype headerCount(const QByteArray &name) const;
};

/// One HTTP response. Content-Length is added by the adapter.
struct HttpResponse
{
    int status = 200;
    HttpHeaders headers;
    QByteArray body;

    /// Replaces any header of that name (case-insensitive).
    void setHeader(const QByteArray &name, const QByteArray &value);
    /// The first value of header `name` (case-insensitive); empty when absent.
    [[nodiscard]] QByteArray header(const QByteArray &name) const;

    /// An `application/problem+json` answer (RFC 9457) with the standard title of `status`.
    [[nodiscard]] static HttpResponse problem(int status, const QString &detail, const QString &field = {});
    /// A 405 problem with the `Allow` header listing `allow` (for example "GET, HEAD").
    [[nodiscard]] static HttpResponse methodNotAllowed(const QByteArray &allow);
    /// `value` encoded as JSON or CBOR with the matching Content-Type.
    [[nodiscard]] static HttpResponse encoded(int status, const QJsonValue &value, WireFormat format);
};

} // namespace Etagere
