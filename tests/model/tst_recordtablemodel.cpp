#include "tableclient.h"
#include "testserver.h"

using namespace Etagere;
using namespace Etagere::Test;
using namespace Qt::StringLiterals;

class TestRecordTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void initialLoad();
    void typedRoles_data();
    void typedRoles();
    void setDataGoesToEngine();
    void checkStateTogglesBoolean();
    void badValueIsRefused_data();
    void badValueIsRefused();
    void remoteChangeUpdatesExactlyTheCell();
    void remoteInsertAndRemove();
    void localInsertAndRemove();
    void conflictIsShown();
    void editBegunBeforeRemoteChange_data();
    void editBegunBeforeRemoteChange();
    void switchingCollectionResets();

private:
    std::unique_ptr<TestServer> m_server;
};

void TestRecordTableModel::init()
{
    m_server = std::make_unique<TestServer>(QStringList{u"--demo"_s});
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    QCOMPARE(createCollection(m_server->url(), m_server->token(), u"kinds"_s, kindsSchema()), 201);
}

void TestRecordTableModel::cleanup()
{
    m_server.reset();
}

void TestRecordTableModel::initialLoad()
{
    Client a(m_server->url(), m_server->token());
    QSignalSpy resets(&a.model, &QAbstractItemModel::modelReset);
    QCOMPARE(a.model.rowCount(), 0);
    LOAD(a);
    // The load itself is the one place for resets (schema known, then records loaded).
    QVERIFY(!resets.isEmpty());

    const QList<RecordState> records = a.engine.records(u"tasks"_s);
    QCOMPARE(a.model.rowCount(), 20); // the demo's tasks
    QCOMPARE(a.model.rowCount(), records.size());
    const CollectionSchema schema = *a.engine.collection(u"tasks"_s);
    QCOMPARE(a.model.columnCount(), schema.fields.size());
    for (int column = 0; column < schema.fields.size(); ++column) {
        QCOMPARE(a.model.headerData(column, Qt::Horizontal).toString(), schema.fields.at(column).title);
        QCOMPARE(a.model.headerData(column, Qt::Horizontal, RecordTableModel::FieldNameRole).toString(),
                 schema.fields.at(column).name);
    }
    for (int row = 0; row < a.model.rowCount(); ++row) {
        QCOMPARE(a.model.idAt(row), records.at(row).id);
        QCOMPARE(a.model.rowOf(records.at(row).id), row);
        if (row > 0)
            QVERIFY(a.model.idAt(row - 1) < a.model.idAt(row));
        const QModelIndex first = a.model.index(row, 0);
        QCOMPARE(first.data(RecordTableModel::RecordIdRole).toString(), records.at(row).id);
        QCOMPARE(first.data(Qt::DisplayRole).toString(), records.at(row).local.value(u"title"_s).toString());
        QCOMPARE(first.data(RecordTableModel::PendingRole).toBool(), false);
        QCOMPARE(first.data(RecordTableModel::ConflictRole).toBool(), false);
        QCOMPARE(first.data(RecordTableModel::RemoteChangeRole).toBool(), false);
        // The author is only known from pushed changes (a record listing does not carry it).
        QCOMPARE(first.data(RecordTableModel::AuthorRole).toString(), records.at(row).author);
        QVERIFY(a.model.flags(first).testFlag(Qt::ItemIsEditable));
    }
    QCOMPARE(a.model.rowOf(u"no-such-id"_s), -1);
}

