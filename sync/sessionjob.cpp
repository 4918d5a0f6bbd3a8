#include "sessionjob.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Etagere {

SessionJob::SessionJob(QNetworkAccessManager *network, const QUrl &server, const QString &user,
                       const QString &password, QObject *parent)
    : RestJob(network, server, parent)
    , m_mode(Mode::SignIn)
    , m_user(user)
    , m_password(password)
{
}

SessionJob::SessionJob(QNetworkAccessManager *network, const QUrl &server, QObject *parent)
    : RestJob(network, server, parent)
    , m_mode(Mode::SignOut)
{
}

SessionJob::Mode SessionJob::mode() const { return m_mode; }
QByteArray SessionJob::token() const { return m_token; }
QString SessionJob::user() const { return m_user; }
QDateTime SessionJob::expires() const { return m_expires; }

void SessionJob::run()
{
    if (m_mode == Mode::SignOut) {
        sendRequest("DELETE"_ba, u"/v1/sessions/current"_s);
        return;
    }
    const QJsonObject credentials{{u"user"_s, m_user}, {u"password"_s, m_password}};
    m_password.clear();
    sendRequest("POST"_ba, u"/v1/sessions"_s, {}, {}, credentials);
}

void SessionJob::handleSuccess(int, const QJsonValue &body)
{
    if (m_mode == Mode::SignOut) {
        finishSuccess();
        return;
    }
    const QJsonObject session = body.toObject();
    const QString token = session.value("token"_L1).toString();
    const QString user = session.value("user"_L1).toString();
    const QDateTime expires = QDateTime::fromString(session.value("expires"_L1).toString(), Qt::ISODate);
    if (token.isEmpty() || user.isEmpty() || !expires.isValid()) {
        fail(Error::Protocol, tr("The server's session lacks its token, user or expiry"));
        return;
    }
    m_token = token.toLatin1();
    m_user = user;
    m_expires = expires.toUTC();
    finishSuccess();
}

} // namespace Etagere
