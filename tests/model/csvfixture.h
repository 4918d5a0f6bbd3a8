#pragma once

// The fixture of the CSV import and export tests: a real etagere-server (--demo), one
// engine on it, and a collection "items" with a field of every type, created through the
// engine. "The server" is read with plain REST jobs.

#include "createcollectionjob.h"
#include "fetchrecordsjob.h"
#include "listcollectionsjob.h"
#include "memoryrecordstore.h"
#include "networkaccess.h"
#include "runjob.h"
#include "syncengine.h"
#include "testserver.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace Etagere::Test {

using namespace Qt::StringLiterals;

struct CsvFixture
{
    static constexpr int TimeoutMs = 15000;
    inline static const QString Items = u"items"_s;

    static CollectionSchema itemsSchema()
    {
        CollectionSchema schema;
        schema.name = Items;
        schema.title = u"Items"_s;
        schema.fields = {
            {u"title"_s, FieldType::String, u"Title"_s, true, {}},
            {u"notes"_s, FieldType::Text, u"Notes"_s, false, {}},
            {u"count"_s, FieldType::Integer, u"Count"_s, false, {}},
            {u"price"_s, FieldType::Number, u"Price"_s, false, {}},
            {u"done"_s, FieldType::Boolean, u"Done"_s, false, {}},
            {u"due"_s, FieldType::Date, u"Due"_s, false, {}},
            {u"at"_s, FieldType::DateTime, u"At"_s, false, {}},
            {u"size"_s, FieldType::Enum, u"Size"_s, false, {u"S"_s, u"M"_s, u"L"_s}},
        };
        return schema;
    }

    /// Starts the server and the engine, creates "items" and waits until it is loaded.
    [[nodiscard]] bool start()
    {
        server = std::make_unique<TestServer>(QStringList{u"--demo"_s});
        if (!server->start() || !directory.isValid())
            return false;
        engine = std::make_unique<SyncEngine>(server->url(), &store);
        engine->setBearerToken(server->token());
        network.setBearerToken(server->token());
        engine->setTimings(1000, 50);
        QSignalSpy reloaded(engine.get(), &SyncEngine::collectionReloaded);
        engine->start();
        if (!reloaded.wait(TimeoutMs) || !QTest::qWaitFor([this] { return isLive(); }, TimeoutMs))
            return false;
        reloaded.clear();
        CreateCollectionJob *job = engine->createCollection(itemsSchema());
        return job && QTest::qWaitFor([&] { return !reloaded.isEmpty(); }, TimeoutMs);
    }

    [[nodiscard]] bool isLive() const { return engine->connectionState() == ConnectionState::Live; }

    /// Writes `bytes` to a new file in the test's directory; returns its path.
    [[nodiscard]] QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = directory.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }

    /// The records the server has in `collection`, ordered by id.
    [[nodiscard]] QList<Record> serverRecords(const QString &collection = Items)
    {
        FetchRecordsJob job(&network, server->url(), collection);
        return runJob(job, TimeoutMs) ? job.records() : QList<Record>{Record{u"fetch failed"_s, {}, 0, {}}};
    }

    /// The collection's sequence number on the server: it moves with every write.
    [[nodiscard]] qint64 serverSeq(const QString &collection = Items)
    {
        ListCollectionsJob job(&network, server->url());
        if (!runJob(job, TimeoutMs))
            return -1;
        for (const CollectionSchema &schema : job.collections()) {
            if (schema.name == collection)
                return schema.seq;
        }
        return -1;
    }

    ~CsvFixture() { engine.reset(); } // before the store it writes to

    std::unique_ptr<TestServer> server;
    MemoryRecordStore store;
    std::unique_ptr<SyncEngine> engine;
    NetworkAccess network;
    QTemporaryDir directory;
};

} // namespace Etagere::Test
