#include "requestframer.h"

#include <QList>

namespace Etagere {

namespace {

// The value of header `name` in `head` (header lines after the request line), trimmed, and
// how many times the header appears.
QByteArrayList headerValues(const QByteArray &head, QByteArrayView name)
{
    QByteArrayList values;
    const QList<QByteArray> lines = head.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && QByteArrayView(line).first(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            values.append(line.mid(colon + 1).trimmed());
    }
    return values;
}

// Where the head ends (the index after its blank line) or -1. Lines end with CRLF; a bare
// LF is accepted as Qt's parser accepts it.
qsizetype headEnd(const QByteArray &buffer)
{
    const qsizetype crlf = buffer.indexOf("\r\n\r\n");
    const qsizetype lf = buffer.indexOf("\n\n");
    if (crlf >= 0 && (lf < 0 || crlf + 2 <= lf))
        return crlf + 4;
    return lf >= 0 ? lf + 2 : -1;
}

// An upgrade as Qt's parser sees one: an Upgrade header and `upgrade` among the Connection
// options. Only then does the connection stop carrying HTTP after this head.
bool isUpgrade(const QByteArray &head)
{
    if (headerValues(head, "Upgrade").isEmpty())
        return false;
    const QByteArrayList connection = headerValues(head, "Connection");
    return std::any_of(connection.cbegin(), connection.cend(), [](const QByteArray &value) {
        const QList<QByteArray> options = value.split(',');
        return std::any_of(options.cbegin(), options.cend(), [](const QByteArray &option) {
            return option.trimmed().compare("upgrade", Qt::CaseInsensitive) == 0;
        });
    });
}

bool isDigits(const QByteArray &text)
{
    return !text.isEmpty() && std::all_of(text.cbegin(), text.cend(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

RequestFramer::Verdict RequestFramer::refuse(Verdict verdict)
{
    m_state = State::Refused;
    m_refusal = verdict;
    m_head.clear();
    return verdict;
}

RequestFramer::Verdict RequestFramer::feed(QByteArrayView bytes)
{
    while (!bytes.isEmpty()) {
        switch (m_state) {
        case State::Refused:
            return m_refusal;
        case State::Upgraded:
            return Verdict::Continue;
        case State::Body: {
            const qint64 taken = std::min<qint64>(m_bodyLeft, bytes.size());
            m_bodyLeft -= taken;
            bytes = bytes.sliced(taken);
            if (m_bodyLeft == 0)
                m_state = State::Head;
            break;
        }
        case State::Head: {
            if (m_head.isEmpty()) { // empty lines before a request line are ignored (RFC 9112 2.2)
                while (!bytes.isEmpty() && (bytes.front() == '\r' || bytes.front() == '\n'))
                    bytes = bytes.sliced(1);
            }
            const qsizetype before = m_head.size();
            m_head.append(bytes.first(std::min<qsizetype>(bytes.size(), MaxHeadSize + 4 - before)));
            const qsizetype end = headEnd(m_head);
            if (end < 0) {
                if (m_head.size() > MaxHeadSize)
                    return refuse(Verdict::HeadTooLarge);
                return Verdict::Continue; // bytes are all in m_head
            }
            bytes = bytes.sliced(end - before);
            if (const Verdict verdict = endOfHead(end); verdict != Verdict::Continue)
                return refuse(verdict);
            break;
        }
        }
    }
    return m_state == State::Refused ? m_refusal : Verdict::Continue;
}

RequestFramer::Verdict RequestFramer::endOfHead(qsizetype headSize)
{
    const QByteArray head = m_head.left(headSize);
    m_head.clear();
    if (headSize > MaxHeadSize)
        return Verdict::HeadTooLarge;
    if (!headerValues(head, "Transfer-Encoding").isEmpty())
        return Verdict::LengthRequired;
    const QByteArrayList lengths = headerValues(head, "Content-Length");
    if (lengths.size() > 1 && std::any_of(lengths.cbegin(), lengths.cend(),
                                          [&](const QByteArray &length) { return length != lengths.first(); }))
        return Verdict::BadRequest;
    if (!lengths.isEmpty() && !isDigits(lengths.first()))
        return Verdict::BadRequest;
    const qint64 length = lengths.isEmpty() ? 0 : lengths.first().left(12).toLongLong();
    if (!lengths.isEmpty() && (lengths.first().size() > 12 || length > MaxBodySize))
        return Verdict::BodyTooLarge;
    if (isUpgrade(head)) {
        m_state = State::Upgraded;
        return Verdict::Continue;
    }
    m_bodyLeft = length;
    m_state = length > 0 ? State::Body : State::Head;
    return Verdict::Continue;
}

} // namespace Etagere
