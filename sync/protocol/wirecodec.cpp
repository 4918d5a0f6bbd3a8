#include "wirecodec.h"

#include <QCborStreamReader>
#include <QCborValue>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QStringDecoder>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <utility>

using namespace Qt::StringLiterals;

namespace Etagere::WireCodec {

namespace {

DecodeResult failure(const QString &reason)
{
    return {QJsonValue(), reason};
}

QString tooDeep(int maxNesting)
{
    return u"the document is nested deeper than %1 levels"_s.arg(maxNesting);
}

// ---- JSON --------------------------------------------------------------------------------

bool isValidUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(bytes);
    Q_UNUSED(text);
    return !decoder.hasError();
}

/// Deepest nesting of arrays and objects, counted on the text without building anything;
/// stops counting once past `limit`. Exact for well-formed JSON.
int jsonDepth(const QByteArray &bytes, int limit)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    for (qsizetype i = 0; i < bytes.size() && deepest <= limit; ++i) {
        const char c = bytes.at(i);
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return deepest;
}

/// Qt 6.4's JSON parser drops U+FEFF at the start of a string written without escapes
/// ("\uFEFFa" is read as "a", yet the object keeps the raw bytes, so two keys can read
/// alike). Written as the escape `\uFEFF`, which means the same in JSON, it is kept.
/// In valid UTF-8 the bytes EF BB BF are always the character U+FEFF, and outside a
/// string either form is an error.
void escapeZeroWidthNoBreakSpaces(QByteArray *bytes)
{
    bytes->replace("\xEF\xBB\xBF", "\\uFEFF");
}

DecodeResult decodeJson(QByteArray bytes, int maxNesting)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3); // RFC 8259 section 8.1: a parser may ignore a byte order mark
    if (!isValidUtf8(bytes))
        return failure(u"malformed JSON: the text is not valid UTF-8"_s);
    if (jsonDepth(bytes, maxNesting) > maxNesting)
        return failure(tooDeep(maxNesting));
    escapeZeroWidthNoBreakSpaces(&bytes);
    // QJsonDocument takes only an object or array at the top: wrap to accept any value,
    // and so that a second value after the first shows up as a second array element.
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson('[' + bytes + ']', &error);
    if (error.error != QJsonParseError::NoError) {
        const int offset = std::clamp(error.offset - 1, 0, int(bytes.size()));
        return failure(u"malformed JSON at offset %1: %2"_s.arg(offset).arg(error.errorString()));
    }
    const QJsonArray wrapper = document.array();
    if (wrapper.isEmpty())
        return failure(u"malformed JSON: the body is empty"_s);
    if (wrapper.size() > 1)
        return failure(u"malformed JSON: more than one value in the body"_s);
    return {wrapper.first(), QString()};
}

// ---- CBOR --------------------------------------------------------------------------------

using Member = std::pair<QString, QJsonValue>;

/// A container being built while decoding CBOR. A map's members are collected first and
/// put into the QJsonObject sorted when the map ends: QJsonObject keeps its keys sorted, so
/// inserting them in stream order costs O(n) each, and a large map with keys in descending
/// order would take seconds.
struct Frame
{
    bool isMap = false;
    QJsonArray array;
    QList<Member> members;
    QString key;
    bool hasKey = false;
};

/// The object of a map's members, or nullopt (with the key in *duplicate) when a key repeats.
std::optional<QJsonObject> objectOf(QList<Member> members, QString *duplicate)
{
    std::sort(members.begin(), members.end(),
              [](const Member &a, const Member &b) { return a.first < b.first; });
    QJsonObject object;
    for (qsizetype i = 0; i < members.size(); ++i) {
        if (i > 0 && members.at(i).first == members.at(i - 1).first) {
            *duplicate = members.at(i).first;
            return std::nullopt;
        }
        object.insert(members.at(i).first, members.at(i).second);
    }
    return object;
}

/// Converts CBOR to JSON without recursion: the nesting is a list of frames whose length
/// is bounded by maxNesting, so no input can exhaust the stack.
class CborDecoder
{
public:
    CborDecoder(const QByteArray &bytes, int maxNesting) : m_reader(bytes), m_size(bytes.size()), m_maxNesting(maxNesting) {}

    DecodeResult run()
    {
        while (!m_done && m_error.isEmpty())
            step();
        if (m_error.isEmpty() && m_reader.currentOffset() != m_size)
            fail(u"trailing bytes after the CBOR document at offset %1"_s.arg(m_reader.currentOffset()));
        return m_error.isEmpty() ? DecodeResult{m_result, QString()} : failure(m_error);
    }

private:
    bool fail(const QString &reason)
    {
        if (m_error.isEmpty())
            m_error = reason;
        return false;
    }

