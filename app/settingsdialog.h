#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace Etagere {

class AppSettings;

/// Preferences: the server (the local one, or a team server by URL, used from the next
/// start), the account (who is signed in where; Sign Out), and appearance (theme, how long
/// others' changes stay highlighted). Reads `settings` when shown and writes it on OK only;
/// OK is disabled while the team server URL is not an http(s) URL with a host. Thin: signing
/// out is the owner's business (signOutRequested()). Does not own `settings`.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(AppSettings *settings, QWidget *parent = nullptr);

    /// What the Account page says: `user` at `server`; `local`: the embedded server (no sign-out).
    void setAccount(const QString &user, const QUrl &server, bool local);

Q_SIGNALS:
    void signOutRequested();

private:
    [[nodiscard]] QWidget *createServerPage();
    [[nodiscard]] QWidget *createAccountPage();
    [[nodiscard]] QWidget *createAppearancePage();
    void load();
    void save();
    void validate();
    [[nodiscard]] QUrl teamServer() const;

    AppSettings *m_settings;
    QRadioButton *m_localServer = nullptr;
    QRadioButton *m_teamServer = nullptr;
    QLineEdit *m_serverUrl = nullptr;
    QLabel *m_serverError = nullptr;
    QLabel *m_account = nullptr;
    QPushButton *m_signOut = nullptr;
    QComboBox *m_theme = nullptr;
    QDoubleSpinBox *m_highlight = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Etagere
