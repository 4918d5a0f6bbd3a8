#pragma once

// The fixture of the live-cue tests: a SyncEngine against a ScriptedServer that plays a
// server with two collections, "tasks" (records r1, r2, r3) and "notes" (n1), and answers
// every hello with a welcome that names the engine's user "alice". The test pushes other
// people's changes and presence with whatever author it likes (a real server names every
// client the same local user until accounts exist), and reads what the engine sent.

#include "memoryrecordstore.h"
#include "scriptedserver.h"
#include "syncengine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace Etagere::Test {

using namespace Qt::StringLiterals;

struct ScriptedFixture
{
    static constexpr int TimeoutMs = 10000;
    inline static const QString Tasks = u"tasks"_s;
    inline static const QString Notes = u"notes"_s;
    inline static const QString Me = u"alice"_s;

    ScriptedFixture() { qRegisterMetaType<Etagere::Presence>(); }
    ~ScriptedFixture() { engine.reset(); } // before the server it talks to

    /// Starts the server and the engine; true once both collections are loaded and live,
    /// and the engine has settled: it subscribed to both and took the welcome of that (after
    /// which it repeats its presence announcements). Then `received` is emptied.
    [[nodiscard]] bool start()
    {
        if (!server.listen())
            return false;
        server.setHandler([this](const ScriptedServer::Request &request) { return answer(request); });
        QObject::connect(&server, &ScriptedServer::textReceived, &server,
                         [this](const QString &text) { onText(text); });
        engine = std::make_unique<SyncEngine>(server.url(), &store);
        engine->setTimings(1000, 50);
        QSignalSpy reloaded(engine.get(), &SyncEngine::collectionReloaded);
        engine->start();
        // Announced before it is live, this goes out again after every welcome the engine takes.
        engine->announcePresence(Notes, u"warmup"_s, Presence::State::Viewing);
        if (!QTest::qWaitFor([&] { return reloaded.size() >= 2 && isLive() && isSettled(); }, TimeoutMs))
            return false;
        engine->announcePresence(Notes, u"warmup"_s, Presence::State::Left);
        if (!QTest::qWaitFor([&] { return sentPresence().contains({Notes, u"warmup"_s, u"left"_s}); }, TimeoutMs))
            return false;
        received.clear();
        return true;
    }

    [[nodiscard]] bool isLive() const { return engine && engine->connectionState() == ConnectionState::Live; }

    /// Somebody else's presence, as the server relays it.
    void pushPresence(const QString &collection, const QString &id, const QString &user, const QString &state)
    {
        send({{u"type"_s, u"presence"_s}, {u"collection"_s, collection}, {u"id"_s, id}, {u"user"_s, user},
              {u"state"_s, state}});
    }

    /// Somebody else's committed change: `data` null for a delete.
    void pushChange(const QString &collection, const QString &id, const QJsonValue &data, const QString &author)
    {
        const qint64 next = ++seq[collection];
        send({{u"type"_s, u"change"_s}, {u"seq"_s, next}, {u"collection"_s, collection}, {u"id"_s, id},
              {u"op"_s, data.isObject() ? u"put"_s : u"delete"_s}, {u"etag"_s, u"\"%1\""_s.arg(next)},
              {u"data"_s, data}, {u"author"_s, author}});
    }

    void send(const QJsonObject &message) { server.sendText(QString::fromUtf8(QJsonDocument(message).toJson())); }

    /// The presence messages the engine sent so far, each as (collection, id, state).
    [[nodiscard]] QList<QStringList> sentPresence() const
    {
        QList<QStringList> sent;
        for (const QJsonObject &message : received) {
            if (message.value("type"_L1) == "presence"_L1)
                sent.append({message.value("collection"_L1).toString(), message.value("id"_L1).toString(),
                              message.value("state"_L1).toString()});
        }
        return sent;
    }

    ScriptedServer server;
    MemoryRecordStore store;
    std::unique_ptr<SyncEngine> engine;
    QMap<QString, qint64> seq{{Tasks, 3}, {Notes, 1}};
    QList<QJsonObject> received; ///< every message the engine sent on the live socket

private:
    /// The warm-up announcement came after the hello that subscribes to both collections:
    /// the engine took that hello's welcome.
    [[nodiscard]] bool isSettled() const
    {
        const QJsonObject both{{Notes, seq.value(Notes)}, {Tasks, seq.value(Tasks)}};
        qsizetype hello = -1;
        for (qsizetype i = 0; i < received.size(); ++i) {
            const QJsonObject &message = received.at(i);
            if (message.value("type"_L1) == "hello"_L1 && message.value("collections"_L1).toObject() == both)
                hello = i;
            else if (hello >= 0 && message.value("type"_L1) == "presence"_L1 && message.value("id"_L1) == "warmup"_L1)
                return true;
        }
        return false;
    }

    ScriptedServer::Response answer(const ScriptedServer::Request &request) const
    {
        if (request.path == "/v1/collections"_L1)
            return ScriptedServer::json(200, R"({"collections":[
                {"name":"notes","title":"Notes","seq":1,"fields":[{"name":"text","type":"string","title":"Text","required":true}]},
                {"name":"tasks","title":"Tasks","seq":3,"fields":[
                    {"name":"title","type":"string","title":"Title","required":true},
                    {"name":"owner","type":"string","title":"Owner","required":false},
                    {"name":"done","type":"boolean","title":"Done","required":false}]}]})"_ba);
        if (request.path == "/v1/collections/tasks/records"_L1)
            return ScriptedServer::json(200, R"({"seq":3,"next":null,"records":[
                {"id":"r1","etag":"\"1\"","seq":1,"data":{"title":"Buy milk","owner":"Ann","done":false}},
                {"id":"r2","etag":"\"2\"","seq":2,"data":{"title":"Call Bob","owner":"Ann","done":false}},
                {"id":"r3","etag":"\"3\"","seq":3,"data":{"title":"Plan trip","owner":null,"done":true}}]})"_ba);
        if (request.path == "/v1/collections/notes/records"_L1)
            return ScriptedServer::json(200, R"({"seq":1,"next":null,"records":[
                {"id":"n1","etag":"\"1\"","seq":1,"data":{"text":"Hello"}}]})"_ba);
        return ScriptedServer::json(404, R"({"type":"about:blank","title":"Not Found","status":404})"_ba);
    }

    void onText(const QString &text)
    {
        const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
        received.append(message);
        if (message.value("type"_L1) != "hello"_L1)
            return;
        QJsonObject numbers;
        const QJsonObject asked = message.value("collections"_L1).toObject();
        for (auto it = asked.begin(); it != asked.end(); ++it)
            numbers.insert(it.key(), seq.value(it.key()));
        send({{u"type"_s, u"welcome"_s}, {u"collections"_s, numbers}, {u"user"_s, Me}});
    }
};

} // namespace Etagere::Test
