#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace Etagere {

/// The session a local server (`etagere-server --local-user NAME`, loopback only) gives the
/// person at the keyboard, in the file `<data dir>/local-token` (mode 0600: only the user
/// running the server can read it, which is what proves who they are). The server writes it
/// before it reports that it listens; the app and `etagere-cli` read it to sign in to the
/// embedded server without a password. JSON: `{"user", "token", "expires"}` (ISO 8601 UTC).
/// An extension: PROTOCOL.md lets a loopback server have one built-in user but does not
/// say how a client learns its token.
struct LocalSession
{
    QString user;
    QByteArray token;
    QDateTime expires;

    /// `local-token`
    [[nodiscard]] static QString fileName();
    /// `dataDir` + fileName().
    [[nodiscard]] static QString path(const QString &dataDir);
    /// Reads the session of the server whose data directory is `dataDir`; nullopt with
    /// *error when the file is missing, unreadable or malformed.
    [[nodiscard]] static std::optional<LocalSession> read(const QString &dataDir, QString *error = nullptr);
    /// The file's content.
    [[nodiscard]] QByteArray toJson() const;
    /// Parses the file's content; nullopt when a member is missing or has the wrong type.
    [[nodiscard]] static std::optional<LocalSession> fromJson(const QByteArray &json);
};

} // namespace Etagere
