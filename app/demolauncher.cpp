#include "demolauncher.h"

#include "applogging_p.h"
#include "localserver.h"
#include "networkaccess.h"
#include "sessionjob.h"

#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QProcess>
#include <QRandomGenerator>
#include <QScreen>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

/// A one-time password: 24 random bytes, base64url (never shown, never stored).
QString randomPassword()
{
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

/// The left or right half of the primary screen, for `-qwindowgeometry`.
QString halfOfTheScreen(int index)
{
    const QScreen *screen = QGuiApplication::primaryScreen();
    const QRect area = screen ? screen->availableGeometry() : QRect(0, 0, 1600, 900);
    const int width = area.width() / 2;
    return u"%1x%2+%3+%4"_s.arg(width - 16).arg(area.height() - 64).arg(area.x() + index * width).arg(area.y());
}

} // namespace

DemoLauncher::DemoLauncher(QObject *parent)
    : QObject(parent)
    , m_serverProgram(QDir(QCoreApplication::applicationDirPath()).filePath(u"etagere-server"_s))
    , m_dataDirectory(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + u"/demo-server"_s)
    , m_appProgram(QCoreApplication::applicationFilePath())
    , m_network(std::make_unique<NetworkAccess>())
{
}

DemoLauncher::~DemoLauncher()
{
    for (QProcess *window : std::as_const(m_windows)) {
        if (window)
            window->disconnect(this);
    }
}

void DemoLauncher::setPaths(const QString &serverProgram, const QString &dataDirectory, const QString &appProgram)
{
    m_serverProgram = serverProgram;
    m_dataDirectory = dataDirectory;
    m_appProgram = appProgram;
}

QList<QProcess *> DemoLauncher::windows() const
{
    QList<QProcess *> windows;
    for (QProcess *window : m_windows)
        windows.append(window);
    return windows;
}

QUrl DemoLauncher::serverUrl() const
{
    return m_server ? m_server->url() : QUrl();
}

void DemoLauncher::start()
{
    m_server = new LocalServer(this);
    m_server->setProgram(m_serverProgram);
    m_server->setDataDirectory(m_dataDirectory);
    connect(m_server, &LocalServer::ready, this, &DemoLauncher::onServerReady);
    connect(m_server, &LocalServer::failed, this, &DemoLauncher::fail);
    m_server->start();
}

void DemoLauncher::onServerReady(const QUrl &url)
{
    qCInfo(lcApp) << "demo server at" << url;
    preparePerson(0);
}

// `user passwd` for a person from an earlier demo, else `user add`; then the right to write
// the demo collection; then the sign-in. One person after the other.
void DemoLauncher::preparePerson(int index)
{
    if (index == People.size())
        return;
    const QString name = People.at(index);
    const QString password = randomPassword();
    const QByteArray input = password.toUtf8() + '\n';
    runServerCommand({u"user"_s, u"passwd"_s, name}, input, [=, this](bool changed) {
        const auto grant = [=, this](bool ok) {
            if (!ok)
                return fail(tr("Cannot make the demo account %1.").arg(name));
            runServerCommand({u"grant"_s, name, u"tasks"_s, u"write"_s}, {}, [=, this](bool granted) {
                granted ? signIn(index, password) : fail(tr("Cannot give %1 the demo's rights.").arg(name));
            });
        };
        if (changed)
            grant(true);
        else
            runServerCommand({u"user"_s, u"add"_s, name}, input, grant);
    });
}

void DemoLauncher::runServerCommand(const QStringList &arguments, const QByteArray &input,
                                    const std::function<void(bool ok)> &then)
{
    auto *process = new QProcess(this);
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    connect(process, &QProcess::finished, this, [process, then](int code, QProcess::ExitStatus status) {
        process->deleteLater();
        then(status == QProcess::NormalExit && code == 0);
    });
    connect(process, &QProcess::errorOccurred, this, [process, then](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        process->deleteLater();
        then(false);
    });
    process->start(m_serverProgram, QStringList{u"--data"_s, m_dataDirectory} + arguments);
    process->write(input);
    process->closeWriteChannel();
}

void DemoLauncher::signIn(int index, const QString &password)
{
    auto *job = new SessionJob(m_network.get(), m_server->url(), People.at(index), password, this);
    connect(job, &RestJob::finished, this, [this, index](RestJob *done) {
        if (done->error() != RestJob::Error::None)
            return fail(tr("Cannot sign %1 in: %2").arg(People.at(index), done->errorString()));
        openWindow(index, static_cast<SessionJob *>(done)->token());
        preparePerson(index + 1);
    });
    job->start();
}

void DemoLauncher::openWindow(int index, const QByteArray &token)
{
    auto *window = new QProcess(this);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"ETAGERE_TOKEN"_s, QString::fromLatin1(token));
    window->setProcessEnvironment(environment);
    window->setProcessChannelMode(QProcess::ForwardedChannels);
    connect(window, &QProcess::finished, this, &DemoLauncher::onWindowClosed);
    window->start(m_appProgram, {u"--server"_s, m_server->url().toString(), u"--account"_s, People.at(index),
                                 u"-qwindowgeometry"_s, halfOfTheScreen(index)});
    m_windows.append(window);
    ++m_open;
    if (m_windows.size() == People.size())
        Q_EMIT windowsStarted();
}

void DemoLauncher::onWindowClosed()
{
    if (--m_open > 0 || m_finishing)
        return;
    m_finishing = true;
    connect(m_server, &LocalServer::stopped, this, [this] { Q_EMIT finished(0, {}); });
    m_server->stop();
}

void DemoLauncher::fail(const QString &error)
{
    if (std::exchange(m_finishing, true))
        return;
    qCWarning(lcApp).noquote() << "demo:" << error;
    for (QProcess *window : std::as_const(m_windows)) {
        if (window)
            window->terminate();
    }
    connect(m_server, &LocalServer::stopped, this, [this, error] { Q_EMIT finished(1, error); });
    m_server->stop();
}

} // namespace Etagere
