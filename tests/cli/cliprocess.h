#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QStringList>

namespace Etagere {

/// One run of the etagere-cli executable for a test, asynchronous (QProcess): start(),
/// then wait for finished() with QSignalSpy/QTRY, or kill it. Collects stdout and stderr.
/// Test code only; lives on the test's thread.
class CliProcess : public QObject
{
    Q_OBJECT

public:
    explicit CliProcess(QObject *parent = nullptr);
    ~CliProcess() override;

    /// Environment of the next start(); the test's own by default.
    void setEnvironment(const QProcessEnvironment &environment);
    void start(const QStringList &arguments);
    /// start(), then waits (QSignalSpy) at most `timeoutMs` for the exit. False on timeout.
    [[nodiscard]] bool run(const QStringList &arguments, int timeoutMs = 30000);

    [[nodiscard]] QProcess *process();
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] int exitCode() const;
    [[nodiscard]] bool crashed() const; ///< ended by a signal
    [[nodiscard]] QByteArray standardOutput() const;
    [[nodiscard]] QString standardError() const;
    /// stdout as JSON objects, one a line; a line that is not an object fails the parse (empty list).
    [[nodiscard]] QList<QJsonObject> jsonLines() const;

    /// Path of the etagere-cli executable the tests run.
    [[nodiscard]] static QString executablePath();

Q_SIGNALS:
    void finished();

private:
    QProcess m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
};

} // namespace Etagere
