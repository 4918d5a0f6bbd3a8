#include "serveroptions.h"

#include "authstore.h"
#include "loopbackguard.h"

#include <QCommandLineParser>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

// Options that only make sense when serving; refused next to a subcommand.
const QStringList ServingOptions = {u"listen"_s, u"port"_s, u"demo"_s, u"retain-changes"_s, u"ping-interval"_s,
                                    u"local-user"_s, u"session-hours"_s, u"rate-limit"_s, u"allow-origin"_s,
                                    u"tls-cert"_s, u"tls-key"_s, u"insecure-listen"_s};

int fail(const QString &message)
{
    std::fprintf(stderr, "etagere-server: %s\n", qPrintable(message));
    return ServerOptions::UsageError;
}

QHostAddress parseAddress(const QString &text)
{
    if (text.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return QHostAddress(QHostAddress::LocalHost);
    return QHostAddress(text);
}

void addOptions(QCommandLineParser *parser)
{
    parser->setApplicationDescription(
        u"The Etagere server: records over REST, changes live over WebSocket.\n\n"
        "Accounts (usable while a server runs on DIR):\n"
        "  etagere-server --data DIR user add NAME      (password: first line of stdin)\n"
        "  etagere-server --data DIR user passwd NAME   (password: first line of stdin)\n"
        "  etagere-server --data DIR user remove NAME\n"
        "  etagere-server --data DIR user list\n"
        "  etagere-server --data DIR grant NAME COLLECTION read|write|admin\n"
        "  etagere-server --data DIR revoke NAME COLLECTION"_s);
    parser->addHelpOption();
    parser->addVersionOption();
    parser->addOptions({
        {u"data"_s, u"Directory of the database (created when absent)."_s, u"dir"_s},
        {u"listen"_s, u"Address to listen on (default 127.0.0.1). Other than loopback: needs TLS and a user."_s,
         u"address"_s, u"127.0.0.1"_s},
        {u"port"_s, u"TCP port; 0 picks a free one (default 8642)."_s, u"port"_s, u"8642"_s},
        {u"demo"_s, u"Create a demo collection \"tasks\" when absent."_s},
        {u"retain-changes"_s, u"Keep only the last N changes per collection (0: all)."_s, u"n"_s, u"0"_s},
        {u"ping-interval"_s, u"WebSocket ping interval in milliseconds."_s, u"ms"_s},
        {u"local-user"_s, u"Loopback only: serve NAME (a server admin) and write its token to DIR/local-token."_s,
         u"name"_s},
        {u"session-hours"_s, u"Lifetime of a login session in hours (default 12)."_s, u"hours"_s, u"12"_s},
        {u"rate-limit"_s, u"Requests per second per session or address, twice that in a burst (0: off)."_s,
         u"rps"_s, u"500"_s},
        {u"allow-origin"_s, u"A web origin whose pages may open /v1/live (repeatable)."_s, u"origin"_s},
        {u"tls-cert"_s, u"PEM certificate (with its chain): serve https and wss."_s, u"file"_s},
        {u"tls-key"_s, u"PEM private key of --tls-cert (not encrypted)."_s, u"file"_s},
        {u"insecure-listen"_s, u"Allow a non-loopback address without TLS or users. Dangerous."_s},
    });
}

int readNumbers(const QCommandLineParser &parser, ServerOptions *options)
{
    bool ok = false;
    const uint port = parser.value(u"port"_s).toUInt(&ok);
    if (!ok || port > 65535)
        return fail(u"--port must be a number from 0 to 65535"_s);
    options->port = quint16(port);
    options->retainChanges = parser.value(u"retain-changes"_s).toLongLong(&ok);
    if (!ok || options->retainChanges < 0)
        return fail(u"--retain-changes must be a number >= 0"_s);
    if (parser.isSet(u"ping-interval"_s)) {
        options->pingInterval = parser.value(u"ping-interval"_s).toInt(&ok);
        if (!ok || options->pingInterval <= 0)
            return fail(u"--ping-interval must be a positive number of milliseconds"_s);
    }
    const double hours = parser.value(u"session-hours"_s).toDouble(&ok);
    if (!ok || !(hours > 0) || hours > 24 * 366)
        return fail(u"--session-hours must be a number of hours above 0 and at most 8784"_s);
    options->sessionLifetimeMs = std::max<qint64>(1, qint64(hours * 3600 * 1000));
    options->rateLimit = parser.value(u"rate-limit"_s).toDouble(&ok);
    if (!ok || !(options->rateLimit >= 0) || options->rateLimit > 1e6)
        return fail(u"--rate-limit must be a number of requests per second from 0 (off) to 1000000"_s);
    return -1;
}

int readOrigins(const QCommandLineParser &parser, ServerOptions *options)
{
    for (const QString &origin : parser.values(u"allow-origin"_s)) {
        const std::optional<QString> normalized = LoopbackGuard::normalizeOrigin(origin);
        if (!normalized)
            return fail(u"--allow-origin: \"%1\" is not an origin such as https://app.example.org"_s.arg(origin));
        options->allowedOrigins.append(*normalized);
    }
    return -1;
}

// --listen, --local-user, TLS and --insecure-listen, which depend on each other.
int readListening(const QCommandLineParser &parser, ServerOptions *options)
{
    options->address = parseAddress(parser.value(u"listen"_s));
    if (options->address.isNull())
        return fail(u"--listen: \"%1\" is not an IP address"_s.arg(parser.value(u"listen"_s)));
    options->localUser = parser.value(u"local-user"_s);
    if (parser.isSet(u"local-user"_s) && !AuthStore::isValidUserName(options->localUser))
        return fail(u"--local-user: \"%1\" is not a valid user name"_s.arg(options->localUser));
    options->tlsCertPath = parser.value(u"tls-cert"_s);
    options->tlsKeyPath = parser.value(u"tls-key"_s);
    if (options->tlsCertPath.isEmpty() != options->tlsKeyPath.isEmpty())
        return fail(u"--tls-cert and --tls-key go together"_s);
    options->insecureListen = parser.isSet(u"insecure-listen"_s);
    if (options->isLoopback())
        return -1;
    const QString address = options->address.toString();
    if (!options->localUser.isEmpty())
        return fail(u"--local-user serves the person at this computer: it needs a loopback --listen, not %1"_s.arg(address));
    if (!options->wantsTls() && !options->insecureListen) {
        return fail(u"refusing to listen on %1 without TLS: pass --tls-cert and --tls-key (or, on a network you "
                    "trust completely, --insecure-listen)"_s.arg(address));
    }
    return -1;
}

// The subcommand, if any: `user ...`, `grant ...`, `revoke ...`.
int readCommand(const QCommandLineParser &parser, ServerOptions *options)
{
    options->command = parser.positionalArguments();
    if (options->command.isEmpty())
        return -1;
    static const QStringList commands = {u"user"_s, u"grant"_s, u"revoke"_s};
    if (!commands.contains(options->command.first()))
        return fail(u"unexpected argument: %1 (commands: user, grant, revoke)"_s.arg(options->command.first()));
    for (const QString &name : ServingOptions) {
        if (parser.isSet(name))
            return fail(u"--%1 is for serving; it cannot go with \"%2\""_s.arg(name, options->command.first()));
    }
    return -1;
}

} // namespace

int ServerOptions::parse(const QStringList &arguments, ServerOptions *options)
{
    QCommandLineParser parser;
    addOptions(&parser);
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(u"help"_s) || parser.isSet(u"help-all"_s))
        parser.showHelp(0);
    if (parser.isSet(u"version"_s))
        parser.showVersion();
    options->dataDir = parser.value(u"data"_s);
    if (options->dataDir.isEmpty())
        return fail(u"--data DIR is required"_s);
    if (const int code = readCommand(parser, options); code >= 0 || !options->command.isEmpty())
        return code;
    options->demo = parser.isSet(u"demo"_s);
    if (const int code = readNumbers(parser, options); code >= 0)
        return code;
    if (const int code = readOrigins(parser, options); code >= 0)
        return code;
    return readListening(parser, options);
}

} // namespace Etagere
