// etagere-server: the reference Etagere server (REST + live WebSocket hub on one port), and
// the command line that manages its accounts.
#include "authstore.h"
#include "credentials.h"
#include "demodata.h"
#include "localsession.h"
#include "logging.h"
#include "server.h"
#include "serveroptions.h"
#include "storage.h"
#include "tlssetup.h"
#include "usercommands.h"

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
using Etagere::ServerOptions;

namespace {

constexpr qint64 LocalSessionDays = 30;
const QString DemoAuthor = u"demo"_s; // author of the demo records when there is no local user

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

QString baseUrl(const QHostAddress &address, quint16 port, bool tls)
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol ? u"[%1]"_s.arg(address.toString())
                                                                             : address.toString();
    return u"%1://%2:%3"_s.arg(tls ? u"https"_s : u"http"_s, host).arg(port);
}

// Writes `contents` to `path` in one step (a temporary file renamed), readable by the owner
// only when `secret`.
bool writeFileAtomically(const QString &path, const QByteArray &contents, bool secret)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    if (secret && !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return false;
    file.write(contents);
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
        return fail(ServerOptions::Failure, u"cannot lock %1"_s.arg(lock->fileName()));
    return fail(ServerOptions::DataDirInUse, u"the data directory %1 is in use by another etagere-server (pid %2)"_s
                                                 .arg(QDir::toNativeSeparators(dir.absolutePath())).arg(pid));
}

// Opens the database for records and for accounts, sets up the local user and the demo;
// returns -1 when ready, else the exit code.
int openDatabase(const ServerOptions &options, const QDir &dir, Etagere::Storage *storage,
                 Etagere::AuthStore *accounts)
{
    const QString path = dir.filePath(u"etagere.sqlite"_s);
    storage->setRetainChanges(options.retainChanges);
    if (!storage->open(path))
        return fail(ServerOptions::Failure, storage->errorString());
    if (!accounts->open(path))
        return fail(ServerOptions::Failure, accounts->errorString());
    if (!options.localUser.isEmpty() && accounts->ensureLocalUser(options.localUser) != Etagere::AuthStore::Outcome::Done)
        return fail(ServerOptions::Failure, accounts->errorString());
    if (!options.isLoopback() && !options.insecureListen && !accounts->hasPasswordUser()) {
        return fail(ServerOptions::UsageError,
                    u"refusing to listen on %1: no user can log in yet; add one first with "
                    "etagere-server --data %2 user add NAME"_s.arg(options.address.toString(), options.dataDir));
    }
    const QString author = options.localUser.isEmpty() ? DemoAuthor : options.localUser;
    if (options.demo && !Etagere::DemoData::install(storage, author))
        return fail(ServerOptions::Failure, u"cannot create the demo collection: "_s + storage->errorString());
    return -1;
}

// Gives the local user a fresh session and writes DIR/local-token (mode 0600):
// {"user", "token", "expires"}. The token itself is never logged.
bool writeLocalToken(const QString &path, const QString &user, Etagere::AuthStore *accounts)
{
    const QByteArray token = Etagere::Credentials::newToken();
    const QDateTime expires = QDateTime::fromSecsSinceEpoch(
        QDateTime::currentSecsSinceEpoch() + LocalSessionDays * 24 * 3600, Qt::UTC);
    if (accounts->replaceLocalSession(Etagere::Credentials::tokenKey(token), user, expires)
        != Etagere::AuthStore::Outcome::Done) {
        return false;
    }
    const Etagere::LocalSession session{user, token, expires};
    return writeFileAtomically(path, session.toJson() + '\n', true);
}

Etagere::ServerSettings settingsOf(const ServerOptions &options)
{
    Etagere::ServerSettings settings;
    settings.hostPolicy = options.isLoopback() ? Etagere::HttpAdapter::HostPolicy::LoopbackOnly
                                               : Etagere::HttpAdapter::HostPolicy::AnyHost;
    settings.allowedOrigins = options.allowedOrigins;
    settings.rateLimit = options.rateLimit;
    settings.sessionLifetimeMs = options.sessionLifetimeMs;
    settings.pingInterval = options.pingInterval;
    return settings;
}

// The loud line an operator gets for --insecure-listen, at every start.
void warnIfInsecure(const ServerOptions &options, bool tls, const Etagere::AuthStore &accounts)
{
    if (options.isLoopback() || (tls && accounts.hasPasswordUser()))
        return;
    qCCritical(Etagere::lcServer).noquote()
        << "WARNING: --insecure-listen: serving" << options.address.toString()
        << (tls ? "with TLS but with no user who can log in"
                : "WITHOUT TLS: passwords, tokens and records cross the network in the clear");
}

