// LiveMessage::fromJson over a decoded JSON or CBOR frame: a parsed message writes itself
// back (toJson) into a document that parses to the same message.
#include "fuzzcommon.h"
#include "livemessage.h"

namespace {

void parse(const QJsonValue &json)
{
    using Etagere::LiveMessage;
    QString error;
    const std::optional<LiveMessage> message = LiveMessage::fromJson(json, &error);
    Fuzz::require(message.has_value() || !error.isEmpty(), "a refused message has a reason");
    if (!message)
        return;
    const QJsonObject written = message->toJson();
    QString again;
    const std::optional<LiveMessage> reparsed = LiveMessage::fromJson(written, &again);
    Fuzz::require(reparsed.has_value(), "a message written by toJson parses again");
    Fuzz::require(reparsed->toJson() == written, "a message survives toJson and fromJson");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::forEachDocument(Fuzz::bytes(data, size), parse);
    return 0;
}
