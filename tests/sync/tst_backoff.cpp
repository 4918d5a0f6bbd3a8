#include "backoff.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Etagere;

class TestBackoff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void delayFor_data();
    void delayFor();
    void nextStaysInsideTheWindow_data();
    void nextStaysInsideTheWindow();
    void jitterSpreadsOverTheWindow();
    void resetStartsOver();
    void settersKeepAtLeastOneMillisecond();
};

void TestBackoff::delayFor_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<int>("base");
    QTest::addColumn<int>("cap");
    QTest::addColumn<double>("jitter");
    QTest::addColumn<int>("expected");

    QTest::newRow("first, lowest") << 0 << 500 << 30000 << 0.0 << 250;
    QTest::newRow("first, middle") << 0 << 500 << 30000 << 0.5 << 375;
    QTest::newRow("first, highest") << 0 << 500 << 30000 << 1.0 << 500;
    QTest::newRow("second doubles") << 1 << 500 << 30000 << 1.0 << 1000;
    QTest::newRow("fourth, lowest") << 3 << 500 << 30000 << 0.0 << 2000;
    QTest::newRow("fourth, highest") << 3 << 500 << 30000 << 1.0 << 4000;
    QTest::newRow("last below the cap") << 5 << 500 << 30000 << 1.0 << 16000;
    QTest::newRow("capped, highest") << 6 << 500 << 30000 << 1.0 << 30000;
    QTest::newRow("capped, lowest") << 6 << 500 << 30000 << 0.0 << 15000;
    QTest::newRow("huge attempt stays capped") << 100000 << 500 << 30000 << 1.0 << 30000;
    QTest::newRow("int-sized cap does not overflow") << 40 << 1000 << 2147483647 << 1.0 << 2147483647;
    QTest::newRow("negative attempt counts as first") << -3 << 500 << 30000 << 1.0 << 500;
    QTest::newRow("jitter above 1 is clamped") << 0 << 500 << 30000 << 7.0 << 500;
    QTest::newRow("jitter below 0 is clamped") << 0 << 500 << 30000 << -1.0 << 250;
    QTest::newRow("base above cap") << 0 << 5000 << 1000 << 1.0 << 1000;
    QTest::newRow("zero base counts as 1 ms") << 2 << 0 << 30000 << 1.0 << 4;
    QTest::newRow("odd ceiling rounds down") << 0 << 7 << 30000 << 0.0 << 3;
}

void TestBackoff::delayFor()
{
    QFETCH(int, attempt);
    QFETCH(int, base);
    QFETCH(int, cap);
    QFETCH(double, jitter);
    QFETCH(int, expected);
    QCOMPARE(Backoff::delayFor(attempt, base, cap, jitter), expected);
}

void TestBackoff::nextStaysInsideTheWindow_data()
{
    QTest::addColumn<int>("base");
    QTest::addColumn<int>("cap");
    QTest::newRow("defaults") << int(Backoff::DefaultBaseMs) << int(Backoff::DefaultCapMs);
    QTest::newRow("test timings") << 20 << 1000;
    QTest::newRow("cap below base") << 100 << 30;
}

void TestBackoff::nextStaysInsideTheWindow()
{
    QFETCH(int, base);
    QFETCH(int, cap);
    QRandomGenerator random(42);
    Backoff backoff(base, cap);
    int previousCeiling = 0;
    for (int attempt = 0; attempt < 40; ++attempt) {
        const int ceiling = Backoff::ceiling(attempt, base, cap);
        const int delay = backoff.next(&random);
        QVERIFY2(delay >= ceiling / 2 && delay <= ceiling, qPrintable(QString::number(delay)));
        QVERIFY(ceiling >= previousCeiling); // grows, then stays at the cap
        QVERIFY(ceiling <= qMax(1, cap));
        QCOMPARE(backoff.attempts(), attempt + 1);
        previousCeiling = ceiling;
    }
    QCOMPARE(previousCeiling, qMax(1, cap));
}

void TestBackoff::jitterSpreadsOverTheWindow()
{
    // Clients that lost the same server must not come back in step.
    QRandomGenerator random(7);
    Backoff backoff(1000, 30000);
    int lowest = 1000;
    int highest = 0;
    for (int i = 0; i < 200; ++i) {
        backoff.reset();
        const int delay = backoff.next(&random);
        lowest = qMin(lowest, delay);
        highest = qMax(highest, delay);
    }
    QVERIFY2(lowest >= 500 && lowest < 600, qPrintable(QString::number(lowest)));
    QVERIFY2(highest <= 1000 && highest > 900, qPrintable(QString::number(highest)));
}

void TestBackoff::resetStartsOver()
{
    QRandomGenerator random(1);
    Backoff backoff(100, 30000);
    for (int i = 0; i < 5; ++i)
        (void)backoff.next(&random);
    QCOMPARE(backoff.attempts(), 5);
    QVERIFY(backoff.next(&random) >= 1600); // sixth ceiling: 3200
    backoff.reset();
    QCOMPARE(backoff.attempts(), 0);
    const int delay = backoff.next(&random);
    QVERIFY(delay >= 50 && delay <= 100);
}

void TestBackoff::settersKeepAtLeastOneMillisecond()
{
    Backoff backoff;
    QCOMPARE(backoff.base(), Backoff::DefaultBaseMs);
    QCOMPARE(backoff.cap(), Backoff::DefaultCapMs);
    backoff.setBase(0);
    backoff.setCap(-5);
    QCOMPARE(backoff.base(), 1);
    QCOMPARE(backoff.cap(), 1);
    QVERIFY(backoff.next() <= 1);
}

QTEST_APPLESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
