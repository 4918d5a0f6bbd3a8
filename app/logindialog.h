#pragma once

#include <QDialog>
#include <QUrl>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace Etagere {

/// Asks for the server, user name and password. Thin: it does no network; it emits
/// signInRequested() and the owner (SignInController) answers with setBusy(), showError()
/// or accept(). "Sign in" is enabled only for an http(s) URL with a host, a user name and a
/// password. The password is cleared whenever the dialog is hidden or fails.
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LoginDialog(QWidget *parent = nullptr);

    void setServer(const QUrl &server);
    [[nodiscard]] QUrl server() const;
    void setUser(const QString &user);
    [[nodiscard]] QString user() const;
    /// A note above the fields (why the dialog is shown); empty hides it.
    void setMessage(const QString &message);
    /// While a sign-in is under way: fields and button disabled, "Signing in…" shown.
    void setBusy(bool busy);
    [[nodiscard]] bool isBusy() const;
    /// The sign-in failed: shows `error`, clears the password and gives it the focus.
    void showError(const QString &error);
    [[nodiscard]] QString error() const;

Q_SIGNALS:
    void signInRequested(const QUrl &server, const QString &user, const QString &password);

protected:
    /// Puts the cursor in the first empty field (usually the password).
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void updateButton();
    void requestSignIn();
    [[nodiscard]] bool isComplete() const;

    QLabel *m_message;
    QLineEdit *m_server;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    bool m_busy = false;
};

} // namespace Etagere
