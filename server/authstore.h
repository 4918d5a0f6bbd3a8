#pragma once

#include "liveauthorizer.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

QT_BEGIN_NAMESPACE
class QSqlQuery;
QT_END_NAMESPACE

namespace Etagere {

/// Accounts in the server's SQLite database: users (name, Argon2id hash, server-admin
/// flag), grants (user, collection, right), sessions (stored by the SHA-256 of their token)
/// and the auth epoch, a counter that grows in every transaction that changes any of them,
/// so a running server notices changes made by another process (the `user` and `grant`
/// subcommands) by reading one number.
///
/// Opens its own connection (WAL, 5 s busy timeout), so several processes may use the same
/// database at once. Every change is one transaction: it happens whole or not at all.
/// Not thread-safe: use it from the thread that opened it.
class AuthStore final : public LiveAuthorizer
{
public:
    /// A user's right on a collection; each level implies the ones below it.
    enum class Right { None = 0, Read = 1, Write = 2, Admin = 3 };
    /// The outcome of a change. Anything but Done changed nothing.
    enum class Outcome { Done, UserExists, NoSuchUser, NoSuchGrant, NoSuchSession, Failed };

    struct Grant
    {
        QString collection;
        Right right = Right::None;
    };
    struct User
    {
        QString name;
        bool serverAdmin = false;
        bool hasPassword = false;
        QList<Grant> grants; ///< sorted by collection
    };
    struct Session
    {
        QString user;
        QDateTime expires; ///< UTC
        bool local = false;
    };

    AuthStore();
    ~AuthStore() override;
    AuthStore(const AuthStore &) = delete;
    AuthStore &operator=(const AuthStore &) = delete;

    /// Opens (creating or migrating when needed) the database file.
    [[nodiscard]] bool open(const QString &databasePath);
    void close();
    /// The reason of the last failure.
    [[nodiscard]] QString errorString() const;

    /// `read`, `write`, `admin` (Right::None: empty).
    [[nodiscard]] static QString rightName(Right right);
    /// The right named `name` (read, write or admin); nullopt for anything else.
    [[nodiscard]] static std::optional<Right> parseRight(QStringView name);
    /// 1 to 64 characters: ASCII letters, digits, `.`, `_`, `-`, `@`, starting with a letter
    /// or digit. Names are case-sensitive.
    [[nodiscard]] static bool isValidUserName(QStringView name);

    // Users.
    /// Adds a user with a password hash. A user added while no server admin exists becomes
    /// one (*serverAdmin tells). UserExists when the name is taken.
    [[nodiscard]] Outcome addUser(const QString &name, const QString &passwordHash, bool *serverAdmin = nullptr);
    /// Makes sure `name` exists and is a server admin; a new one gets no password (it can
    /// only use sessions the server makes for it). An existing password is kept.
    [[nodiscard]] Outcome ensureLocalUser(const QString &name);
    /// Replaces the password and ends every session of the user.
    [[nodiscard]] Outcome setPassword(const QString &name, const QString &passwordHash);
    /// Removes the user with its grants and sessions.
    [[nodiscard]] Outcome removeUser(const QString &name);
    /// Every user with its grants, sorted by name; nullopt on failure.
    [[nodiscard]] std::optional<QList<User>> users() const;
    /// The stored hash of `name`: nullopt when no such user (or on failure), an empty
    /// string when the user has no password.
    [[nodiscard]] std::optional<QString> passwordHash(const QString &name) const;
    /// True when at least one user can log in with a password.
    [[nodiscard]] bool hasPasswordUser() const;

    // Grants.
    /// Sets the user's right on `collection` (which need not exist) to `right`, replacing
    /// any earlier grant there. NoSuchUser when the user does not exist.
    [[nodiscard]] Outcome grant(const QString &user, const QString &collection, Right right);
    /// Removes the user's grant on `collection`; NoSuchGrant when there is none.
    [[nodiscard]] Outcome revoke(const QString &user, const QString &collection);
    /// The user's right on `collection`: Admin for a server admin, else the grant's, else
    /// None (also for an unknown user or on failure).
    [[nodiscard]] Right rightOn(const QString &user, const QString &collection) const;

    // Sessions.
    /// Stores a session of `user` under `key` (Credentials::tokenKey of its token).
    [[nodiscard]] Outcome createSession(const QByteArray &key, const QString &user, const QDateTime &expires);
    /// Ends every local session of `user` and stores a new local one under `key`.
    [[nodiscard]] Outcome replaceLocalSession(const QByteArray &key, const QString &user, const QDateTime &expires);
    /// The session stored under `key` if it exists and has not expired.
    [[nodiscard]] std::optional<Session> session(const QByteArray &key) const;
    /// Ends the session stored under `key`; false when there was none (or on failure).
    [[nodiscard]] bool deleteSession(const QByteArray &key);
    /// Forgets sessions that expired; returns how many.
    int deleteExpiredSessions();

    /// The auth epoch: it changes whenever users, grants or sessions change; -1 on failure.
    [[nodiscard]] qint64 epoch() const;

    // LiveAuthorizer
    [[nodiscard]] bool canRead(const QString &user, const QString &collection) const override;
    [[nodiscard]] bool isSessionValid(const QByteArray &sessionKey) const override;

private:
    using Change = std::function<Outcome(QSqlQuery &, QString *)>;
    /// Runs `change` in one write transaction that also bumps the epoch when it returns Done.
    [[nodiscard]] Outcome transact(const QString &what, const Change &change);
    [[nodiscard]] QList<Grant> grantsOf(QSqlQuery &query, const QString &user) const;
    void setError(const QString &error) const;

    QString m_connectionName;
    mutable QString m_errorString;
};

} // namespace Etagere
