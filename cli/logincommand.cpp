#include "logincommand.h"

#include "clioutput.h"
#include "exitcode.h"
#include "sessionjob.h"

#include <QFile>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

/// Standard input's first line without its line end (a password may hold any other byte).
QString readPasswordLine()
{
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return {};
    QByteArray line = input.readLine();
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

ExitCode exitCodeOf(RestJob::Error error)
{
    switch (error) {
    case RestJob::Error::Network:
    case RestJob::Error::Timeout:
    case RestJob::Error::Server:
        return ExitCode::Queued;
    default:
        return ExitCode::Rejected;
    }
}

} // namespace

LoginCommand::LoginCommand(const QUrl &server, const QString &user, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_user(user)
{
}

void LoginCommand::run()
{
    const QString password = readPasswordLine();
    if (password.isEmpty()) {
        CliOutput::printMessage(tr("login: give the password on the first line of standard input"));
        Q_EMIT finished(toInt(ExitCode::Rejected));
        return;
    }
    signIn(password);
}

void LoginCommand::signIn(const QString &password)
{
    auto *job = new SessionJob(&m_network, m_server, m_user, password, this);
    connect(job, &RestJob::finished, this, [this](RestJob *done) {
        auto *session = static_cast<SessionJob *>(done);
        if (session->error() == RestJob::Error::None) {
            std::printf("%s\n", session->token().constData());
            std::fflush(stdout);
            Q_EMIT finished(toInt(ExitCode::Ok));
            return;
        }
        QString message = tr("login as %1 at %2 failed: %3").arg(m_user, m_server.toDisplayString(), done->errorString());
        if (done->error() == RestJob::Error::RateLimited)
            message += tr(" (try again in %1 s)").arg(done->retryAfterSeconds());
        CliOutput::printMessage(message);
        Q_EMIT finished(toInt(exitCodeOf(done->error())));
    });
    job->start();
}

} // namespace Etagere
