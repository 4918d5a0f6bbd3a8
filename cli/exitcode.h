#pragma once

namespace Etagere {

/// The exit codes of etagere-cli (documented in --help and README.md).
enum class ExitCode : int {
    Ok = 0,          ///< done; every edit of the run is on the server
    Failure = 1,     ///< runtime failure: the journal cannot be opened or written, ...
    Usage = 2,       ///< command-line error: unknown option or command, missing argument, bad JSON
    Queued = 3,      ///< the server cannot be reached: pending edits stay in the journal
    Rejected = 4,    ///< bad input for this server: unknown collection or record, schema violation
    Unresolved = 5,  ///< the server refused an edit or it conflicts: left for etagere to resolve
    Interrupted = 130, ///< SIGINT or SIGTERM before the command finished (not for watch)
};

[[nodiscard]] constexpr int toInt(ExitCode code) { return static_cast<int>(code); }

} // namespace Etagere