// Writes DIR/endpoint and prints the URL on stdout (tests and the app wait for that line).
void announce(const QDir &dir, const QString &url, const QString &localUser)
{
    if (!writeFileAtomically(dir.filePath(u"endpoint"_s), url.toUtf8() + '\n', false))
        qCWarning(Etagere::lcServer) << "cannot write" << dir.filePath(u"endpoint"_s);
    qCInfo(Etagere::lcServer).noquote() << "serving" << dir.absolutePath()
                                        << (localUser.isEmpty() ? QString() : u"for local user "_s + localUser);
    std::fprintf(stdout, "listening on %s\n", qPrintable(url));
    std::fflush(stdout);
}

/// A serving etagere-server: what serve() sets up, and the start once TLS (if any) is proven.
struct Serving
{
    const ServerOptions &options;
    QDir dir;
    Etagere::AuthStore *accounts;
    Etagere::Server *server;

    // Listens, writes the local token (or removes a stale one) and the endpoint, then
    // announces the URL. -1 when serving, else the exit code.
    int start(const std::optional<QSslConfiguration> &tls) const
    {
        if (!server->listen(options.address, options.port, tls)) {
            return fail(ServerOptions::Failure, u"cannot listen on %1 port %2: %3"_s
                                                    .arg(options.address.toString()).arg(options.port)
                                                    .arg(server->errorString()));
        }
        const QString tokenPath = Etagere::LocalSession::path(dir.path());
        if (options.localUser.isEmpty())
            QFile::remove(tokenPath); // from an earlier run with --local-user
        else if (!writeLocalToken(tokenPath, options.localUser, accounts))
            return fail(ServerOptions::Failure, u"cannot write "_s + tokenPath);
        warnIfInsecure(options, tls.has_value(), *accounts);
        announce(dir, baseUrl(options.address, server->port(), tls.has_value()), options.localUser);
        return -1;
    }
};

int serve(QCoreApplication &app, const ServerOptions &options)
{
    std::optional<QSslConfiguration> tls;
    QString tlsError;
    if (options.wantsTls() && !(tls = Etagere::TlsSetup::load(options.tlsCertPath, options.tlsKeyPath, &tlsError)))
        return fail(ServerOptions::UsageError, tlsError);
    const QDir dir(options.dataDir);
    if (!dir.mkpath(u"."_s))
        return fail(ServerOptions::Failure, u"cannot create the data directory %1"_s.arg(options.dataDir));
    QLockFile lock(dir.filePath(u"server.lock"_s));
    Etagere::Storage storage;
    Etagere::AuthStore accounts;
    if (const int code = lockDataDir(dir, &lock); code >= 0)
        return code;
    if (const int code = openDatabase(options, dir, &storage, &accounts); code >= 0)
        return code;
    Etagere::Server server(&storage, &accounts, settingsOf(options));
    const Serving serving{options, dir, &accounts, &server};
    Etagere::TlsSetup tlsSetup;
    if (tls) {
        QObject::connect(&tlsSetup, &Etagere::TlsSetup::verified, &app, [&](const QString &error) {
            if (!error.isEmpty())
                app.exit(fail(ServerOptions::UsageError, u"the TLS certificate and key do not work together: "_s + error));
            else if (const int code = serving.start(tls); code >= 0)
                app.exit(code);
        });
        tlsSetup.verify(*tls);
    } else if (const int code = serving.start(std::nullopt); code >= 0) {
        return code;
    }
    const int code = app.exec();
    QFile::remove(dir.filePath(u"endpoint"_s));
    qCInfo(Etagere::lcServer) << "stopped";
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"etagere-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(ETAGERE_VERSION));
    ServerOptions options;
    if (const int code = ServerOptions::parse(app.arguments(), &options); code >= 0)
        return code;
    if (!Etagere::Credentials::initialize())
        return fail(ServerOptions::Failure, u"cannot initialize libsodium"_s);
    if (!options.command.isEmpty())
        return Etagere::UserCommands::run(options.dataDir, options.command);
    if (!installSignalHandlers(&app))
        return fail(ServerOptions::Failure, u"cannot install the signal handlers"_s);
    return serve(app, options);
}