void TestRecordTableModel::typedRoles_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("json");
    QTest::addColumn<QVariant>("edit");
    QTest::addColumn<QString>("display");
    QTest::addColumn<QVariant>("checkState");

    const QLocale locale;
    const QVariant none;
    QTest::newRow("string") << u"s"_s << QJsonValue(u"Ship it"_s) << QVariant(u"Ship it"_s) << u"Ship it"_s << none;
    QTest::newRow("text, first line shown") << u"t"_s << QJsonValue(u"line one\nline two"_s)
                                             << QVariant(u"line one\nline two"_s) << u"line one…"_s << none;
    QTest::newRow("text null") << u"t"_s << QJsonValue() << QVariant() << QString() << none;
    QTest::newRow("integer") << u"i"_s << QJsonValue(qint64(1234567890123)) << QVariant(qint64(1234567890123))
                             << locale.toString(qint64(1234567890123)) << none;
    QTest::newRow("integer negative") << u"i"_s << QJsonValue(qint64(-7)) << QVariant(qint64(-7))
                                      << locale.toString(qint64(-7)) << none;
    QTest::newRow("number") << u"n"_s << QJsonValue(2.5) << QVariant(2.5) << locale.toString(2.5) << none;
    QTest::newRow("boolean true") << u"b"_s << QJsonValue(true) << QVariant(true) << QString()
                                  << QVariant(int(Qt::Checked));
    QTest::newRow("boolean false") << u"b"_s << QJsonValue(false) << QVariant(false) << QString()
                                   << QVariant(int(Qt::Unchecked));
    QTest::newRow("date") << u"d"_s << QJsonValue(u"2024-03-05"_s) << QVariant(QDate(2024, 3, 5))
                          << locale.toString(QDate(2024, 3, 5), QLocale::ShortFormat) << none;
    const QDateTime utc(QDate(2024, 6, 1), QTime(8, 30), Qt::UTC);
    QTest::newRow("datetime") << u"dt"_s << QJsonValue(u"2024-06-01T08:30:00Z"_s) << QVariant(utc)
                              << locale.toString(utc.toLocalTime(), QLocale::ShortFormat) << none;
    QTest::newRow("enum") << u"e"_s << QJsonValue(u"green"_s) << QVariant(u"green"_s) << u"green"_s << none;
}

void TestRecordTableModel::typedRoles()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, json);
    QFETCH(QVariant, edit);
    QFETCH(QString, display);
    QFETCH(QVariant, checkState);

    Client a(m_server->url(), m_server->token(), u"kinds"_s);
    LOAD(a);
    QSignalSpy resets(&a.model, &QAbstractItemModel::modelReset);
    QJsonObject values{{u"s"_s, u"row"_s}};
    values.insert(field, json);
    const QString id = a.model.insertRecord(values);
    QVERIFY(!id.isEmpty());
    const QModelIndex cell = a.cell(id, field);
    QVERIFY(cell.isValid());
    QTRY_COMPARE(cell.data(RecordTableModel::RecordPendingRole).toBool(), false); // the server has it

    QCOMPARE(cell.data(Qt::EditRole).metaType(), edit.metaType());
    QCOMPARE(cell.data(Qt::EditRole), edit);
    QCOMPARE(cell.data(Qt::DisplayRole).toString(), display);
    QCOMPARE(cell.data(Qt::CheckStateRole), checkState);
    QCOMPARE(cell.data(RecordTableModel::FieldNameRole).toString(), field);
    const FieldSchema *schema = a.model.schema().field(field);
    QCOMPARE(cell.data(RecordTableModel::FieldTypeRole).value<FieldType>(), schema->type);
    QCOMPARE(a.model.flags(cell).testFlag(Qt::ItemIsUserCheckable), schema->type == FieldType::Boolean);
    QCOMPARE(a.model.flags(cell).testFlag(Qt::ItemIsEditable), schema->type != FieldType::Boolean);
    QCOMPARE(resets.size(), 0);
}

void TestRecordTableModel::setDataGoesToEngine()
{
    Client a(m_server->url(), m_server->token());
    Client b(m_server->url(), m_server->token());
    LOAD(a);
    LOAD(b);
    QSignalSpy resets(&a.model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&a.model, &QAbstractItemModel::dataChanged);
    const QString id = a.model.idAt(3);
    const QModelIndex title = a.cell(id, u"title"_s);
    const QModelIndex owner = a.cell(id, u"owner"_s);

    QVERIFY(a.model.setData(title, u"Renamed by A"_s));
    // At once: the engine has it, the model shows it as pending (that cell only).
    QCOMPARE(a.engine.record(u"tasks"_s, id)->local.value(u"title"_s).toString(), u"Renamed by A"_s);
    QCOMPARE(title.data().toString(), u"Renamed by A"_s);
    QCOMPARE(title.data(RecordTableModel::PendingRole).toBool(), true);
    QCOMPARE(owner.data(RecordTableModel::PendingRole).toBool(), false);
    QCOMPARE(owner.data(RecordTableModel::RecordPendingRole).toBool(), true);
    QCOMPARE(a.engine.pendingCount(), 1);
    const auto values = valueChanges(changed);
    QCOMPARE(values.size(), 1);
    QCOMPARE(values.first().first, title);
    QCOMPARE(values.first().second, title);

    // Acknowledged: no longer pending; the other client got it; it was not a remote change here.
    QTRY_COMPARE(title.data(RecordTableModel::PendingRole).toBool(), false);
    QCOMPARE(title.data(RecordTableModel::RecordPendingRole).toBool(), false);
    QVERIFY(rolesInclude(changed, title, RecordTableModel::PendingRole));
    QCOMPARE(a.engine.pendingCount(), 0);
    QCOMPARE(title.data(RecordTableModel::RemoteChangeRole).toBool(), false);
    QTRY_COMPARE(b.cell(id, u"title"_s).data().toString(), u"Renamed by A"_s);
    QCOMPARE(valueChanges(changed).size(), 1); // the acknowledgement changed no value
    QCOMPARE(resets.size(), 0);
}

