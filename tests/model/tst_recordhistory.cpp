#include "record.h"
#include "recordhistory.h"
#include "tableclient.h"
#include "testserver.h"

#include <QUndoStack>

using namespace Etagere;
using namespace Etagere::Test;
using namespace Qt::StringLiterals;

namespace {

const QString Kinds = u"kinds"_s;

/// What the server holds of a record: HTTP status, data and ETag (a plain GET).
struct ServerCopy
{
    int status = 0;
    QJsonObject data;
    QString etag;
};

ServerCopy serverCopy(const TestServer &server, const QString &collection, const QString &id)
{
    NetworkAccess network;
    network.setBearerToken(server.token());
    const QUrl url = server.url().resolved(QUrl(u"/v1/collections/%1/records/%2"_s.arg(collection, id)));
    std::unique_ptr<QNetworkReply> reply(network.get(QNetworkRequest(url)));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(5000))
        return {};
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
            QJsonDocument::fromJson(reply->readAll()).object(), QString::fromLatin1(reply->rawHeader("ETag"))};
}

/// A client whose model records its edits in an undo stack.
struct Editor : Client
{
    explicit Editor(const TestServer &server)
        : Client(server.url(), server.token(), Kinds)
        , history(&engine, &stack)
        , failed(&history, &RecordHistory::failed)
    {
        model.setHistory(&history);
    }

    /// Waits until every edit is on the server.
    [[nodiscard]] bool settled() const
    {
        return QTest::qWaitFor([this] { return engine.pendingCount() == 0; }, LoadTimeoutMs);
    }

    QUndoStack stack;
    RecordHistory history;
    QSignalSpy failed;
};

} // namespace

class TestRecordHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void undoRedoFieldEdit_data();
    void undoRedoFieldEdit();
    void undoOverSomeoneElsesChange_data();
    void undoOverSomeoneElsesChange();
    void undoCreateDeletesRedoRestores_data();
    void undoCreateDeletesRedoRestores();
    void undoDeleteRestores_data();
    void undoDeleteRestores();
    void stepOnAVanishedRecordIsDropped();
    void editThatBecameAConflictIsNotRecorded();

private:
    std::unique_ptr<TestServer> m_server;
};

void TestRecordHistory::init()
{
    m_server = std::make_unique<TestServer>(QStringList{u"--demo"_s});
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    QCOMPARE(createCollection(m_server->url(), m_server->token(), Kinds, kindsSchema()), 201);
}

void TestRecordHistory::cleanup()
{
    m_server.reset();
}

void TestRecordHistory::undoRedoFieldEdit_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("before");
    QTest::addColumn<QVariant>("typed"); // what setData gets (EditRole)
    QTest::addColumn<QJsonValue>("after");
    QTest::addColumn<QString>("text");

    QTest::newRow("string") << u"s"_s << QJsonValue(u"old"_s) << QVariant(u"new"_s) << QJsonValue(u"new"_s)
                            << u"edit of S"_s;
    QTest::newRow("integer") << u"i"_s << QJsonValue(7) << QVariant(qint64(-12)) << QJsonValue(-12) << u"edit of I"_s;
    QTest::newRow("null to a date") << u"d"_s << QJsonValue() << QVariant(QDate(2024, 2, 29))
                                    << QJsonValue(u"2024-02-29"_s) << u"edit of D"_s;
    QTest::newRow("enum to null") << u"e"_s << QJsonValue(u"red"_s) << QVariant() << QJsonValue() << u"edit of E"_s;
    QTest::newRow("boolean") << u"b"_s << QJsonValue(false) << QVariant(true) << QJsonValue(true) << u"edit of B"_s;
}

