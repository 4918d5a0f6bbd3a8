#include "windowsettings.h"

#include <QHeaderView>
#include <QMainWindow>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

/// Bumped when what restoreState() is given changes meaning (docks or toolbars added).
constexpr int StateVersion = 1;

QString columnsKey(const QString &collection)
{
    return u"columns/"_s + collection;
}

} // namespace

void WindowSettings::saveWindow(const QMainWindow *window)
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, window->saveGeometry());
    settings.setValue(u"window/state"_s, window->saveState(StateVersion));
}

bool WindowSettings::restoreWindow(QMainWindow *window)
{
    const QSettings settings;
    const QByteArray geometry = settings.value(u"window/geometry"_s).toByteArray();
    const bool restored = !geometry.isEmpty() && window->restoreGeometry(geometry);
    window->restoreState(settings.value(u"window/state"_s).toByteArray(), StateVersion);
    return restored;
}

void WindowSettings::saveColumns(const QHeaderView *header, const QString &collection, const QStringList &fields)
{
    if (collection.isEmpty() || fields.isEmpty())
        return;
    QSettings settings;
    settings.beginGroup(columnsKey(collection));
    settings.setValue(u"fields"_s, fields);
    settings.setValue(u"header"_s, header->saveState());
}

bool WindowSettings::restoreColumns(QHeaderView *header, const QString &collection, const QStringList &fields)
{
    QSettings settings;
    settings.beginGroup(columnsKey(collection));
    if (fields.isEmpty() || settings.value(u"fields"_s).toStringList() != fields)
        return false;
    return header->restoreState(settings.value(u"header"_s).toByteArray());
}

} // namespace Etagere
