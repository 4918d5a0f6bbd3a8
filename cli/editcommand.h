#pragma once

#include "clicommand.h"

namespace Etagere {

class SyncEngine;

/// What `put` and `create` share. When the session is ready (the server's state is known
/// and the journal's edits are answered), the edit is checked against the schema and the
/// record (refused with nothing changed when bad), then made on a fresh engine before it
/// starts, so that it is in the journal first and reaches the server as one write. The
/// command then waits until the server acknowledged it (exit 0, the record printed), or
/// it conflicts or is refused (exit 5), or the server cannot be reached (exit 3: queued).
/// When the server cannot be reached from the start, the edit is checked against what the
/// journal knows and queued (exit 3); when the journal does not know the collection or
/// record yet, nothing is queued (exit 3 too, with a message saying so).
class EditCommand : public CliCommand
{
    Q_OBJECT

public:
    using CliCommand::CliCommand;

protected:
    /// Ok, or why the edit is refused (then nothing changes).
    [[nodiscard]] virtual ExitCode check(QString *error) const = 0;
    /// Makes the edit on `engine` (not started yet); false with *error when it could not.
    [[nodiscard]] virtual bool edit(SyncEngine *engine, QString *error) = 0;
    /// True when the engine knows what check() needs (the collection, the record).
    [[nodiscard]] virtual bool isKnownLocally() const = 0;
    /// The record edited; for a creation, known after edit().
    [[nodiscard]] virtual QString recordId() const = 0;
    [[nodiscard]] QString collection() const;

    void onReady() override;
    void onUnreachable(const QString &reason) override;

private:
    void apply(const QString &unreachableReason);
    void report();

    bool m_applied = false;
};

} // namespace Etagere
