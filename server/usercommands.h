#pragma once

#include <QString>
#include <QStringList>

namespace Etagere {

/// The account subcommands of etagere-server, run on a data directory's database without
/// taking the directory's lock, so they work while a server runs on it (SQLite WAL and a
/// busy timeout keep both consistent; the server notices changes within 250 ms):
///
///     user add NAME        adds a user; the password is the first line of stdin
///     user passwd NAME     replaces the password (first line of stdin), ends its sessions
///     user remove NAME     removes the user, its grants and its sessions
///     user list            one line per user: name, role, password, grants (tab-separated)
///     grant NAME COLLECTION read|write|admin
///     revoke NAME COLLECTION
///
/// Exit codes (ServerOptions::ExitCode): 0 done; 1 runtime failure (database); 2 bad
/// command line (unknown command, wrong arguments, invalid name, right or collection name,
/// empty or too long password); 4 refused by the data (user exists, no such user, no such
/// grant). Anything but 0 changed nothing. Messages go to stderr, `user list` to stdout.
class UserCommands
{
public:
    /// Runs `command` (the positional arguments, `user`, `grant` or `revoke` first) on the
    /// database of `dataDir`. Call Credentials::initialize() first.
    [[nodiscard]] static int run(const QString &dataDir, const QStringList &command);
};

} // namespace Etagere
