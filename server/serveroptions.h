#pragma once

#include <QHostAddress>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>

#include <optional>

namespace Etagere {

/// etagere-server's command line, parsed and checked. Two forms:
///
///     etagere-server --data DIR [serving options]          serve
///     etagere-server --data DIR user|grant|revoke ...       manage accounts (UserCommands)
///
/// Plain value type; parse() is the only way to make a valid one.
struct ServerOptions
{
    /// Exit codes shared by both forms.
    enum ExitCode { Success = 0, Failure = 1, UsageError = 2, DataDirInUse = 3, Refused = 4 };

    QString dataDir;
    QStringList command;       ///< the subcommand and its arguments; empty: serve
    QHostAddress address;
    quint16 port = 0;
    bool demo = false;
    qint64 retainChanges = 0;
    int pingInterval = -1;     ///< -1: the hub's default
    QString localUser;         ///< --local-user; empty: none
    qint64 sessionLifetimeMs = 0;
    double rateLimit = 0;      ///< requests per second per session or peer; 0: no limit
    QStringList allowedOrigins; ///< normalized
    QString tlsCertPath;
    QString tlsKeyPath;
    bool insecureListen = false;

    [[nodiscard]] bool isLoopback() const { return address.isLoopback(); }
    [[nodiscard]] bool wantsTls() const { return !tlsCertPath.isEmpty(); }

    /// Parses `arguments` (argv, program name first). Answers --help and --version itself
    /// (and exits). Returns -1 when *options is ready, else the exit code after printing the
    /// error on stderr.
    [[nodiscard]] static int parse(const QStringList &arguments, ServerOptions *options);
};

} // namespace Etagere
