#include "appsettings.h"

#include <QApplication>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

const QString ServerKey = u"connection/server"_s;
const QString ThemeKey = u"appearance/theme"_s;
const QString HighlightKey = u"appearance/highlightMs"_s;

QPalette darkPalette()
{
    QPalette palette;
    const QColor window(0x2b, 0x2d, 0x30), base(0x1e, 0x1f, 0x22), text(0xe8, 0xea, 0xed);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, window);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::ToolTipBase, base);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd8));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::PlaceholderText, QColor(0x9a, 0xa0, 0xa6));
    palette.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x86, 0x8b));
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x86, 0x8b));
    return palette;
}

} // namespace

AppSettings::AppSettings(QObject *parent)
    : QObject(parent)
{
}

QUrl AppSettings::serverUrl() const
{
    return QSettings().value(ServerKey).toUrl();
}

void AppSettings::setServerUrl(const QUrl &url)
{
    if (url == serverUrl())
        return;
    QSettings().setValue(ServerKey, url);
    Q_EMIT changed();
}

AppSettings::Theme AppSettings::theme() const
{
    const int value = QSettings().value(ThemeKey, int(Theme::System)).toInt();
    return value == int(Theme::Light) || value == int(Theme::Dark) ? Theme(value) : Theme::System;
}

void AppSettings::setTheme(Theme theme)
{
    if (theme == this->theme())
        return;
    QSettings().setValue(ThemeKey, int(theme));
    Q_EMIT changed();
}

int AppSettings::highlightMs() const
{
    return std::clamp(QSettings().value(HighlightKey, DefaultHighlightMs).toInt(), MinHighlightMs, MaxHighlightMs);
}

void AppSettings::setHighlightMs(int ms)
{
    const int clamped = std::clamp(ms, MinHighlightMs, MaxHighlightMs);
    if (clamped == highlightMs())
        return;
    QSettings().setValue(HighlightKey, clamped);
    Q_EMIT changed();
}

QString AppSettings::serverSettingsKey(const QString &serverKey)
{
    return QString::fromLatin1(serverKey.toUtf8().toPercentEncoding(":"));
}

void AppSettings::applyTheme() const
{
    static const QString platformStyle = QApplication::style()->name();
    static const QPalette platformPalette = QApplication::palette();
    const Theme chosen = theme();
    QApplication::setStyle(QStyleFactory::create(chosen == Theme::System ? platformStyle : u"Fusion"_s));
    if (chosen == Theme::Dark)
        QApplication::setPalette(darkPalette());
    else if (chosen == Theme::Light)
        QApplication::setPalette(QApplication::style()->standardPalette());
    else
        QApplication::setPalette(platformPalette);
}

} // namespace Etagere
