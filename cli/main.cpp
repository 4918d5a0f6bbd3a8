// etagere-cli: the headless Etagere client (same engine and journal as the desktop app).
#include "cli.h"
#include "translations.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Etagere::Translations::install(&app); // the system's language, before any message
    // The desktop app's names: QStandardPaths then finds its journals and local server.
    QCoreApplication::setApplicationName(u"Etagere"_s);
    QCoreApplication::setOrganizationName(u"Etagere"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(ETAGERE_VERSION));

    Etagere::Cli cli;
    if (const int code = cli.start(QCoreApplication::arguments()); code >= 0)
        return code;
    QObject::connect(&cli, &Etagere::Cli::finished, &app, &QCoreApplication::exit, Qt::QueuedConnection);
    return QCoreApplication::exec();
}
