#include "localserver.h"

#include "applogging_p.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

constexpr int KillDelayMs = 5000;
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
    m_startTimer.setInterval(15000);
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

void LocalServer::setStartTimeout(int ms)
{
    m_startTimer.setInterval(ms);
}

QUrl LocalServer::url() const
{
    return m_url;
}

bool LocalServer::ownsServer() const
{
    return m_url.isValid() && m_process && m_process->state() != QProcess::NotRunning;
}

void LocalServer::start()
{
    Q_ASSERT(!m_process);
    if (!QDir().mkpath(m_dataDirectory)) {
        fail(tr("Cannot create the data folder %1.").arg(QDir::toNativeSeparators(m_dataDirectory)));
        return;
    }
    m_process = new QProcess(this);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &LocalServer::onReadyRead);
    connect(m_process, &QProcess::readyReadStandardError, this, [this] {
        m_stderr.append(m_process->readAllStandardError());
        if (m_stderr.size() > MaxKeptOutput)
            m_stderr = m_stderr.right(MaxKeptOutput);
    });
    connect(m_process, &QProcess::errorOccurred, this, &LocalServer::onErrorOccurred);
    connect(m_process, &QProcess::finished, this, &LocalServer::onFinished);
    const QStringList arguments = {u"--demo"_s, u"--listen"_s, u"127.0.0.1"_s, u"--port"_s, u"0"_s,
                                   u"--data"_s, m_dataDirectory};
    qCInfo(lcApp) << "starting" << m_program << arguments;
    m_startTimer.start();
    m_process->start(m_program, arguments);
}

void LocalServer::onReadyRead()
{
    m_stdout.append(m_process->readAllStandardOutput());
    qsizetype end = 0;
    while (!m_url.isValid() && (end = m_stdout.indexOf('\n')) >= 0) {
        const QByteArray line = m_stdout.left(end);
        m_stdout.remove(0, end + 1);
        if (const QUrl url = listeningUrl(line); url.isValid())
            succeed(url);
    }
    if (m_url.isValid())
        m_stdout.clear(); // nothing more to read from it
}

void LocalServer::onErrorOccurred(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart)
        return; // crashes and exits arrive through finished()
    fail(tr("Cannot start the local server %1: %2")
             .arg(QDir::toNativeSeparators(m_program), m_process->errorString()));
}

void LocalServer::onFinished(int exitCode, QProcess::ExitStatus status)
{
    m_startTimer.stop();
    m_killTimer.stop();
    const QString details = lastLines(m_stderr, 3);
    qCInfo(lcApp) << "local server finished, exit code" << exitCode << status;
    m_process->deleteLater();
    if (m_stopping) {
        emit stopped();
    } else if (m_failed) {
        return; // already reported
    } else if (m_url.isValid()) {
        emit exitedUnexpectedly(tr("The local server stopped (exit code %1). %2").arg(exitCode).arg(details));
    } else if (status == QProcess::NormalExit && exitCode == DataDirInUseExitCode) {
        joinRunningServer();
    } else {
        fail(tr("The local server stopped before it was ready (exit code %1).\n%2").arg(exitCode).arg(details));
    }
}

// Another etagere-server holds our data directory (an earlier run of the app, say): it
// wrote its address to the file `endpoint` there, so use that server.
void LocalServer::joinRunningServer()
{
    QFile file(QDir(m_dataDirectory).filePath(u"endpoint"_s));
    if (!file.open(QIODevice::ReadOnly)) {
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
    qCInfo(lcApp) << "joining the server already running at" << url;
    succeed(url);
}

void LocalServer::succeed(const QUrl &url)
{
    m_startTimer.stop();
    m_url = url;
    qCInfo(lcApp) << "local server at" << url;
    emit ready(url);
}

void LocalServer::fail(const QString &message)
{
    m_startTimer.stop();
    if (std::exchange(m_failed, true))
        return;
    qCWarning(lcApp).noquote() << message;
    emit failed(message);
}

void LocalServer::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning) {
        emit stopped();
        return;
    }
    m_stopping = true;
    m_process->terminate(); // SIGTERM: the server shuts down cleanly
    m_killTimer.start();
}

} // namespace Etagere
