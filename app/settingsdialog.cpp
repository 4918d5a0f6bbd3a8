#include "settingsdialog.h"

#include "appsettings.h"
#include "networkaccess.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Etagere {

SettingsDialog::SettingsDialog(AppSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
{
    Q_ASSERT(settings);
    setWindowTitle(tr("Etagere Settings"));
    auto *tabs = new QTabWidget(this);
    tabs->addTab(createServerPage(), tr("&Server"));
    tabs->addTab(createAccountPage(), tr("&Account"));
    tabs->addTab(createAppearancePage(), tr("A&ppearance"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(m_buttons);
    setMinimumWidth(480);
    load();
}

QWidget *SettingsDialog::createServerPage()
{
    auto *page = new QWidget;
    m_localServer = new QRadioButton(tr("The &local server on this computer (no set-up)"), page);
    m_teamServer = new QRadioButton(tr("A &team server:"), page);
    m_serverUrl = new QLineEdit(page);
    m_serverUrl->setObjectName(u"serverUrl"_s);
    m_serverUrl->setPlaceholderText(tr("https://etagere.example.org:8443"));
    m_serverError = new QLabel(page);
    m_serverError->setStyleSheet(u"color: #c62828;"_s);
    auto *note = new QLabel(tr("Etagere connects to the chosen server when it starts next time."), page);
    note->setWordWrap(true);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_localServer);
    layout->addWidget(m_teamServer);
    layout->addWidget(m_serverUrl);
    layout->addWidget(m_serverError);
    layout->addWidget(note);
    layout->addStretch();
    connect(m_teamServer, &QRadioButton::toggled, this, &SettingsDialog::validate);
    connect(m_serverUrl, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    return page;
}

QWidget *SettingsDialog::createAccountPage()
{
    auto *page = new QWidget;
    m_account = new QLabel(page);
    m_account->setWordWrap(true);
    m_signOut = new QPushButton(tr("Sign &Out"), page);
    connect(m_signOut, &QPushButton::clicked, this, &SettingsDialog::signOutRequested);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_account);
    layout->addWidget(m_signOut, 0, Qt::AlignLeft);
    layout->addStretch();
    return page;
}

QWidget *SettingsDialog::createAppearancePage()
{
    auto *page = new QWidget;
    m_theme = new QComboBox(page);
    m_theme->addItem(tr("As the system"), int(AppSettings::Theme::System));
    m_theme->addItem(tr("Light"), int(AppSettings::Theme::Light));
    m_theme->addItem(tr("Dark"), int(AppSettings::Theme::Dark));
    m_highlight = new QDoubleSpinBox(page);
    m_highlight->setRange(AppSettings::MinHighlightMs / 1000.0, AppSettings::MaxHighlightMs / 1000.0);
    m_highlight->setSingleStep(0.5);
    m_highlight->setDecimals(1);
    m_highlight->setSuffix(tr(" s"));
    auto *form = new QFormLayout(page);
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(tr("&Highlight others' changes for:"), m_highlight);
    return page;
}

void SettingsDialog::setAccount(const QString &user, const QUrl &server, bool local)
{
    m_account->setText(local ? tr("You are %1 on the local server.").arg(user)
                             : tr("Signed in as %1 on %2.").arg(user, server.toDisplayString()));
    m_signOut->setVisible(!local);
}

void SettingsDialog::load()
{
    const QUrl server = m_settings->serverUrl();
    (server.isEmpty() ? m_localServer : m_teamServer)->setChecked(true);
    m_serverUrl->setText(server.toString());
    m_theme->setCurrentIndex(m_theme->findData(int(m_settings->theme())));
    m_highlight->setValue(m_settings->highlightMs() / 1000.0);
    validate();
}

void SettingsDialog::save()
{
    m_settings->setServerUrl(m_teamServer->isChecked() ? teamServer() : QUrl());
    m_settings->setTheme(AppSettings::Theme(m_theme->currentData().toInt()));
    m_settings->setHighlightMs(qRound(m_highlight->value() * 1000));
}

QUrl SettingsDialog::teamServer() const
{
    return NetworkAccess::serverUrl(m_serverUrl->text().trimmed());
}

void SettingsDialog::validate()
{
    const bool team = m_teamServer->isChecked();
    m_serverUrl->setEnabled(team);
    const bool valid = !team || teamServer().isValid();
    m_serverError->setText(valid ? QString() : tr("Enter an http:// or https:// address with a host name."));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
}

} // namespace Etagere
