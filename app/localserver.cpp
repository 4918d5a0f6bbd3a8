#include "localserver.h"

#include "applogging_p.h"
#include "identifiers.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

constexpr int KillDelayMs = 5000;
constexpr int DefaultStartTimeoutMs = 15000;
constexpr int DefaultJoinRetryMs = 250;
constexpr qsizetype MaxKeptOutput = 64 * 1024;

/// The URL in a `listening on http://...` line, or an invalid URL.
QUrl listeningUrl(const QByteArray &line)
{
    static const QRegularExpression pattern(u"listening on (https?://\\S+)"_s);
    const QRegularExpressionMatch match = pattern.match(QString::fromUtf8(line));
    return match.hasMatch() ? QUrl(match.captured(1), QUrl::StrictMode) : QUrl();
}

QString lastLines(const QByteArray &output, int count)
{
    QStringList lines = QString::fromLocal8Bit(output).trimmed().split(u'\n', Qt::SkipEmptyParts);
    if (lines.size() > count)
        lines = lines.mid(lines.size() - count);
    return lines.join(u'\n');
}

} // namespace

LocalServer::LocalServer(QObject *parent)
    : QObject(parent)
    , m_program(QDir(QCoreApplication::applicationDirPath()).filePath(u"etagere-server"_s))
    , m_dataDirectory(QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
                          .filePath(u"server"_s))
{
    m_startTimer.setSingleShot(true);
    m_startTimer.setInterval(DefaultStartTimeoutMs);
    connect(&m_startTimer, &QTimer::timeout, this, [this] {
        fail(tr("The local server did not report its address in time."));
        if (m_process)
            m_process->kill();
    });
    m_killTimer.setSingleShot(true);
    m_killTimer.setInterval(KillDelayMs);
    connect(&m_killTimer, &QTimer::timeout, this, [this] {
        if (m_process)
            m_process->kill();
    });
    m_joinRetryTimer.setSingleShot(true);
    m_joinRetryTimer.setInterval(DefaultJoinRetryMs);
    connect(&m_joinRetryTimer, &QTimer::timeout, this, &LocalServer::launch);
}

LocalServer::~LocalServer()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        qCWarning(lcApp) << "local server still running at exit: killing it";
        m_process->disconnect(this);
        m_process->kill(); // QProcess's destructor reaps it
    }
}

QString LocalServer::program() const
{
    return m_program;
}

void LocalServer::setProgram(const QString &path)
{
    m_program = path;
}

QString LocalServer::dataDirectory() const
{
    return m_dataDirectory;
}

void LocalServer::setDataDirectory(const QString &path)
{
    m_dataDirectory = path;
}

quint16 LocalServer::port() const
{
    return m_port;
}

void LocalServer::setPort(quint16 port)
{
    m_port = port;
}

void LocalServer::setStartTimeout(int ms)
{
    m_startTimer.setInterval(ms);
}

void LocalServer::setJoinRetryInterval(int ms)
{
    m_joinRetryTimer.setInterval(ms);
}

QUrl LocalServer::url() const
{
    return m_url;
}

bool LocalServer::ownsServer() const
{
    return m_processReady && m_process && m_process->state() != QProcess::NotRunning;
}

bool LocalServer::isStarting() const
{
    return m_startTimer.isActive();
}

void LocalServer::start()
{
    Q_ASSERT(!m_process && !isStarting() && !m_url.isValid());
    m_failed = false;
    m_recovering = false;
    m_startTimer.start();
    launch();
}

void LocalServer::recover()
{
    Q_ASSERT(m_url.isValid()); // only after ready()
    if (isStarting() || ownsServer() || m_stopping)
        return;
    qCInfo(lcApp) << "recovering the local server at" << m_url;
    m_failed = false;
    m_recovering = true;
    m_startTimer.start();
    launch();
}

// One attempt to run the server: a process that prints its URL, or exits with code 3 when
// the data directory is held (then we join), or fails. start()/recover() time the whole.
void LocalServer::launch()
{
    if (!QDir().mkpath(m_dataDirectory)) {
        fail(tr("Cannot create the data folder %1.").arg(QDir::toNativeSeparators(m_dataDirectory)));
        return;
    }
    m_stdout.clear();
    m_stderr.clear();
    m_processReady = false;
    auto *process = new QProcess(this);
    m_process = process;
    connect(process, &QProcess::readyReadStandardOutput, this, &LocalServer::onReadyRead);
    connect(process, &QProcess::readyReadStandardError, this, [this, process] {
        m_stderr.append(process->readAllStandardError());
        if (m_stderr.size() > MaxKeptOutput)
            m_stderr = m_stderr.right(MaxKeptOutput);
    });
    connect(process, &QProcess::errorOccurred, this, &LocalServer::onErrorOccurred);
    connect(process, &QProcess::finished, this, &LocalServer::onFinished);
    const QStringList arguments = {u"--demo"_s, u"--listen"_s,          u"127.0.0.1"_s, u"--port"_s,
                                   QString::number(m_port), u"--data"_s, m_dataDirectory,
                                   u"--local-user"_s, localUserName()};
    qCInfo(lcApp) << "starting" << m_program << arguments;
    process->start(m_program, arguments);
}

