#pragma once

#include <QObject>
#include <QUrl>

namespace Etagere {

/// The user's preferences, kept with QSettings (`~/.config/Etagere/Etagere.conf`): the server
/// to use when none is given on the command line, and how the app looks. Nothing secret is
/// ever stored here (tokens go to the keychain). Reads are cheap; a write that changes a
/// value emits changed().
/// GUI thread.
class AppSettings : public QObject
{
    Q_OBJECT

public:
    enum class Theme { System, Light, Dark };
    Q_ENUM(Theme)

    static constexpr int DefaultHighlightMs = 2000;
    static constexpr int MinHighlightMs = 500;
    static constexpr int MaxHighlightMs = 10000;

    explicit AppSettings(QObject *parent = nullptr);

    /// A team server to connect to at start; an empty URL means the embedded local server.
    [[nodiscard]] QUrl serverUrl() const;
    void setServerUrl(const QUrl &url);
    [[nodiscard]] Theme theme() const;
    void setTheme(Theme theme);
    /// How long a cell changed by someone else stays highlighted, clamped to [500, 10000] ms.
    [[nodiscard]] int highlightMs() const;
    void setHighlightMs(int ms);

    /// Applies theme() to the application (Fusion with a light or dark palette; System keeps
    /// the platform's style and palette). Call once at start and after a change.
    void applyTheme() const;

    /// `serverKey` (NetworkAccess::serverKey()) as one QSettings key: '/' and other odd
    /// characters of the host percent-encoded, ':' kept.
    [[nodiscard]] static QString serverSettingsKey(const QString &serverKey);

Q_SIGNALS:
    void changed();
};

} // namespace Etagere
