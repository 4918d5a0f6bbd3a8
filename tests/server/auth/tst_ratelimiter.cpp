// RateLimiter: token buckets per key, `rate` per second and `burst` at once.
#include "ratelimiter.h"

#include <QTest>

using Etagere::RateLimiter;

class TestRateLimiter : public QObject
{
    Q_OBJECT

private slots:
    void admitted_data();
    void admitted();
    void retryAfter();
    void keysAreSeparate();
    void offAdmitsEverything();
};

// `count` requests of one key spread evenly over `spanMs`, with rate 10/s and burst 20:
// how many are admitted.
void TestRateLimiter::admitted_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<qint64>("spanMs");
    QTest::addColumn<int>("admitted");

    QTest::newRow("burst at once") << 20 << qint64(0) << 20;
    QTest::newRow("beyond the burst at once") << 50 << qint64(0) << 20;
    QTest::newRow("50 over 3 s: burst + 30") << 50 << qint64(3000) << 50;
    QTest::newRow("100 over 2 s: burst + 20") << 100 << qint64(2000) << 40;
}

void TestRateLimiter::admitted()
{
    QFETCH(int, count);
    QFETCH(qint64, spanMs);
    QFETCH(int, admitted);
    RateLimiter limiter(10, 20);
    int passed = 0;
    for (int i = 0; i < count; ++i)
        passed += limiter.take("k", count > 1 ? spanMs * i / (count - 1) : 0) ? 1 : 0;
    QVERIFY2(std::abs(passed - admitted) <= 1, qPrintable(QString::number(passed)));
}

void TestRateLimiter::retryAfter()
{
    RateLimiter limiter(0.5, 1); // one request every two seconds
    QVERIFY(limiter.take("k", 0));
    int wait = 0;
    QVERIFY(!limiter.take("k", 100, &wait));
    QCOMPARE(wait, 2);
    QVERIFY(limiter.take("k", 2000));
}

void TestRateLimiter::keysAreSeparate()
{
    RateLimiter limiter(1, 1);
    QVERIFY(limiter.take("a", 0));
    QVERIFY(!limiter.take("a", 0));
    QVERIFY(limiter.take("b", 0));
    QCOMPARE(limiter.bucketCount(), 2);
}

void TestRateLimiter::offAdmitsEverything()
{
    RateLimiter limiter(0, 1);
    QVERIFY(!limiter.isEnabled());
    for (int i = 0; i < 10000; ++i)
        QVERIFY(limiter.take("k", 0));
    QCOMPARE(limiter.bucketCount(), 0);
}

QTEST_APPLESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
