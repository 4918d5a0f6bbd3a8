#pragma once

// The fixture of tst_conflictlistmodel and tst_outboxmodel: a real etagere-server (--demo),
// one engine loaded from it, and "another client" that writes with plain REST jobs.

#include "memoryrecordstore.h"
#include "runjob.h"
#include "syncengine.h"
#include "networkaccess.h"
#include "testserver.h"
#include "writerecordjob.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace Etagere::Test {

using namespace Qt::StringLiterals;

struct EngineFixture
{
    static constexpr int TimeoutMs = 10000;
    inline static const QString Tasks = u"tasks"_s;

    /// Starts the server and the engine and waits until "tasks" is loaded and live.
    [[nodiscard]] bool start()
    {
        server = std::make_unique<TestServer>(QStringList{u"--demo"_s});
        if (!server->start())
            return false;
        engine = std::make_unique<SyncEngine>(server->url(), &store);
        engine->setBearerToken(server->token());
        network.setBearerToken(server->token());
        engine->setTimings(1000, 50);
        QSignalSpy reloaded(engine.get(), &SyncEngine::collectionReloaded);
        engine->start();
        return reloaded.wait(TimeoutMs) && QTest::qWaitFor([this] { return isLive(); }, TimeoutMs);
    }

    [[nodiscard]] bool isLive() const { return engine->connectionState() == ConnectionState::Live; }
    [[nodiscard]] QString idAt(int index) const { return engine->records(Tasks).at(index).id; }

    /// A write by another client; false when the server refused it.
    [[nodiscard]] bool otherClientWrites(WriteRecordJob::Mode mode, const QString &id, const QJsonObject &data)
    {
        WriteRecordJob job(&network, server->url(), mode, Tasks, id, data, engine->record(Tasks, id)->etag);
        return runJob(job, TimeoutMs);
    }

    /// An edit of `field` begun before the record changed: a conflict at once, no network.
    [[nodiscard]] bool staleEdit(const QString &id, const QString &field, const QString &value)
    {
        return engine->setFieldFrom(Tasks, id, field, u"what the editor showed"_s, value);
    }

    std::unique_ptr<TestServer> server;
    MemoryRecordStore store;
    std::unique_ptr<SyncEngine> engine;
    NetworkAccess network;
};

} // namespace Etagere::Test
