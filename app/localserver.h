#pragma once

#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QTimer>
#include <QUrl>

namespace Etagere {

/// The embedded default server: starts `etagere-server --demo --listen 127.0.0.1
/// --port PORT --data DIR` and reports the URL it listens on, read from its standard output.
/// When that data directory is already held by a running server (exit code 3), reports
/// the URL that server wrote to DIR/endpoint instead (joins it).
///
/// Once ready, the port is remembered: recover() starts the server again on that same port
/// when it is gone (the application that started it quit, or it died), so that url() stays
/// valid for everything pointed at it. Whoever of several applications sharing DIR gets
/// there first owns the new server; the others join it at the same URL.
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
    /// The TCP port the server is started on: 0 (the default) picks a free one. After
    /// ready() it is the port of url(), which recover() uses again.
    [[nodiscard]] quint16 port() const;
    void setPort(quint16 port);
    /// How long the server may take to report its URL (default 15 s).
    void setStartTimeout(int ms);
    /// When the data directory is held but its endpoint file is not written yet (the holder
    /// is starting or stopping), start() tries again this often (default 250 ms), for as
    /// long as the start timeout allows.
    void setJoinRetryInterval(int ms);

    /// Starts the server; ready() or failed() follows.
    void start();
    /// After ready(), when the server at url() seems gone: starts it again on port(), or
    /// joins the server another application started there meanwhile. recovered() follows
    /// when a server answers at url() again (owned or joined), else recoveryFailed() (the
    /// port is taken by another program, the data directory is served at another URL, the
    /// server does not start). Does nothing while a start is in progress or while the
    /// server this object started is still running.
    void recover();
    /// True while start() or recover() waits for a result.
    [[nodiscard]] bool isStarting() const;
    /// Terminates the server this object started (SIGTERM, SIGKILL after 5 s); stopped()
    /// follows, at once when there is nothing to stop. Cancels a start in progress.
    void stop();

    [[nodiscard]] QUrl url() const;
    /// True when this object started the server at url() and it runs (false when it joined another).
    [[nodiscard]] bool ownsServer() const;

Q_SIGNALS:
    void ready(const QUrl &url);
    /// The server could not be started or reached; `message` is for people.
    void failed(const QString &message);
    /// The server this object started exited on its own after it was ready.
    void exitedUnexpectedly(const QString &message);
    /// recover() succeeded: a server answers at `url` (the same url() as before) again.
    void recovered(const QUrl &url);
    /// recover() failed; url() is unchanged but nothing of ours serves it. `message` is for people.
    void recoveryFailed(const QString &message);
    void stopped();

private:
    void launch();
    void releaseProcess();
    void onReadyRead();
    void onErrorOccurred(QProcess::ProcessError error);
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onDataDirInUse();
    void joinRunningServer(const QUrl &url);
    void fail(const QString &message);
    void succeed(const QUrl &url);

    QString m_program;
    QString m_dataDirectory;
    quint16 m_port = 0;
    QPointer<QProcess> m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
    QTimer m_startTimer;
    QTimer m_killTimer;
    QTimer m_joinRetryTimer; ///< the holder of the data directory has not written its endpoint yet
    QUrl m_url;
    bool m_recovering = false; ///< the attempt in progress is a recover(): url() must stay the same
    bool m_processReady = false; ///< the running process reported its URL
    bool m_stopping = false;
    bool m_failed = false; ///< this attempt failed and said so: report nothing more about it
};

} // namespace Etagere
