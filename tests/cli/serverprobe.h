#pragma once

#include "networkaccess.h"

#include <QJsonObject>
#include <QUrl>

#include <optional>

namespace Etagere {

/// Plain REST against a test server, independent of the client library under test: what
/// the server holds, and writes as "another client". Each call waits for its answer with
/// QSignalSpy (test code only).
class ServerProbe
{
public:
    ServerProbe(const QUrl &server, const QByteArray &token);

    /// The JSON object of a GET, or nothing when it failed or was not 200.
    [[nodiscard]] std::optional<QJsonObject> get(const QString &path);
    /// The current sequence number of a collection (-1 on failure).
    [[nodiscard]] qint64 seq(const QString &collection);
    /// Every change of a collection after `since`, in order (all pages).
    [[nodiscard]] QList<QJsonObject> changes(const QString &collection, qint64 since);
    /// Every record of a collection (all pages), as `{"id", "etag", "seq", "data"}`.
    [[nodiscard]] QList<QJsonObject> records(const QString &collection);
    /// PUT (`etag` empty: If-None-Match *, else If-Match) or DELETE (data null) of a record;
    /// returns the HTTP status (0 on a network failure).
    int write(const QString &collection, const QString &id, const std::optional<QJsonObject> &data,
              const QString &etag = {});

private:
    NetworkAccess m_network;
    QUrl m_server;
};

} // namespace Etagere
