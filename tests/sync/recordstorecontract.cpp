#include "recordstorecontract.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

const QString Tasks = u"tasks"_s;
const QString Notes = u"notes"_s;
const QStringList Collections = {Tasks, Notes, u"gone"_s};

QJsonObject toJson(const RecordState &state)
{
    return QJsonObject{{u"collection"_s, state.collection}, {u"id"_s, state.id},         {u"uri"_s, state.uri},
                       {u"etag"_s, state.etag},             {u"dirty"_s, state.dirty},   {u"deletedLocally"_s, state.deletedLocally},
                       {u"base"_s, state.base},             {u"local"_s, state.local},   {u"author"_s, state.author},
                       {u"seq"_s, state.seq}};
}

CollectionSchema schema(const QString &name, qint64 seq = 0)
{
    FieldSchema title;
    title.name = u"title"_s;
    title.type = FieldType::String;
    title.title = u"Title"_s;
    title.required = true;
    FieldSchema state;
    state.name = u"state"_s;
    state.type = FieldType::Enum;
    state.title = u"État"_s;
    state.values = {u"open"_s, u"closed"_s};
    return CollectionSchema{name, name.toUpper(), seq, {title, state}};
}

// A record with every field away from its default, and values JSON finds hard to keep.
RecordState everyField()
{
    RecordState state = RecordStoreContract::record(u"every-field_0"_s);
    state.etag = u"\"42-c0ffee\""_s;
    state.dirty = true;
    state.deletedLocally = true;
    state.base = QJsonObject{{u"title"_s, u"Zoë ✓ 漢字 🙂 \"quoted\"\n"_s},
                             {u"big"_s, qint64(1) << 52},
                             {u"negative"_s, -17},
                             {u"ratio"_s, 0.1},
                             {u"none"_s, QJsonValue::Null},
                             {u"flag"_s, false},
                             {u"list"_s, QJsonArray{1, u"two"_s, QJsonObject{{u"three"_s, 3}}}},
                             {u"nested"_s, QJsonObject{{u"empty"_s, QJsonObject()}}}};
    // A string that starts with U+FEFF, which QJsonDocument (Qt 6.4) would drop on reading.
    state.local = QJsonObject{{u"title"_s, u"\uFEFFMine"_s}, {u"flag"_s, true}};
    state.author = u"Zoë"_s;
    state.seq = qint64(1) << 40;
    return state;
}

// A record created here and never sent: no uri, no etag, base empty.
RecordState pendingCreate(const QString &id)
{
    RecordState state;
    state.collection = Tasks;
    state.id = id;
    state.dirty = true;
    state.local = QJsonObject{{u"title"_s, u"New"_s}};
    state.author = u"me"_s;
    return state;
}

StoreSnapshot expect(const QMap<QString, QList<RecordState>> &records, const QMap<QString, qint64> &lastSeq = {},
                     const QList<CollectionSchema> &collections = {})
{
    return StoreSnapshot{collections, records, lastSeq};
}

void addPutRows()
{
    const RecordState a = RecordStoreContract::record(u"a"_s);
    const RecordState b = RecordStoreContract::record(u"b"_s);
    RecordState a2 = a;
    a2.local.insert(u"title"_s, u"changed"_s);
    a2.dirty = true;
    QTest::newRow("empty store") << QList<StoreOp>{} << expect({});
    QTest::newRow("every field of a record")
        << QList<StoreOp>{StoreOp::apply({Tasks, {everyField()}, {}, std::nullopt})} << expect({{Tasks, {everyField()}}});
    QTest::newRow("a pending create")
        << QList<StoreOp>{StoreOp::apply({Tasks, {pendingCreate(u"new"_s)}, {}, std::nullopt})}
        << expect({{Tasks, {pendingCreate(u"new"_s)}}});
    QTest::newRow("put replaces the same id")
        << QList<StoreOp>{StoreOp::apply({Tasks, {a, b}, {}, std::nullopt}), StoreOp::apply({Tasks, {a2}, {}, std::nullopt})}
        << expect({{Tasks, {a2, b}}});
    QTest::newRow("records are ordered by id")
        << QList<StoreOp>{StoreOp::apply({Tasks, {RecordStoreContract::record(u"c"_s), RecordStoreContract::record(u"A"_s),
                                                  RecordStoreContract::record(u"_x"_s), RecordStoreContract::record(u"b"_s),
                                                  RecordStoreContract::record(u"0"_s)}, {}, std::nullopt})}
        << expect({{Tasks, {RecordStoreContract::record(u"0"_s), RecordStoreContract::record(u"A"_s),
                            RecordStoreContract::record(u"_x"_s), RecordStoreContract::record(u"b"_s),
                            RecordStoreContract::record(u"c"_s)}}});
}

