#include "connectionindicator.h"

#include <QLabel>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

using Status = ConnectionIndicator::Status;

class TestConnectionIndicator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void text_data();
    void text();
    void liveWithConflicts_data();
    void liveWithConflicts();
    void widgetShowsWhatItIsTold_data() { text_data(); }
    void widgetShowsWhatItIsTold();
    void countsTheReconnectDelayDown();
    void countdownEndsWithTheState();
    void toolTipHasTheDetails();
    void longSentenceIsElidedNotWidened();
    void colours();
};

void TestConnectionIndicator::text_data()
{
    QTest::addColumn<ConnectionState>("state");
    QTest::addColumn<int>("pending");
    QTest::addColumn<int>("seconds"); // until the next reconnect attempt
    QTest::addColumn<QString>("expected");

    const auto row = [](const char *name, ConnectionState state, int pending, int seconds, const QString &text) {
        QTest::newRow(name) << state << pending << seconds << text;
    };
    using enum ConnectionState;
    row("live, all sent", Live, 0, 0, u"Live — all changes saved"_s);
    row("live, one pending", Live, 1, 0, u"Live — sending edits: 1"_s);
    row("live, many pending", Live, 12, 0, u"Live — sending edits: 12"_s);
    row("connecting", Connecting, 0, 0, u"Connecting…"_s);
    row("connecting, pending", Connecting, 3, 0, u"Connecting… — edits waiting on this computer: 3"_s);
    row("reconnecting soon", Reconnecting, 0, 4, u"Offline — reconnecting in 4 s…"_s);
    row("reconnecting now", Reconnecting, 0, 0, u"Offline — reconnecting…"_s);
    row("reconnecting soon, pending", Reconnecting, 3, 4,
        u"Offline — edits saved on this computer: 3; they will be sent when the server is back. "
        u"Reconnecting in 4 s…"_s);
    row("reconnecting now, pending", Reconnecting, 1, 0,
        u"Offline — edits saved on this computer: 1; they will be sent when the server is back. Reconnecting…"_s);
    row("reconnecting in 30 s", Reconnecting, 2, 30,
        u"Offline — edits saved on this computer: 2; they will be sent when the server is back. "
        u"Reconnecting in 30 s…"_s);
    row("no network", NoNetwork, 0, 0, u"No network — waiting for it to come back"_s);
    row("no network, pending", NoNetwork, 5, 0,
        u"No network — edits saved on this computer: 5; they will be sent when the network is back"_s);
    row("signed out", SignedOut, 0, 0, u"Signed out — sign in to sync"_s);
    row("signed out, pending", SignedOut, 4, 0,
        u"Signed out — edits saved on this computer: 4; they will be sent once you sign in"_s);
    row("offline", Offline, 0, 0, u"Offline"_s);
    row("offline, pending", Offline, 2, 0,
        u"Offline — edits saved on this computer: 2; they will be sent when the server is back"_s);
    row("seconds ignored unless reconnecting", Live, 0, 7, u"Live — all changes saved"_s);
}

void TestConnectionIndicator::text()
{
    QFETCH(ConnectionState, state);
    QFETCH(int, pending);
    QFETCH(int, seconds);
    QFETCH(QString, expected);
    QCOMPARE(ConnectionIndicator::text(Status{state, pending, seconds}), expected);
}

void TestConnectionIndicator::liveWithConflicts_data()
{
    QTest::addColumn<int>("pending");
    QTest::addColumn<int>("conflicts");
    QTest::addColumn<QString>("expected");
    QTest::newRow("only conflicts") << 1 << 1 << u"Live — edits waiting for your decision: 1"_s;
    QTest::newRow("sending and deciding") << 3 << 1 << u"Live — sending edits: 2; waiting for your decision: 1"_s;
    QTest::newRow("no conflict") << 2 << 0 << u"Live — sending edits: 2"_s;
    QTest::newRow("nothing pending") << 0 << 0 << u"Live — all changes saved"_s;
    QTest::newRow("more conflicts than pending") << 1 << 4 << u"Live — edits waiting for your decision: 1"_s;
}

void TestConnectionIndicator::liveWithConflicts()
{
    QFETCH(int, pending);
    QFETCH(int, conflicts);
    QFETCH(QString, expected);
    QCOMPARE(ConnectionIndicator::text(Status{ConnectionState::Live, pending, 0, conflicts}), expected);
    ConnectionIndicator indicator;
    indicator.setState(ConnectionState::Live);
    indicator.setPendingCount(pending);
    indicator.setConflictCount(conflicts);
    QCOMPARE(indicator.text(), expected);
}

