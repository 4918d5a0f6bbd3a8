#pragma once

#include "httpmessage.h"

#include <QList>
#include <QString>

namespace Etagere {

/// The conditional headers of a request, `If-Match` and `If-None-Match` (RFC 9110 §13),
/// and their evaluation against a record's current ETag. `If-Match` compares strongly (a
/// weak tag never matches); `If-None-Match` compares weakly, as RFC 9110 says.
/// Plain value type.
class Preconditions
{
public:
    enum class Outcome { Proceed, Failed, NotModified };

    /// Parses the headers; isValid() is false when one of them is not `*` or a list of
    /// entity tags.
    [[nodiscard]] static Preconditions fromRequest(const HttpRequest &request);

    [[nodiscard]] bool isValid() const { return m_valid; }
    [[nodiscard]] bool isEmpty() const { return !m_ifMatch.present && !m_ifNoneMatch.present; }
    [[nodiscard]] bool hasIfMatch() const { return m_ifMatch.present; }
    [[nodiscard]] bool isIfNoneMatchAny() const { return m_ifNoneMatch.present && m_ifNoneMatch.any; }

    /// Evaluates against `currentEtag` (the quoted strong tag; empty when the record has
    /// no current representation). `isRead`: GET/HEAD, where a matching If-None-Match
    /// gives NotModified instead of Failed.
    [[nodiscard]] Outcome evaluate(const QString &currentEtag, bool isRead) const;

private:
    struct TagList
    {
        bool present = false;
        bool any = false;
        QList<QByteArray> tags; ///< as sent, quoted, with `W/` when weak
    };
    [[nodiscard]] static bool parse(const QByteArray &value, TagList *list);

    TagList m_ifMatch;
    TagList m_ifNoneMatch;
    bool m_valid = true;
};

} // namespace Etagere
