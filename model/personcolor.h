#pragma once

#include <QColor>
#include <QList>
#include <QString>

namespace Etagere {

/// The colour that stands for a person (a user name) wherever Etagere shows who is there or
/// who changed something: presence markers, the flash of their changes, the activity list.
/// Picked from personPalette() by a fixed hash of the name's UTF-8 bytes (FNV-1a), so the
/// same name gets the same colour in every client, on every run and machine; the name is
/// taken as it is (case matters). Pure function, any thread.
[[nodiscard]] QColor personColor(const QString &user);

/// The fixed palette personColor() picks from: saturated, mutually distinguishable
/// colours on which white text stays readable (contrast ratio at least 3:1).
[[nodiscard]] const QList<QColor> &personPalette();

} // namespace Etagere
