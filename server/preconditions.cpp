#include "preconditions.h"

namespace Etagere {

namespace {

bool isWeak(const QByteArray &tag)
{
    return tag.startsWith("W/");
}

QByteArray opaque(const QByteArray &tag)
{
    return isWeak(tag) ? tag.mid(2) : tag;
}

// Reads one entity tag `[W/]"..."` at *pos; empty when there is none.
QByteArray takeTag(const QByteArray &value, qsizetype *pos)
{
    const qsizetype start = *pos;
    qsizetype i = start;
    if (value.mid(i, 2) == "W/")
        i += 2;
    if (i >= value.size() || value.at(i) != '"')
        return {};
    const qsizetype close = value.indexOf('"', i + 1);
    if (close < 0)
        return {};
    *pos = close + 1;
    return value.mid(start, close + 1 - start);
}

} // namespace

bool Preconditions::parse(const QByteArray &value, TagList *list)
{
    list->present = true;
    const QByteArray trimmed = value.trimmed();
    if (trimmed == "*") {
        list->any = true;
        return true;
    }
    qsizetype pos = 0;
    while (pos < trimmed.size()) {
        const char c = trimmed.at(pos);
        if (c == ',' || c == ' ' || c == '\t') {
            ++pos;
            continue;
        }
        const QByteArray tag = takeTag(trimmed, &pos);
        if (tag.isEmpty())
            return false;
        list->tags.append(tag);
    }
    return !list->tags.isEmpty();
}

Preconditions Preconditions::fromRequest(const HttpRequest &request)
{
    Preconditions result;
    if (request.hasHeader("If-Match"))
        result.m_valid = parse(request.header("If-Match"), &result.m_ifMatch);
    if (request.hasHeader("If-None-Match"))
        result.m_valid = parse(request.header("If-None-Match"), &result.m_ifNoneMatch) && result.m_valid;
    return result;
}

Preconditions::Outcome Preconditions::evaluate(const QString &currentEtag, bool isRead) const
{
    const QByteArray current = currentEtag.toUtf8();
    const bool exists = !current.isEmpty();
    if (m_ifMatch.present) {
        const bool matched = exists
                             && (m_ifMatch.any || std::any_of(m_ifMatch.tags.cbegin(), m_ifMatch.tags.cend(),
                                                              [&current](const QByteArray &tag) {
                                                                  return !isWeak(tag) && tag == current;
                                                              }));
        if (!matched)
            return Outcome::Failed;
    }
    if (m_ifNoneMatch.present) {
        const bool matched = exists
                             && (m_ifNoneMatch.any
                                 || std::any_of(m_ifNoneMatch.tags.cbegin(), m_ifNoneMatch.tags.cend(),
                                                [&current](const QByteArray &tag) { return opaque(tag) == current; }));
        if (matched)
            return isRead ? Outcome::NotModified : Outcome::Failed;
    }
    return Outcome::Proceed;
}

} // namespace Etagere
