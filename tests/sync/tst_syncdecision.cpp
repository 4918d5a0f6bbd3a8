#include "syncdecision.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

Q_DECLARE_METATYPE(Etagere::SyncAction)

namespace QTest {
template<>
char *toString(const Etagere::SyncAction &action)
{
    return qstrdup(syncActionName(action));
}
} // namespace QTest

class TestSyncDecision : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decide_data();
    void decide();
};

void TestSyncDecision::decide_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QString>("etag");
    QTest::addColumn<bool>("dirty");
    QTest::addColumn<QString>("serverEtag");
    QTest::addColumn<SyncAction>("expected");

    const QString uri = u"/v1/collections/tasks/records/r1"_s;
    const QString e1 = u"\"1\""_s;
    const QString e2 = u"\"2\""_s;
    QTest::newRow("no uri, dirty") << QString() << QString() << true << QString() << SyncAction::Create;
    QTest::newRow("no uri, server has an etag") << QString() << QString() << true << e1 << SyncAction::Create;
    QTest::newRow("no uri, clean") << QString() << QString() << false << QString() << SyncAction::Create;
    QTest::newRow("dirty, same etag") << uri << e1 << true << e1 << SyncAction::Write;
    QTest::newRow("dirty, other etag") << uri << e1 << true << e2 << SyncAction::Conflict;
    QTest::newRow("dirty, server deleted") << uri << e1 << true << QString() << SyncAction::Conflict;
    QTest::newRow("clean, same etag") << uri << e1 << false << e1 << SyncAction::Nothing;
    QTest::newRow("clean, other etag") << uri << e1 << false << e2 << SyncAction::TakeServer;
    QTest::newRow("clean, server deleted") << uri << e1 << false << QString() << SyncAction::TakeServer;
    QTest::newRow("weak vs strong is different") << uri << e1 << false << u"W/\"1\""_s << SyncAction::TakeServer;
}

void TestSyncDecision::decide()
{
    QFETCH(QString, uri);
    QFETCH(QString, etag);
    QFETCH(bool, dirty);
    QFETCH(QString, serverEtag);
    QFETCH(SyncAction, expected);

    RecordState state;
    state.collection = u"tasks"_s;
    state.id = u"r1"_s;
    state.uri = uri;
    state.etag = etag;
    state.dirty = dirty;
    QCOMPARE(Etagere::decide(state, serverEtag), expected);
}

QTEST_GUILESS_MAIN(TestSyncDecision)
#include "tst_syncdecision.moc"
