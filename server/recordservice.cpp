#include "recordservice.h"
#include "recordservice_p.h"

#include "contentnegotiation.h"
#include "identifiers.h"
#include "logging.h"
#include "mergepatch.h"
#include "preconditions.h"
#include "storage.h"

#include <QJsonArray>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Etagere {

using namespace RecordServicePrivate;

namespace {

// Splits `/v1/a/b` into decoded segments {a, b}; false when the path is not under /v1/.
bool splitPath(const QString &path, QStringList *segments)
{
    if (!path.startsWith(u"/v1/"_s))
        return false;
    const QStringList raw = path.mid(4).split(u'/');
    for (const QString &segment : raw)
        segments->append(QUrl::fromPercentEncoding(segment.toUtf8()));
    return true;
}

// Parses a query parameter as an integer in [minimum, +inf); `fallback` when absent.
std::optional<qint64> integerParameter(const QUrlQuery &query, const QString &name, qint64 fallback,
                                       qint64 minimum)
{
    if (!query.hasQueryItem(name))
        return fallback;
    bool ok = false;
    const qint64 value = query.queryItemValue(name).toLongLong(&ok);
    if (!ok || value < minimum)
        return std::nullopt;
    return value;
}

// 410 for `since` older than the oldest change kept, or ahead of the collection's number
// (the client holds a history this server does not have); either way it must reload.
HttpResponse goneResponse(qint64 since, qint64 currentSeq)
{
    const QString why = since > currentSeq ? u"%1 is ahead of the collection, which is at %2"_s
                                           : u"changes after %1 are no longer kept (the collection is at %2)"_s;
    return HttpResponse::problem(410, why.arg(since).arg(currentSeq) + u"; reload the collection"_s);
}

} // namespace

RecordService::RecordService(Storage *storage, AuthStore *accounts)
    : m_storage(storage)
    , m_accounts(accounts)
{
    Q_ASSERT(storage && accounts);
}

void RecordService::setPublisher(Publisher publisher)
{
    m_publisher = std::move(publisher);
}

HttpResponse RecordService::handle(const HttpRequest &request, const Identity &identity)
{
    Context context(request, identity);
    context.format = ContentNegotiation::preferredFormat(request.header("Accept"));
    QStringList segments;
    if (!splitPath(request.path, &segments))
        return HttpResponse::problem(404, u"no resource at %1"_s.arg(request.path));
    return dispatch(context, segments);
}

HttpResponse RecordService::dispatch(Context &context, const QStringList &segments)
{
    const HttpResponse notFound = HttpResponse::problem(404, u"no resource at %1"_s.arg(context.request.path));
    if (segments.first() != u"collections"_s || segments.contains(QString()))
        return notFound;
    if (segments.size() == 1)
        return collectionsRoute(context);
    context.collection = segments.at(1);
    if (!isValidCollectionName(context.collection))
        return HttpResponse::problem(400, u"\"%1\" is not a valid collection name"_s.arg(context.collection));
    if (segments.size() == 2)
        return collectionRoute(context);
    if (segments.size() == 3 && segments.at(2) == u"records"_s)
        return recordsRoute(context);
    if (segments.size() == 3 && segments.at(2) == u"changes"_s)
        return changesRoute(context);
    if (segments.size() != 4 || segments.at(2) != u"records"_s)
        return notFound;
    context.id = segments.at(3);
    if (!isValidRecordId(context.id))
        return HttpResponse::problem(400, u"\"%1\" is not a valid record id"_s.arg(context.id));
    return recordRoute(context);
}

std::optional<HttpResponse> RecordService::requireRight(const Context &context, AuthStore::Right right) const
{
    if (m_accounts->rightOn(context.identity.user, context.collection) >= right)
        return std::nullopt;
    return HttpResponse::problem(403, u"%1 may not %2 collection \"%3\""_s.arg(
                                          context.identity.user,
                                          right == AuthStore::Right::Read    ? u"read"_s
                                          : right == AuthStore::Right::Write ? u"write to"_s
                                                                             : u"create"_s,
                                          context.collection));
}

HttpResponse RecordService::collectionsRoute(Context &context)
{
    if (!context.isMethod("GET"))
        return HttpResponse::methodNotAllowed("GET, HEAD");
    QJsonArray list;
    const QList<CollectionSchema> collections = m_storage->collections();
    for (const CollectionSchema &schema : collections) {
        if (m_accounts->canRead(context.identity.user, schema.name))
            list.append(schema.toJson());
    }
    HttpResponse response = HttpResponse::encoded(200, QJsonObject{{u"collections"_s, list}}, context.format);
    response.setHeader("Cache-Control", "no-cache");
    response.setHeader("Vary", "Accept");
    return response;
}

