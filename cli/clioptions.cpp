#include "clioptions.h"

#include "identifiers.h"
#include "networkaccess.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

struct CommandSpec
{
    QString name;
    QStringList arguments; ///< names of the arguments, for messages
};

const QList<CommandSpec> &commands()
{
    static const QList<CommandSpec> specs = {
        {u"collections"_s, {}},
        {u"list"_s, {u"COLLECTION"_s}},
        {u"get"_s, {u"COLLECTION"_s, u"ID"_s}},
        {u"put"_s, {u"COLLECTION"_s, u"ID"_s, u"JSON"_s}},
        {u"create"_s, {u"COLLECTION"_s, u"JSON"_s}},
        {u"watch"_s, {u"COLLECTION"_s}},
        {u"login"_s, {u"USER"_s}},
    };
    return specs;
}

/// The texts of this file, in the translation context "Etagere::CliOptions" (lupdate reads Text::tr()).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Etagere::CliOptions)
};

const char *const CommandsHelp = QT_TRANSLATE_NOOP(
    "Etagere::CliOptions",
    "Commands:\n"
    "  collections             the collections, one JSON line each\n"
    "  list COLLECTION         the records of a collection, one JSON line each\n"
    "  get COLLECTION ID       one record\n"
    "  put COLLECTION ID JSON  puts the JSON object as the data of record ID (checked\n"
    "                          against the schema first): replaces it in one write, or\n"
    "                          creates the record when ID is new; waits for the server\n"
    "  create COLLECTION JSON  creates a record with a new id and waits for the server\n"
    "  watch COLLECTION        prints each change as a JSON line until SIGINT or SIGTERM\n"
    "  login USER              reads USER's password from the first line of standard input,\n"
    "                          signs in and prints the session token\n"
    "\n"
    "Every run first sends the edits the journal still holds (login excepted).\n"
    "\n"
    "Identity: the session token is read from the environment variable ETAGERE_TOKEN,\n"
    "  export ETAGERE_TOKEN=$(etagere-cli --server URL login alice)\n"
    "Without --server and ETAGERE_TOKEN, the local server's own session is used.\n"
    "\n"
    "Exit codes:\n"
    "  0    done; every edit of the run is on the server\n"
    "  1    runtime failure (journal cannot be opened or written, ...)\n"
    "  2    command-line error (unknown option or command, missing argument, bad JSON)\n"
    "  3    server unreachable: pending edits stay queued in the journal and are sent\n"
    "       by the next etagere or etagere-cli run\n"
    "  4    rejected input: unknown collection or record, bad id, schema violation\n"
    "       (nothing changed)\n"
    "  5    an edit conflicts or was refused by the server: open etagere to resolve it\n"
    "  130  interrupted by SIGINT or SIGTERM (pending edits stay in the journal)\n");

void addOptions(QCommandLineParser *parser)
{
    parser->setApplicationDescription(Text::tr("The headless Etagere client."));
    parser->addHelpOption();
    parser->addVersionOption();
    parser->addOption({u"server"_s, Text::tr("Etagere server at <url> (default: the running local server)."), u"url"_s});
    parser->addOption({u"journal-dir"_s, Text::tr("Keep journals in <dir> (default: the app's)."), u"dir"_s});
    parser->addOption({u"timeout"_s, Text::tr("Give up waiting for the server after <seconds> (default 60)."),
                       u"seconds"_s, u"60"_s});
    parser->addOption({u"verbose"_s, Text::tr("Log what the client does on stderr.")});
    parser->addPositionalArgument(u"command"_s, Text::tr("collections, list, get, put, create or watch."));
    parser->addPositionalArgument(u"arguments"_s, Text::tr("The command's arguments."), u"[arguments...]"_s);
}

QString checkServer(const QString &text, QUrl *url)
{
    *url = NetworkAccess::serverUrl(text);
    if (url->isEmpty())
        return Text::tr("--server: \"%1\" is not an http:// or https:// URL").arg(text);
    return {};
}

QString checkArgument(const QString &name, const QString &value)
{
    if (name == u"COLLECTION"_s && !isValidCollectionName(value))
        return Text::tr("\"%1\" is not a collection name ([a-z][a-z0-9_-]{0,63})").arg(value);
    if (name == u"USER"_s && value.trimmed().isEmpty())
        return Text::tr("login needs a user name");
    if (name == u"ID"_s && !isValidRecordId(value))
        return Text::tr("\"%1\" is not a record id ([A-Za-z0-9_-]{1,128})").arg(value);
    if (name == u"JSON"_s) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(value.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError)
            return Text::tr("JSON: %1 at offset %2").arg(error.errorString()).arg(error.offset);
        if (!document.isObject())
            return Text::tr("JSON: the record data must be a JSON object");
    }
    return {};
}

QString checkCommand(const QString &command, const QStringList &arguments)
{
    for (const CommandSpec &spec : commands()) {
        if (spec.name != command)
            continue;
        if (arguments.size() != spec.arguments.size()) {
            return Text::tr("%1 takes %n argument(s): %1 %2", nullptr, int(spec.arguments.size()))
                .arg(command, spec.arguments.join(u' '));
        }
        for (qsizetype i = 0; i < arguments.size(); ++i) {
            if (const QString error = checkArgument(spec.arguments.at(i), arguments.at(i)); !error.isEmpty())
                return error;
        }
        return {};
    }
    return Text::tr("unknown command \"%1\"").arg(command);
}

CliOptions failed(const QString &error)
{
    CliOptions options;
    options.action = CliOptions::Action::Error;
    options.error = error;
    return options;
}

QString readRun(const QCommandLineParser &parser, CliOptions *options)
{
    if (parser.isSet(u"server"_s)) {
        if (const QString error = checkServer(parser.value(u"server"_s), &options->server); !error.isEmpty())
            return error;
    }
    options->journalDir = parser.value(u"journal-dir"_s);
    options->verbose = parser.isSet(u"verbose"_s);
    bool ok = false;
    const double seconds = parser.value(u"timeout"_s).toDouble(&ok);
    if (!ok || seconds <= 0 || seconds > 86400)
        return Text::tr("--timeout: \"%1\" is not a number of seconds (0 < s <= 86400)").arg(parser.value(u"timeout"_s));
    options->timeoutMs = int(seconds * 1000);
    QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return Text::tr("no command given");
    options->command = positional.takeFirst();
    options->arguments = positional;
    return checkCommand(options->command, options->arguments);
}

} // namespace

CliOptions CliOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    addOptions(&parser);
    if (!parser.parse(arguments))
        return failed(parser.errorText());
    CliOptions options;
    if (parser.isSet(u"help"_s)) {
        options.action = Action::Help;
        options.helpText = parser.helpText() + u'\n' + Text::tr(CommandsHelp);
        return options;
    }
    if (parser.isSet(u"version"_s)) {
        options.action = Action::Version;
        return options;
    }
    if (const QString error = readRun(parser, &options); !error.isEmpty())
        return failed(error);
    return options;
}

} // namespace Etagere
