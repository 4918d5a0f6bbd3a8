#include "wirecodec.h"

#include "jsontest.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace Etagere;

Q_DECLARE_METATYPE(Etagere::WireFormat)

namespace {

/// `depth` nested arrays, or objects and arrays alternating, around the number 1 (JSON text).
QByteArray nestedJson(int depth, bool mixed)
{
    QByteArray open, close;
    for (int i = 0; i < depth; ++i) {
        const bool object = mixed && i % 2 == 0;
        open += object ? R"({"k":)"_ba : "["_ba;
        close.prepend(object ? '}' : ']');
    }
    return open + "1" + close;
}

/// `depth` nested definite-length CBOR arrays (or maps with key "k") around the integer 1.
QByteArray nestedCbor(int depth, bool mixed)
{
    QByteArray bytes;
    for (int i = 0; i < depth; ++i)
        bytes += mixed && i % 2 == 0 ? "\xa1\x61k"_ba : "\x81"_ba;
    return bytes + '\x01';
}

/// The keys of a large map, k000000, k000001, ... `count` of them, in descending order when
/// `descending`; with `repeat`, the last key is the first one again.
QList<QByteArray> manyKeys(int count, bool descending, bool repeat)
{
    QList<QByteArray> keys;
    for (int i = 0; i < count; ++i)
        keys.append("k" + QByteArray::number(descending ? count - 1 - i : i).rightJustified(6, '0'));
    if (repeat)
        keys.last() = keys.first();
    return keys;
}

/// A definite-length CBOR map of the keys (each key up to 23 bytes) to the integer 0.
QByteArray cborMap(const QList<QByteArray> &keys)
{
    QByteArray bytes = "\xba"_ba; // map, 32-bit length
    for (int shift = 24; shift >= 0; shift -= 8)
        bytes += char((keys.size() >> shift) & 0xff);
    for (const QByteArray &key : keys)
        bytes += char(0x60 + key.size()) + key + '\0';
    return bytes;
}

QByteArray jsonObject(const QList<QByteArray> &keys)
{
    QByteArray text = "{";
    for (const QByteArray &key : keys)
        text += '"' + key + "\":0,";
    text.back() = '}';
    return text;
}

/// Time allowed for one large document: decoding it takes well under a tenth of it; a map
/// whose keys came in descending order took half a minute before tests/fuzz found it.
constexpr qint64 DecodeBudgetMs = 3000;

} // namespace

class TestWireCodec : public QObject
{
    Q_OBJECT

private slots:
    void mimeTypes();
    void roundTrip_data();
    void roundTrip();
    void jsonEncoding_data();
    void jsonEncoding();
    void malformedJson_data();
    void malformedJson();
    void zeroWidthNoBreakSpaceIsKept_data();
    void zeroWidthNoBreakSpaceIsKept();
    void acceptedCbor_data();
    void acceptedCbor();
    void malformedCbor_data();
    void malformedCbor();
    void largeMapsDecodeInLinearTime_data();
    void largeMapsDecodeInLinearTime();
    void nesting_data();
    void nesting();
    void customNesting_data();
    void customNesting();
    void veryDeepInputFailsCleanly_data();
    void veryDeepInputFailsCleanly();
    void randomBytesNeverCrash_data();
    void randomBytesNeverCrash();
    void mutatedDocumentsNeverCrash_data();
    void mutatedDocumentsNeverCrash();
};

void TestWireCodec::mimeTypes()
{
    QCOMPARE(WireCodec::mimeType(WireFormat::Json), "application/json"_ba);
    QCOMPARE(WireCodec::mimeType(WireFormat::Cbor), "application/cbor"_ba);
}