void TestRecordTableModel::checkStateTogglesBoolean()
{
    Client a(m_server->url(), m_server->token());
    LOAD(a);
    const QString id = a.model.idAt(0);
    const QModelIndex done = a.cell(id, u"done"_s);
    const bool before = done.data(Qt::EditRole).toBool();
    const Qt::CheckState next = before ? Qt::Unchecked : Qt::Checked;
    QVERIFY(a.model.setData(done, next, Qt::CheckStateRole));
    QCOMPARE(done.data(Qt::CheckStateRole).toInt(), int(next));
    QCOMPARE(a.engine.record(u"tasks"_s, id)->local.value(u"done"_s).toBool(), !before);
    QTRY_COMPARE(done.data(RecordTableModel::PendingRole).toBool(), false);
    QVERIFY(!a.model.setData(a.cell(id, u"title"_s), Qt::Checked, Qt::CheckStateRole)); // not a boolean
}

void TestRecordTableModel::badValueIsRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QVariant>("value");
    QTest::newRow("required set to null") << u"title"_s << QVariant();
    QTest::newRow("enum value not listed") << u"priority"_s << QVariant(u"urgent"_s);
    QTest::newRow("number from letters") << u"estimate"_s << QVariant(u"abc"_s);
    QTest::newRow("date that is not one") << u"due"_s << QVariant(u"next tuesday"_s);
    QTest::newRow("boolean from a word") << u"done"_s << QVariant(u"maybe"_s);
}

void TestRecordTableModel::badValueIsRefused()
{
    QFETCH(QString, field);
    QFETCH(QVariant, value);

    Client a(m_server->url(), m_server->token());
    LOAD(a);
    const QString id = a.model.idAt(1);
    const QModelIndex cell = a.cell(id, field);
    const QVariant before = cell.data(Qt::EditRole);
    const RecordState stored = *a.engine.record(u"tasks"_s, id);
    QSignalSpy changed(&a.model, &QAbstractItemModel::dataChanged);
    QSignalSpy rejected(&a.model, &RecordTableModel::editRejected);

    QVERIFY(!a.model.setData(cell, value));
    QCOMPARE(cell.data(Qt::EditRole), before);
    QCOMPARE(*a.engine.record(u"tasks"_s, id), stored);
    QCOMPARE(a.engine.pendingCount(), 0);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(rejected.size(), 1);
    QVERIFY(!rejected.first().first().toString().isEmpty());
}

void TestRecordTableModel::remoteChangeUpdatesExactlyTheCell()
{
    Client a(m_server->url(), m_server->token());
    Client b(m_server->url(), m_server->token());
    LOAD(a);
    LOAD(b);
    QSignalSpy resets(&a.model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&a.model, &QAbstractItemModel::dataChanged);
    const QString id = a.model.idAt(5);
    const QModelIndex owner = a.cell(id, u"owner"_s);

    QVERIFY(b.engine.setField(u"tasks"_s, id, u"owner"_s, u"Zoé"_s));
    QTRY_COMPARE(owner.data().toString(), u"Zoé"_s);

    const auto values = valueChanges(changed);
    QCOMPARE(values.size(), 1);
    QCOMPARE(values.first().first, owner); // topLeft == bottomRight == the one changed cell
    QCOMPARE(values.first().second, owner);
    QCOMPARE(owner.data(RecordTableModel::RemoteChangeRole).toBool(), true);
    QCOMPARE(a.cell(id, u"title"_s).data(RecordTableModel::RemoteChangeRole).toBool(), false);
    QCOMPARE(a.model.index(0, owner.column()).data(RecordTableModel::RemoteChangeRole).toBool(),
             a.model.rowOf(id) == 0);
    QCOMPARE(owner.data(RecordTableModel::PendingRole).toBool(), false);
    QCOMPARE(owner.data(RecordTableModel::AuthorRole).toString(), b.engine.user());

    // The highlight goes away by itself, announced for that cell.
    changed.clear();
    QTRY_COMPARE(owner.data(RecordTableModel::RemoteChangeRole).toBool(), false);
    QTRY_VERIFY(rolesInclude(changed, owner, RecordTableModel::RemoteChangeRole));
    QCOMPARE(valueChanges(changed).size(), 0);
    QCOMPARE(resets.size(), 0);
}