void TestConnectionIndicator::widgetShowsWhatItIsTold()
{
    QFETCH(ConnectionState, state);
    QFETCH(int, pending);
    QFETCH(int, seconds);
    QFETCH(QString, expected);
    ConnectionIndicator indicator;
    indicator.setPendingCount(pending);
    indicator.setState(state);
    if (seconds > 0)
        indicator.setReconnectDelay(seconds * 1000 - 1); // just under: no tick may have passed
    QCOMPARE(indicator.state(), state);
    const int countdown = state == ConnectionState::Reconnecting ? seconds : 0; // counted only while reconnecting
    QCOMPARE(indicator.status(), (Status{state, pending, countdown}));
    QCOMPARE(indicator.text(), expected);
}

void TestConnectionIndicator::countsTheReconnectDelayDown()
{
    ConnectionIndicator indicator;
    indicator.setPendingCount(2);
    indicator.setState(ConnectionState::Reconnecting);
    indicator.setReconnectDelay(1900, 3);
    QCOMPARE(indicator.status().reconnectSeconds, 2);
    QVERIFY(indicator.text().endsWith(u"Reconnecting in 2 s…"_s));
    QTRY_VERIFY(indicator.text().endsWith(u"Reconnecting in 1 s…"_s));
    QTRY_VERIFY(indicator.text().endsWith(u"Reconnecting…"_s)); // the attempt is under way
    QCOMPARE(indicator.status(), (Status{ConnectionState::Reconnecting, 2, 0}));
}

void TestConnectionIndicator::countdownEndsWithTheState()
{
    ConnectionIndicator indicator;
    indicator.setState(ConnectionState::Reconnecting);
    indicator.setReconnectDelay(60000, 5);
    QCOMPARE(indicator.text(), u"Offline — reconnecting in 60 s…"_s);
    indicator.setState(ConnectionState::Live);
    QCOMPARE(indicator.text(), u"Live — all changes saved"_s);
    indicator.setState(ConnectionState::Reconnecting); // a new loss: no stale countdown
    QCOMPARE(indicator.text(), u"Offline — reconnecting…"_s);
}

void TestConnectionIndicator::toolTipHasTheDetails()
{
    ConnectionIndicator indicator;
    indicator.setServer(QUrl(u"http://127.0.0.1:8080"_s));
    indicator.setLastError(u"Connection refused"_s);
    indicator.setPendingCount(3);
    indicator.setState(ConnectionState::Reconnecting);
    indicator.setReconnectDelay(4000, 2);
    const QString offline = indicator.toolTip();
    QVERIFY2(offline.contains(u"Server: http://127.0.0.1:8080"_s), qPrintable(offline));
    QVERIFY2(offline.contains(u"Reconnect attempt: 2"_s), qPrintable(offline));
    QVERIFY2(offline.contains(u"Last error: Connection refused"_s), qPrintable(offline));
    QVERIFY2(offline.contains(u"Unsent edits: 3."_s), qPrintable(offline));

    indicator.setPendingCount(0);
    indicator.setState(ConnectionState::Live);
    const QString live = indicator.toolTip();
    // The sentence (which the status bar may cut short) and the server; an old error is no news once live.
    QCOMPARE(live, u"Live — all changes saved\nServer: http://127.0.0.1:8080"_s);
}

void TestConnectionIndicator::longSentenceIsElidedNotWidened()
{
    ConnectionIndicator indicator;
    indicator.setPendingCount(3);
    indicator.setState(ConnectionState::NoNetwork);
    const int full = indicator.fontMetrics().horizontalAdvance(indicator.text());
    QVERIFY(indicator.sizeHint().width() > full);               // room for all of it when there is room
    QVERIFY(indicator.minimumSizeHint().width() < full / 2);    // but it does not force the window wide
    indicator.resize(indicator.minimumSizeHint());
    indicator.show();
    QVERIFY(QTest::qWaitForWindowExposed(&indicator));
    const QList<QLabel *> labels = indicator.findChildren<QLabel *>();
    const auto shown = std::find_if(labels.cbegin(), labels.cend(), [](const QLabel *label) { return !label->text().isEmpty(); });
    QVERIFY(shown != labels.cend());
    QVERIFY2((*shown)->text().endsWith(u'…'), qPrintable((*shown)->text()));
    QVERIFY(indicator.toolTip().startsWith(indicator.text())); // the whole sentence is still there
}

void TestConnectionIndicator::colours()
{
    using enum ConnectionState;
    QCOMPARE(ConnectionIndicator::color(Connecting), ConnectionIndicator::color(Reconnecting));
    QCOMPARE(ConnectionIndicator::color(NoNetwork), ConnectionIndicator::color(Offline));
    QVERIFY(ConnectionIndicator::color(Live) != ConnectionIndicator::color(Reconnecting));
    QVERIFY(ConnectionIndicator::color(Live) != ConnectionIndicator::color(Offline));
    QVERIFY(ConnectionIndicator::color(Reconnecting) != ConnectionIndicator::color(Offline));
}

QTEST_MAIN(TestConnectionIndicator)
#include "tst_connectionindicator.moc"
