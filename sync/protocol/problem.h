#pragma once

#include <QJsonObject>

#include <optional>

namespace Etagere {

/// An RFC 9457 problem document (`application/problem+json`):
/// `{"type", "title", "status", "detail"}` plus `"field"` where one field is at fault.
struct Problem
{
    QString type = QStringLiteral("about:blank");
    QString title;
    int status = 0;
    QString detail;
    QString field;

    [[nodiscard]] QJsonObject toJson() const;
    /// Parses a problem document. nullopt unless it is an object with an integer `status`
    /// in 100-599; other members of the wrong type are ignored (RFC 9457 section 3.1),
    /// a missing `type` is "about:blank".
    [[nodiscard]] static std::optional<Problem> fromJson(const QJsonValue &json);
    /// A problem with the standard reason phrase of `status` as title (RFC 9110 names, e.g.
    /// 413 "Content Too Large", 422 "Unprocessable Content"; "Client Error" or "Server Error"
    /// for a status without one) and type "about:blank".
    [[nodiscard]] static Problem make(int status, const QString &detail, const QString &field = {});
};

} // namespace Etagere