void TestRecordTableModel::remoteInsertAndRemove()
{
    Client a(m_server->url(), m_server->token());
    Client b(m_server->url(), m_server->token());
    LOAD(a);
    LOAD(b);
    QSignalSpy resets(&a.model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&a.model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&a.model, &QAbstractItemModel::rowsRemoved);
    const int before = a.model.rowCount();

    const QString id = b.engine.createRecord(u"tasks"_s, QJsonObject{{u"title"_s, u"From B"_s}});
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY(a.model.rowOf(id) >= 0);
    const int row = a.model.rowOf(id);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), row);
    QCOMPARE(inserted.first().at(2).toInt(), row);
    QCOMPARE(a.model.rowCount(), before + 1);
    QVERIFY(row == 0 || a.model.idAt(row - 1) < id);
    QVERIFY(row == a.model.rowCount() - 1 || id < a.model.idAt(row + 1));
    QCOMPARE(a.cell(id, u"title"_s).data().toString(), u"From B"_s);
    QCOMPARE(a.cell(id, u"title"_s).data(RecordTableModel::RemoteChangeRole).toBool(), true);

    QTRY_COMPARE(b.cell(id, u"title"_s).data(RecordTableModel::PendingRole).toBool(), false);
    QVERIFY(b.engine.deleteRecord(u"tasks"_s, id));
    QTRY_COMPARE(a.model.rowOf(id), -1);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().at(1).toInt(), row);
    QCOMPARE(removed.first().at(2).toInt(), row);
    QCOMPARE(a.model.rowCount(), before);
    QCOMPARE(resets.size(), 0);
}

void TestRecordTableModel::localInsertAndRemove()
{
    Client a(m_server->url(), m_server->token());
    LOAD(a);
    QSignalSpy resets(&a.model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&a.model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&a.model, &QAbstractItemModel::rowsRemoved);

    const QString id = a.model.insertRecord({{u"title"_s, u"Mine"_s}});
    QVERIFY(!id.isEmpty());
    const int row = a.model.rowOf(id);
    QVERIFY(row >= 0);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), row);
    QCOMPARE(a.model.index(row, 0).data(RecordTableModel::RecordPendingRole).toBool(), true);
    QCOMPARE(a.model.index(row, 0).data(RecordTableModel::RemoteChangeRole).toBool(), false);
    QTRY_COMPARE(a.model.index(a.model.rowOf(id), 0).data(RecordTableModel::RecordPendingRole).toBool(), false);

    QVERIFY(a.model.removeRecord(a.model.rowOf(id)));
    if (a.model.rowOf(id) >= 0) { // shown as deleted until the server confirms
        QCOMPARE(a.model.index(a.model.rowOf(id), 0).data(RecordTableModel::DeletedRole).toBool(), true);
        QVERIFY(!a.model.flags(a.model.index(a.model.rowOf(id), 0)).testFlag(Qt::ItemIsEditable));
    }
    QTRY_COMPARE(a.model.rowOf(id), -1);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().at(1).toInt(), row);
    QVERIFY(!a.model.removeRecord(-1));
    QVERIFY(!a.model.removeRecord(a.model.rowCount()));
    QCOMPARE(resets.size(), 0);
}

void TestRecordTableModel::conflictIsShown()
{
    Client a(m_server->url(), m_server->token());
    Client b(m_server->url(), m_server->token());
    LOAD(a);
    LOAD(b);
    const QString id = a.model.idAt(2);
    // Both write the same field from the same version: one of them loses with a 412.
    QVERIFY(a.model.setData(a.cell(id, u"title"_s), u"Title by A"_s));
    QVERIFY(b.model.setData(b.cell(id, u"title"_s), u"Title by B"_s));
    QTRY_COMPARE(a.engine.conflicts().size() + b.engine.conflicts().size(), 1);
    Client &loser = a.engine.conflicts().isEmpty() ? b : a;

    const int row = loser.model.rowOf(id);
    for (int column = 0; column < loser.model.columnCount(); ++column) {
        const QModelIndex cell = loser.model.index(row, column);
        QCOMPARE(cell.data(RecordTableModel::ConflictRole).toBool(), true);
        QVERIFY(!(cell.flags() & (Qt::ItemIsEditable | Qt::ItemIsUserCheckable))); // resolve first
    }
    QCOMPARE(loser.model.index(row == 0 ? 1 : 0, 0).data(RecordTableModel::ConflictRole).toBool(), false);

    QSignalSpy changed(&loser.model, &QAbstractItemModel::dataChanged);
    const Conflict conflict = loser.engine.conflicts().constFirst();
    QVERIFY(loser.engine.resolveConflict(u"tasks"_s, id, conflict.theirs));
    QTRY_COMPARE(loser.model.index(row, 0).data(RecordTableModel::ConflictRole).toBool(), false);
    QVERIFY(loser.model.index(row, 0).flags() & Qt::ItemIsEditable);
    QVERIFY(std::any_of(changed.cbegin(), changed.cend(), [&](const QList<QVariant> &args) {
        const auto roles = args.at(2).value<QList<int>>();
        return args.at(0).toModelIndex().row() <= row && args.at(1).toModelIndex().row() >= row
            && args.at(0).toModelIndex().column() == 0 && roles.contains(RecordTableModel::ConflictRole);
    }));
    QTRY_COMPARE(loser.engine.pendingCount(), 0);
}