// The process is finished with (or never started): forget it without hearing more from it.
void LocalServer::releaseProcess()
{
    if (!m_process)
        return;
    QProcess *process = m_process;
    m_process.clear();
    process->disconnect(this);
    process->deleteLater();
}

void LocalServer::onReadyRead()
{
    m_stdout.append(m_process->readAllStandardOutput());
    qsizetype end = 0;
    while (!m_processReady && (end = m_stdout.indexOf('\n')) >= 0) {
        const QByteArray line = m_stdout.left(end);
        m_stdout.remove(0, end + 1);
        if (const QUrl url = listeningUrl(line); url.isValid()) {
            m_processReady = true;
            succeed(url);
        }
    }
    if (m_processReady)
        m_stdout.clear(); // nothing more to read from it
}

void LocalServer::onErrorOccurred(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart)
        return; // crashes and exits arrive through finished()
    const QString reason = m_process->errorString();
    releaseProcess(); // no finished() follows a failed start
    fail(tr("Cannot start the local server %1: %2").arg(QDir::toNativeSeparators(m_program), reason));
}

void LocalServer::onFinished(int exitCode, QProcess::ExitStatus status)
{
    m_killTimer.stop();
    const QString details = lastLines(m_stderr, 3);
    const bool wasReady = std::exchange(m_processReady, false);
    qCInfo(lcApp) << "local server finished, exit code" << exitCode << status;
    releaseProcess();
    if (std::exchange(m_stopping, false)) {
        emit stopped();
    } else if (m_failed) {
        return; // already reported
    } else if (wasReady) {
        emit exitedUnexpectedly(tr("The local server stopped (exit code %1). %2").arg(exitCode).arg(details));
    } else if (status == QProcess::NormalExit && exitCode == DataDirInUseExitCode) {
        onDataDirInUse();
    } else if (m_recovering) {
        fail(tr("The local server could not start again at %1 (exit code %2).\n%3")
                 .arg(m_url.toDisplayString())
                 .arg(exitCode)
                 .arg(details));
    } else {
        fail(tr("The local server stopped before it was ready (exit code %1).\n%2").arg(exitCode).arg(details));
    }
}

// Another etagere-server holds our data directory (an earlier run of the app, or another
// window): it writes its address to the file `endpoint` there once it listens, and removes
// it when it stops. No file yet: that server is starting or stopping, so try again shortly.
void LocalServer::onDataDirInUse()
{
    QFile file(QDir(m_dataDirectory).filePath(u"endpoint"_s));
    if (!file.open(QIODevice::ReadOnly)) {
        if (m_startTimer.remainingTime() > m_joinRetryTimer.interval()) {
            qCDebug(lcApp) << "data directory held, no endpoint yet: trying again";
            m_joinRetryTimer.start();
            return;
        }
        fail(tr("Another server uses %1, but its address cannot be read: %2")
                 .arg(QDir::toNativeSeparators(m_dataDirectory), file.errorString()));
        return;
    }
    const QUrl url(QString::fromUtf8(file.readLine(4096)).trimmed(), QUrl::StrictMode);
    if (!url.isValid() || !url.scheme().startsWith(u"http"_s) || url.host().isEmpty()) {
        fail(tr("Another server uses %1, but its address file is not valid.")
                 .arg(QDir::toNativeSeparators(m_dataDirectory)));
        return;
    }
    joinRunningServer(url);
}

void LocalServer::joinRunningServer(const QUrl &url)
{
    qCInfo(lcApp) << "joining the server already running at" << url;
    succeed(url);
}

void LocalServer::succeed(const QUrl &url)
{
    if (m_recovering && url != m_url) {
        // Our own server cannot move (same address and port), but another one can listen
        // elsewhere: everything here is pointed at m_url, so say so rather than talk to nothing.
        fail(tr("Another Etagere server now serves %1 at %2, but this window works with %3. "
                "Restart Etagere to use it.")
                 .arg(QDir::toNativeSeparators(m_dataDirectory), url.toDisplayString(), m_url.toDisplayString()));
        if (m_processReady && m_process)
            m_process->terminate();
        return;
    }
    m_startTimer.stop();
    qCInfo(lcApp) << "local server at" << url << (m_processReady ? "(ours)" : "(joined)");
    if (std::exchange(m_recovering, false)) {
        emit recovered(url);
        return;
    }
    m_url = url;
    m_port = quint16(url.port());
    emit ready(url);
}

void LocalServer::fail(const QString &message)
{
    m_startTimer.stop();
    m_joinRetryTimer.stop();
    if (std::exchange(m_failed, true))
        return;
    qCWarning(lcApp).noquote() << message;
    if (std::exchange(m_recovering, false))
        emit recoveryFailed(message);
    else
        emit failed(message);
}

void LocalServer::stop()
{
    m_startTimer.stop();
    m_joinRetryTimer.stop();
    m_recovering = false;
    if (!m_process || m_process->state() == QProcess::NotRunning) {
        emit stopped();
        return;
    }
    m_stopping = true;
    m_process->terminate(); // SIGTERM: the server shuts down cleanly
    m_killTimer.start();
}

} // namespace Etagere
