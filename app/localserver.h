#pragma once

#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QTimer>
#include <QUrl>

namespace Etagere {

/// The embedded default server: starts `etagere-server --demo --listen 127.0.0.1
/// --port 0 --data DIR` and reports the URL it listens on, read from its standard output.
/// When that data directory is already held by a running server (exit code 3), reports
/// the URL that server wrote to DIR/endpoint instead.
///
/// Entirely asynchronous (QProcess signals, no waitFor*). Owns the process it started and
/// terminates it (SIGTERM) in stop(); the destructor kills it if it is still running.
/// Lives in the GUI thread.
class LocalServer : public QObject
{
    Q_OBJECT

public:
    /// Exit code of etagere-server when another server holds the data directory.
    static constexpr int DataDirInUseExitCode = 3;

    explicit LocalServer(QObject *parent = nullptr);
    ~LocalServer() override;

    /// The server executable; defaults to etagere-server next to this application's binary.
    [[nodiscard]] QString program() const;
    void setProgram(const QString &path);
    /// The server's data directory; defaults to <AppLocalDataLocation>/server.
    [[nodiscard]] QString dataDirectory() const;
    void setDataDirectory(const QString &path);
    /// How long the server may take to report its URL (default 15 s).
    void setStartTimeout(int ms);

    /// Starts the server; ready() or failed() follows.
    void start();
    /// Terminates the server this object started (SIGTERM, SIGKILL after 5 s); stopped()
    /// follows, at once when there is nothing to stop.
    void stop();

    [[nodiscard]] QUrl url() const;
    /// True when this object started the server at url() (false when it joined another).
    [[nodiscard]] bool ownsServer() const;

Q_SIGNALS:
    void ready(const QUrl &url);
    /// The server could not be started or reached; `message` is for people.
    void failed(const QString &message);
    /// The server this object started exited on its own after ready().
    void exitedUnexpectedly(const QString &message);
    void stopped();

private:
    void onReadyRead();
    void onErrorOccurred(QProcess::ProcessError error);
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void joinRunningServer();
    void fail(const QString &message);
    void succeed(const QUrl &url);

    QString m_program;
    QString m_dataDirectory;
    QPointer<QProcess> m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
    QTimer m_startTimer;
    QTimer m_killTimer;
    QUrl m_url;
    bool m_stopping = false;
    bool m_failed = false; ///< failed() was emitted: report nothing more
};

} // namespace Etagere
