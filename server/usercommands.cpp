#include "usercommands.h"

#include "authstore.h"
#include "credentials.h"
#include "identifiers.h"
#include "serveroptions.h"

#include <QDir>
#include <QFileInfo>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

using ExitCode = ServerOptions::ExitCode;

const QString Usage = u"usage: etagere-server --data DIR user add|passwd|remove NAME | user list | "
                      "grant NAME COLLECTION read|write|admin | revoke NAME COLLECTION"_s;

int say(int code, const QString &message)
{
    std::fprintf(stderr, "etagere-server: %s\n", qPrintable(message));
    return code;
}

// Hides what is typed while a terminal reads a password; restores it on destruction.
class EchoOff
{
public:
    EchoOff()
    {
        m_active = ::isatty(STDIN_FILENO) && ::tcgetattr(STDIN_FILENO, &m_saved) == 0;
        if (!m_active)
            return;
        termios quiet = m_saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    ~EchoOff()
    {
        if (m_active) {
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
            std::fputc('\n', stderr);
        }
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
    termios m_saved = {};
    bool m_active = false;
};

// The first line of stdin (without its line end), at most MaxPasswordSize + 1 bytes.
QByteArray readPasswordLine(const QString &user)
{
    if (::isatty(STDIN_FILENO))
        std::fprintf(stderr, "password for %s: ", qPrintable(user));
    const EchoOff echoOff;
    QByteArray line;
    for (int c = std::fgetc(stdin); c != EOF && c != '\n'; c = std::fgetc(stdin)) {
        if (line.size() <= Credentials::MaxPasswordSize)
            line.append(char(c));
    }
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

// Reads and hashes a password; an empty string (after printing why) when refused.
std::optional<QString> newPasswordHash(const QString &user, int *code)
{
    const QByteArray password = readPasswordLine(user);
    if (password.isEmpty()) {
        *code = say(ExitCode::UsageError, u"refusing an empty password (give it as the first line of stdin)"_s);
        return std::nullopt;
    }
    if (password.size() > Credentials::MaxPasswordSize) {
        *code = say(ExitCode::UsageError, u"the password is longer than %1 bytes"_s.arg(Credentials::MaxPasswordSize));
        return std::nullopt;
    }
    const QString hash = Credentials::hashPassword(password);
    if (hash.isEmpty())
        *code = say(ExitCode::Failure, u"cannot hash the password (out of memory?)"_s);
    return hash.isEmpty() ? std::nullopt : std::optional<QString>(hash);
}

int outcomeCode(AuthStore::Outcome outcome, const AuthStore &store, const QString &user, const QString &collection)
{
    switch (outcome) {
    case AuthStore::Outcome::Done: return ExitCode::Success;
    case AuthStore::Outcome::UserExists: return say(ExitCode::Refused, u"user %1 exists already"_s.arg(user));
    case AuthStore::Outcome::NoSuchUser: return say(ExitCode::Refused, u"no user %1"_s.arg(user));
    case AuthStore::Outcome::NoSuchGrant:
        return say(ExitCode::Refused, u"%1 has no grant on %2"_s.arg(user, collection));
    case AuthStore::Outcome::NoSuchSession:
    case AuthStore::Outcome::Failed: break;
    }
    return say(ExitCode::Failure, store.errorString());
}

int addUser(AuthStore &store, const QString &name)
{
    if (store.passwordHash(name))
        return say(ExitCode::Refused, u"user %1 exists already"_s.arg(name));
    int code = ExitCode::Success;
    const std::optional<QString> hash = newPasswordHash(name, &code);
    if (!hash)
        return code;
    bool serverAdmin = false;
    code = outcomeCode(store.addUser(name, *hash, &serverAdmin), store, name, {});
    if (code == ExitCode::Success)
        std::fprintf(stderr, "added user %s%s\n", qPrintable(name), serverAdmin ? " (server admin)" : "");
    return code;
}

int changePassword(AuthStore &store, const QString &name)
{
    if (!store.passwordHash(name))
        return say(ExitCode::Refused, u"no user %1"_s.arg(name));
    int code = ExitCode::Success;
    const std::optional<QString> hash = newPasswordHash(name, &code);
    if (!hash)
        return code;
    code = outcomeCode(store.setPassword(name, *hash), store, name, {});
    if (code == ExitCode::Success)
        std::fprintf(stderr, "changed the password of %s; its sessions ended\n", qPrintable(name));
    return code;
}

int listUsers(const AuthStore &store)
{
    const auto users = store.users();
    if (!users)
        return say(ExitCode::Failure, store.errorString());
    for (const AuthStore::User &user : *users) {
        QStringList grants;
        for (const AuthStore::Grant &grant : user.grants)
            grants.append(grant.collection + u'=' + AuthStore::rightName(grant.right));
        std::fprintf(stdout, "%s\t%s\t%s\t%s\n", qPrintable(user.name), user.serverAdmin ? "server-admin" : "user",
                     user.hasPassword ? "password" : "no-password",
                     grants.isEmpty() ? "-" : qPrintable(grants.join(u',')));
    }
    return ExitCode::Success;
}

int userCommand(AuthStore &store, const QStringList &args)
{
    const QString &verb = args.value(1);
    if (verb == u"list"_s)
        return args.size() == 2 ? listUsers(store) : say(ExitCode::UsageError, Usage);
    const QString &name = args.value(2);
    if (verb == u"add"_s)
        return addUser(store, name);
    if (verb == u"passwd"_s)
        return changePassword(store, name);
    const int code = outcomeCode(store.removeUser(name), store, name, {});
    if (code == ExitCode::Success)
        std::fprintf(stderr, "removed user %s with its grants and sessions\n", qPrintable(name));
    return code;
}

int grantCommand(AuthStore &store, const QStringList &args)
{
    const QString &user = args.at(1);
    const QString &collection = args.at(2);
    if (args.first() == u"revoke"_s) {
        const int code = outcomeCode(store.revoke(user, collection), store, user, collection);
        if (code == ExitCode::Success)
            std::fprintf(stderr, "revoked the grant of %s on %s\n", qPrintable(user), qPrintable(collection));
        return code;
    }
    const AuthStore::Right right = *AuthStore::parseRight(args.at(3));
    const int code = outcomeCode(store.grant(user, collection, right), store, user, collection);
    if (code == ExitCode::Success)
        std::fprintf(stderr, "granted %s on %s to %s\n", qPrintable(args.at(3)), qPrintable(collection), qPrintable(user));
    return code;
}

// Checks the shape of the command and its names; -1 when fine, else the exit code.
int checkArguments(const QStringList &args)
{
    const QString &command = args.first();
    static const QStringList userVerbs = {u"add"_s, u"passwd"_s, u"remove"_s};
    const bool shapeOk = command == u"user"_s ? (args.size() == 2 && args.at(1) == u"list"_s)
                                                    || (args.size() == 3 && userVerbs.contains(args.at(1)))
                                              : args.size() == (command == u"grant"_s ? 4 : 3);
    if (!shapeOk)
        return say(ExitCode::UsageError, Usage);
    const QString user = command == u"user"_s ? args.value(2) : args.at(1);
    if (!(command == u"user"_s && args.size() == 2) && !AuthStore::isValidUserName(user))
        return say(ExitCode::UsageError, u"\"%1\" is not a valid user name (1 to 64 letters, digits, . _ - @)"_s.arg(user));
    if (command != u"user"_s && !isValidCollectionName(args.at(2)))
        return say(ExitCode::UsageError, u"\"%1\" is not a valid collection name"_s.arg(args.at(2)));
    if (command == u"grant"_s && !AuthStore::parseRight(args.at(3)))
        return say(ExitCode::UsageError, u"the right must be read, write or admin, not \"%1\""_s.arg(args.at(3)));
    return -1;
}

} // namespace

int UserCommands::run(const QString &dataDir, const QStringList &command)
{
    Q_ASSERT(!command.isEmpty());
    if (const int code = checkArguments(command); code >= 0)
        return code;
    const QDir dir(dataDir);
    const QString databasePath = dir.filePath(u"etagere.sqlite"_s);
    const bool creates = command.value(0) == u"user"_s && command.value(1) == u"add"_s;
    if (!creates && !QFileInfo::exists(databasePath))
        return say(ExitCode::Failure, u"no database in %1 (add a user first, or start the server)"_s.arg(dataDir));
    if (creates && !dir.mkpath(u"."_s))
        return say(ExitCode::Failure, u"cannot create the data directory %1"_s.arg(dataDir));
    AuthStore store;
    if (!store.open(databasePath))
        return say(ExitCode::Failure, store.errorString());
    return command.first() == u"user"_s ? userCommand(store, command) : grantCommand(store, command);
}

} // namespace Etagere