    bool readerFailed()
    {
        const QCborError error = m_reader.lastError();
        if (error == QCborError::NoError)
            return false;
        fail(u"malformed CBOR at offset %1: %2"_s.arg(m_reader.currentOffset()).arg(error.toString()));
        return true;
    }

    bool expectsKey() const { return !m_stack.isEmpty() && m_stack.last().isMap && !m_stack.last().hasKey; }

    void step()
    {
        if (readerFailed())
            return;
        if (!m_stack.isEmpty() && !m_reader.hasNext()) {
            closeContainer();
            return;
        }
        if (expectsKey()) {
            readKey();
            return;
        }
        switch (m_reader.type()) {
        case QCborStreamReader::Array:
        case QCborStreamReader::Map:
            openContainer();
            break;
        case QCborStreamReader::Tag:
            readTagged();
            break;
        case QCborStreamReader::String:
            readStringValue();
            break;
        default:
            readScalar();
            break;
        }
    }

    void readKey()
    {
        if (!m_reader.isString()) {
            fail(u"CBOR map keys must be text strings to have a JSON equivalent"_s);
            return;
        }
        QString key;
        if (!readText(&key))
            return;
        Frame &frame = m_stack.last();
        frame.key = key;
        frame.hasKey = true;
    }

    void openContainer()
    {
        if (m_stack.size() >= m_maxNesting) {
            fail(tooDeep(m_maxNesting));
            return;
        }
        const bool isMap = m_reader.isMap();
        if (!m_reader.enterContainer()) {
            readerFailed();
            return;
        }
        m_stack.append(Frame{isMap, {}, {}, {}, false});
    }

    void closeContainer()
    {
        if (m_stack.last().hasKey) {
            fail(u"malformed CBOR: a map key without a value"_s);
            return;
        }
        if (!m_reader.leaveContainer()) {
            readerFailed();
            return;
        }
        Frame frame = m_stack.takeLast();
        if (!frame.isMap) {
            deliver(frame.array);
            return;
        }
        QString duplicate;
        if (const std::optional<QJsonObject> object = objectOf(std::move(frame.members), &duplicate))
            deliver(*object);
        else
            fail(u"duplicate CBOR map key '%1'"_s.arg(duplicate));
    }

    /// Only the tags that mark a text string as date-time (0), URI (32) or regular
    /// expression (35) are accepted; the value is the string itself.
    void readTagged()
    {
        const quint64 tag = quint64(m_reader.toTag());
        if (tag != 0 && tag != 32 && tag != 35) {
            fail(u"CBOR tag %1 has no JSON equivalent"_s.arg(tag));
            return;
        }
        if (!m_reader.next()) {
            readerFailed();
            return;
        }
        if (!m_reader.isString()) {
            fail(u"CBOR tag %1 must wrap a text string"_s.arg(tag));
            return;
        }
        readStringValue();
    }

    /// readString() leaves the reader on the next item: no next() after a string.
    void readStringValue()
    {
        QString text;
        if (readText(&text))
            deliver(text);
    }

