#include "httpmessage.h"

#include "problem.h"

#include <QJsonDocument>

#include <algorithm>

namespace Etagere {

namespace {
bool sameName(const QByteArray &a, const QByteArray &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}
} // namespace

QByteArray HttpRequest::header(const QByteArray &name) const
{
    QByteArrayList values;
    for (const auto &[key, value] : headers) {
        if (sameName(key, name))
            values.append(value.trimmed());
    }
    return values.join(", ");
}

bool HttpRequest::hasHeader(const QByteArray &name) const
{
    return std::any_of(headers.cbegin(), headers.cend(),
                       [&name](const auto &pair) { return sameName(pair.first, name); });
}

qsizetype HttpRequest::headerCount(const QByteArray &name) const
{
    return std::count_if(headers.cbegin(), headers.cend(),
                         [&name](const auto &pair) { return sameName(pair.first, name); });
}

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    headers.removeIf([&name](const auto &pair) { return sameName(pair.first, name); });
    headers.append({name, value});
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (sameName(key, name))
            return value;
    }
    return {};
}

HttpResponse HttpResponse::problem(int status, const QString &detail, const QString &field)
{
    HttpResponse response;
    response.status = status;
    response.setHeader("Content-Type", "application/problem+json");
    response.body = QJsonDocument(Problem::make(status, detail, field).toJson()).toJson(QJsonDocument::Compact);
    return response;
}

HttpResponse HttpResponse::methodNotAllowed(const QByteArray &allow)
{
    HttpResponse response = problem(405, QStringLiteral("allowed methods: %1").arg(QString::fromLatin1(allow)));
    response.setHeader("Allow", allow);
    return response;
}

HttpResponse HttpResponse::encoded(int status, const QJsonValue &value, WireFormat format)
{
    HttpResponse response;
    response.status = status;
    response.setHeader("Content-Type", WireCodec::mimeType(format));
    response.body = WireCodec::encode(value, format);
    return response;
}

} // namespace Etagere
