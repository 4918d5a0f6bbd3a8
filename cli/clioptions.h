#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace Etagere {

/// The command line of etagere-cli, parsed and checked (QCommandLineParser::parse(); errors
/// are the caller's to report, with exit code 2). Checks what can be checked without the
/// server: the command and its number of arguments, collection names and record ids,
/// the JSON argument (an object), the --server URL and the --timeout value.
struct CliOptions
{
    enum class Action { Run, Help, Version, Error };

    Action action = Action::Run;
    QString error;        ///< for Action::Error: what is wrong, for people
    QString helpText;     ///< for Action::Help
    QUrl server;          ///< empty: the embedded local server
    QString journalDir;   ///< empty: <AppLocalDataLocation>/journals
    int timeoutMs = 60000;
    bool verbose = false;
    QString command;      ///< collections, list, get, put, create, watch
    QStringList arguments; ///< the command's arguments

    /// Parses `arguments` (argv, the program name first).
    [[nodiscard]] static CliOptions parse(const QStringList &arguments);
};

} // namespace Etagere
