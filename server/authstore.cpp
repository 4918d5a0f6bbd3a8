#include "authstore.h"

#include "databaseschema.h"
#include "logging.h"
#include "sql_p.h"

#include <QSqlDatabase>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Etagere {

using Sql::run;

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

bool isUserNameChar(QChar c, bool first)
{
    const bool alnum = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
    return alnum || (!first && (c == u'.' || c == u'_' || c == u'-' || c == u'@'));
}

// True when `query` (just run) returned a row; reads nothing.
bool hasRow(QSqlQuery &query)
{
    const bool found = query.next();
    query.finish();
    return found;
}

} // namespace

AuthStore::AuthStore()
    : m_connectionName(u"etagere-auth-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

AuthStore::~AuthStore()
{
    close();
}

bool AuthStore::open(const QString &databasePath)
{
    close();
    QString error;
    if (DatabaseSchema::open(m_connectionName, databasePath, &error))
        return true;
    setError(error);
    return false;
}

void AuthStore::close()
{
    DatabaseSchema::close(m_connectionName);
}

QString AuthStore::errorString() const
{
    return m_errorString;
}

void AuthStore::setError(const QString &error) const
{
    m_errorString = error;
    qCWarning(lcServer).noquote() << "accounts:" << error;
}

QString AuthStore::rightName(Right right)
{
    switch (right) {
    case Right::Read: return u"read"_s;
    case Right::Write: return u"write"_s;
    case Right::Admin: return u"admin"_s;
    case Right::None: break;
    }
    return {};
}

std::optional<AuthStore::Right> AuthStore::parseRight(QStringView name)
{
    for (const Right right : {Right::Read, Right::Write, Right::Admin}) {
        if (name == rightName(right))
            return right;
    }
    return std::nullopt;
}

bool AuthStore::isValidUserName(QStringView name)
{
    if (name.isEmpty() || name.size() > 64 || !isUserNameChar(name.front(), true))
        return false;
    return std::all_of(name.begin(), name.end(), [](QChar c) { return isUserNameChar(c, false); });
}

AuthStore::Outcome AuthStore::transact(const QString &what, const Change &change)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    QString error;
    if (!run(query, u"BEGIN IMMEDIATE"_s, {}, &error)) {
        setError(u"cannot %1: %2"_s.arg(what, error));
        return Outcome::Failed;
    }
    Outcome outcome = change(query, &error);
    if (outcome == Outcome::Done && !run(query, u"UPDATE auth_state SET epoch = epoch + 1"_s, {}, &error))
        outcome = Outcome::Failed;
    if (outcome == Outcome::Done && run(query, u"COMMIT"_s, {}, &error))
        return outcome;
    QString ignored;
    if (!run(query, u"ROLLBACK"_s, {}, &ignored))
        qCWarning(lcServer).noquote() << "accounts: rollback failed:" << ignored;
    if (outcome == Outcome::Done || outcome == Outcome::Failed) {
        setError(u"cannot %1: %2"_s.arg(what, error));
        return Outcome::Failed;
    }
    return outcome;
}

AuthStore::Outcome AuthStore::addUser(const QString &name, const QString &passwordHash, bool *serverAdmin)
{
    Q_ASSERT(isValidUserName(name) && !passwordHash.isEmpty());
    bool admin = false;
    const Outcome outcome = transact(u"add user %1"_s.arg(name), [&](QSqlQuery &query, QString *error) {
        if (!run(query, u"SELECT 1 FROM users WHERE name = ?"_s, {name}, error))
            return Outcome::Failed;
        if (hasRow(query))
            return Outcome::UserExists;
        if (!run(query, u"SELECT 1 FROM users WHERE server_admin = 1"_s, {}, error))
            return Outcome::Failed;
        admin = !hasRow(query);
        return run(query, u"INSERT INTO users (name, password, server_admin) VALUES (?, ?, ?)"_s,
                   {name, passwordHash, admin ? 1 : 0}, error) ? Outcome::Done : Outcome::Failed;
    });
    if (serverAdmin)
        *serverAdmin = outcome == Outcome::Done && admin;
    return outcome;
}

