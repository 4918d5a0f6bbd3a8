#pragma once

#include "clicommand.h"

#include "networkaccess.h"

namespace Etagere {

class PushChannel;

/// `watch C`: once the journal's edits are sent, prints every change of C committed from
/// then on as one JSON line, the protocol's change object (`seq`, `collection`, `id`, `op`,
/// `etag`, `data`, `author`), in sequence order, each once, until SIGINT or SIGTERM
/// (exit code 0). Reads them from a PushChannel of its own, which resumes without a gap
/// after a lost connection; the engine is stopped once it has sent the journal's edits.
/// Says on stderr "watching C from seq N" when it starts, and when it loses the connection.
class WatchCommand : public CliCommand
{
    Q_OBJECT

public:
    using CliCommand::CliCommand;
    ~WatchCommand() override;

    void interrupt() override;

protected:
    void onReady() override;

private:
    void connectChannel(const QString &collection);

    NetworkAccess m_network;
    PushChannel *m_channel = nullptr;
};

} // namespace Etagere
