#pragma once

// Helpers shared by mainwindow.cpp and mainwindow_editing.cpp.

#include <QIcon>
#include <QString>

namespace Etagere {

/// How long a status-bar message stays.
constexpr int StatusMessageMs = 8000;

/// The icon theme's `name`, else `fallback`.
inline QIcon themedIcon(const QString &name, const QIcon &fallback)
{
    return QIcon::fromTheme(name, fallback);
}

} // namespace Etagere
