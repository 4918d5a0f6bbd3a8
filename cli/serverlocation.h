#pragma once

#include <QString>
#include <QUrl>

namespace Etagere {

struct CliOptions;

/// Which server etagere-cli talks to, and which journal it keeps for it: the same one the
/// desktop app keeps. With --server, the journal is keyed by the URL and the local user
/// (JournalLocation::path); without, the server is the app's embedded one, found through
/// the `endpoint` file in its data directory (`<AppLocalDataLocation>/server`, for the
/// application "Etagere" of the organization "Etagere"), and the journal is keyed by that
/// directory (JournalLocation::localPath), as the app does. Journals live in --journal-dir,
/// else `<AppLocalDataLocation>/journals`.
///
/// The session token comes from the environment variable ETAGERE_TOKEN (never from the
/// command line, where other users could read it); without it, the embedded server's own
/// LocalSession file in its data directory signs in the person who runs it.
struct ServerLocation
{
    QUrl url;
    QString journalPath; ///< slot 1; Journal::openFreeSlot() takes the next when it is held
    QByteArray token;    ///< the session's bearer token; empty when none is known
    QString error;       ///< why no server was found (then url is empty)

    [[nodiscard]] bool isValid() const { return error.isEmpty(); }

    /// Needs the application and organization names set (QStandardPaths).
    [[nodiscard]] static ServerLocation resolve(const CliOptions &options);
    /// The embedded server's data directory: `<AppLocalDataLocation>/server`.
    [[nodiscard]] static QString localServerDirectory();
};

} // namespace Etagere
