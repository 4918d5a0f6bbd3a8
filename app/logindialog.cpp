#include "logindialog.h"

#include "networkaccess.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Etagere {

LoginDialog::LoginDialog(QWidget *parent)
    : QDialog(parent)
    , m_message(new QLabel(this))
    , m_server(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Sign in to Etagere"));
    m_message->setWordWrap(true);
    m_message->hide();
    m_server->setPlaceholderText(tr("https://etagere.example.org:8443"));
    m_password->setEchoMode(QLineEdit::Password);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #c62828;"_s);
    m_error->hide();
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), m_server);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(420);
    for (QLineEdit *edit : {m_server, m_user, m_password})
        connect(edit, &QLineEdit::textChanged, this, &LoginDialog::updateButton);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LoginDialog::requestSignIn);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateButton();
}

void LoginDialog::setServer(const QUrl &server) { m_server->setText(server.toString()); }
QUrl LoginDialog::server() const { return NetworkAccess::serverUrl(m_server->text().trimmed()); }
void LoginDialog::setUser(const QString &user) { m_user->setText(user); }
QString LoginDialog::user() const { return m_user->text().trimmed(); }
bool LoginDialog::isBusy() const { return m_busy; }
QString LoginDialog::error() const { return m_error->isHidden() ? QString() : m_error->text(); }

void LoginDialog::setMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void LoginDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QLineEdit *edit : {m_server, m_user, m_password})
        edit->setEnabled(!busy);
    if (busy) {
        m_error->setStyleSheet(QString());
        m_error->setText(tr("Signing in…"));
        m_error->show();
    }
    updateButton();
}

void LoginDialog::showError(const QString &error)
{
    setBusy(false);
    m_error->setStyleSheet(u"color: #c62828;"_s);
    m_error->setText(error);
    m_error->show();
    m_password->clear();
    m_password->setFocus();
}

void LoginDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    for (QLineEdit *edit : {m_server, m_user, m_password}) {
        if (edit->text().trimmed().isEmpty()) {
            edit->setFocus();
            return;
        }
    }
}

void LoginDialog::hideEvent(QHideEvent *event)
{
    m_password->clear(); // a password does not outlive the dialog
    QDialog::hideEvent(event);
}

bool LoginDialog::isComplete() const
{
    return server().isValid() && !user().isEmpty() && !m_password->text().isEmpty();
}

void LoginDialog::updateButton()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(isComplete() && !m_busy);
}

void LoginDialog::requestSignIn()
{
    if (!isComplete() || m_busy)
        return;
    setBusy(true);
    Q_EMIT signInRequested(server(), user(), m_password->text());
}

} // namespace Etagere
