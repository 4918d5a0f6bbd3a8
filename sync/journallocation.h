#pragma once

#include <QString>
#include <QUrl>

namespace Etagere {

/// Where the Journal of one server and user lives: one file per (server, user) pair, all
/// under one base directory the application chooses (the intent is
/// `QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/journals"`).
///
/// The file name is readable and unique: `<host>_<port>_<user>-<hash>.journal`, where
/// host (lower case) and user keep only `A-Z a-z 0-9 . -` (every other character becomes
/// `-`, each part is cut to 40 characters, an empty user reads `anonymous`), and `<hash>`
/// is the first 12 hex digits of the SHA-256 of the exact identity
/// `<scheme>://<host>:<port><path>` + `\n` + `<user>` (scheme and host lower case, the
/// default port written out, trailing slashes of the path dropped; user name, password,
/// query and fragment of the URL ignored). Two pairs that differ only where the readable
/// part is cut or replaced therefore still get different files; the same pair always
/// gets the same file. Pure functions, thread-safe.
class JournalLocation
{
public:
    /// The file name (no directory) of the journal of `user` on `server`.
    [[nodiscard]] static QString fileName(const QUrl &server, const QString &user);
    /// `baseDir` + `/` + fileName(server, user), cleaned (QDir::cleanPath).
    [[nodiscard]] static QString path(const QString &baseDir, const QUrl &server, const QString &user);
    /// The journal of `user` on the embedded local server whose data is in `dataDirectory`:
    /// `local_<user>-<hash>.journal` (hash of `local:<clean absolute path>` + `\n` + user).
    /// Keyed by the directory, not the URL: that server's port changes from run to run.
    [[nodiscard]] static QString localPath(const QString &baseDir, const QString &dataDirectory,
                                           const QString &user);
    /// `path` for the `slot`-th client of one server and user (slot 1 is `path` itself,
    /// slot n > 1 inserts `.n` before `.journal`): two windows of one user on one server
    /// each keep their own journal, since a journal belongs to one process at a time.
    [[nodiscard]] static QString slotPath(const QString &path, int slot);
};

} // namespace Etagere
