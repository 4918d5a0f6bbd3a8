// LoginThrottle: five failures in 15 minutes lock a user name or a peer address, for 30 s
// and then twice as long after each further failure; a success forgets both.
#include "loginthrottle.h"

#include <QTest>

using namespace Qt::StringLiterals;

using Etagere::LoginThrottle;

class TestLoginThrottle : public QObject
{
    Q_OBJECT

private slots:
    void lockAfterFailures_data();
    void lockAfterFailures();
    void successClearsNameAndAddress();
    void lockedNameFromAnotherAddress();
    void lockedAddressForAnotherName();
};

namespace {
constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
} // namespace

// Failures of `alice` from `10.0.0.1` at the given times (ms), and the Retry-After expected
// at `askAt`.
void TestLoginThrottle::lockAfterFailures_data()
{
    QTest::addColumn<QList<qint64>>("failures");
    QTest::addColumn<qint64>("askAt");
    QTest::addColumn<int>("retryAfter");

    QTest::newRow("four failures: no lock") << QList<qint64>{0, 1, 2, 3} << qint64(4) << 0;
    QTest::newRow("fifth failure locks 30 s") << QList<qint64>{0, 1, 2, 3, 4} << qint64(4) << 30;
    QTest::newRow("lock counts down") << QList<qint64>{0, 1, 2, 3, 4} << 10 * Second + 4 << 20;
    QTest::newRow("rounded up") << QList<qint64>{0, 1, 2, 3, 4} << 29 * Second + 5 << 1;
    QTest::newRow("lock over") << QList<qint64>{0, 1, 2, 3, 4} << 30 * Second + 4 << 0;
    QTest::newRow("sixth failure: 60 s") << QList<qint64>{0, 1, 2, 3, 4, 31 * Second} << 31 * Second << 60;
    QTest::newRow("seventh failure: 120 s")
        << QList<qint64>{0, 1, 2, 3, 4, 31 * Second, 92 * Second} << 92 * Second << 120;
    QTest::newRow("at most 15 min") << QList<qint64>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11} << qint64(11) << 900;
    QTest::newRow("failures spread over more than 15 min")
        << QList<qint64>{0, 4 * Minute, 8 * Minute, 12 * Minute, 16 * Minute} << 16 * Minute << 0;
}

void TestLoginThrottle::lockAfterFailures()
{
    QFETCH(QList<qint64>, failures);
    QFETCH(qint64, askAt);
    QFETCH(int, retryAfter);
    LoginThrottle throttle;
    for (const qint64 at : failures)
        throttle.recordFailure(u"alice"_s, "10.0.0.1", at);
    QCOMPARE(throttle.retryAfter(u"alice"_s, "10.0.0.1", askAt), retryAfter);
}

void TestLoginThrottle::successClearsNameAndAddress()
{
    LoginThrottle throttle;
    for (int i = 0; i < 4; ++i)
        throttle.recordFailure(u"alice"_s, "10.0.0.1", i);
    throttle.recordSuccess(u"alice"_s, "10.0.0.1");
    throttle.recordFailure(u"alice"_s, "10.0.0.1", 10);
    QCOMPARE(throttle.retryAfter(u"alice"_s, "10.0.0.1", 10), 0); // one failure, not five
}

void TestLoginThrottle::lockedNameFromAnotherAddress()
{
    LoginThrottle throttle;
    for (int i = 0; i < 5; ++i)
        throttle.recordFailure(u"alice"_s, QByteArray("10.0.0.") + QByteArray::number(i), i);
    QCOMPARE(throttle.retryAfter(u"alice"_s, "10.9.9.9", 5), 30);
    QCOMPARE(throttle.retryAfter(u"bob"_s, "10.9.9.9", 5), 0);
}

void TestLoginThrottle::lockedAddressForAnotherName()
{
    LoginThrottle throttle;
    for (int i = 0; i < 5; ++i)
        throttle.recordFailure(u"user%1"_s.arg(i), "10.0.0.1", i);
    QCOMPARE(throttle.retryAfter(u"carol"_s, "10.0.0.1", 5), 30);
    QCOMPARE(throttle.retryAfter(u"carol"_s, "10.0.0.2", 5), 0);
}

QTEST_APPLESS_MAIN(TestLoginThrottle)
#include "tst_loginthrottle.moc"