HttpResponse RecordService::collectionRoute(Context &context)
{
    if (context.isMethod("PUT")) {
        if (auto forbidden = requireRight(context, AuthStore::Right::Admin))
            return *forbidden;
        return putCollection(context);
    }
    if (!context.isMethod("GET"))
        return HttpResponse::methodNotAllowed("GET, HEAD, PUT");
    if (auto forbidden = requireRight(context, AuthStore::Right::Read))
        return *forbidden;
    const auto schema = m_storage->collection(context.collection);
    if (!schema)
        return HttpResponse::problem(404, u"no collection named \"%1\""_s.arg(context.collection));
    HttpResponse response = HttpResponse::encoded(200, schema->toJson(), context.format);
    response.setHeader("Cache-Control", "no-cache");
    response.setHeader("Vary", "Accept");
    return response;
}

HttpResponse RecordService::putCollection(Context &context)
{
    const Preconditions preconditions = Preconditions::fromRequest(context.request);
    if (!preconditions.isValid())
        return HttpResponse::problem(400, u"If-Match or If-None-Match is not * or a list of entity tags"_s);
    if (!preconditions.isIfNoneMatchAny())
        return HttpResponse::problem(428, u"creating a collection needs If-None-Match: *; "
                                          "changing an existing collection is not supported"_s);
    HttpResponse error;
    const auto body = context.body(DocumentTypes, &error);
    if (!body)
        return error;
    if (const auto existing = m_storage->collection(context.collection))
        return HttpResponse::encoded(412, existing->toJson(), context.format);
    if (!body->isObject())
        return HttpResponse::problem(422, u"a collection must be a JSON object with title and fields"_s);
    QString reason;
    QString field; // the field description at fault, if one is
    auto schema = CollectionSchema::fromJson(body->toObject(), &reason, context.collection, &field);
    if (!schema)
        return HttpResponse::problem(422, reason, field);
    schema->seq = 0;
    if (!m_storage->createCollection(*schema))
        return HttpResponse::problem(500, u"the collection could not be stored; nothing changed"_s);
    qCDebug(lcServer).noquote() << context.identity.user << "created collection" << schema->name;
    // The creator administers what it created, whatever happens to its other rights later.
    if (m_accounts->grant(context.identity.user, schema->name, AuthStore::Right::Admin) != AuthStore::Outcome::Done)
        qCWarning(lcServer).noquote() << "could not grant admin on" << schema->name << "to" << context.identity.user;
    HttpResponse response = HttpResponse::encoded(201, schema->toJson(), context.format);
    response.setHeader("Location", u"/v1/collections/%1"_s.arg(schema->name).toUtf8());
    return response;
}

HttpResponse RecordService::recordsRoute(Context &context)
{
    if (!context.isMethod("GET") && !context.isMethod("POST"))
        return HttpResponse::methodNotAllowed("GET, HEAD, POST");
    if (auto forbidden = requireRight(context, context.isMethod("GET") ? AuthStore::Right::Read
                                                                        : AuthStore::Right::Write))
        return *forbidden;
    auto schema = m_storage->collection(context.collection);
    if (!schema)
        return HttpResponse::problem(404, u"no collection named \"%1\""_s.arg(context.collection));
    context.schema = std::move(*schema);
    return context.isMethod("GET") ? listRecords(context) : postRecord(context);
}

HttpResponse RecordService::listRecords(Context &context)
{
    const QUrlQuery &query = context.request.query;
    const auto limit = integerParameter(query, u"limit"_s, DefaultRecordLimit, 1);
    if (!limit)
        return HttpResponse::problem(400, u"limit must be a positive integer"_s);
    const QString after = query.queryItemValue(u"after"_s, QUrl::FullyDecoded);
    if (!after.isEmpty() && !isValidRecordId(after))
        return HttpResponse::problem(400, u"after must be a record id"_s);
    const auto page = m_storage->records(context.collection, after, int(qMin<qint64>(*limit, MaxRecordLimit)));
    if (!page)
        return HttpResponse::problem(500, u"the records could not be read"_s);
    HttpResponse response = HttpResponse::encoded(200, page->toJson(), context.format);
    response.setHeader("Cache-Control", "no-cache");
    response.setHeader("Vary", "Accept");
    return response;
}

HttpResponse RecordService::postRecord(Context &context)
{
    HttpResponse error;
    const auto body = context.body(DocumentTypes, &error);
    if (!body)
        return error;
    if (!body->isObject())
        return HttpResponse::problem(422, u"a record must be a JSON object"_s);
    if (const ValidationResult result = context.schema.validate(body->toObject()); !result)
        return HttpResponse::problem(422, result.detail, result.field);
    do {
        context.id = newRecordId();
    } while (m_storage->record(context.collection, context.id).exists);
    return commit(context, body->toObject(), 201);
}

HttpResponse RecordService::recordRoute(Context &context)
{
    static const QByteArrayList methods = {"GET", "PUT", "PATCH", "DELETE"};
    if (!methods.contains(context.request.method))
        return HttpResponse::methodNotAllowed("GET, HEAD, PUT, PATCH, DELETE");
    if (auto forbidden = requireRight(context, context.isMethod("GET") ? AuthStore::Right::Read
                                                                        : AuthStore::Right::Write))
        return *forbidden;
    auto schema = m_storage->collection(context.collection);
    if (!schema)
        return HttpResponse::problem(404, u"no collection named \"%1\""_s.arg(context.collection));
    context.schema = std::move(*schema);
    context.current = m_storage->record(context.collection, context.id);
    if (context.isMethod("GET"))
        return getRecord(context);
    if (context.isMethod("PUT"))
        return putRecord(context);
    return context.isMethod("PATCH") ? patchRecord(context) : deleteRecord(context);
}

