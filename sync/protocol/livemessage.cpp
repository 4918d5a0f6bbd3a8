#include "livemessage.h"

#include "jsonread_p.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

using Type = LiveMessage::Type;
using State = Presence::State;

struct TypeName
{
    Type type;
    QStringView name;
};

constexpr TypeName TypeNames[] = {
    {Type::Hello, u"hello"}, {Type::Welcome, u"welcome"}, {Type::Change, u"change"},
    {Type::Reset, u"reset"}, {Type::Error, u"error"},     {Type::Presence, u"presence"},
};

struct StateName
{
    State state;
    QStringView name;
};

constexpr StateName StateNames[] = {
    {State::Editing, u"editing"}, {State::Viewing, u"viewing"}, {State::Left, u"left"}};

QString typeName(Type type)
{
    for (const TypeName &entry : TypeNames) {
        if (entry.type == type)
            return entry.name.toString();
    }
    return QString();
}

QString stateName(State state)
{
    for (const StateName &entry : StateNames) {
        if (entry.state == state)
            return entry.name.toString();
    }
    return QString();
}

QJsonObject collectionsToJson(const QMap<QString, qint64> &collections)
{
    QJsonObject json;
    for (auto it = collections.cbegin(); it != collections.cend(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

/// `collections`: an object of valid collection names to sequence numbers >= 0.
QMap<QString, qint64> readCollections(Detail::ObjectReader &reader)
{
    const QJsonObject json = reader.object(u"collections"_s);
    QMap<QString, qint64> collections;
    for (auto it = json.constBegin(); it != json.constEnd() && reader.isOk(); ++it) {
        const std::optional<qint64> seq = Detail::integerValue(it.value());
        if (!isValidCollectionName(it.key()))
            reader.fail(u"'%1' is not a valid collection name"_s.arg(it.key()));
        else if (!seq || *seq < 0)
            reader.fail(u"the sequence number of '%1' must be an integer >= 0"_s.arg(it.key()));
        else
            collections.insert(it.key(), *seq);
    }
    return collections;
}

/// A collection name that may be absent or null (then empty).
QString optionalCollectionName(Detail::ObjectReader &reader, const QString &key)
{
    const QJsonValue value = reader.json().value(key);
    return value.isNull() || value.isUndefined() ? QString() : reader.collectionName(key);
}

QJsonObject errorToJson(const QString &collection, int status, const QString &detail)
{
    QJsonObject json{{u"status"_s, status}};
    if (!collection.isEmpty())
        json.insert(u"collection"_s, collection);
    if (!detail.isEmpty())
        json.insert(u"detail"_s, detail);
    return json;
}

void readPresence(Detail::ObjectReader &reader, Presence *presence)
{
    presence->collection = reader.collectionName(u"collection"_s);
    presence->id = reader.recordId(u"id"_s);
    presence->user = reader.optionalString(u"user"_s);
    const QString state = reader.string(u"state"_s);
    const auto *it = std::find_if(std::begin(StateNames), std::end(StateNames),
                                  [&](const StateName &entry) { return entry.name == state; });
    if (reader.isOk() && it == std::end(StateNames))
        reader.fail(u"'state' must be editing, viewing or left, not '%1'"_s.arg(state));
    presence->state = it == std::end(StateNames) ? State::Viewing : it->state;
}

/// Reads the members of a message whose type is already known.
void readBody(Detail::ObjectReader &reader, LiveMessage *message)
{
    switch (message->type) {
    case Type::Welcome:
        message->user = reader.optionalString(u"user"_s);
        [[fallthrough]];
    case Type::Hello:
        message->collections = readCollections(reader);
        break;
    case Type::Change: {
        QString reason;
        const std::optional<Change> change = Change::fromJson(reader.json(), &reason);
        if (change)
            message->change = *change;
        else
            reader.fail(reason);
        break;
    }
    case Type::Reset:
        message->collection = reader.collectionName(u"collection"_s);
        message->seq = reader.integer(u"seq"_s, 0);
        break;
    case Type::Error: {
        message->collection = optionalCollectionName(reader, u"collection"_s);
        message->detail = reader.optionalString(u"detail"_s);
        const qint64 status = reader.integer(u"status"_s, 400); // checked before the cast to int
        if (reader.isOk() && status > 599)
            reader.fail(u"'status' must be an HTTP error status"_s);
        message->status = reader.isOk() ? int(status) : 0;
        break;
    }
    case Type::Presence:
        readPresence(reader, &message->presence);
        break;
    }
}

} // namespace

QJsonObject LiveMessage::toJson() const
{
    QJsonObject json;
    switch (type) {
    case Type::Welcome:
        json.insert(u"user"_s, user);
        [[fallthrough]];
    case Type::Hello:
        json.insert(u"collections"_s, collectionsToJson(collections));
        break;
    case Type::Change:
        json = change.toJson();
        break;
    case Type::Reset:
        json = {{u"collection"_s, collection}, {u"seq"_s, seq}};
        break;
    case Type::Error:
        json = errorToJson(collection, status, detail);
        break;
    case Type::Presence:
        json = {{u"collection"_s, presence.collection}, {u"id"_s, presence.id}, {u"user"_s, presence.user},
                {u"state"_s, stateName(presence.state)}};
        break;
    }
    json.insert(u"type"_s, typeName(type));
    return json;
}

std::optional<LiveMessage> LiveMessage::fromJson(const QJsonValue &json, QString *error)
{
    Detail::ObjectReader reader(json, u"live message"_s, error);
    const QString name = reader.string(u"type"_s);
    const auto *it = std::find_if(std::begin(TypeNames), std::end(TypeNames),
                                  [&](const TypeName &entry) { return entry.name == name; });
    if (reader.isOk() && it == std::end(TypeNames))
        reader.fail(u"unknown type '%1'"_s.arg(name));
    if (!reader.isOk())
        return std::nullopt;
    LiveMessage message;
    message.type = it->type;
    readBody(reader, &message);
    return reader.isOk() ? std::optional(message) : std::nullopt;
}

LiveMessage LiveMessage::hello(const QMap<QString, qint64> &collections)
{
    LiveMessage message;
    message.type = Type::Hello;
    message.collections = collections;
    return message;
}

LiveMessage LiveMessage::welcome(const QMap<QString, qint64> &collections, const QString &user)
{
    LiveMessage message = hello(collections);
    message.type = Type::Welcome;
    message.user = user;
    return message;
}

LiveMessage LiveMessage::changed(const Etagere::Change &change)
{
    LiveMessage message;
    message.type = Type::Change;
    message.change = change;
    return message;
}

LiveMessage LiveMessage::reset(const QString &collection, qint64 seq)
{
    LiveMessage message;
    message.type = Type::Reset;
    message.collection = collection;
    message.seq = seq;
    return message;
}

LiveMessage LiveMessage::error(const QString &collection, int status, const QString &detail)
{
    LiveMessage message;
    message.type = Type::Error;
    message.collection = collection;
    message.status = status;
    message.detail = detail;
    return message;
}

LiveMessage LiveMessage::presenceOf(const Etagere::Presence &presence)
{
    LiveMessage message;
    message.type = Type::Presence;
    message.presence = presence;
    return message;
}

} // namespace Etagere
