// RequestFramer: where requests begin and end in the raw bytes of a connection, and what it
// refuses before Qt HttpServer buffers anything.
#include "requestframer.h"

#include <QTest>

using Etagere::RequestFramer;
using Verdict = RequestFramer::Verdict;

class TestRequestFramer : public QObject
{
    Q_OBJECT

private slots:
    void verdicts_data();
    void verdicts();
    void everySplitGivesTheSameVerdict_data();
    void everySplitGivesTheSameVerdict();
    void refusalSticks();
};

namespace {

QByteArray head(const QByteArray &headerLines, const QByteArray &requestLine = "GET /v1/collections HTTP/1.1")
{
    return requestLine + "\r\nHost: 127.0.0.1\r\n" + headerLines + "\r\n";
}

// A head of exactly `size` bytes, blank line included.
QByteArray headOfSize(qsizetype size)
{
    const QByteArray base = head("X-Pad: \r\n");
    return head("X-Pad: " + QByteArray(size - base.size(), 'p') + "\r\n");
}

} // namespace

// The bytes of a connection (in one piece) and the verdict on them.
void TestRequestFramer::verdicts_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<Verdict>("verdict");

    QTest::newRow("one GET") << head({}) << Verdict::Continue;
    QTest::newRow("head of exactly 8 KiB") << headOfSize(8192) << Verdict::Continue;
    QTest::newRow("head of 8 KiB + 1") << headOfSize(8193) << Verdict::HeadTooLarge;
    QTest::newRow("unfinished head over 8 KiB") << QByteArray("GET / HTTP/1.1\r\nX: " + QByteArray(9000, 'x'))
                                               << Verdict::HeadTooLarge;
    QTest::newRow("unfinished head under 8 KiB") << QByteArray("GET / HTTP/1.1\r\nX: " + QByteArray(8000, 'x'))
                                                << Verdict::Continue;
    QTest::newRow("bare LF line ends") << QByteArray("GET / HTTP/1.1\nHost: a\n\n") << Verdict::Continue;
    QTest::newRow("body counted, then a big head")
        << head("Content-Length: 5\r\n", "POST /v1/sessions HTTP/1.1") + "hello" + headOfSize(9000)
        << Verdict::HeadTooLarge;
    QTest::newRow("a big body is not a head")
        << head("Content-Length: 20000\r\n", "PUT /x HTTP/1.1") + QByteArray(20000, '{') + head({})
        << Verdict::Continue;
    QTest::newRow("pipelined small heads") << head({}) + head({}) + head({}) << Verdict::Continue;
    QTest::newRow("empty lines before a request") << "\r\n\r\n" + head({}) << Verdict::Continue;
    QTest::newRow("body of 8 MiB") << head("Content-Length: 8388608\r\n", "PUT /x HTTP/1.1") << Verdict::Continue;
    QTest::newRow("body of 8 MiB + 1") << head("Content-Length: 8388609\r\n", "PUT /x HTTP/1.1")
                                       << Verdict::BodyTooLarge;
    QTest::newRow("absurd length") << head("Content-Length: 99999999999999999999\r\n", "PUT /x HTTP/1.1")
                                   << Verdict::BodyTooLarge;
    QTest::newRow("chunked") << head("Transfer-Encoding: chunked\r\n", "POST /x HTTP/1.1") << Verdict::LengthRequired;
    QTest::newRow("length not a number") << head("Content-Length: 12a\r\n", "PUT /x HTTP/1.1") << Verdict::BadRequest;
    QTest::newRow("negative length") << head("Content-Length: -1\r\n", "PUT /x HTTP/1.1") << Verdict::BadRequest;
    QTest::newRow("two lengths that disagree")
        << head("Content-Length: 1\r\nContent-Length: 2\r\n", "PUT /x HTTP/1.1") << Verdict::BadRequest;
    QTest::newRow("two equal lengths") << head("Content-Length: 2\r\ncontent-length: 2\r\n", "PUT /x HTTP/1.1") + "{}"
                                       << Verdict::Continue;
    QTest::newRow("upgrade: later bytes are frames")
        << head("Upgrade: websocket\r\nConnection: Upgrade\r\n", "GET /v1/live HTTP/1.1") + QByteArray(20000, 'f')
        << Verdict::Continue;
    QTest::newRow("Upgrade header without Connection: still HTTP")
        << head("Upgrade: websocket\r\n", "GET /v1/live HTTP/1.1") + headOfSize(9000) << Verdict::HeadTooLarge;
}

void TestRequestFramer::verdicts()
{
    QFETCH(QByteArray, bytes);
    QFETCH(Verdict, verdict);
    RequestFramer framer;
    QCOMPARE(framer.feed(bytes), verdict);
}

void TestRequestFramer::everySplitGivesTheSameVerdict_data()
{
    verdicts_data();
}

// However the network cuts the bytes (here: into pieces of 1, 7, 100 and 4096 bytes), the
// verdict at the end is the same.
void TestRequestFramer::everySplitGivesTheSameVerdict()
{
    QFETCH(QByteArray, bytes);
    QFETCH(Verdict, verdict);
    for (const qsizetype piece : {1, 7, 100, 4096}) {
        RequestFramer framer;
        Verdict last = Verdict::Continue;
        for (qsizetype at = 0; at < bytes.size(); at += piece)
            last = framer.feed(QByteArrayView(bytes).sliced(at, std::min(piece, bytes.size() - at)));
        QCOMPARE(last, verdict);
    }
}

void TestRequestFramer::refusalSticks()
{
    RequestFramer framer;
    QCOMPARE(framer.feed(head("Transfer-Encoding: chunked\r\n", "POST /x HTTP/1.1")), Verdict::LengthRequired);
    QCOMPARE(framer.feed(head({})), Verdict::LengthRequired);
}

QTEST_APPLESS_MAIN(TestRequestFramer)
#include "tst_requestframer.moc"
