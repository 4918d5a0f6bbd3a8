#pragma once

#include "terminationsignals.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace Etagere {

class CliCommand;
class CliSession;
class LoginCommand;
struct CliOptions;

/// The etagere-cli program: parses the command line, finds the server and its journal,
/// runs the command, and reports its exit code. Exit codes: see ExitCode and --help.
/// Lives on the main thread, with a QCoreApplication.
class Cli : public QObject
{
    Q_OBJECT

public:
    explicit Cli(QObject *parent = nullptr);
    ~Cli() override;

    /// Answers at once what needs no server (--help, --version, a usage error) and returns
    /// the exit code; otherwise starts the command, returns -1, and finished() follows.
    [[nodiscard]] int start(const QStringList &arguments);

Q_SIGNALS:
    void finished(int exitCode);

private:
    [[nodiscard]] int startCommand(const CliOptions &options);
    [[nodiscard]] std::unique_ptr<CliCommand> makeCommand(const CliOptions &options);

    TerminationSignals m_signals;
    std::unique_ptr<CliSession> m_session;
    std::unique_ptr<CliCommand> m_command;
    std::unique_ptr<LoginCommand> m_login;
};

} // namespace Etagere
