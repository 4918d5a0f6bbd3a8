#include "contentnegotiation.h"

#include <QList>

namespace Etagere::ContentNegotiation {

namespace {

struct MediaRange
{
    QByteArray type;
    QByteArray subtype;
    double q = 1.0;
};

// Parses one element of an Accept list, for example `application/cbor;q=0.9`.
MediaRange parseRange(const QByteArray &element)
{
    const QList<QByteArray> parts = element.split(';');
    MediaRange range;
    const QByteArray mime = parts.first().trimmed().toLower();
    const qsizetype slash = mime.indexOf('/');
    range.type = slash < 0 ? mime : mime.left(slash);
    range.subtype = slash < 0 ? QByteArray() : mime.mid(slash + 1);
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray parameter = parts.at(i).trimmed().toLower();
        if (!parameter.startsWith("q="))
            continue;
        bool ok = false;
        const double q = parameter.mid(2).toDouble(&ok);
        range.q = ok ? qBound(0.0, q, 1.0) : 0.0;
    }
    return range;
}

// Specificity of `range` for application/<subtype>: 3 exact, 2 application/*, 1 */*, 0 none.
int specificity(const MediaRange &range, const QByteArray &subtype)
{
    if (range.type == "application" && range.subtype == subtype)
        return 3;
    if (range.type == "application" && range.subtype == "*")
        return 2;
    if (range.type == "*" && range.subtype == "*")
        return 1;
    return 0;
}

// The q-value the Accept list gives application/<subtype>.
double quality(const QList<MediaRange> &ranges, const QByteArray &subtype)
{
    int best = 0;
    double q = 0.0;
    for (const MediaRange &range : ranges) {
        const int s = specificity(range, subtype);
        if (s > best) {
            best = s;
            q = range.q;
        }
    }
    return q;
}

} // namespace

WireFormat preferredFormat(const QByteArray &accept)
{
    if (accept.trimmed().isEmpty())
        return WireFormat::Json;
    QList<MediaRange> ranges;
    for (const QByteArray &element : accept.split(',')) {
        if (!element.trimmed().isEmpty())
            ranges.append(parseRange(element));
    }
    return quality(ranges, "cbor") > quality(ranges, "json") ? WireFormat::Cbor : WireFormat::Json;
}

QByteArray mediaType(const QByteArray &contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.left(semicolon)).trimmed().toLower();
}

QByteArray charset(const QByteArray &contentType)
{
    const QList<QByteArray> parts = contentType.split(';');
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray parameter = parts.at(i).trimmed().toLower();
        if (parameter.startsWith("charset="))
            return QByteArray(parameter.mid(8)).replace('"', QByteArray()).trimmed();
    }
    return {};
}

bool isUtf8Compatible(const QByteArray &contentType)
{
    const QByteArray name = charset(contentType);
    return name.isEmpty() || name == "utf-8" || name == "us-ascii";
}

} // namespace Etagere::ContentNegotiation
