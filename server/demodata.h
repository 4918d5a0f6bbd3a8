#pragma once

#include <QString>

namespace Etagere {

class Storage;

/// The `--demo` content: a collection `tasks` (title, notes, owner, priority, estimate,
/// due, done) with about twenty tasks of a small team.
class DemoData
{
public:
    static inline const QString CollectionName = QStringLiteral("tasks");

    /// Creates the collection and its records when `tasks` does not exist yet; leaves an
    /// existing one alone. Records are written as `author`. False when a write failed.
    [[nodiscard]] static bool install(Storage *storage, const QString &author);
};

} // namespace Etagere
