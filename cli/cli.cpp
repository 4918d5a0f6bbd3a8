#include "cli.h"

#include "clilogging_p.h"
#include "clioptions.h"
#include "clioutput.h"
#include "clisession.h"
#include "collectionscommand.h"
#include "createcommand.h"
#include "exitcode.h"
#include "getcommand.h"
#include "listcommand.h"
#include "logincommand.h"
#include "putcommand.h"
#include "serverlocation.h"
#include "watchcommand.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

/// Quiet by default: warnings only, from every category; --verbose adds Etagere's info
/// and debug messages. QT_LOGGING_RULES still overrides both.
void configureLogging(bool verbose)
{
    QLoggingCategory::setFilterRules(verbose ? u"*.debug=false\netagere.*.debug=true\netagere.*.info=true"_s
                                             : u"*.debug=false\n*.info=false"_s);
}

void printText(const QString &text)
{
    std::fputs(qPrintable(text), stdout);
    std::fflush(stdout);
}

} // namespace

Cli::Cli(QObject *parent)
    : QObject(parent)
{
}

Cli::~Cli()
{
    m_command.reset(); // before the session it uses
}

int Cli::start(const QStringList &arguments)
{
    const CliOptions options = CliOptions::parse(arguments);
    switch (options.action) {
    case CliOptions::Action::Help:
        printText(options.helpText);
        return toInt(ExitCode::Ok);
    case CliOptions::Action::Version:
        printText(u"etagere-cli %1\n"_s.arg(QCoreApplication::applicationVersion()));
        return toInt(ExitCode::Ok);
    case CliOptions::Action::Error:
        CliOutput::printMessage(options.error);
        CliOutput::printMessage(tr("try `etagere-cli --help`"));
        return toInt(ExitCode::Usage);
    case CliOptions::Action::Run:
        break;
    }
    configureLogging(options.verbose);
    return startCommand(options);
}

int Cli::startCommand(const CliOptions &options)
{
    const ServerLocation location = ServerLocation::resolve(options);
    if (!location.isValid()) {
        CliOutput::printMessage(location.error);
        return toInt(ExitCode::Queued);
    }
    qCInfo(lcCli) << "server" << location.url;
    if (options.command == u"login"_s) { // no journal: nothing to send, nothing to keep
        m_login = std::make_unique<LoginCommand>(location.url, options.arguments.constFirst());
        connect(m_login.get(), &LoginCommand::finished, this, &Cli::finished);
        m_login->run();
        return -1;
    }
    m_session = std::make_unique<CliSession>(location.url, location.token);
    m_session->setTimeout(options.timeoutMs);
    QString error;
    if (!m_session->openJournal(location.journalPath, &error)) {
        CliOutput::printMessage(QCoreApplication::translate("etagere-cli", "cannot open the journal: %1").arg(error));
        return toInt(ExitCode::Failure);
    }
    m_command = makeCommand(options);
    connect(m_command.get(), &CliCommand::finished, this, &Cli::finished);
    if (m_signals.install()) {
        connect(&m_signals, &TerminationSignals::received, m_command.get(), &CliCommand::interrupt);
    }
    m_command->run();
    return -1;
}

std::unique_ptr<CliCommand> Cli::makeCommand(const CliOptions &options)
{
    CliSession *session = m_session.get();
    const QString &name = options.command;
    if (name == u"collections"_s)
        return std::make_unique<CollectionsCommand>(session, options.arguments);
    if (name == u"list"_s)
        return std::make_unique<ListCommand>(session, options.arguments);
    if (name == u"get"_s)
        return std::make_unique<GetCommand>(session, options.arguments);
    if (name == u"put"_s)
        return std::make_unique<PutCommand>(session, options.arguments);
    if (name == u"create"_s)
        return std::make_unique<CreateCommand>(session, options.arguments);
    Q_ASSERT(name == u"watch"_s); // CliOptions accepts no other
    return std::make_unique<WatchCommand>(session, options.arguments);
}

} // namespace Etagere
