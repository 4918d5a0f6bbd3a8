#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QSslConfiguration>
#include <QUrl>

#include <optional>

namespace Etagere::Test {

using Headers = QList<QPair<QByteArray, QByteArray>>;

/// The fields of the test collections: every field type once, `title` required.
[[nodiscard]] QJsonArray testFields();

/// `/v1/collections/{collection}/records/{id}`
[[nodiscard]] QString recordUrl(const QString &collection, const QString &id);
/// A fresh UUID record id.
[[nodiscard]] QString newId();

/// What a test needs of one answer.
struct RestReply
{
    int status = 0; ///< 0 when no HTTP answer came
    QByteArray body;
    Headers headers;

    [[nodiscard]] QByteArray header(const QByteArray &name) const;
    /// The body decoded as JSON (or CBOR when the Content-Type says so); Undefined on failure.
    [[nodiscard]] QJsonValue value() const;
    /// True when this is an application/problem+json answer with `status` and the members
    /// type, title, status and detail; otherwise false with a warning saying why.
    [[nodiscard]] bool isProblem(int status) const;
};

/// A small blocking HTTP client for tests only: each call waits (QSignalSpy) for its
/// reply, at most 10 s. With a token, every request carries `Authorization: Bearer TOKEN`
/// unless the request's own headers name an Authorization (an empty value: none at all).
class RestClient
{
public:
    explicit RestClient(const QUrl &base = {}, const QByteArray &token = {});
    void setBase(const QUrl &base) { m_base = base; }
    void setToken(const QByteArray &token) { m_token = token; }
    [[nodiscard]] QByteArray token() const { return m_token; }
    /// Trusts these CAs (and only them) for https.
    void setCaCertificates(const QList<QSslCertificate> &certificates);

    /// `POST /v1/sessions`; the reply (201 with the token, or the refusal).
    [[nodiscard]] RestReply login(const QString &user, const QString &password);
    /// Logs in and uses the new token from then on; false when the login failed.
    [[nodiscard]] bool logInAs(const QString &user, const QString &password);

    [[nodiscard]] RestReply send(const QByteArray &method, const QString &path, const QByteArray &body = {},
                                 const Headers &headers = {});
    [[nodiscard]] RestReply get(const QString &path, const Headers &headers = {});
    /// Sends `json` as an application/json body.
    [[nodiscard]] RestReply sendJson(const QByteArray &method, const QString &path, const QJsonValue &json,
                                     const Headers &headers = {});
    /// Creates a collection (PUT with If-None-Match: *); returns the status.
    [[nodiscard]] int createCollection(const QString &name, const QJsonArray &fields);
    /// Creates a collection with testFields() named `prefix-N`; returns its name.
    [[nodiscard]] QString newCollection(const QString &prefix = QStringLiteral("items"));
    /// The collection's current sequence number; -1 when it cannot be read.
    [[nodiscard]] qint64 collectionSeq(const QString &collection);
    /// Creates record `id` (PUT with If-None-Match: *); returns its ETag, empty on failure.
    [[nodiscard]] QByteArray createRecord(const QString &collection, const QString &id, const QJsonObject &data);

private:
    QNetworkAccessManager m_manager;
    QUrl m_base;
    QByteArray m_token;
    std::optional<QSslConfiguration> m_ssl;
    int m_collections = 0;
};

} // namespace Etagere::Test