void TestWireCodec::roundTrip_data()
{
    QTest::addColumn<WireFormat>("format");
    QTest::addColumn<QByteArray>("json");
    const QByteArray samples[][2] = {
        {"object", R"({"a":1,"b":"two","c":[true,false,null],"d":{"e":-2.5}})"},
        {"empty object", "{}"},
        {"empty array", "[]"},
        {"null", "null"},
        {"string", R"("caf\u00e9 \u2603 \ud83d\ude00")"},
        {"escapes", R"("quote \" backslash \\ newline \n tab \t nul \u0000")"},
        {"integer", "42"},
        {"negative", "-9007199254740992"},
        {"large integer", "9223372036854775807"},
        {"smallest integer", "-9223372036854775808"},
        {"fraction", "0.1"},
        {"exponent", "1e300"},
        {"boolean", "true"},
        {"change", R"({"author":"a","collection":"tasks","data":null,"etag":"\"x\"","id":"r","op":"delete","seq":1})"},
        {"nested 32", nestedJson(32, true)},
    };
    for (const auto &sample : samples) {
        QTest::addRow("json %s", sample[0].constData()) << WireFormat::Json << sample[1];
        QTest::addRow("cbor %s", sample[0].constData()) << WireFormat::Cbor << sample[1];
    }
}

void TestWireCodec::roundTrip()
{
    QFETCH(WireFormat, format);
    QFETCH(QByteArray, json);
    const QJsonValue value = JsonTest::parse(json);
    QVERIFY2(!value.isUndefined(), json.constData());
    const QByteArray bytes = WireCodec::encode(value, format);
    QVERIFY(!bytes.isEmpty());
    const DecodeResult result = WireCodec::decode(bytes, format);
    QVERIFY2(result.isValid(), qPrintable(result.error));
    QCOMPARE(JsonTest::text(result.value), JsonTest::text(value));
    QCOMPARE(result.value, value);
}

void TestWireCodec::jsonEncoding_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("null") << "null"_ba;
    QTest::newRow("string") << R"("x")"_ba;
    QTest::newRow("number") << "1.5"_ba;
    QTest::newRow("object") << R"({"a":[1,2]})"_ba;
}

void TestWireCodec::jsonEncoding()
{
    QFETCH(QByteArray, json);
    QCOMPARE(WireCodec::encode(JsonTest::parse(json), WireFormat::Json), json);
}

void TestWireCodec::malformedJson_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error"); // a part of the message
    QTest::newRow("empty") << QByteArray() << u"empty"_s;
    QTest::newRow("blank") << "   "_ba << u"empty"_s;
    QTest::newRow("open object") << "{"_ba << u"malformed JSON"_s;
    QTest::newRow("missing value") << R"({"a":})"_ba << u"malformed JSON"_s;
    QTest::newRow("trailing comma") << "[1,]"_ba << u"malformed JSON"_s;
    QTest::newRow("bare word") << "nul"_ba << u"malformed JSON"_s;
    QTest::newRow("single quotes") << "{'a':1}"_ba << u"malformed JSON"_s;
    QTest::newRow("unquoted key") << "{a:1}"_ba << u"malformed JSON"_s;
    QTest::newRow("two documents") << "{} {}"_ba << u"malformed JSON"_s;
    QTest::newRow("two scalars") << "1 2"_ba << u"malformed JSON"_s;
    QTest::newRow("comma separated") << "1,2"_ba << u"more than one value"_s;
    QTest::newRow("bracket injection") << "1],[2"_ba << u"malformed JSON"_s;
    QTest::newRow("garbage after") << "[1] x"_ba << u"malformed JSON"_s;
    QTest::newRow("nul after") << QByteArray("{}\0", 3) << u"malformed JSON"_s;
    QTest::newRow("infinity") << "[1e400]"_ba << u"malformed JSON"_s;
    QTest::newRow("NaN") << "NaN"_ba << u"malformed JSON"_s;
    QTest::newRow("invalid UTF-8 in string") << "[\"\xff\"]"_ba << u"UTF-8"_s;
    QTest::newRow("truncated UTF-8") << "[\"\xc3\"]"_ba << u"UTF-8"_s;
    QTest::newRow("overlong UTF-8") << "[\"\xc0\xaf\"]"_ba << u"UTF-8"_s;
    QTest::newRow("UTF-8 surrogate") << "[\"\xed\xa0\x80\"]"_ba << u"UTF-8"_s;
    QTest::newRow("latin-1 text") << "{\"caf\xe9\":1}"_ba << u"UTF-8"_s;
    QTest::newRow("unbalanced close") << "]"_ba << u"malformed JSON"_s;
    QTest::newRow("U+FEFF outside a string") << "[1,\xEF\xBB\xBF" "2]"_ba << u"malformed JSON"_s;
    QTest::newRow("U+FEFF after the value") << "[1]\xEF\xBB\xBF"_ba << u"malformed JSON"_s;
}

