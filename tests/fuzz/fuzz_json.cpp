// WireCodec::decode of JSON text: never crashes, and what it accepts round-trips.
#include "fuzzcommon.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Etagere;
    const Etagere::DecodeResult result = WireCodec::decode(Fuzz::bytes(data, size), WireFormat::Json);
    Fuzz::checkResult(result);
    if (result.isValid())
        Fuzz::checkRoundTrip(result.value);
    return 0;
}
