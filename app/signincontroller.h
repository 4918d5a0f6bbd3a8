#pragma once

#include <QObject>
#include <QPointer>
#include <QUrl>

class QWidget;

namespace Etagere {

class LoginDialog;
class RestJob;
class SyncEngine;
class TokenStore;

/// Keeps the engine of a remote server signed in (PROTOCOL.md "Identity"). start() looks for
/// the account's token in the keychain (TokenStore) and hands it to the engine, or shows the
/// LoginDialog when there is none. When the server refuses the session later (expired,
/// revoked: SyncEngine::authenticationRequired), the dialog comes back and says that the
/// unsent edits are kept: the engine holds them until the new token arrives. A sign-in as
/// another user or on another server emits accountChanged() instead, for the caller to
/// reconnect with that account's journal (edits are never sent under someone else's name).
/// The token goes to the keychain only; when that fails the user is told, and the token
/// lives in memory for this run. Does not own the engine or the store; the dialog is a child
/// of `window`. Lives on the GUI thread.
class SignInController : public QObject
{
    Q_OBJECT

public:
    SignInController(SyncEngine *engine, const QString &user, TokenStore *tokens, QWidget *window,
                     QObject *parent = nullptr);
    ~SignInController() override;

    /// Loads the saved token, or asks at once when there is none. Call once.
    void start();
    /// The account this controller signs in.
    [[nodiscard]] QString user() const;
    /// Ends the session on the server, forgets the token (keychain too) and asks for a new
    /// sign-in; pending edits stay in the journal.
    void signOut();
    /// The login dialog while it is shown; null otherwise.
    [[nodiscard]] LoginDialog *dialog() const;

Q_SIGNALS:
    /// The user signed in as someone else, or on another server: reconnect with that account.
    void accountChanged(const QUrl &server, const QString &user, const QByteArray &token);
    /// Something the user should know that needs no answer (the keychain cannot keep the token).
    void notice(const QString &message);

private:
    void onTokenLoaded(const QByteArray &token);
    void askForSignIn(const QString &why);
    void signIn(const QUrl &server, const QString &user, const QString &password);
    void onSignInFinished(RestJob *job);

    SyncEngine *m_engine;
    QString m_user;
    TokenStore *m_tokens;
    QPointer<QWidget> m_window;
    QPointer<LoginDialog> m_dialog;
};

} // namespace Etagere
