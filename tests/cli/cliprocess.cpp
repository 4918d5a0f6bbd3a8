#include "cliprocess.h"

#include <QJsonDocument>
#include <QSignalSpy>

namespace Etagere {

CliProcess::CliProcess(QObject *parent)
    : QObject(parent)
{
    connect(&m_process, &QProcess::readyReadStandardOutput, this,
            [this] { m_stdout += m_process.readAllStandardOutput(); });
    connect(&m_process, &QProcess::readyReadStandardError, this,
            [this] { m_stderr += m_process.readAllStandardError(); });
    connect(&m_process, &QProcess::finished, this, [this] {
        m_stdout += m_process.readAllStandardOutput();
        m_stderr += m_process.readAllStandardError();
        Q_EMIT finished();
    });
}

CliProcess::~CliProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        QSignalSpy spy(&m_process, &QProcess::finished);
        (void)spy.wait(5000);
    }
}

QString CliProcess::executablePath()
{
    return QStringLiteral(ETAGERE_CLI_PATH);
}

void CliProcess::setEnvironment(const QProcessEnvironment &environment)
{
    m_process.setProcessEnvironment(environment);
}

void CliProcess::start(const QStringList &arguments)
{
    m_stdout.clear();
    m_stderr.clear();
    m_process.start(executablePath(), arguments);
}

bool CliProcess::run(const QStringList &arguments, int timeoutMs)
{
    QSignalSpy spy(this, &CliProcess::finished);
    start(arguments);
    return spy.wait(timeoutMs);
}

QProcess *CliProcess::process() { return &m_process; }
bool CliProcess::isRunning() const { return m_process.state() != QProcess::NotRunning; }
int CliProcess::exitCode() const { return m_process.exitCode(); }
bool CliProcess::crashed() const { return m_process.exitStatus() == QProcess::CrashExit; }
QByteArray CliProcess::standardOutput() const { return m_stdout; }
QString CliProcess::standardError() const { return QString::fromUtf8(m_stderr); }

QList<QJsonObject> CliProcess::jsonLines() const
{
    QList<QJsonObject> objects;
    for (const QByteArray &line : m_stdout.split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonDocument document = QJsonDocument::fromJson(line);
        if (!document.isObject())
            return {};
        objects.append(document.object());
    }
    return objects;
}

} // namespace Etagere
