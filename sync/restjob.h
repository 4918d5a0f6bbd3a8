#pragma once

#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <optional>
#include <utility>

class QNetworkAccessManager;
class QNetworkReply;

namespace Etagere {

/// Base of every REST request of the client: an asynchronous job in the style of KDE's
/// KJob. Create a concrete job, connect to finished(), call start(). The job owns its
/// current QNetworkReply, bounds every request with a timeout, and finishes exactly once
/// with a typed error(). With autoDelete (the default) it deletes itself (deleteLater)
/// after finished(); results are valid inside the slot connected to finished().
/// Lives in the thread that created it; never blocks.
class RestJob : public QObject
{
    Q_OBJECT

public:
    enum class Error {
        None,
        Network,              ///< no connection, refused, reset
        Tls,                  ///< the server's certificate was refused (NetworkAccess::certificateRejected)
        Timeout,              ///< no complete answer within timeout()
        Conflict,             ///< 412: serverData() holds the server's data (or null), serverEtag() its ETag
        PreconditionRequired, ///< 428
        Validation,           ///< 422: problemField() and problemDetail() from the problem document
        NotFound,             ///< 404
        Gone,                 ///< 410
        Unauthorized,         ///< 401: no valid session; sign in again
        Forbidden,            ///< 403: the user lacks the right
        RateLimited,          ///< 429: retryAfterSeconds() says when to try again
        BadRequest,           ///< any other 4xx (400, 413, 415, ...)
        Server,               ///< 5xx
        Protocol,             ///< an answer the client cannot understand
    };
    Q_ENUM(Error)

    static constexpr int DefaultTimeoutMs = 15000;

    /// `network` must outlive the job; `server` is the base URL (scheme, host, port).
    RestJob(QNetworkAccessManager *network, const QUrl &server, QObject *parent = nullptr);
    ~RestJob() override;

    /// Sends the first request. Call once.
    void start();
    /// Stops the job without emitting finished() (and deletes it with autoDelete).
    void abort();

    /// Milliseconds each request may take before the job fails with Error::Timeout.
    void setTimeout(int ms);
    [[nodiscard]] int timeout() const;
    void setAutoDelete(bool autoDelete);
    [[nodiscard]] bool autoDelete() const;
    [[nodiscard]] bool isFinished() const;
    /// The bearer token the last request carried (empty: none). A 401 speaks of that token
    /// only: when the caller's token has changed since, it is no reason to sign out.
    [[nodiscard]] QByteArray sentToken() const;
    /// The server's base URL the job talks to.
    [[nodiscard]] QUrl server() const;

    [[nodiscard]] Error error() const;
    /// Human-readable reason, empty when error() is None.
    [[nodiscard]] QString errorString() const;
    /// HTTP status of the last answer, 0 when there was none.
    [[nodiscard]] int httpStatus() const;
    /// For Error::Conflict: the server's current data (an object), or null when it was deleted.
    [[nodiscard]] QJsonValue serverData() const;
    /// For Error::Conflict: the server's current ETag (quoted), empty when deleted.
    [[nodiscard]] QString serverEtag() const;
    /// For error answers with a problem document: the field at fault and the detail.
    [[nodiscard]] QString problemField() const;
    [[nodiscard]] QString problemDetail() const;
    /// For Error::RateLimited: the server's `Retry-After` in seconds (at least 1).
    [[nodiscard]] int retryAfterSeconds() const;

Q_SIGNALS:
    /// Emitted exactly once, when the job succeeded or failed (not after abort()).
    void finished(Etagere::RestJob *job);

protected:
    using RawHeader = std::pair<QByteArray, QByteArray>;

    /// Issues the first request with sendRequest().
    virtual void run() = 0;
    /// Called for each 2xx answer with its decoded body (null when empty). Must either
    /// send the next request, or call finishSuccess() or fail().
    virtual void handleSuccess(int status, const QJsonValue &body) = 0;

    /// Sends one request with a JSON body when `body` is set; restarts the timeout.
    void sendRequest(const QByteArray &verb, const QString &path, const QUrlQuery &query = {},
                     const QList<RawHeader> &headers = {}, const std::optional<QJsonValue> &body = std::nullopt);
    /// A header of the answer being handled (valid inside handleSuccess()).
    [[nodiscard]] QByteArray replyHeader(const QByteArray &name) const;
    void finishSuccess();
    void fail(Error error, const QString &message);

private:
    void onReplyFinished();
    void onTimeout();
    void handleAnswer(int status, const QByteArray &body);
    void failFromStatus(int status, const QByteArray &body);
    void finish();
    void dropReply();

    QNetworkAccessManager *m_network;
    QUrl m_server;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timer;
    Error m_error = Error::None;
    QString m_errorString;
    int m_httpStatus = 0;
    QJsonValue m_serverData;
    QString m_serverEtag;
    QString m_problemField;
    QString m_problemDetail;
    int m_retryAfter = 0;
    QByteArray m_sentToken;
    bool m_started = false;
    bool m_finished = false;
    bool m_autoDelete = true;
};

} // namespace Etagere