void TestRecordTableModel::editBegunBeforeRemoteChange_data()
{
    QTest::addColumn<QString>("remote"); // what B writes while A's editor is open; empty: nothing
    QTest::addColumn<bool>("conflict");
    QTest::newRow("nobody else changed it") << QString() << false;
    QTest::newRow("changed to the same value") << u"Mine"_s << false;
    QTest::newRow("changed to another value") << u"Theirs"_s << true;
}

void TestRecordTableModel::editBegunBeforeRemoteChange()
{
    QFETCH(QString, remote);
    QFETCH(bool, conflict);
    Client a(m_server->url(), m_server->token());
    Client b(m_server->url(), m_server->token());
    LOAD(a);
    LOAD(b);
    const QString id = a.model.idAt(4);
    const QModelIndex owner = a.cell(id, u"owner"_s);
    const QVariant seen = owner.data(Qt::EditRole); // A opens an editor on the cell
    if (!remote.isEmpty()) {
        QVERIFY(b.engine.setField(u"tasks"_s, id, u"owner"_s, remote));
        QTRY_COMPARE(owner.data().toString(), remote);
    }

    QVERIFY(a.model.setData(owner, QVariant::fromValue(FieldEdit{seen, u"Mine"_s}), RecordTableModel::FieldEditRole));
    QCOMPARE(owner.data().toString(), u"Mine"_s); // what A typed is shown, whatever happens next
    QCOMPARE(owner.data(RecordTableModel::ConflictRole).toBool(), conflict);
    if (!conflict) {
        QTRY_COMPARE(b.cell(id, u"owner"_s).data().toString(), u"Mine"_s);
        QTRY_COMPARE(a.engine.pendingCount(), 0);
        return;
    }
    const Conflict open = a.engine.conflicts().constFirst();
    QCOMPARE(open.conflictingFields, QStringList{u"owner"_s});
    QCOMPARE(open.base.value(u"owner"_s).toVariant(), seen);
    QCOMPARE(open.mine.value(u"owner"_s).toString(), u"Mine"_s);
    QCOMPARE(open.theirs.value(u"owner"_s).toString(), remote);
    QCOMPARE(b.cell(id, u"owner"_s).data().toString(), remote); // nothing was overwritten

    QVERIFY(a.engine.resolveConflict(u"tasks"_s, id, open.mine)); // the user keeps their own value
    QTRY_COMPARE(b.cell(id, u"owner"_s).data().toString(), u"Mine"_s);
    QTRY_COMPARE(a.engine.pendingCount(), 0);
}

void TestRecordTableModel::switchingCollectionResets()
{
    Client a(m_server->url(), m_server->token());
    LOAD(a);
    QSignalSpy resets(&a.model, &QAbstractItemModel::modelReset);
    QSignalSpy collectionChanged(&a.model, &RecordTableModel::collectionChanged);
    a.model.setCollection(u"kinds"_s);
    QCOMPARE(resets.size(), 1); // on purpose: other columns, other rows
    QCOMPARE(collectionChanged.size(), 1);
    QCOMPARE(a.model.columnCount(), 8);
    QCOMPARE(a.model.rowCount(), 0);
    a.model.setCollection(u"nothing-here"_s);
    QCOMPARE(a.model.columnCount(), 0);
    QCOMPARE(a.model.rowCount(), 0);
    QVERIFY(a.model.insertRecord({}).isEmpty());
}

QTEST_MAIN(TestRecordTableModel)
#include "tst_recordtablemodel.moc"