// Each undo and each redo is a new write: the server's copy and ETag change, and the other
// client sees it.
void TestRecordHistory::undoRedoFieldEdit()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, before);
    QFETCH(QVariant, typed);
    QFETCH(QJsonValue, after);
    QFETCH(QString, text);

    Editor a(*m_server);
    Client b(m_server->url(), m_server->token(), Kinds);
    LOAD(a);
    LOAD(b);
    QJsonObject data{{u"s"_s, u"old"_s}};
    data.insert(field, before);
    QVERIFY(a.engine.createRecordWithId(Kinds, u"r1"_s, data));
    QVERIFY(a.settled());
    QVERIFY(a.model.setData(a.cell(u"r1"_s, field), typed));
    QVERIFY(a.settled());
    QCOMPARE(a.stack.count(), 1);
    QCOMPARE(a.stack.undoText(), text);
    const ServerCopy edited = serverCopy(*m_server, Kinds, u"r1"_s);
    QCOMPARE(fieldValue(edited.data, field), after);

    a.stack.undo();
    QCOMPARE(fieldValue(a.engine.record(Kinds, u"r1"_s)->local, field), before); // shown at once
    QVERIFY(a.settled());
    const ServerCopy undone = serverCopy(*m_server, Kinds, u"r1"_s);
    QCOMPARE(fieldValue(undone.data, field), before);
    QVERIFY(undone.etag != edited.etag); // a new write
    QTRY_COMPARE(fieldValue(b.engine.record(Kinds, u"r1"_s)->local, field), before);
    QCOMPARE(a.stack.redoText(), text);

    a.stack.redo();
    QVERIFY(a.settled());
    const ServerCopy redone = serverCopy(*m_server, Kinds, u"r1"_s);
    QCOMPARE(fieldValue(redone.data, field), after);
    QVERIFY(redone.etag != undone.etag);
    QTRY_COMPARE(fieldValue(b.engine.record(Kinds, u"r1"_s)->local, field), after);
    QVERIFY(a.engine.conflicts().isEmpty());
    QCOMPARE(a.failed.size(), 0);
}

void TestRecordHistory::undoOverSomeoneElsesChange_data()
{
    QTest::addColumn<QString>("otherField");   // what B changes after A's edit
    QTest::addColumn<QJsonValue>("otherValue");
    QTest::addColumn<bool>("conflict");
    QTest::addColumn<QString>("serverAfter");  // A's field "s" on the server after the undo

    QTest::newRow("same field, another value: conflict, theirs kept")
        << u"s"_s << QJsonValue(u"theirs"_s) << true << u"theirs"_s;
    QTest::newRow("same field, back to the old value: nothing to write")
        << u"s"_s << QJsonValue(u"old"_s) << false << u"old"_s;
    QTest::newRow("another field: a clean undo") << u"i"_s << QJsonValue(99) << false << u"old"_s;
}

void TestRecordHistory::undoOverSomeoneElsesChange()
{
    QFETCH(QString, otherField);
    QFETCH(QJsonValue, otherValue);
    QFETCH(bool, conflict);
    QFETCH(QString, serverAfter);

    Editor a(*m_server);
    Client b(m_server->url(), m_server->token(), Kinds);
    LOAD(a);
    LOAD(b);
    QVERIFY(a.engine.createRecordWithId(Kinds, u"r1"_s, {{u"s"_s, u"old"_s}, {u"i"_s, 1}}));
    QVERIFY(a.settled());
    QVERIFY(a.model.setData(a.cell(u"r1"_s, u"s"_s), u"mine"_s));
    QVERIFY(a.settled());
    QTRY_COMPARE(b.engine.record(Kinds, u"r1"_s)->local.value(u"s"_s).toString(), u"mine"_s);
    QVERIFY(b.engine.setField(Kinds, u"r1"_s, otherField, otherValue));
    QTRY_COMPARE(fieldValue(a.engine.record(Kinds, u"r1"_s)->local, otherField), otherValue);

    a.stack.undo();
    QCOMPARE(a.engine.conflict(Kinds, u"r1"_s).has_value(), conflict);
    if (conflict) {
        const Conflict open = *a.engine.conflict(Kinds, u"r1"_s);
        QCOMPARE(open.conflictingFields, QStringList{u"s"_s});
        QCOMPARE(open.mine.value(u"s"_s).toString(), u"old"_s);   // what the undo wanted
        QCOMPARE(open.theirs.value(u"s"_s).toString(), u"theirs"_s);
        QCOMPARE(open.base.value(u"s"_s).toString(), u"mine"_s);  // what the undo started from
    } else {
        QVERIFY(a.settled());
    }
    QCOMPARE(serverCopy(*m_server, Kinds, u"r1"_s).data.value(u"s"_s).toString(), serverAfter);
    QCOMPARE(fieldValue(serverCopy(*m_server, Kinds, u"r1"_s).data, otherField), otherValue);
    QCOMPARE(a.failed.size(), 0);
}

