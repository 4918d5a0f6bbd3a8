#pragma once

#include <QObject>
#include <QUrl>

namespace Etagere {

/// Keeps session tokens in the operating system's keychain (Secret Service on Linux,
/// through QtKeychain), one per server and user; never in settings, the journal or logs.
/// Every call is asynchronous and answers with exactly one signal. When no keychain is
/// available (no Secret Service running), reads find nothing and writes fail with a reason
/// for people: the caller keeps the token in memory only, and the user signs in again next
/// time. QtKeychain's insecure fallback (a plain file) is never used.
/// Lives on the GUI thread.
class TokenStore : public QObject
{
    Q_OBJECT

public:
    explicit TokenStore(QObject *parent = nullptr);

    /// Looks up the token of `user` at `server`: loaded() with the token, or empty when
    /// there is none or the keychain cannot be read (the reason is logged).
    void load(const QUrl &server, const QString &user);
    /// Stores the token: saved(), or saveFailed() with the reason.
    void save(const QUrl &server, const QString &user, const QByteArray &token);
    /// Forgets the token (after signing out); answers with removed().
    void remove(const QUrl &server, const QString &user);

    /// The keychain entry's key: `server URL` + space + `user`.
    [[nodiscard]] static QString keyOf(const QUrl &server, const QString &user);

Q_SIGNALS:
    void loaded(const QUrl &server, const QString &user, const QByteArray &token);
    void saved(const QUrl &server, const QString &user);
    void saveFailed(const QUrl &server, const QString &user, const QString &reason);
    void removed(const QUrl &server, const QString &user);
};

} // namespace Etagere
