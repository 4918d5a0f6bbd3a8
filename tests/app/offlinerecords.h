#pragma once

// A fixture for widget tests that need records but no server: a MemoryRecordStore filled
// with a collection "notes", an engine over it that is never started (edits stay pending
// in the store) and a RecordTableModel on the collection, under a model tester.

#include "memoryrecordstore.h"
#include "recordtablemodel.h"
#include "syncengine.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QTest>

namespace Etagere::Test {

using namespace Qt::StringLiterals;

inline CollectionSchema notesSchema()
{
    const auto field = [](const QString &name, const QString &type, bool required) {
        return QJsonObject{{u"name"_s, name}, {u"type"_s, type}, {u"title"_s, name.toUpper()}, {u"required"_s, required}};
    };
    QJsonObject colour = field(u"colour"_s, u"enum"_s, false);
    colour.insert(u"values"_s, QJsonArray{u"red"_s, u"green"_s, u"blue"_s});
    const QJsonObject json{{u"name"_s, u"notes"_s}, {u"title"_s, u"Notes"_s},
                           {u"fields"_s, QJsonArray{field(u"title"_s, u"string"_s, true), field(u"body"_s, u"text"_s, false),
                                                    field(u"size"_s, u"integer"_s, false), colour,
                                                    field(u"due"_s, u"date"_s, false)}}};
    QString error;
    return CollectionSchema::fromJson(json, &error).value_or(CollectionSchema());
}

/// A record as the server gave it (clean, with an ETag).
inline RecordState serverRecord(const QString &id, const QJsonObject &data)
{
    RecordState state;
    state.collection = u"notes"_s;
    state.id = id;
    state.uri = u"/v1/collections/notes/records/"_s + id;
    state.etag = u"\"1\""_s;
    state.base = data;
    state.local = data;
    return state;
}

struct OfflineRecords
{
    explicit OfflineRecords(const QList<RecordState> &records)
        : ready(store.setCollections({notesSchema()}) && store.apply(StoreBatch{u"notes"_s, records, {}, 1}))
        , engine(QUrl(u"http://127.0.0.1:9"_s), &store)
        , model(&engine)
        , tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest)
    {
        model.setCollection(u"notes"_s);
    }

    [[nodiscard]] QModelIndex cell(const QString &id, const QString &field) const
    {
        return model.index(model.rowOf(id), model.schema().indexOf(field));
    }

    MemoryRecordStore store;
    bool ready;
    SyncEngine engine;
    RecordTableModel model;
    QAbstractItemModelTester tester;
};

/// Five notes, n1 to n5.
inline QList<RecordState> fiveNotes()
{
    return {serverRecord(u"n1"_s, {{u"title"_s, u"Alpha plan"_s}, {u"size"_s, 3}, {u"colour"_s, u"red"_s}}),
            serverRecord(u"n2"_s, {{u"title"_s, u"Beta release"_s}, {u"body"_s, u"alpha inside\nsecond line"_s}}),
            serverRecord(u"n3"_s, {{u"title"_s, u"Gamma"_s}, {u"size"_s, 1}, {u"due"_s, u"2024-05-01"_s}}),
            serverRecord(u"n4"_s, {{u"title"_s, u"Delta"_s}, {u"colour"_s, u"blue"_s}}),
            serverRecord(u"n5"_s, {{u"title"_s, u"Épsilon"_s}, {u"size"_s, 10}})};
}

} // namespace Etagere::Test
