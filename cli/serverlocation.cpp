#include "serverlocation.h"

#include "clioptions.h"
#include "identifiers.h"
#include "journallocation.h"
#include "localsession.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

/// The texts of this file, in the translation context "Etagere::ServerLocation" (lupdate reads Text::tr()).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Etagere::ServerLocation)
};

QString appDataDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
}

/// The URL the running local server wrote to DIR/endpoint; sets *error when there is none.
QUrl readEndpoint(const QString &dataDirectory, QString *error)
{
    QFile file(QDir(dataDirectory).filePath(u"endpoint"_s));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Text::tr("no local Etagere server is running (cannot read %1: %2); start etagere, "
                    "or pass --server URL")
                     .arg(QDir::toNativeSeparators(file.fileName()), file.errorString());
        return {};
    }
    const QUrl url(QString::fromUtf8(file.readLine(4096)).trimmed(), QUrl::StrictMode);
    if (!url.isValid() || !url.scheme().startsWith(u"http"_s) || url.host().isEmpty()) {
        *error = Text::tr("the local server's address file %1 is not valid").arg(QDir::toNativeSeparators(file.fileName()));
        return {};
    }
    return url;
}

} // namespace

QString ServerLocation::localServerDirectory()
{
    return QDir(appDataDirectory()).filePath(u"server"_s);
}

ServerLocation ServerLocation::resolve(const CliOptions &options)
{
    const QString journalDir =
        options.journalDir.isEmpty() ? QDir(appDataDirectory()).filePath(u"journals"_s) : options.journalDir;
    ServerLocation location;
    location.token = qgetenv("ETAGERE_TOKEN").trimmed();
    if (options.server.isValid()) {
        location.url = options.server;
        location.journalPath = JournalLocation::path(journalDir, options.server, localUserName());
        return location;
    }
    const QString dataDirectory = localServerDirectory();
    location.url = readEndpoint(dataDirectory, &location.error);
    if (!location.isValid())
        return location;
    location.journalPath = JournalLocation::localPath(journalDir, dataDirectory, localUserName());
    if (location.token.isEmpty()) {
        if (const std::optional<LocalSession> session = LocalSession::read(dataDirectory))
            location.token = session->token;
    }
    return location;
}

} // namespace Etagere
