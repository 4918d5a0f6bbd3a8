#pragma once

#include <QString>
#include <QVariant>

namespace Etagere {

/// A second, plain SQLite connection to a file (a journal, say): what another tool, or a
/// failure, does to it behind its owner's back. Closed in the destructor. Test code only.
class RawDatabase
{
public:
    explicit RawDatabase(const QString &path);
    ~RawDatabase();
    RawDatabase(const RawDatabase &) = delete;
    RawDatabase &operator=(const RawDatabase &) = delete;

    /// Runs one statement; false when the file could not be opened or the statement failed.
    [[nodiscard]] bool exec(const QString &sql) const;
    /// The first column of the first row `sql` answers; invalid on failure.
    [[nodiscard]] QVariant value(const QString &sql) const;

    /// A trigger "poison" that makes every `event` (INSERT or DELETE) on `table` fail with
    /// "injected failure", for rows whose `column` equals `value` (every row when empty).
    [[nodiscard]] static QString poisonTrigger(const QString &event, const QString &table,
                                               const QString &column = {}, const QString &value = {});

private:
    QString m_name;
    bool m_open = false;
};

} // namespace Etagere