AuthStore::Outcome AuthStore::ensureLocalUser(const QString &name)
{
    Q_ASSERT(isValidUserName(name));
    return transact(u"set up local user %1"_s.arg(name), [&](QSqlQuery &query, QString *error) {
        const bool ok = run(query, u"INSERT INTO users (name, password, server_admin) VALUES (?, NULL, 1) "
                                    "ON CONFLICT (name) DO UPDATE SET server_admin = 1"_s, {name}, error);
        return ok ? Outcome::Done : Outcome::Failed;
    });
}

AuthStore::Outcome AuthStore::setPassword(const QString &name, const QString &passwordHash)
{
    Q_ASSERT(!passwordHash.isEmpty());
    return transact(u"change the password of %1"_s.arg(name), [&](QSqlQuery &query, QString *error) {
        if (!run(query, u"UPDATE users SET password = ? WHERE name = ?"_s, {passwordHash, name}, error))
            return Outcome::Failed;
        if (query.numRowsAffected() != 1)
            return Outcome::NoSuchUser;
        return run(query, u"DELETE FROM sessions WHERE user = ?"_s, {name}, error) ? Outcome::Done : Outcome::Failed;
    });
}

AuthStore::Outcome AuthStore::removeUser(const QString &name)
{
    return transact(u"remove user %1"_s.arg(name), [&](QSqlQuery &query, QString *error) {
        if (!run(query, u"DELETE FROM sessions WHERE user = ?"_s, {name}, error)
            || !run(query, u"DELETE FROM grants WHERE user = ?"_s, {name}, error)
            || !run(query, u"DELETE FROM users WHERE name = ?"_s, {name}, error)) {
            return Outcome::Failed;
        }
        return query.numRowsAffected() == 1 ? Outcome::Done : Outcome::NoSuchUser;
    });
}

QList<AuthStore::Grant> AuthStore::grantsOf(QSqlQuery &query, const QString &user) const
{
    QList<Grant> grants;
    QString error;
    if (!run(query, u"SELECT collection, level FROM grants WHERE user = ? ORDER BY collection"_s, {user}, &error)) {
        setError(u"cannot read the grants of %1: %2"_s.arg(user, error));
        return grants;
    }
    while (query.next())
        grants.append({query.value(0).toString(), Right(qBound(1, query.value(1).toInt(), 3))});
    return grants;
}

std::optional<QList<AuthStore::User>> AuthStore::users() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    QString error;
    if (!run(query, u"SELECT name, server_admin, password IS NOT NULL FROM users ORDER BY name"_s, {}, &error)) {
        setError(u"cannot list the users: "_s + error);
        return std::nullopt;
    }
    QList<User> result;
    while (query.next())
        result.append({query.value(0).toString(), query.value(1).toBool(), query.value(2).toBool(), {}});
    for (User &user : result)
        user.grants = grantsOf(query, user.name);
    return result;
}

std::optional<QString> AuthStore::passwordHash(const QString &name) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    QString error;
    if (!run(query, u"SELECT password FROM users WHERE name = ?"_s, {name}, &error)) {
        setError(u"cannot read user %1: %2"_s.arg(name, error));
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return query.value(0).isNull() ? QString() : query.value(0).toString();
}

bool AuthStore::hasPasswordUser() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    QString error;
    if (!run(query, u"SELECT 1 FROM users WHERE password IS NOT NULL LIMIT 1"_s, {}, &error)) {
        setError(u"cannot list the users: "_s + error);
        return false;
    }
    return query.next();
}

AuthStore::Outcome AuthStore::grant(const QString &user, const QString &collection, Right right)
{
    Q_ASSERT(right != Right::None);
    return transact(u"grant %1 on %2 to %3"_s.arg(rightName(right), collection, user),
                    [&](QSqlQuery &query, QString *error) {
        if (!run(query, u"SELECT 1 FROM users WHERE name = ?"_s, {user}, error))
            return Outcome::Failed;
        if (!hasRow(query))
            return Outcome::NoSuchUser;
        const bool ok = run(query, u"INSERT INTO grants (user, collection, level) VALUES (?, ?, ?) "
                                    "ON CONFLICT (user, collection) DO UPDATE SET level = excluded.level"_s,
                            {user, collection, int(right)}, error);
        return ok ? Outcome::Done : Outcome::Failed;
    });
}

