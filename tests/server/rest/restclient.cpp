#include "restclient.h"

#include "wirecodec.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Etagere::Test {

QJsonArray testFields()
{
    auto field = [](const QString &name, const QString &type, bool required = false) {
        return QJsonObject{{u"name"_s, name}, {u"type"_s, type}, {u"title"_s, name.toUpper()}, {u"required"_s, required}};
    };
    QJsonObject kind = field(u"kind"_s, u"enum"_s);
    kind.insert(u"values"_s, QJsonArray{u"a"_s, u"b"_s});
    return {field(u"title"_s, u"string"_s, true), field(u"notes"_s, u"text"_s), field(u"count"_s, u"integer"_s),
            field(u"price"_s, u"number"_s), field(u"done"_s, u"boolean"_s), field(u"due"_s, u"date"_s),
            field(u"at"_s, u"datetime"_s), kind};
}

QString recordUrl(const QString &collection, const QString &id)
{
    return u"/v1/collections/%1/records/%2"_s.arg(collection, id);
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool RestReply::isProblem(int expected) const
{
    const QJsonObject problem = WireCodec::decode(body, WireFormat::Json).value.toObject();
    const bool ok = status == expected && header("Content-Type") == "application/problem+json"
                    && problem.value(u"status"_s).toInt() == expected && !problem.value(u"type"_s).toString().isEmpty()
                    && !problem.value(u"title"_s).toString().isEmpty() && !problem.value(u"detail"_s).toString().isEmpty();
    if (!ok)
        qWarning("expected a problem %d, got %d %s: %s", expected, status, header("Content-Type").constData(), body.left(300).constData());
    return ok;
}

QByteArray RestReply::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QJsonValue RestReply::value() const
{
    const bool cbor = header("Content-Type").startsWith("application/cbor");
    const DecodeResult decoded = WireCodec::decode(body, cbor ? WireFormat::Cbor : WireFormat::Json);
    return decoded.isValid() ? decoded.value : QJsonValue(QJsonValue::Undefined);
}

RestClient::RestClient(const QUrl &base, const QByteArray &token)
    : m_base(base)
    , m_token(token)
{
}

void RestClient::setCaCertificates(const QList<QSslCertificate> &certificates)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates(certificates);
    m_ssl = configuration;
}

RestReply RestClient::login(const QString &user, const QString &password)
{
    return sendJson("POST", u"/v1/sessions"_s, QJsonObject{{u"user"_s, user}, {u"password"_s, password}},
                    {{"Authorization", {}}});
}

bool RestClient::logInAs(const QString &user, const QString &password)
{
    const RestReply reply = login(user, password);
    if (reply.status != 201) {
        qWarning("login of %s: %d %s", qPrintable(user), reply.status, reply.body.constData());
        return false;
    }
    m_token = reply.value()[u"token"_s].toString().toLatin1();
    return true;
}

RestReply RestClient::send(const QByteArray &method, const QString &path, const QByteArray &body,
                           const Headers &headers)
{
    QNetworkRequest request(m_base.resolved(QUrl(path)));
    if (m_ssl)
        request.setSslConfiguration(*m_ssl);
    const bool ownAuthorization = std::any_of(headers.cbegin(), headers.cend(), [](const auto &header) {
        return header.first.compare("Authorization", Qt::CaseInsensitive) == 0;
    });
    if (!m_token.isEmpty() && !ownAuthorization)
        request.setRawHeader("Authorization", "Bearer " + m_token);
    for (const auto &[name, value] : headers) {
        if (!value.isEmpty() || name.compare("Authorization", Qt::CaseInsensitive) != 0)
            request.setRawHeader(name, value);
    }
    // QNetworkAccessManager knows a HEAD answer has no body only through head().
    QNetworkReply *reply = method == "HEAD" ? m_manager.head(request)
                                            : m_manager.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(10000);
    RestReply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return result;
}

RestReply RestClient::get(const QString &path, const Headers &headers)
{
    return send("GET", path, {}, headers);
}

RestReply RestClient::sendJson(const QByteArray &method, const QString &path, const QJsonValue &json,
                               const Headers &headers)
{
    Headers all = headers;
    all.append({"Content-Type"_ba, "application/json"_ba});
    return send(method, path, WireCodec::encode(json, WireFormat::Json), all);
}

int RestClient::createCollection(const QString &name, const QJsonArray &fields)
{
    const QJsonObject body{{u"title"_s, name}, {u"fields"_s, fields}};
    return sendJson("PUT", u"/v1/collections/"_s + name, body, {{"If-None-Match", "*"}}).status;
}

QString RestClient::newCollection(const QString &prefix)
{
    const QString name = u"%1-%2"_s.arg(prefix).arg(++m_collections);
    if (createCollection(name, testFields()) != 201)
        qWarning("could not create collection %s", qPrintable(name));
    return name;
}

qint64 RestClient::collectionSeq(const QString &collection)
{
    return get(u"/v1/collections/"_s + collection).value()[u"seq"_s].toInteger(-1);
}

QByteArray RestClient::createRecord(const QString &collection, const QString &id, const QJsonObject &data)
{
    const RestReply reply = sendJson("PUT", recordUrl(collection, id), data, {{"If-None-Match", "*"}});
    if (reply.status != 201)
        qWarning("creating %s: %d %s", qPrintable(id), reply.status, reply.body.constData());
    return reply.header("ETag");
}

} // namespace Etagere::Test
