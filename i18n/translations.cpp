#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

/// Loads "<prefix>_<lang>.qm" for @p locale from @p directory and installs it on @p app.
bool installCatalog(QCoreApplication *app, const QLocale &locale, const QString &prefix, const QString &directory)
{
    auto *translator = new QTranslator(app);
    if (!translator->load(locale, prefix, u"_"_s, directory) || !QCoreApplication::installTranslator(translator)) {
        delete translator;
        return false;
    }
    return true;
}

} // namespace

bool Translations::install(QCoreApplication *app, const QLocale &locale)
{
    Q_ASSERT(app);
    // qtbase first: a catalog installed later is asked first, so Etagere's own texts win.
    installCatalog(app, locale, u"qtbase"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return installCatalog(app, locale, u"etagere"_s, catalogDirectory());
}

QString Translations::catalogDirectory()
{
    return u":/i18n"_s;
}

} // namespace Etagere
