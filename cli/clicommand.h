#pragma once

#include "exitcode.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>

namespace Etagere {

class CliSession;

/// One etagere-cli command. run() starts the session (which first sends what the journal
/// holds); the command acts when the session is ready, or reports the server unreachable
/// (exit code 3, edits stay queued). finished() is emitted once, with the exit code.
/// Subclasses implement onReady(); the session is not owned and must outlive the command.
class CliCommand : public QObject
{
    Q_OBJECT

public:
    CliCommand(CliSession *session, const QStringList &arguments, QObject *parent = nullptr);
    ~CliCommand() override;

    void run();
    /// SIGINT or SIGTERM: stops, exit code 130 (pending edits stay in the journal).
    virtual void interrupt();
    [[nodiscard]] bool isFinished() const;

Q_SIGNALS:
    void finished(int exitCode);

protected:
    virtual void onReady() = 0;
    /// Default: says how many edits stay queued, exit code 3.
    virtual void onUnreachable(const QString &reason);

    void finish(ExitCode code);
    /// Reports `message` on stderr, then finish(code).
    void fail(ExitCode code, const QString &message);
    /// Ok, or Unresolved after listing on stderr the edits this run could not deliver.
    [[nodiscard]] ExitCode reportUnresolved() const;
    /// Ok, or Rejected with *error when `collection` is unknown or `data` breaks its schema
    /// (as the engine knows them: this run's listing, else the journal's).
    [[nodiscard]] ExitCode checkData(const QString &collection, const QJsonObject &data, QString *error) const;
    /// False after fail(Rejected, ...) when the engine knows no such collection.
    [[nodiscard]] bool requireCollection(const QString &collection);
    /// "N edit(s) stay queued in the journal ..." for people.
    [[nodiscard]] QString queuedMessage() const;

    [[nodiscard]] CliSession *session() const;
    [[nodiscard]] const QStringList &arguments() const;

private:
    CliSession *m_session;
    QStringList m_arguments;
    bool m_finished = false;
};

} // namespace Etagere