void TestRecordHistory::undoCreateDeletesRedoRestores_data()
{
    QTest::addColumn<bool>("waitForServer"); // between the steps
    QTest::newRow("each step answered") << true;
    QTest::newRow("steps at once, writes on their way") << false;
}

void TestRecordHistory::undoCreateDeletesRedoRestores()
{
    QFETCH(bool, waitForServer);
    Editor a(*m_server);
    Client b(m_server->url(), m_server->token(), Kinds);
    LOAD(a);
    LOAD(b);
    const QString id = a.model.insertRecord({{u"s"_s, u"created"_s}, {u"i"_s, 5}});
    QVERIFY(!id.isEmpty());
    QCOMPARE(a.stack.undoText(), u"new record"_s);
    if (waitForServer)
        QVERIFY(a.settled());

    a.stack.undo();
    if (waitForServer) {
        QVERIFY(a.settled());
        QCOMPARE(serverCopy(*m_server, Kinds, id).status, 404); // gone (a tombstone)
        QTRY_COMPARE(b.model.rowOf(id), -1);
    }
    a.stack.redo();
    QVERIFY(a.settled());
    QTRY_VERIFY(a.model.rowOf(id) >= 0 && !a.cell(id, u"s"_s).data(RecordTableModel::DeletedRole).toBool());
    QVERIFY(a.settled());
    const ServerCopy back = serverCopy(*m_server, Kinds, id);
    QCOMPARE(back.status, 200);
    QCOMPARE(back.data.value(u"s"_s).toString(), u"created"_s);
    QCOMPARE(back.data.value(u"i"_s).toInteger(), 5);
    QTRY_VERIFY(b.model.rowOf(id) >= 0);
    QCOMPARE(a.failed.size(), 0);
    QCOMPARE(a.stack.count(), 1);
}

void TestRecordHistory::undoDeleteRestores_data()
{
    QTest::addColumn<QString>("when");
    QTest::newRow("after the server confirmed the deletion") << u"confirmed"_s;
    QTest::newRow("at once, the deletion on its way") << u"in flight"_s;
    QTest::newRow("offline, the deletion not sent") << u"offline"_s;
}