void TestWireCodec::malformedJson()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    const DecodeResult result = WireCodec::decode(bytes, WireFormat::Json);
    QVERIFY(!result.isValid());
    QVERIFY2(result.error.contains(error), qPrintable(result.error));
    QVERIFY(result.value.isNull());
}

// Found by tests/fuzz (fuzz_json): Qt 6.4's parser drops U+FEFF written raw at the start of
// a string, and an object then holds two keys that both read "a".
void TestWireCodec::zeroWidthNoBreakSpaceIsKept_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QJsonValue>("expected");
    const QString zwnbsp(QChar(0xFEFF));
    QTest::newRow("string value") << "[\"\xEF\xBB\xBF" "a\"]"_ba << QJsonValue(QJsonArray{zwnbsp + u"a"_s});
    QTest::newRow("top-level string") << "\"\xEF\xBB\xBF" "a\""_ba << QJsonValue(zwnbsp + u"a"_s);
    QTest::newRow("alone") << "[\"\xEF\xBB\xBF\"]"_ba << QJsonValue(QJsonArray{zwnbsp});
    QTest::newRow("inside a string") << "[\"x\xEF\xBB\xBFy\"]"_ba << QJsonValue(QJsonArray{u"x"_s + zwnbsp + u"y"_s});
    QTest::newRow("escaped") << R"(["\ufeffa"])"_ba << QJsonValue(QJsonArray{zwnbsp + u"a"_s});
    QTest::newRow("two keys") << "{\"\xEF\xBB\xBF" "a\":1,\"a\":2}"_ba
                              << QJsonValue(QJsonObject{{zwnbsp + u"a"_s, 1}, {u"a"_s, 2}});
    QTest::newRow("after a byte order mark") << "\xEF\xBB\xBF[\"\xEF\xBB\xBF" "a\"]"_ba
                                             << QJsonValue(QJsonArray{zwnbsp + u"a"_s});
    QTest::newRow("with an escape") << "[\"\xEF\xBB\xBF\\n\"]"_ba << QJsonValue(QJsonArray{zwnbsp + u"\n"_s});
}

void TestWireCodec::zeroWidthNoBreakSpaceIsKept()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QJsonValue, expected);
    const DecodeResult result = WireCodec::decode(bytes, WireFormat::Json);
    QVERIFY2(result.isValid(), qPrintable(result.error));
    QCOMPARE(result.value, expected);
    QCOMPARE(result.value.toObject().keys(), expected.toObject().keys());
    for (const WireFormat format : {WireFormat::Json, WireFormat::Cbor}) {
        const DecodeResult again = WireCodec::decode(WireCodec::encode(result.value, format), format);
        QVERIFY2(again.isValid(), qPrintable(again.error));
        QCOMPARE(again.value, expected);
    }
}

