#include "localsession.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Etagere {

QString LocalSession::fileName()
{
    return u"local-token"_s;
}

QString LocalSession::path(const QString &dataDir)
{
    return QDir(dataDir).filePath(fileName());
}

std::optional<LocalSession> LocalSession::read(const QString &dataDir, QString *error)
{
    QFile file(path(dataDir));
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = u"cannot read %1: %2"_s.arg(file.fileName(), file.errorString());
        return std::nullopt;
    }
    std::optional<LocalSession> session = fromJson(file.readAll());
    if (!session && error)
        *error = u"%1 is not a local session file"_s.arg(file.fileName());
    return session;
}

QByteArray LocalSession::toJson() const
{
    const QJsonObject object{{u"user"_s, user},
                             {u"token"_s, QString::fromLatin1(token)},
                             {u"expires"_s, expires.toUTC().toString(Qt::ISODate)}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<LocalSession> LocalSession::fromJson(const QByteArray &json)
{
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    const QJsonValue user = object.value("user"_L1);
    const QJsonValue token = object.value("token"_L1);
    const QDateTime expires = QDateTime::fromString(object.value("expires"_L1).toString(), Qt::ISODate);
    if (!user.isString() || user.toString().isEmpty() || !token.isString() || token.toString().isEmpty()
        || !expires.isValid())
        return std::nullopt;
    return LocalSession{user.toString(), token.toString().toLatin1(), expires};
}

} // namespace Etagere
