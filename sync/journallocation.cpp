#include "journallocation.h"

#include <QCryptographicHash>
#include <QDir>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

constexpr qsizetype ReadablePartLength = 40;
constexpr qsizetype HashDigits = 12;

// Keeps [A-Za-z0-9.-], replaces any other character by '-', cuts to ReadablePartLength.
QString readable(const QString &text)
{
    QString out;
    for (const QChar c : text.left(ReadablePartLength)) {
        const bool kept = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
                          || c == u'.' || c == u'-';
        out.append(kept ? c : u'-');
    }
    return out;
}

int portOf(const QUrl &server)
{
    return server.port(server.scheme().compare(u"https"_s, Qt::CaseInsensitive) == 0 ? 443 : 80);
}

QString hashOf(const QString &identity)
{
    const QByteArray digest = QCryptographicHash::hash(identity.toUtf8(), QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.toHex().left(HashDigits));
}

QString userPart(const QString &user)
{
    return user.isEmpty() ? u"anonymous"_s : readable(user);
}

QString identity(const QUrl &server, const QString &user)
{
    QString path = server.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    return u"%1://%2:%3%4\n%5"_s.arg(server.scheme().toLower(), server.host().toLower(),
                                      QString::number(portOf(server)), path, user);
}

} // namespace

QString JournalLocation::fileName(const QUrl &server, const QString &user)
{
    return u"%1_%2_%3-%4.journal"_s.arg(readable(server.host().toLower()), QString::number(portOf(server)),
                                        userPart(user), hashOf(identity(server, user)));
}

QString JournalLocation::path(const QString &baseDir, const QUrl &server, const QString &user)
{
    return QDir::cleanPath(baseDir + u'/' + fileName(server, user));
}

QString JournalLocation::localPath(const QString &baseDir, const QString &dataDirectory, const QString &user)
{
    const QString directory = QDir::cleanPath(QDir(dataDirectory).absolutePath());
    const QString name = u"local_%1-%2.journal"_s.arg(userPart(user), hashOf(u"local:%1\n%2"_s.arg(directory, user)));
    return QDir::cleanPath(baseDir + u'/' + name);
}

QString JournalLocation::slotPath(const QString &path, int slot)
{
    Q_ASSERT(slot >= 1);
    if (slot == 1)
        return path;
    const QString suffix = u".journal"_s;
    const QString stem = path.endsWith(suffix) ? path.chopped(suffix.size()) : path;
    return u"%1.%2%3"_s.arg(stem).arg(slot).arg(suffix);
}

} // namespace Etagere
