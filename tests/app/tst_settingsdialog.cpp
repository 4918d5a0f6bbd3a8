#include "appsettings.h"
#include "settingsdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void highlightIsClamped_data();
    void highlightIsClamped();
    void okNeedsAUsableTeamServer_data();
    void okNeedsAUsableTeamServer();
    void savesOnOkOnly();
    void signOutOnlyOnATeamServer();
    void darkThemeDarkensThePalette();

private:
    QTemporaryDir m_config;
};

void TestSettingsDialog::initTestCase()
{
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path())); // never the user's own settings
    QCoreApplication::setOrganizationName(u"EtagereTests"_s);
    QCoreApplication::setApplicationName(u"tst_settingsdialog"_s);
}

void TestSettingsDialog::init()
{
    QSettings().clear();
}

void TestSettingsDialog::highlightIsClamped_data()
{
    QTest::addColumn<int>("set");
    QTest::addColumn<int>("expected");
    QTest::newRow("default") << -1 << AppSettings::DefaultHighlightMs;
    QTest::newRow("inside") << 3500 << 3500;
    QTest::newRow("too short") << 10 << AppSettings::MinHighlightMs;
    QTest::newRow("too long") << 600000 << AppSettings::MaxHighlightMs;
}

void TestSettingsDialog::highlightIsClamped()
{
    QFETCH(int, set);
    QFETCH(int, expected);
    AppSettings settings;
    if (set >= 0)
        settings.setHighlightMs(set);
    QCOMPARE(settings.highlightMs(), expected);
}

void TestSettingsDialog::okNeedsAUsableTeamServer_data()
{
    QTest::addColumn<bool>("team");
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("enabled");
    QTest::newRow("local") << false << u"garbage"_s << true;
    QTest::newRow("team https") << true << u"https://etagere.example.org:8443"_s << true;
    QTest::newRow("team http") << true << u"http://10.0.0.5:8642"_s << true;
    QTest::newRow("team empty") << true << QString() << false;
    QTest::newRow("team ftp") << true << u"ftp://etagere.example.org"_s << false;
    QTest::newRow("team no host") << true << u"https://"_s << false;
}

void TestSettingsDialog::okNeedsAUsableTeamServer()
{
    QFETCH(bool, team);
    QFETCH(QString, url);
    QFETCH(bool, enabled);
    AppSettings settings;
    SettingsDialog dialog(&settings);
    const QList<QRadioButton *> radios = dialog.findChildren<QRadioButton *>();
    QCOMPARE(radios.size(), 2);
    radios.at(team ? 1 : 0)->setChecked(true);
    dialog.findChild<QLineEdit *>(u"serverUrl"_s)->setText(url);
    QCOMPARE(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled(), enabled);
}

void TestSettingsDialog::savesOnOkOnly()
{
    AppSettings settings;
    QSignalSpy changed(&settings, &AppSettings::changed);
    {
        SettingsDialog dialog(&settings);
        dialog.findChildren<QRadioButton *>().at(1)->setChecked(true);
        dialog.findChild<QLineEdit *>(u"serverUrl"_s)->setText(u"https://etagere.example.org"_s);
        dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->click();
    }
    QCOMPARE(changed.size(), 0);
    QVERIFY(settings.serverUrl().isEmpty());

    SettingsDialog dialog(&settings);
    dialog.findChildren<QRadioButton *>().at(1)->setChecked(true);
    dialog.findChild<QLineEdit *>(u"serverUrl"_s)->setText(u"https://etagere.example.org"_s);
    auto *theme = dialog.findChild<QComboBox *>();
    theme->setCurrentIndex(theme->findData(int(AppSettings::Theme::Dark)));
    dialog.findChild<QDoubleSpinBox *>()->setValue(4.5);
    dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QVERIFY(!changed.isEmpty());
    AppSettings reread; // what the next start reads
    QCOMPARE(reread.serverUrl(), QUrl(u"https://etagere.example.org"_s));
    QCOMPARE(reread.theme(), AppSettings::Theme::Dark);
    QCOMPARE(reread.highlightMs(), 4500);

    SettingsDialog again(&reread); // shows what is stored
    QVERIFY(again.findChildren<QRadioButton *>().at(1)->isChecked());
    QCOMPARE(again.findChild<QLineEdit *>(u"serverUrl"_s)->text(), u"https://etagere.example.org"_s);
}

void TestSettingsDialog::signOutOnlyOnATeamServer()
{
    AppSettings settings;
    SettingsDialog dialog(&settings);
    QPushButton *signOut = nullptr;
    for (QPushButton *button : dialog.findChildren<QPushButton *>()) {
        if (button->text().contains(u"Sign"_s))
            signOut = button;
    }
    QVERIFY(signOut);
    dialog.setAccount(u"alice"_s, QUrl(u"http://127.0.0.1:1"_s), true);
    QVERIFY(signOut->isHidden());
    dialog.setAccount(u"alice"_s, QUrl(u"https://etagere.example.org"_s), false);
    QVERIFY(!signOut->isHidden());
    QSignalSpy requested(&dialog, &SettingsDialog::signOutRequested);
    signOut->click();
    QCOMPARE(requested.size(), 1);
}

void TestSettingsDialog::darkThemeDarkensThePalette()
{
    AppSettings settings;
    settings.setTheme(AppSettings::Theme::Dark);
    settings.applyTheme();
    QVERIFY(QApplication::palette().color(QPalette::Base).lightness() < 64);
    QVERIFY(QApplication::palette().color(QPalette::Text).lightness() > 192);
    settings.setTheme(AppSettings::Theme::Light);
    settings.applyTheme();
    QVERIFY(QApplication::palette().color(QPalette::Base).lightness() > 192);
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
