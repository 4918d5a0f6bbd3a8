#include "identifiers.h"

#include <QUuid>

#include <pwd.h>
#include <unistd.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

bool isLowerOrDigit(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
}

bool isIdChar(QChar c)
{
    return isLowerOrDigit(c) || (c >= u'A' && c <= u'Z') || c == u'_' || c == u'-';
}

/// `[a-z]` then up to 63 characters accepted by `tail`.
template<typename Pred>
bool isLowerName(QStringView name, Pred tail)
{
    if (name.isEmpty() || name.size() > 64 || !(name.front() >= u'a' && name.front() <= u'z'))
        return false;
    return std::all_of(name.begin() + 1, name.end(), tail);
}

} // namespace

bool isValidCollectionName(QStringView name)
{
    return isLowerName(name, [](QChar c) { return isLowerOrDigit(c) || c == u'_' || c == u'-'; });
}

bool isValidFieldName(QStringView name)
{
    return isLowerName(name, [](QChar c) { return isLowerOrDigit(c) || c == u'_'; });
}

bool isValidRecordId(QStringView id)
{
    return !id.isEmpty() && id.size() <= 128 && std::all_of(id.begin(), id.end(), isIdChar);
}

QString newRecordId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString recordPath(const QString &collection, const QString &id)
{
    return u"/v1/collections/"_s + collection + u"/records/"_s + id;
}

QString localUserName()
{
    if (const passwd *entry = ::getpwuid(::geteuid()); entry && entry->pw_name && *entry->pw_name)
        return QString::fromLocal8Bit(entry->pw_name);
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("local") : user;
}

} // namespace Etagere