    /// Reads the UTF-8 bytes of the chunks and decodes them here: QCborStreamReader::readString
    /// of Qt 6.4 drops U+FEFF at the start of each chunk. Every chunk must be valid UTF-8 on
    /// its own (RFC 8949 section 3.2.3: a chunk does not split a character).
    bool readText(QString *text)
    {
        for (;;) {
            QByteArray utf8;
            const StringChunk chunk = readChunk(&utf8);
            if (chunk == StringChunk::Failed)
                return false;
            if (chunk == StringChunk::End)
                return true;
            QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless
                                                             | QStringDecoder::Flag::ConvertInitialBom);
            *text += decoder.decode(utf8);
            if (decoder.hasError()) {
                return fail(u"malformed CBOR at offset %1: invalid UTF-8 in a text string"_s
                                    .arg(m_reader.currentOffset()));
            }
        }
    }

    enum class StringChunk { Read, End, Failed };

    /// The raw bytes of the next chunk of the current text string, never more than the input holds.
    StringChunk readChunk(QByteArray *utf8)
    {
        const qsizetype size = m_reader.currentStringChunkSize();
        if (size > m_size - m_reader.currentOffset()) {
            fail(u"malformed CBOR at offset %1: a string longer than the data"_s.arg(m_reader.currentOffset()));
            return StringChunk::Failed;
        }
        utf8->resize(std::max<qsizetype>(size, 0));
        const auto result = m_reader.readStringChunk(utf8->data(), utf8->size());
        if (result.status == QCborStreamReader::Error) {
            if (!readerFailed())
                fail(u"malformed CBOR at offset %1"_s.arg(m_reader.currentOffset()));
            return StringChunk::Failed;
        }
        if (result.status == QCborStreamReader::EndOfString)
            return StringChunk::End;
        utf8->resize(result.data);
        return StringChunk::Read;
    }

    void readScalar()
    {
        std::optional<QJsonValue> value = scalarValue();
        if (!value)
            return;
        if (!m_reader.next()) {
            readerFailed();
            return;
        }
        deliver(*value);
    }

    std::optional<QJsonValue> scalarValue()
    {
        switch (m_reader.type()) {
        case QCborStreamReader::UnsignedInteger:
            return unsignedValue(m_reader.toUnsignedInteger());
        case QCborStreamReader::NegativeInteger:
            return negativeValue(quint64(m_reader.toNegativeInteger()));
        case QCborStreamReader::Float16:
            return finiteValue(double(float(m_reader.toFloat16())));
        case QCborStreamReader::Float:
            return finiteValue(double(m_reader.toFloat()));
        case QCborStreamReader::Double:
            return finiteValue(m_reader.toDouble());
        default:
            return otherValue();
        }
    }

    std::optional<QJsonValue> otherValue()
    {
        if (m_reader.type() == QCborStreamReader::ByteArray) {
            fail(u"CBOR byte strings have no JSON equivalent"_s);
            return std::nullopt;
        }
        if (m_reader.type() != QCborStreamReader::SimpleType) {
            if (!readerFailed())
                fail(u"malformed CBOR at offset %1"_s.arg(m_reader.currentOffset()));
            return std::nullopt;
        }
        if (m_reader.isNull())
            return QJsonValue(QJsonValue::Null);
        if (m_reader.isFalse() || m_reader.isTrue())
            return QJsonValue(m_reader.isTrue());
        if (m_reader.isUndefined())
            fail(u"CBOR undefined has no JSON equivalent"_s);
        else
            fail(u"CBOR simple value %1 has no JSON equivalent"_s.arg(int(m_reader.toSimpleType())));
        return std::nullopt;
    }

    static QJsonValue unsignedValue(quint64 n)
    {
        if (n <= quint64(std::numeric_limits<qint64>::max()))
            return QJsonValue(qint64(n));
        return QJsonValue(double(n));
    }

    /// QCborNegativeInteger holds the magnitude of the number; 0 stands for 2^64.
    static QJsonValue negativeValue(quint64 magnitude)
    {
        constexpr quint64 MinMagnitude = quint64(std::numeric_limits<qint64>::max()) + 1;
        if (magnitude == 0)
            return QJsonValue(-18446744073709551616.0);
        if (magnitude == MinMagnitude)
            return QJsonValue(std::numeric_limits<qint64>::min());
        if (magnitude < MinMagnitude)
            return QJsonValue(-qint64(magnitude));
        return QJsonValue(-double(magnitude));
    }

    std::optional<QJsonValue> finiteValue(double d)
    {
        if (std::isfinite(d))
            return QJsonValue(d);
        fail(u"CBOR NaN or infinity has no JSON equivalent"_s);
        return std::nullopt;
    }

    void deliver(const QJsonValue &value)
    {
        if (m_stack.isEmpty()) {
            m_result = value;
            m_done = true;
            return;
        }
        Frame &frame = m_stack.last();
        if (frame.isMap) {
            frame.members.append({frame.key, value});
            frame.hasKey = false;
        } else {
            frame.array.append(value);
        }
    }

    QCborStreamReader m_reader;
    qsizetype m_size;
    int m_maxNesting;
    QList<Frame> m_stack;
    QJsonValue m_result;
    QString m_error;
    bool m_done = false;
};

/// QJsonDocument writes only objects and arrays: a scalar is written inside an array.
QByteArray encodeJson(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    const QJsonValue scalar = value.isUndefined() ? QJsonValue() : value;
    const QByteArray wrapped = QJsonDocument(QJsonArray{scalar}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

} // namespace

QByteArray encode(const QJsonValue &value, WireFormat format)
{
    if (format == WireFormat::Json)
        return encodeJson(value);
    const QJsonValue defined = value.isUndefined() ? QJsonValue() : value;
    return QCborValue::fromJsonValue(defined).toCbor();
}

DecodeResult decode(const QByteArray &bytes, WireFormat format, int maxNesting)
{
    if (bytes.isEmpty())
        return failure(u"the body is empty"_s);
    if (format == WireFormat::Json)
        return decodeJson(bytes, maxNesting);
    return CborDecoder(bytes, maxNesting).run();
}

QByteArray mimeType(WireFormat format)
{
    return format == WireFormat::Json ? "application/json"_ba : "application/cbor"_ba;
}

} // namespace Etagere::WireCodec