AuthStore::Outcome AuthStore::revoke(const QString &user, const QString &collection)
{
    return transact(u"revoke the grant of %1 on %2"_s.arg(user, collection), [&](QSqlQuery &query, QString *error) {
        if (!run(query, u"SELECT 1 FROM users WHERE name = ?"_s, {user}, error))
            return Outcome::Failed;
        if (!hasRow(query))
            return Outcome::NoSuchUser;
        if (!run(query, u"DELETE FROM grants WHERE user = ? AND collection = ?"_s, {user, collection}, error))
            return Outcome::Failed;
        return query.numRowsAffected() == 1 ? Outcome::Done : Outcome::NoSuchGrant;
    });
}

AuthStore::Right AuthStore::rightOn(const QString &user, const QString &collection) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    QString error;
    if (!run(query, u"SELECT u.server_admin, g.level FROM users u LEFT JOIN grants g "
                    "ON g.user = u.name AND g.collection = ? WHERE u.name = ?"_s, {collection, user}, &error)) {
        setError(u"cannot read the rights of %1: %2"_s.arg(user, error));
        return Right::None;
    }
    if (!query.next())
        return Right::None;
    if (query.value(0).toBool())
        return Right::Admin;
    return query.value(1).isNull() ? Right::None : Right(qBound(1, query.value(1).toInt(), 3));
}

AuthStore::Outcome AuthStore::createSession(const QByteArray &key, const QString &user, const QDateTime &expires)
{
    return transact(u"create a session for %1"_s.arg(user), [&](QSqlQuery &query, QString *error) {
        const bool ok = run(query, u"INSERT INTO sessions (token_hash, user, expires, local) VALUES (?, ?, ?, 0)"_s,
                            {QString::fromLatin1(key), user, expires.toMSecsSinceEpoch()}, error);
        return ok ? Outcome::Done : Outcome::Failed;
    });
}

AuthStore::Outcome AuthStore::replaceLocalSession(const QByteArray &key, const QString &user,
                                                  const QDateTime &expires)
{
    return transact(u"create the local session of %1"_s.arg(user), [&](QSqlQuery &query, QString *error) {
        const bool ok = run(query, u"DELETE FROM sessions WHERE user = ? AND local = 1"_s, {user}, error)
                        && run(query, u"INSERT INTO sessions (token_hash, user, expires, local) VALUES (?, ?, ?, 1)"_s,
                               {QString::fromLatin1(key), user, expires.toMSecsSinceEpoch()}, error);
        return ok ? Outcome::Done : Outcome::Failed;
    });
}

std::optional<AuthStore::Session> AuthStore::session(const QByteArray &key) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    QString error;
    if (!run(query, u"SELECT user, expires, local FROM sessions WHERE token_hash = ? AND expires > ?"_s,
             {QString::fromLatin1(key), nowMs()}, &error)) {
        setError(u"cannot read a session: "_s + error);
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return Session{query.value(0).toString(), QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC),
                   query.value(2).toBool()};
}

bool AuthStore::deleteSession(const QByteArray &key)
{
    return transact(u"end a session"_s, [&](QSqlQuery &query, QString *error) {
        if (!run(query, u"DELETE FROM sessions WHERE token_hash = ?"_s, {QString::fromLatin1(key)}, error))
            return Outcome::Failed;
        return query.numRowsAffected() == 1 ? Outcome::Done : Outcome::NoSuchSession;
    }) == Outcome::Done;
}

int AuthStore::deleteExpiredSessions()
{
    int count = 0;
    const Outcome outcome = transact(u"forget expired sessions"_s, [&](QSqlQuery &query, QString *error) {
        if (!run(query, u"DELETE FROM sessions WHERE expires <= ?"_s, {nowMs()}, error))
            return Outcome::Failed;
        count = query.numRowsAffected();
        return count > 0 ? Outcome::Done : Outcome::NoSuchSession; // nothing to forget: no new epoch
    });
    return outcome == Outcome::Done ? count : 0;
}

qint64 AuthStore::epoch() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    QString error;
    if (!run(query, u"SELECT epoch FROM auth_state WHERE id = 1"_s, {}, &error) || !query.next()) {
        setError(u"cannot read the auth epoch: "_s + error);
        return -1;
    }
    return query.value(0).toLongLong();
}

bool AuthStore::canRead(const QString &user, const QString &collection) const
{
    return rightOn(user, collection) >= Right::Read;
}

bool AuthStore::isSessionValid(const QByteArray &sessionKey) const
{
    return session(sessionKey).has_value();
}

} // namespace Etagere
