#include "restjob.h"

#include "problem.h"
#include "synclogging_p.h"
#include "wirecodec.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

RestJob::Error errorForStatus(int status)
{
    switch (status) {
    case 401: return RestJob::Error::Unauthorized;
    case 403: return RestJob::Error::Forbidden;
    case 429: return RestJob::Error::RateLimited;
    case 404: return RestJob::Error::NotFound;
    case 410: return RestJob::Error::Gone;
    case 412: return RestJob::Error::Conflict;
    case 422: return RestJob::Error::Validation;
    case 428: return RestJob::Error::PreconditionRequired;
    default: break;
    }
    if (status >= 500)
        return RestJob::Error::Server;
    if (status >= 400)
        return RestJob::Error::BadRequest;
    return RestJob::Error::Protocol; // 1xx, 3xx: nothing this client asks for
}

QString describe(int status, const QString &detail, const QString &field)
{
    QString text = u"HTTP %1"_s.arg(status);
    if (!field.isEmpty())
        text += u": "_s + RestJob::tr("field \"%1\"").arg(field);
    if (!detail.isEmpty())
        text += u": "_s + detail;
    return text;
}

} // namespace

RestJob::RestJob(QNetworkAccessManager *network, const QUrl &server, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_server(server)
{
    Q_ASSERT(network);
    m_timer.setSingleShot(true);
    m_timer.setInterval(DefaultTimeoutMs);
    connect(&m_timer, &QTimer::timeout, this, &RestJob::onTimeout);
}

RestJob::~RestJob()
{
    dropReply();
}

void RestJob::start()
{
    Q_ASSERT(!m_started);
    m_started = true;
    run();
}

void RestJob::abort()
{
    m_finished = true;
    m_timer.stop();
    dropReply();
    if (m_autoDelete)
        deleteLater();
}

void RestJob::setTimeout(int ms) { m_timer.setInterval(ms); }
int RestJob::timeout() const { return m_timer.interval(); }
void RestJob::setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }
bool RestJob::autoDelete() const { return m_autoDelete; }
bool RestJob::isFinished() const { return m_finished; }
RestJob::Error RestJob::error() const { return m_error; }
QString RestJob::errorString() const { return m_errorString; }
int RestJob::httpStatus() const { return m_httpStatus; }
QJsonValue RestJob::serverData() const { return m_serverData; }
QString RestJob::serverEtag() const { return m_serverEtag; }
QString RestJob::problemField() const { return m_problemField; }
QString RestJob::problemDetail() const { return m_problemDetail; }
int RestJob::retryAfterSeconds() const { return m_retryAfter; }
QUrl RestJob::server() const { return m_server; }
QByteArray RestJob::sentToken() const { return m_sentToken; }

void RestJob::sendRequest(const QByteArray &verb, const QString &path, const QUrlQuery &query,
                          const QList<RawHeader> &headers, const std::optional<QJsonValue> &body)
{
    dropReply();
    QUrl url = m_server;
    QString basePath = url.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("Accept", WireCodec::mimeType(WireFormat::Json));
    for (const RawHeader &header : headers)
        request.setRawHeader(header.first, header.second);
    QByteArray payload;
    if (body) {
        payload = WireCodec::encode(*body, WireFormat::Json);
        request.setHeader(QNetworkRequest::ContentTypeHeader, WireCodec::mimeType(WireFormat::Json));
    }
    qCDebug(lcSync) << "request" << verb << url.toString();
    m_reply = m_network->sendCustomRequest(request, verb, payload);
    connect(m_reply, &QNetworkReply::finished, this, &RestJob::onReplyFinished);
    m_timer.start();
}

QByteArray RestJob::replyHeader(const QByteArray &name) const
{
    return m_reply ? m_reply->rawHeader(name) : QByteArray();
}

void RestJob::onReplyFinished()
{
    if (m_finished || !m_reply)
        return;
    m_timer.stop();
    const QByteArray authorization = m_reply->request().rawHeader("Authorization");
    m_sentToken = authorization.startsWith("Bearer ") ? authorization.mid(7) : QByteArray();
    const QVariant statusAttribute = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttribute.isValid()) {
        const bool tls = m_reply->error() == QNetworkReply::SslHandshakeFailedError;
        fail(tls ? Error::Tls : Error::Network, m_reply->errorString());
        return;
    }
    handleAnswer(statusAttribute.toInt(), m_reply->readAll());
}

void RestJob::handleAnswer(int status, const QByteArray &body)
{
    m_httpStatus = status;
    if (status < 200 || status > 299) {
        failFromStatus(status, body);
        return;
    }
    QJsonValue decoded(QJsonValue::Null);
    if (!body.isEmpty()) {
        const DecodeResult result = WireCodec::decode(body, WireFormat::Json);
        if (!result.isValid()) {
            fail(Error::Protocol, tr("Unreadable answer from the server: %1").arg(result.error));
            return;
        }
        decoded = result.value;
    }
    handleSuccess(status, decoded);
}

void RestJob::failFromStatus(int status, const QByteArray &body)
{
    const Error error = errorForStatus(status);
    const DecodeResult decoded = WireCodec::decode(body, WireFormat::Json);
    if (error == Error::Conflict) {
        // The 412 body is the server's current data, or null when the record is deleted.
        const bool usable = decoded.isValid() && (decoded.value.isObject() || decoded.value.isNull());
        if (!usable) {
            fail(Error::Protocol, tr("HTTP 412 without the server's copy of the record"));
            return;
        }
        m_serverData = decoded.value;
        m_serverEtag = QString::fromUtf8(replyHeader("ETag"));
        fail(error, describe(status, tr("the record was changed on the server"), {}));
        return;
    }
    if (error == Error::RateLimited) // delay-seconds; an HTTP-date (or nothing) counts as 1 s
        m_retryAfter = std::max(1, replyHeader("Retry-After").trimmed().toInt());
    if (const std::optional<Problem> problem = decoded.isValid() ? Problem::fromJson(decoded.value) : std::nullopt) {
        m_problemField = problem->field;
        m_problemDetail = problem->detail.isEmpty() ? problem->title : problem->detail;
    }
    fail(error, describe(status, m_problemDetail, m_problemField));
}

void RestJob::onTimeout()
{
    if (m_finished)
        return;
    fail(Error::Timeout, tr("The server did not answer within %1 ms").arg(m_timer.interval()));
}

void RestJob::finishSuccess()
{
    m_error = Error::None;
    m_errorString.clear();
    finish();
}

void RestJob::fail(Error error, const QString &message)
{
    Q_ASSERT(error != Error::None);
    m_error = error;
    m_errorString = message;
    qCDebug(lcSync) << "job failed" << error << message;
    finish();
}

void RestJob::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    dropReply();
    Q_EMIT finished(this);
    if (m_autoDelete)
        deleteLater();
}

void RestJob::dropReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply.clear();
    reply->disconnect(this);
    if (reply->isRunning())
        reply->abort();
    reply->deleteLater();
}

} // namespace Etagere
