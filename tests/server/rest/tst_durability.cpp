// A 2xx answer means the write is on disk: SIGKILL the server repeatedly during a stream
// of writes; every acknowledged write is there after the restart, the change feed has no
// gap, and SQLite's integrity check passes.
#include "restclient.h"
#include "storage.h"
#include "testserver.h"
#include "wirecodec.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using Etagere::TestServer;
using namespace Etagere::Test;

class TestDurability : public QObject
{
    Q_OBJECT

private slots:
    void acknowledgedWritesSurviveKill();

private:
    struct Acknowledged
    {
        QString id;
        QByteArray etag;
        QString title;
    };
    // Keeps `writers` chains of creations going until the server stops answering.
    void writeUntilKilled(const QUrl &base, const QString &collection, int writers);
    void sendNext(const QUrl &base, const QString &collection);
    /// SQLite's integrity check of the server's database (the server must be stopped).
    [[nodiscard]] static bool isIntact(const QString &dataDir);
    /// The collection's whole change feed, page by page.
    [[nodiscard]] static QJsonArray allChanges(RestClient &client, const QString &collection);

    QNetworkAccessManager m_manager;
    QList<Acknowledged> m_acknowledged;
    QByteArray m_token; ///< the running server's local session
    int m_running = 0;
    int m_sent = 0;
};

void TestDurability::sendNext(const QUrl &base, const QString &collection)
{
    const QString id = newId();
    const QString title = u"write %1"_s.arg(++m_sent);
    QNetworkRequest request(base.resolved(QUrl(recordUrl(collection, id))));
    request.setRawHeader("Content-Type", "application/json");
    request.setRawHeader("If-None-Match", "*");
    request.setRawHeader("Authorization", "Bearer " + m_token);
    const QByteArray body = Etagere::WireCodec::encode(QJsonObject{{u"title"_s, title}}, Etagere::WireFormat::Json);
    QNetworkReply *reply = m_manager.put(request, body);
    connect(reply, &QNetworkReply::finished, this, [=, this] {
        reply->deleteLater();
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 201) {
            --m_running; // the server is gone: this writer stops
            return;
        }
        m_acknowledged.append({id, reply->rawHeader("ETag"), title});
        sendNext(base, collection);
    });
}

void TestDurability::writeUntilKilled(const QUrl &base, const QString &collection, int writers)
{
    m_running = writers;
    for (int i = 0; i < writers; ++i)
        sendNext(base, collection);
}

bool TestDurability::isIntact(const QString &dataDir)
{
    Etagere::Storage storage;
    if (!storage.open(QDir(dataDir).filePath(u"etagere.sqlite"_s)) || !storage.checkIntegrity()) {
        qWarning() << "integrity check failed:" << storage.errorString();
        return false;
    }
    return true;
}

QJsonArray TestDurability::allChanges(RestClient &client, const QString &collection)
{
    QJsonArray all;
    for (;;) {
        const QString path = u"/v1/collections/%1/changes?since=%2"_s.arg(collection).arg(all.size());
        const QJsonArray page = client.get(path).value()[u"changes"_s].toArray();
        if (page.isEmpty())
            return all;
        for (const QJsonValue &change : page)
            all.append(change);
    }
}

void TestDurability::acknowledgedWritesSurviveKill()
{
    TestServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    RestClient client(server.url(), server.token());
    const QString c = client.newCollection(u"durable"_s);
    constexpr int Cycles = 50;
    for (int cycle = 0; cycle < Cycles; ++cycle) {
        const qsizetype before = m_acknowledged.size();
        m_token = server.token();
        writeUntilKilled(server.url(), c, 3);
        // The kill comes at a random moment once writes flow (on a loaded machine the first
        // answer after a restart can take longer than the whole delay).
        QTRY_VERIFY2_WITH_TIMEOUT(m_acknowledged.size() > before, "no write was acknowledged", 10000);
        const int delay = int(QRandomGenerator::global()->bounded(120));
        QTimer::singleShot(delay, this, [&server] { server.kill(); });
        QTRY_COMPARE_WITH_TIMEOUT(m_running, 0, 10000);
        QVERIFY(isIntact(server.dataDir())); // after every kill, before the restart
        m_manager.clearConnectionCache();
        QVERIFY2(server.restart(), qPrintable(server.errorString()));
        client.setBase(server.url());
        client.setToken(server.token());
    }

    // Every acknowledged write is present as acknowledged.
    for (const Acknowledged &ack : std::as_const(m_acknowledged)) {
        const RestReply reply = client.get(recordUrl(c, ack.id));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("ETag"), ack.etag);
        QCOMPARE(reply.value()[u"title"_s].toString(), ack.title);
    }
    // The feed has one change per stored record, numbered without gaps.
    const qint64 seq = client.collectionSeq(c);
    QVERIFY(seq >= m_acknowledged.size());
    const QJsonArray changes = allChanges(client, c);
    QCOMPARE(changes.size(), seq);
    for (qsizetype i = 0; i < changes.size(); ++i)
        QCOMPARE(changes.at(i)[u"seq"_s].toInteger(), i + 1);
    server.kill();
    QVERIFY(isIntact(server.dataDir()));
    qInfo("%lld writes acknowledged over %d kills", qlonglong(m_acknowledged.size()), Cycles);
}

QTEST_GUILESS_MAIN(TestDurability)
#include "tst_durability.moc"
