#pragma once

#include <QStringList>

class QHeaderView;
class QMainWindow;

namespace Etagere {

/// What the main window remembers between runs, in QSettings (the application's
/// organisation and name; ~/.config/Etagere/Etagere.conf on Linux): its geometry, the
/// state of its docks and toolbars, and per collection the columns of the records table
/// (widths, order and sort). Columns are restored only for the same fields in the same
/// order: a collection whose schema changed starts afresh.
class WindowSettings
{
public:
    static void saveWindow(const QMainWindow *window);
    /// False when nothing was saved (a first run).
    static bool restoreWindow(QMainWindow *window);

    /// `fields`: the names of the collection's fields, in column order.
    static void saveColumns(const QHeaderView *header, const QString &collection, const QStringList &fields);
    /// False when nothing usable was saved for these fields: the caller sizes the columns.
    [[nodiscard]] static bool restoreColumns(QHeaderView *header, const QString &collection, const QStringList &fields);
};

} // namespace Etagere
