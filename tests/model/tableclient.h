#pragma once

// The fixture of tst_recordtablemodel: a client (store, engine, model under a model
// tester) against a real etagere-server, and helpers to read dataChanged spies.

#include "memoryrecordstore.h"
#include "networkaccess.h"
#include "recordtablemodel.h"
#include "syncengine.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

namespace Etagere::Test {

using namespace Qt::StringLiterals;


constexpr int LoadTimeoutMs = 10000;
constexpr int HighlightMs = 300;

/// One client: its own store, engine and model (with a model tester) on one collection.
struct Client
{
    Client(const QUrl &server, const QByteArray &token, const QString &collection = u"tasks"_s)
        : engine(server, &store)
        , model(&engine)
        , tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest)
        , reloaded(&engine, &SyncEngine::collectionReloaded)
    {
        engine.setBearerToken(token);
        model.setCollection(collection);
        model.setRemoteHighlightDuration(HighlightMs);
    }

    [[nodiscard]] bool isLoaded() const
    {
        return !reloaded.isEmpty() && engine.connectionState() == ConnectionState::Live && model.columnCount() > 0
            && model.rowCount() == engine.records(model.collection()).size();
    }

    [[nodiscard]] int column(const QString &field) const { return model.schema().indexOf(field); }
    [[nodiscard]] QModelIndex cell(const QString &id, const QString &field) const
    {
        return model.index(model.rowOf(id), column(field));
    }

    MemoryRecordStore store;
    SyncEngine engine;
    RecordTableModel model;
    QAbstractItemModelTester tester;
    QSignalSpy reloaded;
};

/// Starts the client and waits until its collection is loaded and live.
#define LOAD(client)                                                                                                   \
    do {                                                                                                               \
        (client).engine.start();                                                                                       \
        QTRY_VERIFY_WITH_TIMEOUT((client).isLoaded(), LoadTimeoutMs);                                                  \
    } while (false)

/// Every type once: the demo collection has no integer and no datetime.
inline QJsonObject kindsSchema()
{
    const auto field = [](const char *name, const char *type, bool required) {
        return QJsonObject{{u"name"_s, QString::fromLatin1(name)}, {u"type"_s, QString::fromLatin1(type)},
                           {u"title"_s, QString::fromLatin1(name).toUpper()}, {u"required"_s, required}};
    };
    QJsonObject e = field("e", "enum", false);
    e.insert(u"values"_s, QJsonArray{u"red"_s, u"green"_s, u"blue"_s});
    return {{u"title"_s, u"Kinds"_s},
            {u"fields"_s, QJsonArray{field("s", "string", true), field("t", "text", false), field("i", "integer", false),
                                     field("n", "number", false), field("b", "boolean", false),
                                     field("d", "date", false), field("dt", "datetime", false), e}}};
}

inline int createCollection(const QUrl &server, const QByteArray &token, const QString &name, const QJsonObject &body)
{
    NetworkAccess network;
    network.setBearerToken(token);
    QNetworkRequest request(server.resolved(QUrl(u"/v1/collections/"_s + name)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setRawHeader("If-None-Match", "*");
    std::unique_ptr<QNetworkReply> reply(network.put(request, QJsonDocument(body).toJson()));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(5000))
        return -1;
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

/// The dataChanged emissions that may carry a new value (all roles, or DisplayRole among them).
inline QList<std::pair<QModelIndex, QModelIndex>> valueChanges(const QSignalSpy &spy)
{
    QList<std::pair<QModelIndex, QModelIndex>> result;
    for (const QList<QVariant> &args : spy) {
        const auto roles = args.at(2).value<QList<int>>();
        if (roles.isEmpty() || roles.contains(Qt::DisplayRole))
            result.append({args.at(0).toModelIndex(), args.at(1).toModelIndex()});
    }
    return result;
}

inline bool rolesInclude(const QSignalSpy &spy, const QModelIndex &cell, int role)
{
    return std::any_of(spy.cbegin(), spy.cend(), [&](const QList<QVariant> &args) {
        const auto roles = args.at(2).value<QList<int>>();
        return args.at(0).toModelIndex() == cell && args.at(1).toModelIndex() == cell
            && (roles.isEmpty() || roles.contains(role));
    });
}

} // namespace Etagere::Test
