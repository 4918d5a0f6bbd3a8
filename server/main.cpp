// etagere-server: the reference Etagere server (REST + live WebSocket hub on one port).
#include "demodata.h"
#include "httpadapter.h"
#include "hub.h"
#include "identifiers.h"
#include "logging.h"
#include "recordservice.h"
#include "storage.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QLockFile>
#include <QSaveFile>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// Exit codes: 1 runtime failure, 2 bad command line or refused address, 3 data dir in use.
enum ExitCode { Failure = 1, UsageError = 2, DataDirInUse = 3 };

struct Options
{
    QString dataDir;
    QHostAddress address;
    quint16 port = 0;
    bool demo = false;
    qint64 retainChanges = 0;
    int pingInterval = -1; // -1: the hub's default
};

int fail(int code, const QString &message)
{
    std::fprintf(stderr, "etagere-server: %s\n", qPrintable(message));
    return code;
}

int signalFds[2] = {-1, -1};

void onTerminationSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalFds[1], &byte, 1);
}

// SIGTERM and SIGINT quit the event loop, so the server shuts down cleanly.
bool installSignalHandlers(QCoreApplication *app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalFds) != 0)
        return false;
    auto *notifier = new QSocketNotifier(signalFds[0], QSocketNotifier::Read, app);
    QObject::connect(notifier, &QSocketNotifier::activated, app, [app] {
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(signalFds[0], &byte, 1);
        app->quit();
    });
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    std::signal(SIGPIPE, SIG_IGN);
    return ::sigaction(SIGTERM, &action, nullptr) == 0 && ::sigaction(SIGINT, &action, nullptr) == 0;
}

QHostAddress parseAddress(const QString &text)
{
    if (text.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return QHostAddress(QHostAddress::LocalHost);
    return QHostAddress(text);
}

void addOptions(QCommandLineParser *parser)
{
    parser->setApplicationDescription(u"The Etagere server: records over REST, changes live over WebSocket."_s);
    parser->addHelpOption();
    parser->addVersionOption();
    parser->addOptions({
        {u"data"_s, u"Directory of the database (created when absent)."_s, u"dir"_s},
        {u"listen"_s, u"Loopback address to listen on (default 127.0.0.1)."_s, u"address"_s, u"127.0.0.1"_s},
        {u"port"_s, u"TCP port; 0 picks a free one (default 8642)."_s, u"port"_s, u"8642"_s},
        {u"demo"_s, u"Create a demo collection \"tasks\" when absent."_s},
        {u"retain-changes"_s, u"Keep only the last N changes per collection (0: all)."_s, u"n"_s, u"0"_s},
        {u"ping-interval"_s, u"WebSocket ping interval in milliseconds."_s, u"ms"_s},
    });
}

// Parses the arguments; answers --help and --version (and exits). -1 to go on, else the exit
// code: an unknown option or a missing value is a usage error (2), as every other one.
int parseArguments(const QCoreApplication &app, QCommandLineParser *parser)
{
    if (!parser->parse(app.arguments()))
        return fail(UsageError, parser->errorText());
    if (parser->isSet(u"help"_s) || parser->isSet(u"help-all"_s))
        parser->showHelp(0);
    if (parser->isSet(u"version"_s))
        parser->showVersion();
    if (!parser->positionalArguments().isEmpty())
        return fail(UsageError, u"unexpected argument: "_s + parser->positionalArguments().first());
    return -1;
}

// Reads --port, --retain-changes and --ping-interval; -1 to go on, else the exit code.
int readNumbers(const QCommandLineParser &parser, Options *options)
{
    bool ok = false;
    const uint port = parser.value(u"port"_s).toUInt(&ok);
    if (!ok || port > 65535)
        return fail(UsageError, u"--port must be a number from 0 to 65535"_s);
    options->port = quint16(port);
    options->retainChanges = parser.value(u"retain-changes"_s).toLongLong(&ok);
    if (!ok || options->retainChanges < 0)
        return fail(UsageError, u"--retain-changes must be a number >= 0"_s);
    if (parser.isSet(u"ping-interval"_s)) {
        options->pingInterval = parser.value(u"ping-interval"_s).toInt(&ok);
        if (!ok || options->pingInterval <= 0)
            return fail(UsageError, u"--ping-interval must be a positive number of milliseconds"_s);
    }
    return -1;
}

// Reads --listen: an IP address (or `localhost`) that must be a loopback address.
int readAddress(const QCommandLineParser &parser, Options *options)
{
    options->address = parseAddress(parser.value(u"listen"_s));
    if (options->address.isNull())
        return fail(UsageError, u"--listen: \"%1\" is not an IP address"_s.arg(parser.value(u"listen"_s)));
    if (!options->address.isLoopback()) {
        return fail(UsageError, u"refusing to listen on %1: this server has no user accounts yet and serves only "
                                "the local user, so it listens on loopback addresses only (127.0.0.1 or ::1)"_s
                                    .arg(options->address.toString()));
    }
    return -1;
}

// Parses the command line into *options; returns -1 to go on, else the exit code.
int parseOptions(const QCoreApplication &app, Options *options)
{
    QCommandLineParser parser;
    addOptions(&parser);
    if (const int code = parseArguments(app, &parser); code >= 0)
        return code;
    options->dataDir = parser.value(u"data"_s);
    if (options->dataDir.isEmpty())
        return fail(UsageError, u"--data DIR is required"_s);
    options->demo = parser.isSet(u"demo"_s);
    if (const int code = readNumbers(parser, options); code >= 0)
        return code;
    return readAddress(parser, options);
}

QString baseUrl(const QHostAddress &address, quint16 port)
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol ? u"[%1]"_s.arg(address.toString())
                                                                             : address.toString();
    return u"http://%1:%2"_s.arg(host).arg(port);
}