void TestWireCodec::acceptedCbor_data()
{
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("unsigned") << "1903e8"_ba << "1000"_ba;
    QTest::newRow("negative") << "3903e7"_ba << "-1000"_ba;
    QTest::newRow("int64 min") << "3b7fffffffffffffff"_ba << "-9223372036854775808"_ba;
    QTest::newRow("uint64 max as double") << "1bffffffffffffffff"_ba << "18446744073709551615.0"_ba;
    QTest::newRow("half float") << "f93e00"_ba << "1.5"_ba;
    QTest::newRow("float") << "fa3fc00000"_ba << "1.5"_ba;
    QTest::newRow("double") << "fb3ff8000000000000"_ba << "1.5"_ba;
    QTest::newRow("true false null") << "83f5f4f6"_ba << "[true,false,null]"_ba;
    QTest::newRow("chunked text") << "7f657374726561646d696e67ff"_ba << R"("streaming")"_ba;
    QTest::newRow("indefinite array") << "9f0102ff"_ba << "[1,2]"_ba;
    QTest::newRow("indefinite map") << "bf6161016162f5ff"_ba << R"({"a":1,"b":true})"_ba;
    QTest::newRow("date-time tag") << "c074323031332d30332d32315432303a30343a30305a"_ba
                                   << R"("2013-03-21T20:04:00Z")"_ba;
    QTest::newRow("uri tag") << "d8206a687474703a2f2f782e79"_ba << R"("http://x.y")"_ba;
    QTest::newRow("unicode") << "69636166c3a920e29883"_ba << R"("caf\u00e9 \u2603")"_ba;
    QTest::newRow("-2^64 as double") << "3bffffffffffffffff"_ba << "-18446744073709551616.0"_ba;
    QTest::newRow("-2^63-1 as double") << "3b8000000000000000"_ba << "-9223372036854775809.0"_ba;
    // Found by tests/fuzz (fuzz_cbor): Qt 6.4's readString() drops U+FEFF at a chunk's start.
    QTest::newRow("text starting with U+FEFF") << "64efbbbf61"_ba << R"("\ufeffa")"_ba;
    QTest::newRow("chunks starting with U+FEFF") << "7f63efbbbf64efbbbf61ff"_ba << R"("\ufeff\ufeffa")"_ba;
    QTest::newRow("keys with and without U+FEFF") << "a264efbbbf6101616102"_ba << R"({"\ufeffa":1,"a":2})"_ba;
    QTest::newRow("empty chunks") << "7f6060616160ff"_ba << R"("a")"_ba;
}

void TestWireCodec::acceptedCbor()
{
    QFETCH(QByteArray, hex);
    QFETCH(QByteArray, json);
    const DecodeResult result = WireCodec::decode(QByteArray::fromHex(hex), WireFormat::Cbor);
    QVERIFY2(result.isValid(), qPrintable(result.error));
    const QJsonValue expected = JsonTest::parse(json);
    QVERIFY(!expected.isUndefined());
    // QJsonValue compares numbers by value, whether stored as integer or double.
    QVERIFY2(result.value == expected, JsonTest::text(result.value).constData());
}

