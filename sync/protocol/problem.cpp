#include "problem.h"

#include "jsonread_p.h"

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

struct Reason
{
    int status;
    QStringView phrase;
};

// RFC 9110 section 15 (and RFC 6585 for 428, 429, 431).
constexpr Reason Reasons[] = {
    {400, u"Bad Request"},
    {401, u"Unauthorized"},
    {403, u"Forbidden"},
    {404, u"Not Found"},
    {405, u"Method Not Allowed"},
    {406, u"Not Acceptable"},
    {408, u"Request Timeout"},
    {409, u"Conflict"},
    {410, u"Gone"},
    {411, u"Length Required"},
    {412, u"Precondition Failed"},
    {413, u"Content Too Large"},
    {414, u"URI Too Long"},
    {415, u"Unsupported Media Type"},
    {416, u"Range Not Satisfiable"},
    {421, u"Misdirected Request"},
    {422, u"Unprocessable Content"},
    {426, u"Upgrade Required"},
    {428, u"Precondition Required"},
    {429, u"Too Many Requests"},
    {431, u"Request Header Fields Too Large"},
    {500, u"Internal Server Error"},
    {501, u"Not Implemented"},
    {502, u"Bad Gateway"},
    {503, u"Service Unavailable"},
    {504, u"Gateway Timeout"},
};

QString reasonPhrase(int status)
{
    for (const Reason &reason : Reasons) {
        if (reason.status == status)
            return reason.phrase.toString();
    }
    if (status >= 400 && status < 500)
        return u"Client Error"_s;
    return status >= 500 && status < 600 ? u"Server Error"_s : u"Unknown Status"_s;
}

/// RFC 9457 section 3.1: a member of the wrong type is ignored.
QString stringMember(const QJsonObject &json, const QString &key, const QString &fallback = {})
{
    const QJsonValue value = json.value(key);
    return value.isString() ? value.toString() : fallback;
}

} // namespace

QJsonObject Problem::toJson() const
{
    QJsonObject json{{u"type"_s, type}, {u"title"_s, title}, {u"status"_s, status}, {u"detail"_s, detail}};
    if (!field.isEmpty())
        json.insert(u"field"_s, field);
    return json;
}

std::optional<Problem> Problem::fromJson(const QJsonValue &json)
{
    const QJsonObject object = json.toObject();
    const std::optional<qint64> status = Detail::integerValue(object.value(u"status"_s));
    if (!json.isObject() || !status || *status < 100 || *status > 599)
        return std::nullopt;
    Problem problem;
    problem.type = stringMember(object, u"type"_s, u"about:blank"_s);
    problem.title = stringMember(object, u"title"_s);
    problem.status = int(*status);
    problem.detail = stringMember(object, u"detail"_s);
    problem.field = stringMember(object, u"field"_s);
    return problem;
}

Problem Problem::make(int status, const QString &detail, const QString &field)
{
    Problem problem;
    problem.title = reasonPhrase(status);
    problem.status = status;
    problem.detail = detail;
    problem.field = field;
    return problem;
}

} // namespace Etagere
