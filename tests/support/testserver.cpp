#include "testserver.h"

#include "localsession.h"

#include <QDeadlineTimer>
#include <QDir>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {
constexpr int StartTimeoutMs = 10000;
constexpr int StopTimeoutMs = 5000;
constexpr int CommandTimeoutMs = 10000;
const QByteArray ListeningPrefix = "listening on "_ba;
} // namespace

TestServer::TestServer(const QStringList &extraArgs)
    : m_extraArgs(extraArgs)
{
}

TestServer::~TestServer()
{
    terminate();
}

void TestServer::setDataDir(const QString &path)
{
    Q_ASSERT(!isRunning());
    m_dataDir = path;
}

QString TestServer::executablePath()
{
    return QStringLiteral(ETAGERE_SERVER_PATH);
}

void TestServer::setLocalUser(const QString &user)
{
    Q_ASSERT(!isRunning());
    m_localUser = user;
}

void TestServer::setTls(const QString &certificatePath, const QString &keyPath)
{
    Q_ASSERT(!isRunning());
    m_tlsCertificate = certificatePath;
    m_tlsKey = keyPath;
}

bool TestServer::ensureDataDir()
{
    if (!m_dataDir.isEmpty())
        return true;
    m_tempDir = std::make_unique<QTemporaryDir>();
    if (!m_tempDir->isValid()) {
        m_errorString = u"cannot create a temporary directory: "_s + m_tempDir->errorString();
        return false;
    }
    m_dataDir = m_tempDir->path();
    return true;
}

QStringList TestServer::arguments() const
{
    QStringList args{u"--data"_s, m_dataDir, u"--listen"_s, u"127.0.0.1"_s, u"--port"_s, u"0"_s};
    if (!m_localUser.isEmpty() && !m_extraArgs.contains(u"--local-user"_s))
        args += {u"--local-user"_s, m_localUser};
    if (!m_tlsCertificate.isEmpty())
        args += {u"--tls-cert"_s, m_tlsCertificate, u"--tls-key"_s, m_tlsKey};
    return args + m_extraArgs;
}

bool TestServer::start()
{
    Q_ASSERT(!isRunning());
    m_url.clear();
    m_token.clear();
    m_user.clear();
    m_errorString.clear();
    if (!ensureDataDir())
        return false;
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->start(executablePath(), arguments());
    return waitForListening();
}

TestServer::CommandResult TestServer::runCommand(const QStringList &command, const QByteArray &input)
{
    CommandResult result;
    if (!ensureDataDir())
        return result;
    QProcess process;
    process.start(executablePath(), QStringList{u"--data"_s, m_dataDir} + command);
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(CommandTimeoutMs)) {
        process.kill();
        process.waitForFinished(StopTimeoutMs);
        return result;
    }
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    if (process.exitStatus() == QProcess::NormalExit)
        result.exitCode = process.exitCode();
    return result;
}

bool TestServer::addUser(const QString &name, const QString &password)
{
    return runCommand({u"user"_s, u"add"_s, name}, password.toUtf8() + '\n').exitCode == 0;
}

bool TestServer::grant(const QString &name, const QString &collection, const QString &right)
{
    return runCommand({u"grant"_s, name, collection, right}).exitCode == 0;
}

bool TestServer::revoke(const QString &name, const QString &collection)
{
    return runCommand({u"revoke"_s, name, collection}).exitCode == 0;
}

bool TestServer::removeUser(const QString &name)
{
    return runCommand({u"user"_s, u"remove"_s, name}).exitCode == 0;
}

bool TestServer::waitForListening()
{
    QDeadlineTimer deadline(StartTimeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process->canReadLine()) {
            const QByteArray line = m_process->readLine().trimmed();
            if (line.startsWith(ListeningPrefix)) {
                m_url = QUrl(QString::fromUtf8(line.mid(ListeningPrefix.size())));
                readLocalSession();
                return m_url.isValid();
            }
            continue;
        }
        if (m_process->state() == QProcess::NotRunning) {
            m_errorString = u"server did not start (exit code %1, %2); see its stderr"_s
                                .arg(m_process->exitCode())
                                .arg(m_process->errorString());
            return false;
        }
        m_process->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    }
    m_errorString = u"server did not report listening within 10 s"_s;
    kill();
    return false;
}

void TestServer::kill()
{
    if (!isRunning())
        return;
    m_process->kill();
    m_process->waitForFinished(StopTimeoutMs);
}

void TestServer::terminate()
{
    if (!isRunning())
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(StopTimeoutMs))
        kill();
}

bool TestServer::restart()
{
    terminate();
    return start();
}

bool TestServer::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

QUrl TestServer::url() const
{
    return m_url;
}

void TestServer::readLocalSession()
{
    const std::optional<LocalSession> session = LocalSession::read(m_dataDir);
    m_token = session ? session->token : QByteArray();
    m_user = session ? session->user : QString();
}

QByteArray TestServer::token() const
{
    return m_token;
}

QString TestServer::user() const
{
    return m_user;
}

QString TestServer::dataDir() const
{
    return m_dataDir;
}

qint64 TestServer::processId() const
{
    return isRunning() ? m_process->processId() : 0;
}

QString TestServer::errorString() const
{
    return m_errorString;
}

} // namespace Etagere