void addBatchRows()
{
    const RecordState a = RecordStoreContract::record(u"a"_s);
    const RecordState b = RecordStoreContract::record(u"b"_s);
    const RecordState c = RecordStoreContract::record(u"c"_s);
    QTest::newRow("puts, removals and number in one batch")
        << QList<StoreOp>{StoreOp::apply({Tasks, {a, b}, {}, 3}), StoreOp::apply({Tasks, {c}, {u"a"_s}, 5})}
        << expect({{Tasks, {b, c}}}, {{Tasks, 5}});
    QTest::newRow("a batch without a number keeps it")
        << QList<StoreOp>{StoreOp::apply({Tasks, {a}, {}, 7}), StoreOp::apply({Tasks, {b}, {}, std::nullopt})}
        << expect({{Tasks, {a, b}}}, {{Tasks, 7}});
    QTest::newRow("a batch of only a number")
        << QList<StoreOp>{StoreOp::apply({Tasks, {a}, {}, 2}), StoreOp::apply({Tasks, {}, {}, 9})}
        << expect({{Tasks, {a}}}, {{Tasks, 9}});
    QTest::newRow("removing an unknown id is harmless")
        << QList<StoreOp>{StoreOp::apply({Tasks, {a}, {}, 1}), StoreOp::apply({Tasks, {}, {u"nope"_s}, 2})}
        << expect({{Tasks, {a}}}, {{Tasks, 2}});
    QTest::newRow("collections are apart")
        << QList<StoreOp>{StoreOp::apply({Tasks, {a}, {}, 4}),
                          StoreOp::apply({Notes, {RecordStoreContract::record(u"a"_s, Notes)}, {}, 8}),
                          StoreOp::apply({Notes, {}, {u"a"_s}, 9})}
        << expect({{Tasks, {a}}}, {{Tasks, 4}, {Notes, 9}});
}

void addCollectionRows()
{
    const RecordState g = RecordStoreContract::record(u"g"_s, u"gone"_s);
    QTest::newRow("setCollections orders by name")
        << QList<StoreOp>{StoreOp::setCollections({schema(Tasks, 5), schema(Notes, 2)})}
        << expect({}, {}, {schema(Notes, 2), schema(Tasks, 5)});
    QTest::newRow("setCollections replaces the list, keeps records")
        << QList<StoreOp>{StoreOp::setCollections({schema(u"gone"_s)}), StoreOp::apply({u"gone"_s, {g}, {}, 3}),
                          StoreOp::setCollections({schema(Tasks)})}
        << expect({{u"gone"_s, {g}}}, {{u"gone"_s, 3}}, {schema(Tasks)});
    QTest::newRow("setCollections with none") << QList<StoreOp>{StoreOp::setCollections({schema(Tasks)}),
                                                                StoreOp::setCollections({})}
                                              << expect({});
}

} // namespace

StoreOp StoreOp::apply(const StoreBatch &batch)
{
    return StoreOp{Kind::Apply, batch, {}};
}


StoreOp StoreOp::setCollections(const QList<CollectionSchema> &collections)
{
    return StoreOp{Kind::SetCollections, {}, collections};
}

char *toString(const StoreSnapshot &snapshot)
{
    QJsonObject json;
    QJsonArray collections;
    for (const CollectionSchema &schema : snapshot.collections)
        collections.append(schema.toJson());
    json.insert(u"collections"_s, collections);
    for (auto it = snapshot.records.begin(); it != snapshot.records.end(); ++it) {
        QJsonArray records;
        for (const RecordState &state : *it)
            records.append(toJson(state));
        json.insert(u"records of "_s + it.key(), records);
    }
    for (auto it = snapshot.lastSeq.begin(); it != snapshot.lastSeq.end(); ++it)
        json.insert(u"lastSeq of "_s + it.key(), it.value());
    return qstrdup(QJsonDocument(json).toJson(QJsonDocument::Indented).constData());
}

void RecordStoreContract::addRows()
{
    QTest::addColumn<QList<StoreOp>>("ops");
    QTest::addColumn<StoreSnapshot>("expected");
    addPutRows();
    addBatchRows();
    addCollectionRows();
}

bool RecordStoreContract::run(RecordStore &store, const QList<StoreOp> &ops)
{
    for (const StoreOp &op : ops) {
        bool ok = false;
        switch (op.kind) {
        case StoreOp::Kind::Apply:
            ok = store.apply(op.batch);
            break;
        case StoreOp::Kind::SetCollections:
            ok = store.setCollections(op.collections);
            break;
        }
        if (!ok)
            return false;
    }
    return true;
}

StoreSnapshot RecordStoreContract::snapshot(const RecordStore &store)
{
    StoreSnapshot snapshot;
    snapshot.collections = store.collections();
    for (const QString &collection : Collections) {
        if (const QList<RecordState> records = store.records(collection); !records.isEmpty())
            snapshot.records.insert(collection, records);
        if (const qint64 seq = store.lastSeq(collection); seq != 0)
            snapshot.lastSeq.insert(collection, seq);
    }
    return snapshot;
}

bool RecordStoreContract::lookupsAgree(const RecordStore &store)
{
    for (const QString &collection : Collections) {
        for (const RecordState &state : store.records(collection)) {
            if (store.record(collection, state.id) != state)
                return false;
        }
        if (store.record(collection, u"never-there"_s))
            return false;
    }
    return true;
}

RecordState RecordStoreContract::record(const QString &id, const QString &collection)
{
    RecordState state;
    state.collection = collection;
    state.id = id;
    state.uri = u"/v1/collections/%1/records/%2"_s.arg(collection, id);
    state.etag = u"\"1-%1\""_s.arg(id);
    state.base = QJsonObject{{u"title"_s, id}};
    state.local = state.base;
    state.author = u"alice"_s;
    state.seq = 1;
    return state;
}

} // namespace Etagere
