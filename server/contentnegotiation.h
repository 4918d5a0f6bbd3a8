#pragma once

#include "wirecodec.h"

#include <QByteArray>

namespace Etagere::ContentNegotiation {

/// The body format a request's `Accept` header prefers: CBOR when `application/cbor` has a
/// higher q-value than `application/json` (media ranges such as `application/*` and `*/*`
/// count, the most specific one wins), JSON otherwise, also when the header is absent or
/// accepts neither (the server then answers JSON rather than 406).
[[nodiscard]] WireFormat preferredFormat(const QByteArray &accept);

/// The media type of a `Content-Type` value: `type/subtype` in lower case, parameters
/// dropped; empty when absent.
[[nodiscard]] QByteArray mediaType(const QByteArray &contentType);

/// The `charset` parameter of a `Content-Type` value in lower case, without quotes; empty
/// when absent.
[[nodiscard]] QByteArray charset(const QByteArray &contentType);

/// True when a text body (JSON) labelled with `contentType` can be read as UTF-8: no
/// charset parameter, or `utf-8`, or `us-ascii` (a subset of UTF-8).
[[nodiscard]] bool isUtf8Compatible(const QByteArray &contentType);

} // namespace Etagere::ContentNegotiation