void TestWireCodec::malformedCbor_data()
{
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<QString>("error"); // a part of the message
    QTest::newRow("empty") << ""_ba << u"empty"_s;
    QTest::newRow("truncated integer") << "1b00"_ba << u"malformed CBOR"_s;
    QTest::newRow("lone break") << "ff"_ba << u"malformed CBOR"_s;
    QTest::newRow("reserved info") << "1c"_ba << u"malformed CBOR"_s;
    QTest::newRow("trailing byte") << "0102"_ba << u"trailing bytes"_s;
    QTest::newRow("two maps") << "a0a0"_ba << u"trailing bytes"_s;
    QTest::newRow("truncated array") << "820102"_ba.left(4) << u"malformed CBOR"_s;
    QTest::newRow("unterminated indefinite") << "9f01"_ba << u"malformed CBOR"_s;
    QTest::newRow("integer key") << "a10102"_ba << u"map keys must be text strings"_s;
    QTest::newRow("array key") << "a1800102"_ba << u"map keys must be text strings"_s;
    QTest::newRow("map missing value") << "bf6161ff"_ba << u"CBOR"_s;
    QTest::newRow("duplicate key") << "a2616101616102"_ba << u"duplicate CBOR map key 'a'"_s;
    QTest::newRow("byte string") << "4401020304"_ba << u"byte strings"_s;
    QTest::newRow("byte string in map") << "a1616140"_ba << u"byte strings"_s;
    QTest::newRow("undefined") << "f7"_ba << u"undefined"_s;
    QTest::newRow("simple value") << "f0"_ba << u"simple value 16"_s;
    QTest::newRow("simple value 255") << "f8ff"_ba << u"simple value 255"_s;
    QTest::newRow("half NaN") << "f97e00"_ba << u"NaN or infinity"_s;
    QTest::newRow("float infinity") << "fa7f800000"_ba << u"NaN or infinity"_s;
    QTest::newRow("double -infinity") << "fbfff0000000000000"_ba << u"NaN or infinity"_s;
    QTest::newRow("double NaN in array") << "81fb7ff8000000000000"_ba << u"NaN or infinity"_s;
    QTest::newRow("bignum tag") << "c249010000000000000000"_ba << u"tag 2"_s;
    QTest::newRow("epoch tag") << "c11a514b67b0"_ba << u"tag 1"_s;
    QTest::newRow("date tag on integer") << "c001"_ba << u"must wrap a text string"_s;
    QTest::newRow("invalid UTF-8") << "62ff41"_ba << u"malformed CBOR"_s;
    QTest::newRow("huge string length") << "7bffffffffffff0000"_ba << u"malformed CBOR"_s;
    QTest::newRow("string longer than data") << "7a7fffffff41"_ba << u"malformed CBOR"_s;
    QTest::newRow("huge array length") << "9bffffffffffffffff01"_ba << u"CBOR"_s;
    QTest::newRow("chunk splitting a character") << "7f61c361a9ff"_ba << u"malformed CBOR"_s;
    QTest::newRow("UTF-8 surrogate") << "63eda080"_ba << u"malformed CBOR"_s;
    QTest::newRow("overlong UTF-8") << "62c0af"_ba << u"malformed CBOR"_s;
    QTest::newRow("UTF-8 beyond U+10FFFF") << "64f4908080"_ba << u"malformed CBOR"_s;
    QTest::newRow("truncated UTF-8 at the end") << "6261e2"_ba << u"malformed CBOR"_s;
    QTest::newRow("invalid UTF-8 in a chunk") << "7f6161" "61ff" "ff"_ba << u"malformed CBOR"_s;
    QTest::newRow("byte string chunk in text") << "7f416161ff"_ba << u"malformed CBOR"_s;
    QTest::newRow("string key longer than data") << "a17a7fffffff61"_ba << u"malformed CBOR"_s;
}

void TestWireCodec::malformedCbor()
{
    QFETCH(QByteArray, hex);
    QFETCH(QString, error);
    const DecodeResult result = WireCodec::decode(QByteArray::fromHex(hex), WireFormat::Cbor);
    QVERIFY(!result.isValid());
    QVERIFY2(result.error.contains(error), qPrintable(result.error));
}

void TestWireCodec::largeMapsDecodeInLinearTime_data()
{
    QTest::addColumn<WireFormat>("format");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("size"); // members; -1 when a duplicate key must be refused
    const int n = 200000;
    QTest::newRow("cbor keys ascending") << WireFormat::Cbor << cborMap(manyKeys(n, false, false)) << n;
    QTest::newRow("cbor keys descending") << WireFormat::Cbor << cborMap(manyKeys(n, true, false)) << n;
    QTest::newRow("cbor first key repeated last") << WireFormat::Cbor << cborMap(manyKeys(n, true, true)) << -1;
    QTest::newRow("json keys descending") << WireFormat::Json << jsonObject(manyKeys(n, true, false)) << n;
}

void TestWireCodec::largeMapsDecodeInLinearTime()
{
    QFETCH(WireFormat, format);
    QFETCH(QByteArray, bytes);
    QFETCH(int, size);
    QElapsedTimer timer;
    timer.start();
    const DecodeResult result = WireCodec::decode(bytes, format);
    QVERIFY2(timer.elapsed() < DecodeBudgetMs, qPrintable(u"took %1 ms"_s.arg(timer.elapsed())));
    QCOMPARE(result.isValid(), size >= 0);
    if (size < 0) {
        QVERIFY2(result.error.contains(u"duplicate CBOR map key 'k199999'"_s), qPrintable(result.error));
        return;
    }
    const QJsonObject object = result.value.toObject();
    QCOMPARE(object.size(), size);
    QCOMPARE(object.value(u"k000000"_s), QJsonValue(0));
    QCOMPARE(object.keys().last(), u"k%1"_s.arg(size - 1, 6, 10, QChar(u'0')));
}

