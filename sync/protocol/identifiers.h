#pragma once

#include <QString>

namespace Etagere {

/// `[a-z][a-z0-9_-]{0,63}`
[[nodiscard]] bool isValidCollectionName(QStringView name);
/// `[A-Za-z0-9_-]{1,128}`
[[nodiscard]] bool isValidRecordId(QStringView id);
/// `[a-z][a-z0-9_]{0,63}`: the name of a field in a collection schema.
[[nodiscard]] bool isValidFieldName(QStringView name);
/// A new random record id: a UUID without braces (matches isValidRecordId()).
[[nodiscard]] QString newRecordId();
/// Path of a record relative to the server root: `/v1/collections/{c}/records/{id}`.
/// Nothing is percent-encoded: pass a valid collection name and record id.
[[nodiscard]] QString recordPath(const QString &collection, const QString &id);
/// The login name of the operating-system user running this process (then `$USER`, then
/// "local"): the single built-in user of a local server, and the person at the keyboard.
[[nodiscard]] QString localUserName();

} // namespace Etagere
