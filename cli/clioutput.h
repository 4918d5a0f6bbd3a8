#pragma once

#include <QJsonObject>
#include <QString>

namespace Etagere {

struct RecordState;

/// Output of etagere-cli: data as JSON lines on stdout, messages for people on stderr.
/// Each call writes whole lines and flushes, so a reader (or a test) sees them at once.
namespace CliOutput {

/// Writes `object` as one line of compact JSON on stdout.
void printJson(const QJsonObject &object);
/// Writes `message` and a newline on stderr, prefixed with `etagere-cli: `.
void printMessage(const QString &message);
/// A record as etagere-cli prints it: `{"collection", "id", "etag", "data", "pending"}`;
/// `data` is the local copy, `etag` null while the server has never acknowledged it. No
/// `seq`: the engine does not update a record's number when it acknowledges our own write.
[[nodiscard]] QJsonObject recordJson(const RecordState &state);

} // namespace CliOutput

} // namespace Etagere