void TestWireCodec::nesting_data()
{
    QTest::addColumn<WireFormat>("format");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("valid");
    for (const bool mixed : {false, true}) {
        for (const int depth : {1, 2, 31, 32, 33, 34, 100}) {
            const char *shape = mixed ? "objects and arrays" : "arrays";
            QTest::addRow("json %s %d", shape, depth) << WireFormat::Json << nestedJson(depth, mixed) << (depth <= 32);
            QTest::addRow("cbor %s %d", shape, depth) << WireFormat::Cbor << nestedCbor(depth, mixed) << (depth <= 32);
        }
    }
    QTest::newRow("json scalar") << WireFormat::Json << "1"_ba << true;
    QTest::newRow("cbor scalar") << WireFormat::Cbor << "\x01"_ba << true;
    QTest::newRow("json brackets in strings") << WireFormat::Json
                                              << (R"([")"_ba + QByteArray(100, '[') + R"(\"{{{{",")"_ba
                                                  + QByteArray(100, '{') + R"("])"_ba)
                                              << true;
    QTest::newRow("json wide not deep") << WireFormat::Json << ("["_ba + QByteArray("[],").repeated(1000) + "[]]")
                                        << true;
}

void TestWireCodec::nesting()
{
    QFETCH(WireFormat, format);
    QFETCH(QByteArray, bytes);
    QFETCH(bool, valid);
    const DecodeResult result = WireCodec::decode(bytes, format);
    QVERIFY2(result.isValid() == valid, qPrintable(result.error));
    if (!valid)
        QVERIFY2(result.error.contains(u"nested deeper than 32"_s), qPrintable(result.error));
}

void TestWireCodec::customNesting_data()
{
    QTest::addColumn<WireFormat>("format");
    QTest::addColumn<int>("depth");
    QTest::addColumn<int>("maxNesting");
    QTest::addColumn<bool>("valid");
    for (const WireFormat format : {WireFormat::Json, WireFormat::Cbor}) {
        const char *name = format == WireFormat::Json ? "json" : "cbor";
        QTest::addRow("%s 2 of 2", name) << format << 2 << 2 << true;
        QTest::addRow("%s 3 of 2", name) << format << 3 << 2 << false;
        QTest::addRow("%s 0 of 0", name) << format << 0 << 0 << true;
        QTest::addRow("%s 1 of 0", name) << format << 1 << 0 << false;
        QTest::addRow("%s 64 of 64", name) << format << 64 << 64 << true;
    }
}

void TestWireCodec::customNesting()
{
    QFETCH(WireFormat, format);
    QFETCH(int, depth);
    QFETCH(int, maxNesting);
    QFETCH(bool, valid);
    const QByteArray bytes = format == WireFormat::Json ? nestedJson(depth, true) : nestedCbor(depth, true);
    QCOMPARE(WireCodec::decode(bytes, format, maxNesting).isValid(), valid);
}

void TestWireCodec::veryDeepInputFailsCleanly_data()
{
    QTest::addColumn<WireFormat>("format");
    QTest::addColumn<QByteArray>("bytes");
    const int depth = 100000;
    QTest::newRow("cbor definite arrays") << WireFormat::Cbor << nestedCbor(depth, false);
    QTest::newRow("cbor maps") << WireFormat::Cbor << nestedCbor(depth, true);
    QTest::newRow("cbor indefinite arrays unterminated") << WireFormat::Cbor << QByteArray(depth, '\x9f');
    QTest::newRow("cbor indefinite arrays terminated") << WireFormat::Cbor
                                                       << QByteArray(depth, '\x9f') + QByteArray(depth, '\xff');
    QTest::newRow("json arrays") << WireFormat::Json << QByteArray(depth, '[') + QByteArray(depth, ']');
    QTest::newRow("json objects unterminated") << WireFormat::Json << R"({"a":)"_ba.repeated(depth);
}

