#pragma once
// Shared helpers of the libFuzzer harnesses: input as QByteArray, checked properties.

#include "wirecodec.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace Fuzz {

/// The fuzzer's bytes, copied (QByteArray::fromRawData would not be NUL-terminated).
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

/// A property that must hold for every input: abort (the fuzzer saves the input) when not.
inline void require(bool condition, const char *what)
{
    if (condition)
        return;
    std::fprintf(stderr, "property violated: %s\n", what);
    std::abort();
}

/// A decoded document must say why it failed, and a failure must leave the value null.
inline void checkResult(const Etagere::DecodeResult &result)
{
    require(result.isValid() || result.value.isNull(), "a failed decode leaves a null value");
}

/// Equal values, numbers compared as doubles: JSON text does not keep whether a number
/// was an integer or a double, nor integer precision beyond 2^53 (Qt writes the double
/// 2391341033389555712.0 as the shortest digits 2391341033389555700, read back as that integer).
inline bool sameValue(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble();
    if (a.type() != b.type())
        return false;
    if (a.isArray()) {
        const QJsonArray x = a.toArray(), y = b.toArray();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!sameValue(x.at(i), y.at(i)))
                return false;
        }
        return true;
    }
    if (a.isObject()) {
        const QJsonObject x = a.toObject(), y = b.toObject();
        if (x.keys() != y.keys())
            return false;
        for (auto it = x.constBegin(); it != x.constEnd(); ++it) {
            if (!sameValue(it.value(), y.value(it.key())))
                return false;
        }
        return true;
    }
    return a == b;
}

/// Encoding a decoded value and decoding it again, in either format, gives the same value.
inline void checkRoundTrip(const QJsonValue &value)
{
    using namespace Etagere;
    for (const WireFormat format : {WireFormat::Json, WireFormat::Cbor}) {
        const DecodeResult again = WireCodec::decode(WireCodec::encode(value, format), format);
        if (!again.isValid())
            std::fprintf(stderr, "re-decode failed: %s\n", qPrintable(again.error));
        require(again.isValid(), "an encoded decoded value decodes again");
        if (!sameValue(again.value, value) || (again.value != value && format == WireFormat::Cbor)) {
            std::fprintf(stderr, "format %d: %s\n  decoded again as %s\n", int(format),
                         WireCodec::encode(value, WireFormat::Json).constData(),
                         WireCodec::encode(again.value, WireFormat::Json).constData());
        }
        require(sameValue(again.value, value), "an encoded decoded value decodes to the same value");
        require(again.value == value || format == WireFormat::Json, "CBOR keeps every value exactly");
    }
}

/// Decodes `input` in both formats and calls `use` with each document that decodes.
template<typename Use>
void forEachDocument(const QByteArray &input, Use use)
{
    using namespace Etagere;
    for (const WireFormat format : {WireFormat::Json, WireFormat::Cbor}) {
        const DecodeResult result = WireCodec::decode(input, format);
        checkResult(result);
        if (result.isValid())
            use(result.value);
    }
}

} // namespace Fuzz
