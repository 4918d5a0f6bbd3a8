#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace Etagere {

/// Etagere's translations: the .qm catalogs built from resources/translations/*.ts and embedded
/// in every executable that links EtagereTranslations (":/i18n/etagere_<lang>.qm").
/// Qt Core only, so the CLI uses it too. Call from the main thread, after the application
/// object exists and before any window or translated text is made.
class Translations
{
public:
    /// Installs, for @p locale, Qt's own catalog (qtbase, from the Qt translations directory,
    /// when installed) and Etagere's catalog on @p app. The translators are children of @p app.
    /// Returns true when Etagere's catalog for the locale was found (English needs none beyond
    /// its plural forms, so it reports true as well once its catalog loads).
    static bool install(QCoreApplication *app, const QLocale &locale = QLocale::system());

    /// The resource directory holding the embedded catalogs.
    [[nodiscard]] static QString catalogDirectory();
};

} // namespace Etagere