void TestWireCodec::veryDeepInputFailsCleanly()
{
    QFETCH(WireFormat, format);
    QFETCH(QByteArray, bytes);
    const DecodeResult result = WireCodec::decode(bytes, format);
    QVERIFY(!result.isValid());
    QVERIFY2(result.error.contains(u"nested deeper than 32"_s), qPrintable(result.error));
}

void TestWireCodec::randomBytesNeverCrash_data()
{
    QTest::addColumn<WireFormat>("format");
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<QByteArray>("alphabet"); // empty: any byte
    const QByteArray jsonish = R"([]{},:"0123456789.eE+-truefalsn \u)"_ba;
    const QByteArray cborish = QByteArray::fromHex("00011718191a1b203738404160617f80819f9aa0a1bfc0c1d820f4f5f6f7f9fafbff");
    for (const quint32 seed : {1u, 2u, 3u}) {
        QTest::addRow("json any bytes, seed %u", seed) << WireFormat::Json << seed << QByteArray();
        QTest::addRow("json tokens, seed %u", seed) << WireFormat::Json << seed << jsonish;
        QTest::addRow("cbor any bytes, seed %u", seed) << WireFormat::Cbor << seed << QByteArray();
        QTest::addRow("cbor headers, seed %u", seed) << WireFormat::Cbor << seed << cborish;
    }
}

void TestWireCodec::randomBytesNeverCrash()
{
    QFETCH(WireFormat, format);
    QFETCH(quint32, seed);
    QFETCH(QByteArray, alphabet);
    QRandomGenerator random(seed);
    int valid = 0;
    for (int i = 0; i < 3000; ++i) {
        QByteArray bytes(random.bounded(1, 48), Qt::Uninitialized);
        for (char &byte : bytes)
            byte = alphabet.isEmpty() ? char(random.bounded(256)) : alphabet.at(random.bounded(alphabet.size()));
        const DecodeResult result = WireCodec::decode(bytes, format);
        if (!result.isValid()) {
            QVERIFY(!result.error.isEmpty());
            continue;
        }
        ++valid;
        const DecodeResult again = WireCodec::decode(WireCodec::encode(result.value, format), format);
        QVERIFY2(again.isValid(), qPrintable(again.error));
        QCOMPARE(again.value, result.value);
    }
    qDebug() << valid << "of 3000 random inputs decoded";
}

void TestWireCodec::mutatedDocumentsNeverCrash_data()
{
    QTest::addColumn<WireFormat>("format");
    QTest::newRow("json") << WireFormat::Json;
    QTest::newRow("cbor") << WireFormat::Cbor;
}

void TestWireCodec::mutatedDocumentsNeverCrash()
{
    QFETCH(WireFormat, format);
    const QJsonValue original = JsonTest::parse(
        R"({"type":"change","seq":12,"collection":"tasks","id":"r1","op":"put","etag":"\"e\"",
            "data":{"title":"caf\u00e9","n":-3,"x":1.25,"tags":["a",{"b":[null,true,false]}]},"author":"alice"})");
    const QByteArray encoded = WireCodec::encode(original, format);
    QRandomGenerator random(42);
    for (int i = 0; i < 5000; ++i) {
        QByteArray bytes = encoded;
        for (int flips = random.bounded(1, 4); flips > 0; --flips)
            bytes[random.bounded(qsizetype(bytes.size()))] = char(random.bounded(256));
        if (random.bounded(4) == 0)
            bytes.truncate(random.bounded(qsizetype(bytes.size())));
        const DecodeResult result = WireCodec::decode(bytes, format);
        QVERIFY(result.isValid() || !result.error.isEmpty());
    }
}

QTEST_APPLESS_MAIN(TestWireCodec)
#include "tst_wirecodec.moc"
