#pragma once

// The request context of RecordService and the helpers it uses to read bodies and mark record
// representations. Private to recordservice.cpp.

#include "contentnegotiation.h"
#include "preconditions.h"
#include "recordservice.h"
#include "storage.h"

#include <QList>

namespace Etagere {

using namespace Qt::StringLiterals;

namespace RecordServicePrivate {

// The body formats a write accepts, by Content-Type media type.
struct BodyType
{
    QByteArray mediaType;
    WireFormat format;
};
inline const QList<BodyType> DocumentTypes = {{"application/json", WireFormat::Json},
                                       {"application/cbor", WireFormat::Cbor}};
inline const QList<BodyType> PatchTypes = {{"application/merge-patch+json", WireFormat::Json}};

// "application/json or application/cbor"
inline QString typeNames(const QList<BodyType> &types)
{
    QByteArrayList names;
    for (const BodyType &type : types)
        names.append(type.mediaType);
    return QString::fromLatin1(names.join(" or "));
}

// 415 for a body that is none of `types` (RFC 5789: with Accept-Patch on a PATCH).
inline HttpResponse unsupportedMediaType(const QList<BodyType> &types, const QString &detail)
{
    HttpResponse error = HttpResponse::problem(415, detail);
    if (types.first().mediaType == PatchTypes.first().mediaType)
        error.setHeader("Accept-Patch", "application/merge-patch+json");
    return error;
}

// The format of a body sent as `contentType` when it is one of `types` (and, for JSON, in
// UTF-8 or its subset US-ASCII); else nullopt and a 415 in *error.
inline std::optional<WireFormat> bodyFormat(const QList<BodyType> &types, const QByteArray &contentType,
                                     HttpResponse *error)
{
    const QByteArray mediaType = ContentNegotiation::mediaType(contentType);
    const auto type = std::find_if(types.cbegin(), types.cend(),
                                   [&mediaType](const BodyType &t) { return t.mediaType == mediaType; });
    if (type == types.cend()) {
        *error = unsupportedMediaType(types, u"the body must be sent as %1, not \"%2\""_s.arg(
                                                 typeNames(types), QString::fromLatin1(mediaType)));
        return std::nullopt;
    }
    if (type->format == WireFormat::Json && !ContentNegotiation::isUtf8Compatible(contentType)) {
        *error = unsupportedMediaType(types, u"a JSON body must be UTF-8, not charset \"%1\""_s.arg(
                                                 QString::fromLatin1(ContentNegotiation::charset(contentType))));
        return std::nullopt;
    }
    return type->format;
}

// Headers of a record representation (also of a 304, and of the null body of a 412 on a
// deleted record, which has no ETag): a cache must revalidate it, and it varies by Accept.
inline void markAsRecord(HttpResponse *response, const QString &etag)
{
    if (!etag.isEmpty())
        response->setHeader("ETag", etag.toUtf8());
    response->setHeader("Cache-Control", "no-cache");
    response->setHeader("Vary", "Accept");
}

} // namespace RecordServicePrivate

struct RecordService::Context
{
    using BodyType = RecordServicePrivate::BodyType;

    Context(const HttpRequest &r, const Identity &i)
        : request(r)
        , identity(i)
    {
    }

    const HttpRequest &request;
    const Identity &identity;
    WireFormat format = WireFormat::Json;
    QString collection;
    QString id;
    CollectionSchema schema;
    StoredRecord current;

    [[nodiscard]] bool isMethod(const char *method) const { return request.method == method; }

    // Decodes the body if its Content-Type is one of `types`; else sets *error (415 or 400).
    [[nodiscard]] std::optional<QJsonValue> body(const QList<BodyType> &types, HttpResponse *error) const
    {
        const std::optional<WireFormat> bodyType = RecordServicePrivate::bodyFormat(types, request.header("Content-Type"), error);
        if (!bodyType)
            return std::nullopt;
        DecodeResult decoded = WireCodec::decode(request.body, *bodyType);
        if (!decoded.isValid()) {
            *error = HttpResponse::problem(400, u"malformed body: "_s + decoded.error);
            return std::nullopt;
        }
        return decoded.value;
    }

    // Parses the preconditions a write needs; 400 when malformed, 428 when absent.
    [[nodiscard]] std::optional<HttpResponse> requirePreconditions(Preconditions *preconditions) const
    {
        *preconditions = Preconditions::fromRequest(request);
        if (!preconditions->isValid())
            return HttpResponse::problem(400, u"If-Match or If-None-Match is not * or a list of entity tags"_s);
        if (preconditions->isEmpty())
            return HttpResponse::problem(428, u"a write needs If-Match (or If-None-Match: * to create)"_s);
        return std::nullopt;
    }

    // Evaluates write preconditions against the current record: 404 when If-Match names a
    // record that never existed, 412 with the current data (null when deleted) on failure.
    [[nodiscard]] std::optional<HttpResponse> checkPreconditions(const Preconditions &preconditions) const
    {
        if (preconditions.hasIfMatch() && !current.exists)
            return HttpResponse::problem(404, u"no record \"%1\""_s.arg(id));
        const QString etag = current.isLive() ? current.etag : QString();
        if (preconditions.evaluate(etag, false) != Preconditions::Outcome::Proceed)
            return recordResponse(412, current);
        return std::nullopt;
    }

    // 404 unless the record currently exists (the target of PATCH and DELETE).
    [[nodiscard]] std::optional<HttpResponse> requireLive() const
    {
        if (current.isLive())
            return std::nullopt;
        return HttpResponse::problem(404, current.exists ? u"record \"%1\" was deleted"_s.arg(id)
                                                         : u"no record \"%1\""_s.arg(id));
    }

    // The record as a representation: its data with ETag, or JSON null for a tombstone.
    [[nodiscard]] HttpResponse recordResponse(int status, const StoredRecord &record) const
    {
        if (!record.isLive()) {
            HttpResponse response = HttpResponse::encoded(status, QJsonValue(QJsonValue::Null), format);
            RecordServicePrivate::markAsRecord(&response, QString()); // no ETag: the record has no current one
            return response;
        }
        HttpResponse response = HttpResponse::encoded(status, record.data, format);
        RecordServicePrivate::markAsRecord(&response, record.etag);
        return response;
    }
};

} // namespace Etagere
