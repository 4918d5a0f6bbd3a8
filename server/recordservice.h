#pragma once

#include "authstore.h"
#include "change.h"
#include "httpmessage.h"
#include "identity.h"

#include <functional>

namespace Etagere {

class Storage;
class Preconditions;

/// The REST side of the protocol (PROTOCOL.md, "HTTP"): parses the path under `/v1`,
/// checks the caller's right on the collection (403), negotiates JSON or CBOR, evaluates
/// `If-Match` / `If-None-Match`, validates bodies against the collection's schema, writes
/// through the Storage as the caller and, after each committed write, hands the change to
/// the publisher (the live hub). Bad input gets a problem+json answer and changes nothing.
/// Knows no HTTP server library. Server thread only.
class RecordService
{
public:
    using Publisher = std::function<void(const Change &)>;

    /// `storage` and `accounts` are not owned and must outlive the service.
    RecordService(Storage *storage, AuthStore *accounts);

    /// Called with each committed change, in commit order.
    void setPublisher(Publisher publisher);

    /// Answers one request made by `identity` (already authenticated). Never fails: errors
    /// are problem+json responses.
    [[nodiscard]] HttpResponse handle(const HttpRequest &request, const Identity &identity);

    static constexpr int DefaultRecordLimit = 100;
    static constexpr int MaxRecordLimit = 1000;
    static constexpr int MaxChangeLimit = 1000;

private:
    struct Context;
    [[nodiscard]] HttpResponse dispatch(Context &context, const QStringList &segments);
    [[nodiscard]] HttpResponse collectionsRoute(Context &context);
    [[nodiscard]] HttpResponse collectionRoute(Context &context);
    [[nodiscard]] HttpResponse recordsRoute(Context &context);
    [[nodiscard]] HttpResponse recordRoute(Context &context);
    [[nodiscard]] HttpResponse changesRoute(Context &context);

    [[nodiscard]] HttpResponse putCollection(Context &context);
    [[nodiscard]] HttpResponse listRecords(Context &context);
    [[nodiscard]] HttpResponse postRecord(Context &context);
    [[nodiscard]] HttpResponse getRecord(Context &context);
    [[nodiscard]] HttpResponse putRecord(Context &context);
    [[nodiscard]] HttpResponse patchRecord(Context &context);
    [[nodiscard]] HttpResponse deleteRecord(Context &context);

    [[nodiscard]] HttpResponse commit(Context &context, const std::optional<QJsonObject> &data, int status);
    /// 403 unless the caller holds `right` (or more) on the context's collection.
    [[nodiscard]] std::optional<HttpResponse> requireRight(const Context &context, AuthStore::Right right) const;

    Storage *m_storage;
    AuthStore *m_accounts;
    Publisher m_publisher;
};

} // namespace Etagere
