// etagere: the desktop client. Edits shared records live, together.
#include "appcontroller.h"
#include "appsettings.h"
#include "demolauncher.h"
#include "networkaccess.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

/// The --server URL: http(s) with a host; an empty URL when the option is not given.
/// Sets *error when the option is given but not usable.
QUrl serverUrl(const QCommandLineParser &parser, QString *error)
{
    if (!parser.isSet(u"server"_s))
        return {};
    const QString text = parser.value(u"server"_s);
    const QUrl url = Etagere::NetworkAccess::serverUrl(text);
    if (url.isEmpty())
        *error = QCoreApplication::translate("main", "--server: \"%1\" is not an http:// or https:// URL").arg(text);
    return url;
}

int signalFds[2] = {-1, -1};

void onTerminationSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalFds[1], &byte, 1);
}

/// SIGTERM and SIGINT (logout, Ctrl+C) quit like closing the window does, so that the
/// local server is stopped too. The handler only writes to a socket; the event loop reacts.
void quitOnTerminationSignals(Etagere::AppController *controller)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalFds) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalFds[0], QSocketNotifier::Read, controller);
    QObject::connect(notifier, &QSocketNotifier::activated, controller, [controller] {
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(signalFds[0], &byte, 1);
        controller->quit();
    });
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
}

void addOptions(QCommandLineParser *parser)
{
    parser->setApplicationDescription(QCoreApplication::translate("main", "Edit shared records live, together."));
    parser->addHelpOption();
    parser->addVersionOption();
    parser->addOption({u"server"_s,
                       QCoreApplication::translate("main", "Connect to the Etagere server at <url> (default: the "
                                                           "server chosen in Settings, else a local one)."),
                       u"url"_s});
    parser->addOption({u"account"_s,
                       QCoreApplication::translate("main", "With --server: sign in as <name>, with the session token "
                                                           "in the environment variable ETAGERE_TOKEN."),
                       u"name"_s});
    parser->addOption({u"demo"_s, QCoreApplication::translate("main", "Open two windows side by side, signed in as "
                                                                      "two people on a local demo server, to show "
                                                                      "live editing.")});
}

/// `--demo`: the launcher runs until both of its windows are closed.
int runDemo()
{
    Etagere::DemoLauncher launcher;
    QObject::connect(&launcher, &Etagere::DemoLauncher::finished, qApp, [](int code, const QString &error) {
        if (!error.isEmpty())
            std::fprintf(stderr, "etagere: %s\n", qPrintable(error));
        QCoreApplication::exit(code);
    });
    launcher.start();
    return QApplication::exec();
}

/// --help and --version answer without a display (QApplication needs one): -1 to go on.
int answerWithoutGui(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QCommandLineParser parser;
    addOptions(&parser);
    (void)parser.parse(arguments); // errors are reported later, with the Qt options known
    if (parser.isSet(u"help"_s)) {
        // Without an application object Qt cannot know the program's name: say it.
        const QString name = QFileInfo(arguments.constFirst()).fileName();
        std::fputs(qPrintable(parser.helpText().replace(u"<executable_name>"_s, name)), stdout);
        return 0;
    }
    if (parser.isSet(u"version"_s)) {
        std::printf("Etagere %s\n", ETAGERE_VERSION);
        return 0;
    }
    return -1;
}

} // namespace

int main(int argc, char *argv[])
{
    if (const int code = answerWithoutGui(argc, argv); code >= 0)
        return code;
    QApplication app(argc, argv);
    Etagere::Translations::install(&app); // the system's language, before any text or window
    QApplication::setApplicationName(u"Etagere"_s);
    QApplication::setOrganizationName(u"Etagere"_s);
    QApplication::setApplicationDisplayName(u"Etagere"_s);
    QApplication::setApplicationVersion(QStringLiteral(ETAGERE_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral(ETAGERE_APP_ID)); // the .desktop entry's id
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256})
        icon.addFile(u":/icons/etagere-%1.png"_s.arg(size));
    QApplication::setWindowIcon(icon);

    QCommandLineParser parser;
    addOptions(&parser);
    parser.process(app);

    QString error;
    const QUrl server = serverUrl(parser, &error);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "etagere: %s\n", qPrintable(error));
        return 2;
    }
    if (parser.isSet(u"demo"_s))
        return runDemo();
    Etagere::AppController controller;
    quitOnTerminationSignals(&controller);
    if (parser.isSet(u"account"_s) && server.isValid()) {
        const QByteArray token = qgetenv("ETAGERE_TOKEN");
        qunsetenv("ETAGERE_TOKEN"); // not passed on to anything this process starts
        controller.startAs(server, parser.value(u"account"_s), token);
        return QApplication::exec();
    }
    // Without --server: the team server chosen in the settings, else the embedded local one.
    controller.start(server.isValid() ? server : controller.settings()->serverUrl());
    return QApplication::exec();
}
