#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace Etagere {

/// Runs a real `etagere-server` for a test: on a free loopback port (`--port 0`), with its
/// own temporary data directory (kept for the object's life) unless setDataDir() named one,
/// as the local user `etagere-test` (`--local-user`, a server admin) unless the extra
/// arguments name another one or setLocalUser() turned it off. start() and restart() block
/// until the server printed its `listening on URL` line (at most 10 s); that is acceptable
/// in tests only. The account helpers run `etagere-server --data DIR user|grant|revoke ...`
/// and wait for it (at most 10 s); they work whether the server runs or not. The destructor
/// terminates the server. Not copyable; lives on the test's thread.
class TestServer
{
public:
    /// The local user of every test server that does not ask for another one.
    static inline const QString DefaultLocalUser = QStringLiteral("etagere-test");

    /// What an account subcommand did.
    struct CommandResult
    {
        int exitCode = -1; ///< -1 when it crashed or did not finish in time
        QByteArray out;
        QByteArray err;
    };

    explicit TestServer(const QStringList &extraArgs = {});
    ~TestServer();
    TestServer(const TestServer &) = delete;
    TestServer &operator=(const TestServer &) = delete;

    /// Uses `path` as data directory instead of a temporary one. Call before start().
    void setDataDir(const QString &path);
    /// The local user to serve; empty: none (needed for a non-loopback listen). Call before
    /// start(); `--local-user` in the extra arguments wins.
    void setLocalUser(const QString &user);
    /// Serves https/wss with these PEM files (`--tls-cert`, `--tls-key`). Call before start().
    void setTls(const QString &certificatePath, const QString &keyPath);

    /// Starts the server and waits for its listening line. False (see errorString()) when
    /// the server could not start, exited, or did not report within 10 s.
    [[nodiscard]] bool start();
    /// Kills the server with SIGKILL and waits until it is gone. No-op when not running.
    void kill();
    /// Stops the server with SIGTERM and waits (a clean shutdown). No-op when not running.
    void terminate();
    /// Starts the server again on the same data directory (the port may change).
    [[nodiscard]] bool restart();

    [[nodiscard]] bool isRunning() const;
    /// The server's base URL, for example `http://127.0.0.1:40123`; empty until started.
    [[nodiscard]] QUrl url() const;
    [[nodiscard]] QString dataDir() const;
    /// The server process's id (for tests that freeze it with SIGSTOP); 0 when not running.
    [[nodiscard]] qint64 processId() const;
    /// Why the last start() failed, with what the server wrote to stderr.
    [[nodiscard]] QString errorString() const;
    /// The session of the server's built-in local user (LocalSession, `DIR/local-token`),
    /// read when start() succeeded; empty when the server wrote none.
    [[nodiscard]] QByteArray token() const;
    [[nodiscard]] QString user() const;
    /// Path of the server executable the tests run.
    [[nodiscard]] static QString executablePath();

    // Accounts, through the server's own command line.
    /// `user add NAME` with `password`; true when it exited with 0.
    [[nodiscard]] bool addUser(const QString &name, const QString &password);
    /// `grant NAME COLLECTION RIGHT` (read, write or admin); true when it exited with 0.
    [[nodiscard]] bool grant(const QString &name, const QString &collection, const QString &right);
    /// `revoke NAME COLLECTION`; true when it exited with 0.
    [[nodiscard]] bool revoke(const QString &name, const QString &collection);
    /// `user remove NAME`; true when it exited with 0.
    [[nodiscard]] bool removeUser(const QString &name);
    /// Runs `etagere-server --data DIR <command>` with `input` on stdin.
    [[nodiscard]] CommandResult runCommand(const QStringList &command, const QByteArray &input = {});

private:
    [[nodiscard]] bool ensureDataDir();
    [[nodiscard]] QStringList arguments() const;
    [[nodiscard]] bool waitForListening();
    void readLocalSession();

    QStringList m_extraArgs;
    QString m_localUser = DefaultLocalUser;
    QString m_tlsCertificate;
    QString m_tlsKey;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    QString m_dataDir;
    std::unique_ptr<QProcess> m_process;
    QUrl m_url;
    QByteArray m_token;
    QString m_user;
    QString m_errorString;
};

} // namespace Etagere
