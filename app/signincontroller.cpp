#include "signincontroller.h"

#include "applogging_p.h"
#include "logindialog.h"
#include "networkaccess.h"
#include "sessionjob.h"
#include "syncengine.h"
#include "tokenstore.h"

using namespace Qt::StringLiterals;

namespace Etagere {

SignInController::SignInController(SyncEngine *engine, const QString &user, TokenStore *tokens, QWidget *window,
                                   QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_user(user)
    , m_tokens(tokens)
    , m_window(window)
{
    Q_ASSERT(engine && tokens);
    connect(m_engine, &SyncEngine::authenticationRequired, this, [this] {
        if (m_engine->bearerToken().isEmpty()) // no session yet (none saved): nothing ended
            return askForSignIn({});
        const int pending = m_engine->pendingCount();
        askForSignIn(pending == 0 ? tr("The server ended your session. Please sign in again.")
                                  : tr("The server ended your session. Please sign in again; your unsent edits "
                                       "(%n) are kept and will be sent then.", nullptr, pending));
    });
    connect(m_tokens, &TokenStore::loaded, this,
            [this](const QUrl &server, const QString &account, const QByteArray &token) {
                if (server == m_engine->server() && account == m_user)
                    onTokenLoaded(token);
            });
    connect(m_tokens, &TokenStore::saveFailed, this, [this](const QUrl &, const QString &, const QString &reason) {
        Q_EMIT notice(tr("Your sign-in could not be kept in the system keychain (%1); you will be asked to sign in "
                         "again next time.").arg(reason));
    });
}

SignInController::~SignInController()
{
    delete m_dialog;
}

QString SignInController::user() const { return m_user; }
LoginDialog *SignInController::dialog() const { return m_dialog; }

void SignInController::start()
{
    m_tokens->load(m_engine->server(), m_user);
}

void SignInController::signOut()
{
    auto *job = new SessionJob(m_engine->networkAccess(), m_engine->server(), this);
    connect(job, &RestJob::finished, this, [this](RestJob *done) {
        if (done->error() != RestJob::Error::None) // the token is forgotten here all the same
            qCInfo(lcApp).noquote() << "the server did not end the session:" << done->errorString();
        m_tokens->remove(m_engine->server(), m_user);
        m_engine->signOut();
        const int pending = m_engine->pendingCount();
        askForSignIn(pending == 0 ? tr("You signed out.")
                                  : tr("You signed out. Your unsent edits (%n) stay on this computer until you "
                                       "sign in again.", nullptr, pending));
    });
    job->start();
}

void SignInController::onTokenLoaded(const QByteArray &token)
{
    if (token.isEmpty()) {
        askForSignIn({});
        return;
    }
    qCInfo(lcApp) << "signed in with the saved session of" << m_user;
    m_engine->setBearerToken(token); // a stale one brings authenticationRequired, then the dialog
}

void SignInController::askForSignIn(const QString &why)
{
    if (!m_dialog) {
        m_dialog = new LoginDialog(m_window);
        m_dialog->setServer(m_engine->server());
        m_dialog->setUser(m_user);
        connect(m_dialog, &LoginDialog::signInRequested, this, &SignInController::signIn);
        connect(m_dialog, &QDialog::finished, m_dialog, &QObject::deleteLater);
    }
    m_dialog->setMessage(why);
    m_dialog->open();
}

void SignInController::signIn(const QUrl &server, const QString &user, const QString &password)
{
    // The engine's network access: the same TLS trust, so nothing goes to a refused server.
    auto *job = new SessionJob(m_engine->networkAccess(), server, user, password, this);
    connect(job, &RestJob::finished, this, &SignInController::onSignInFinished);
    job->start();
}

void SignInController::onSignInFinished(RestJob *job)
{
    auto *session = static_cast<SessionJob *>(job);
    if (job->error() != RestJob::Error::None) {
        QString error = job->error() == RestJob::Error::Unauthorized ? tr("Wrong user name or password.")
                                                                       : job->errorString();
        if (job->error() == RestJob::Error::RateLimited)
            error = tr("Too many failed attempts. Try again in %n second(s).", nullptr, job->retryAfterSeconds());
        if (m_dialog)
            m_dialog->showError(error);
        return;
    }
    if (m_dialog)
        m_dialog->accept();
    m_tokens->save(session->server(), session->user(), session->token());
    if (session->server() != m_engine->server() || session->user() != m_user) {
        Q_EMIT accountChanged(session->server(), session->user(), session->token());
        return;
    }
    m_engine->setBearerToken(session->token());
}

} // namespace Etagere
