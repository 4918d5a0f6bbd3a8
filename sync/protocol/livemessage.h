#pragma once
#include "change.h"

#include <QMap>

namespace Etagere {

/// A presence announcement: who views or edits which record.
struct Presence
{
    enum class State { Editing, Viewing, Left };

    QString collection;
    QString id;
    QString user;
    State state = State::Viewing;

    friend bool operator==(const Presence &, const Presence &) = default;
};

/// WebSocket close codes the server uses on `/v1/live` (private-use range 4000-4999; an
/// extension: PROTOCOL.md is silent on how a socket ends).
namespace LiveCloseCode {
/// The session ended (logged out, expired, or its user removed or given a new password):
/// the client must sign in again before reconnecting.
inline constexpr quint16 SessionEnded = 4401;
/// The user lost a right on a subscribed collection: reconnect; `hello` tells which.
inline constexpr quint16 RightsChanged = 4403;
} // namespace LiveCloseCode

/// One message of the `/v1/live` WebSocket, either direction. Which members are
/// meaningful depends on `type`:
/// - Hello, Welcome: `collections` (name -> sequence number); Welcome also `user`, the
///   identity the server gives this connection (an extension: PROTOCOL.md is silent there)
/// - Change: `change`
/// - Reset: `collection`, `seq`
/// - Error: `status`, and optionally `collection` (absent for an error about the session
///   as a whole, for example an invalid message) and `detail`, a human-readable reason (an
///   extension: PROTOCOL.md names only `collection` and `status`)
/// - Presence: `presence`
struct LiveMessage
{
    enum class Type { Hello, Welcome, Change, Reset, Error, Presence };

    Type type = Type::Hello;
    QMap<QString, qint64> collections;
    Etagere::Change change;
    QString collection;
    qint64 seq = 0;
    int status = 0;
    Etagere::Presence presence;
    QString user;
    QString detail;

    [[nodiscard]] QJsonObject toJson() const;
    /// Parses any message; nullopt with *error for an unknown type or missing members.
    /// Collection names and record ids are checked. Optional: `user` of a welcome (an
    /// extension) and of a presence (the server sets it anyway); both default to empty.
    /// An error's `status` must be 400-599; its `collection` and `detail` are optional
    /// (empty when absent or null). Unknown members are ignored.
    [[nodiscard]] static std::optional<LiveMessage> fromJson(const QJsonValue &json, QString *error);

    [[nodiscard]] static LiveMessage hello(const QMap<QString, qint64> &collections);
    [[nodiscard]] static LiveMessage welcome(const QMap<QString, qint64> &collections, const QString &user);
    [[nodiscard]] static LiveMessage changed(const Etagere::Change &change);
    [[nodiscard]] static LiveMessage reset(const QString &collection, qint64 seq);
    /// An error about `collection`, or about the session when `collection` is empty; toJson()
    /// leaves out an empty `collection` and an empty `detail`.
    [[nodiscard]] static LiveMessage error(const QString &collection, int status, const QString &detail = {});
    [[nodiscard]] static LiveMessage presenceOf(const Etagere::Presence &presence);
};

} // namespace Etagere