bool writeEndpointFile(const QString &path, const QString &url)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(url.toUtf8() + '\n');
    return file.commit();
}

// Takes the data directory's lock; returns -1 once held, else the exit code.
int lockDataDir(const QDir &dir, QLockFile *lock)
{
    lock->setStaleLockTime(0);
    if (lock->tryLock(0))
        return -1;
    qint64 pid = 0;
    QString host, application;
    lock->getLockInfo(&pid, &host, &application);
    if (lock->error() != QLockFile::LockFailedError)
        return fail(Failure, u"cannot lock %1"_s.arg(lock->fileName()));
    return fail(DataDirInUse, u"the data directory %1 is in use by another etagere-server (pid %2)"_s
                                  .arg(QDir::toNativeSeparators(dir.absolutePath())).arg(pid));
}

// Opens the database (and installs the demo when asked); returns -1 when ready, else the exit code.
int openStorage(const Options &options, const QDir &dir, const QString &user, Etagere::Storage *storage)
{
    storage->setRetainChanges(options.retainChanges);
    if (!storage->open(dir.filePath(u"etagere.sqlite"_s)))
        return fail(Failure, storage->errorString());
    if (options.demo && !Etagere::DemoData::install(storage, user))
        return fail(Failure, u"cannot create the demo collection: "_s + storage->errorString());
    return -1;
}

// The serving parts, wired together: HTTP requests to the service, its commits to the hub,
// WebSockets to the hub.
struct Server
{
    Server(Etagere::Storage *storage, const QString &user, int pingInterval)
        : hub(storage, user), service(storage, user)
    {
        if (pingInterval > 0)
            hub.setPingInterval(pingInterval);
        service.setPublisher([this](const Etagere::Change &change) { hub.publish(change); });
        adapter.setRequestHandler([this](const Etagere::HttpRequest &request) { return service.handle(request); });
        adapter.setWebSocketHandler([this](QWebSocket *socket) { hub.addSocket(socket); });
    }

    Etagere::Hub hub;
    Etagere::RecordService service;
    Etagere::HttpAdapter adapter;
};

// Tells the world where the server listens: stdout (for scripts and tests) and DIR/endpoint.
void announce(const QString &url, const QString &endpointPath)
{
    if (!writeEndpointFile(endpointPath, url))
        qCWarning(Etagere::lcServer) << "cannot write" << endpointPath;
    std::fprintf(stdout, "listening on %s\n", qPrintable(url));
    std::fflush(stdout);
}

int run(QCoreApplication &app, const Options &options)
{
    const QDir dir(options.dataDir);
    if (!dir.mkpath(u"."_s))
        return fail(Failure, u"cannot create the data directory %1"_s.arg(options.dataDir));
    QLockFile lock(dir.filePath(u"server.lock"_s));
    Etagere::Storage storage;
    const QString user = Etagere::localUserName();
    if (const int code = lockDataDir(dir, &lock); code >= 0)
        return code;
    if (const int code = openStorage(options, dir, user, &storage); code >= 0)
        return code;
    Server server(&storage, user, options.pingInterval);
    if (!server.adapter.listen(options.address, options.port)) {
        return fail(Failure, u"cannot listen on %1 port %2: %3"_s.arg(options.address.toString())
                                 .arg(options.port).arg(server.adapter.errorString()));
    }
    const QString endpointPath = dir.filePath(u"endpoint"_s);
    qCInfo(Etagere::lcServer).noquote() << "serving" << dir.absolutePath() << "as local user" << user;
    announce(baseUrl(options.address, server.adapter.port()), endpointPath);
    const int code = app.exec();
    QFile::remove(endpointPath);
    qCInfo(Etagere::lcServer) << "stopped";
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"etagere-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(ETAGERE_VERSION));
    Options options;
    if (const int code = parseOptions(app, &options); code >= 0)
        return code;
    if (!installSignalHandlers(&app))
        return fail(Failure, u"cannot install the signal handlers"_s);
    return run(app, options);
}