HttpResponse RecordService::getRecord(Context &context)
{
    if (!context.current.isLive()) {
        return HttpResponse::problem(404, context.current.exists ? u"record \"%1\" was deleted"_s.arg(context.id)
                                                                 : u"no record \"%1\""_s.arg(context.id));
    }
    const Preconditions preconditions = Preconditions::fromRequest(context.request);
    if (!preconditions.isValid())
        return HttpResponse::problem(400, u"If-Match or If-None-Match is not * or a list of entity tags"_s);
    switch (preconditions.evaluate(context.current.etag, true)) {
    case Preconditions::Outcome::NotModified: {
        HttpResponse response;
        response.status = 304;
        markAsRecord(&response, context.current.etag);
        return response;
    }
    case Preconditions::Outcome::Failed:
        return context.recordResponse(412, context.current);
    case Preconditions::Outcome::Proceed:
        break;
    }
    return context.recordResponse(200, context.current);
}

HttpResponse RecordService::putRecord(Context &context)
{
    Preconditions preconditions;
    if (auto refused = context.requirePreconditions(&preconditions))
        return *refused;
    HttpResponse error;
    const auto body = context.body(DocumentTypes, &error);
    if (!body)
        return error;
    if (auto failed = context.checkPreconditions(preconditions))
        return *failed;
    if (!body->isObject())
        return HttpResponse::problem(422, u"a record must be a JSON object"_s);
    if (const ValidationResult result = context.schema.validate(body->toObject()); !result)
        return HttpResponse::problem(422, result.detail, result.field);
    return commit(context, body->toObject(), context.current.isLive() ? 200 : 201);
}

HttpResponse RecordService::patchRecord(Context &context)
{
    Preconditions preconditions;
    if (auto refused = context.requirePreconditions(&preconditions))
        return *refused;
    HttpResponse error;
    const auto patch = context.body(PatchTypes, &error);
    if (!patch)
        return error;
    if (auto failed = context.checkPreconditions(preconditions))
        return *failed;
    if (auto missing = context.requireLive())
        return *missing;
    const QJsonValue patched = MergePatch::apply(context.current.data, *patch);
    if (!patched.isObject())
        return HttpResponse::problem(422, u"the patch must leave the record a JSON object"_s);
    if (const ValidationResult result = context.schema.validate(patched.toObject()); !result)
        return HttpResponse::problem(422, result.detail, result.field);
    return commit(context, patched.toObject(), 200);
}

HttpResponse RecordService::deleteRecord(Context &context)
{
    Preconditions preconditions;
    if (auto refused = context.requirePreconditions(&preconditions))
        return *refused;
    if (auto failed = context.checkPreconditions(preconditions))
        return *failed;
    if (auto missing = context.requireLive())
        return *missing;
    return commit(context, std::nullopt, 204);
}

HttpResponse RecordService::commit(Context &context, const std::optional<QJsonObject> &data, int status)
{
    const auto change = m_storage->write(context.collection, context.id, data, context.identity.user);
    if (!change)
        return HttpResponse::problem(500, u"the write could not be stored; nothing changed"_s);
    if (m_publisher)
        m_publisher(*change);
    if (!data) {
        HttpResponse response;
        response.status = status;
        return response;
    }
    StoredRecord stored{true, false, change->etag, change->seq, change->data};
    HttpResponse response = context.recordResponse(status, stored);
    if (status == 201)
        response.setHeader("Location", recordPath(context.collection, context.id).toUtf8());
    return response;
}

HttpResponse RecordService::changesRoute(Context &context)
{
    if (!context.isMethod("GET"))
        return HttpResponse::methodNotAllowed("GET, HEAD");
    if (auto forbidden = requireRight(context, AuthStore::Right::Read))
        return *forbidden;
    const auto since = integerParameter(context.request.query, u"since"_s, 0, 0);
    if (!since)
        return HttpResponse::problem(400, u"since must be a sequence number (an integer >= 0)"_s);
    const auto limit = integerParameter(context.request.query, u"limit"_s, MaxChangeLimit, 1);
    if (!limit)
        return HttpResponse::problem(400, u"limit must be a positive integer"_s);
    const ChangeFeed::Result result =
        m_storage->changesSince(context.collection, *since, int(qMin<qint64>(*limit, MaxChangeLimit)));
    if (!result.exists)
        return HttpResponse::problem(404, u"no collection named \"%1\""_s.arg(context.collection));
    if (result.gone)
        return goneResponse(*since, result.currentSeq);
    HttpResponse response = HttpResponse::encoded(200, ChangePage{result.currentSeq, result.changes}.toJson(),
                                                  context.format);
    response.setHeader("Cache-Control", "no-cache");
    response.setHeader("Vary", "Accept");
    return response;
}

} // namespace Etagere
