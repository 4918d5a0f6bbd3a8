#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

#include <memory>

class QProcess;

namespace Etagere {

class LocalServer;
class NetworkAccess;

/// `etagere --demo`: live editing shown in one command. Starts the embedded server on a
/// data directory of its own (demo data, apart from the user's), makes two accounts with
/// one-time random passwords through `etagere-server --data DIR user add|passwd` and
/// `grant` (run as processes, asynchronously), signs each in, and opens one window per
/// person: two `etagere` processes side by side, each given the server, its account
/// (`--account`) and its token (environment ETAGERE_TOKEN, never the command line).
/// Quits (finished()) when both windows are closed, after stopping the server.
/// Owns the server and the two processes. GUI thread.
class DemoLauncher : public QObject
{
    Q_OBJECT

public:
    /// The two people of the demo.
    static inline const QStringList People = {QStringLiteral("alice"), QStringLiteral("bob")};

    explicit DemoLauncher(QObject *parent = nullptr);
    ~DemoLauncher() override;

    /// For tests: the server program, the data directory and the app program (defaults:
    /// next to this executable, `<AppLocalDataLocation>/demo-server`, this executable).
    void setPaths(const QString &serverProgram, const QString &dataDirectory, const QString &appProgram);
    void start();
    /// The windows' processes, once started.
    [[nodiscard]] QList<QProcess *> windows() const;
    [[nodiscard]] QUrl serverUrl() const;

Q_SIGNALS:
    /// Both windows are open (their processes started).
    void windowsStarted();
    /// Everything is over; `exitCode` 0 unless the demo could not start (`error` says why).
    void finished(int exitCode, const QString &error);

private:
    void onServerReady(const QUrl &url);
    void runServerCommand(const QStringList &arguments, const QByteArray &input,
                          const std::function<void(bool ok)> &then);
    void preparePerson(int index);
    void signIn(int index, const QString &password);
    void openWindow(int index, const QByteArray &token);
    void onWindowClosed();
    void fail(const QString &error);

    QString m_serverProgram;
    QString m_dataDirectory;
    QString m_appProgram;
    LocalServer *m_server = nullptr;
    std::unique_ptr<NetworkAccess> m_network;
    QList<QPointer<QProcess>> m_windows;
    int m_open = 0;
    bool m_finishing = false;
};

} // namespace Etagere
