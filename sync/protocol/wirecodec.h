#pragma once

#include <QByteArray>
#include <QJsonValue>

namespace Etagere {

/// The two body encodings of the protocol.
enum class WireFormat { Json, Cbor };

/// The result of decoding a body. `error` is empty on success.
struct DecodeResult
{
    QJsonValue value;
    QString error;

    [[nodiscard]] bool isValid() const { return error.isEmpty(); }
};

/// Encodes and decodes protocol bodies and WebSocket frames, JSON (UTF-8) or CBOR (RFC 8949).
/// Pure functions; no I/O. Decoding never crashes on any input.
namespace WireCodec {

inline constexpr int MaxNesting = 32;

[[nodiscard]] QByteArray encode(const QJsonValue &value, WireFormat format);

/// Decodes one document. Fails (with a reason in `error`, `value` null) on malformed input,
/// trailing garbage, nesting deeper than `maxNesting`, or CBOR that has no JSON equivalent
/// (non-string map keys, duplicate map keys, byte strings, undefined, other simple values,
/// NaN or infinity, any tag except 0, 32 and 35 around a text string, which give the string).
/// Depth counts arrays and objects: `[]` is 1, a scalar 0; it is checked before anything is
/// built, without recursion, so no input can exhaust the stack.
/// JSON: any value is accepted at the top (object, array, null, string, number, boolean);
/// text must be valid UTF-8, a leading byte order mark is ignored, and an object with a
/// repeated member name keeps the last one (QJsonDocument's behaviour).
/// CBOR integers outside qint64 become doubles.
[[nodiscard]] DecodeResult decode(const QByteArray &bytes, WireFormat format,
                                                         int maxNesting = MaxNesting);

/// MIME type of a format: application/json or application/cbor.
[[nodiscard]] QByteArray mimeType(WireFormat format);

} // namespace WireCodec
} // namespace Etagere