void TestRecordHistory::undoDeleteRestores()
{
    QFETCH(QString, when);
    Editor a(*m_server);
    Client b(m_server->url(), m_server->token(), Kinds);
    LOAD(a);
    LOAD(b);
    const QJsonObject data{{u"s"_s, u"keep me"_s}, {u"t"_s, u"two\nlines"_s}, {u"b"_s, true}};
    QVERIFY(a.engine.createRecordWithId(Kinds, u"r1"_s, data));
    QVERIFY(a.settled());
    QTRY_VERIFY(b.model.rowOf(u"r1"_s) >= 0);
    const QString etag = serverCopy(*m_server, Kinds, u"r1"_s).etag;
    if (when == u"offline"_s)
        a.engine.stop();

    QVERIFY(a.model.removeRecord(a.model.rowOf(u"r1"_s)));
    QCOMPARE(a.stack.undoText(), u"deletion of “keep me”"_s);
    if (when == u"confirmed"_s) {
        QVERIFY(a.settled());
        QTRY_COMPARE(b.model.rowOf(u"r1"_s), -1);
    }
    a.stack.undo();
    if (when == u"offline"_s) { // taken back before it was sent: nothing to write
        QCOMPARE(a.engine.record(Kinds, u"r1"_s)->local, data);
        QCOMPARE(a.engine.pendingCount(), 0);
        a.engine.start();
    }
    QTRY_VERIFY(a.engine.record(Kinds, u"r1"_s) && !a.engine.record(Kinds, u"r1"_s)->deletedLocally);
    QVERIFY(a.settled());
    const ServerCopy back = serverCopy(*m_server, Kinds, u"r1"_s);
    QCOMPARE(back.status, 200);
    QCOMPARE(back.data, data);
    QCOMPARE(back.etag == etag, when == u"offline"_s); // restored by a new write, unless never deleted
    QTRY_COMPARE(b.engine.record(Kinds, u"r1"_s) ? b.engine.record(Kinds, u"r1"_s)->local : QJsonObject(), data);
    QCOMPARE(a.failed.size(), 0);

    a.stack.redo(); // deleted again
    QVERIFY(a.settled());
    QTRY_COMPARE(a.model.rowOf(u"r1"_s), -1);
    QCOMPARE(serverCopy(*m_server, Kinds, u"r1"_s).status, 404);
}

// Somebody else deleted the record: undoing an edit of it cannot be done. The step is
// dropped from the stack and the user is told.
void TestRecordHistory::stepOnAVanishedRecordIsDropped()
{
    Editor a(*m_server);
    Client b(m_server->url(), m_server->token(), Kinds);
    LOAD(a);
    LOAD(b);
    QVERIFY(a.engine.createRecordWithId(Kinds, u"r1"_s, {{u"s"_s, u"old"_s}}));
    QVERIFY(a.settled());
    QVERIFY(a.model.setData(a.cell(u"r1"_s, u"s"_s), u"new"_s));
    QVERIFY(a.settled());
    QTRY_VERIFY(b.engine.record(Kinds, u"r1"_s).has_value());
    QVERIFY(b.engine.deleteRecord(Kinds, u"r1"_s));
    QTRY_COMPARE(a.model.rowOf(u"r1"_s), -1);

    a.stack.undo();
    QCOMPARE(a.failed.size(), 1);
    QVERIFY(a.failed.first().first().toString().contains(u"edit of S"_s));
    QCOMPARE(a.stack.count(), 0);
    QVERIFY(!a.stack.canRedo());
    QVERIFY(!a.engine.record(Kinds, u"r1"_s));
}

// An edit begun before somebody else changed the cell opens a conflict (nothing written):
// there is nothing to undo, the conflict is decided in its dialog.
void TestRecordHistory::editThatBecameAConflictIsNotRecorded()
{
    Editor a(*m_server);
    Client b(m_server->url(), m_server->token(), Kinds);
    LOAD(a);
    LOAD(b);
    QVERIFY(a.engine.createRecordWithId(Kinds, u"r1"_s, {{u"s"_s, u"old"_s}}));
    QVERIFY(a.settled());
    QTRY_VERIFY(b.engine.record(Kinds, u"r1"_s).has_value());
    QVERIFY(b.engine.setField(Kinds, u"r1"_s, u"s"_s, u"theirs"_s));
    QTRY_COMPARE(a.engine.record(Kinds, u"r1"_s)->local.value(u"s"_s).toString(), u"theirs"_s);

    const FieldEdit edit{u"old"_s, u"mine"_s};
    QVERIFY(a.model.setData(a.cell(u"r1"_s, u"s"_s), QVariant::fromValue(edit), RecordTableModel::FieldEditRole));
    QVERIFY(a.engine.conflict(Kinds, u"r1"_s).has_value());
    QCOMPARE(a.stack.count(), 0);
}

QTEST_MAIN(TestRecordHistory)
#include "tst_recordhistory.moc"
