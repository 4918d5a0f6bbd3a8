#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace Etagere {

/// Runs a real `etagere-server` for a test: on a free loopback port (`--port 0`), with its
/// own temporary data directory (kept for the object's life) unless setDataDir() named one.
/// start() and restart() block until the server printed its `listening on URL` line
/// (at most 10 s); that is acceptable in tests only. The destructor terminates the server.
/// Not copyable; lives on the test's thread.
class TestServer
{
public:
    explicit TestServer(const QStringList &extraArgs = {});
    ~TestServer();
    TestServer(const TestServer &) = delete;
    TestServer &operator=(const TestServer &) = delete;

    /// Uses `path` as data directory instead of a temporary one. Call before start().
    void setDataDir(const QString &path);

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

private:
    [[nodiscard]] bool waitForListening();
    void readLocalSession();

    QStringList m_extraArgs;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    QString m_dataDir;
    std::unique_ptr<QProcess> m_process;
    QUrl m_url;
    QByteArray m_token;
    QString m_user;
    QString m_errorString;
};

} // namespace Etagere
