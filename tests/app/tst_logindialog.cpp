#include "logindialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Etagere;

class TestLoginDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signInNeedsEveryField_data();
    void signInNeedsEveryField();
    void requestCarriesWhatWasTyped();
    void busyThenErrorClearsThePassword();
    void hidingForgetsThePassword();
    void focusGoesToTheFirstEmptyField();

private:
    struct Fields
    {
        QLineEdit *server;
        QLineEdit *user;
        QLineEdit *password;
        QPushButton *signIn;
    };
    [[nodiscard]] static Fields fields(LoginDialog &dialog);
};

TestLoginDialog::Fields TestLoginDialog::fields(LoginDialog &dialog)
{
    const QList<QLineEdit *> edits = dialog.findChildren<QLineEdit *>();
    Q_ASSERT(edits.size() == 3);
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    return {edits.at(0), edits.at(1), edits.at(2), buttons->button(QDialogButtonBox::Ok)};
}

void TestLoginDialog::signInNeedsEveryField_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("enabled");
    const QString url = u"https://etagere.example.org:8443"_s;
    QTest::newRow("complete") << url << u"alice"_s << u"s3cret"_s << true;
    QTest::newRow("http is fine") << u"http://127.0.0.1:8080"_s << u"alice"_s << u"s3cret"_s << true;
    QTest::newRow("no password") << url << u"alice"_s << QString() << false;
    QTest::newRow("no user") << url << QString() << u"s3cret"_s << false;
    QTest::newRow("blank user") << url << u"   "_s << u"s3cret"_s << false;
    QTest::newRow("no server") << QString() << u"alice"_s << u"s3cret"_s << false;
    QTest::newRow("ftp server") << u"ftp://etagere.example.org"_s << u"alice"_s << u"s3cret"_s << false;
    QTest::newRow("no host") << u"https://"_s << u"alice"_s << u"s3cret"_s << false;
    QTest::newRow("not a URL") << u"etagere example"_s << u"alice"_s << u"s3cret"_s << false;
}

void TestLoginDialog::signInNeedsEveryField()
{
    QFETCH(QString, server);
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(bool, enabled);
    LoginDialog dialog;
    const Fields f = fields(dialog);
    QVERIFY(!f.signIn->isEnabled()); // empty
    f.server->setText(server);
    f.user->setText(user);
    f.password->setText(password);
    QCOMPARE(f.signIn->isEnabled(), enabled);
    QSignalSpy requested(&dialog, &LoginDialog::signInRequested);
    f.signIn->click();
    QCOMPARE(requested.size(), enabled ? 1 : 0);
}

void TestLoginDialog::requestCarriesWhatWasTyped()
{
    LoginDialog dialog;
    dialog.setServer(QUrl(u"https://etagere.example.org:8443"_s));
    dialog.setUser(u"alice"_s);
    dialog.show(); // Enter presses the default button of a shown dialog
    const Fields f = fields(dialog);
    QTest::keyClicks(f.password, u"pa ss:w0rd"_s);
    QSignalSpy requested(&dialog, &LoginDialog::signInRequested);
    QTest::keyClick(f.password, Qt::Key_Return);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().at(0).toUrl(), QUrl(u"https://etagere.example.org:8443"_s));
    QCOMPARE(requested.first().at(1).toString(), u"alice"_s);
    QCOMPARE(requested.first().at(2).toString(), u"pa ss:w0rd"_s);
    QVERIFY(dialog.isBusy()); // until the owner answers
    QVERIFY(!f.signIn->isEnabled());
    QVERIFY(!f.password->isEnabled());
    QTest::keyClick(f.password, Qt::Key_Return);
    QCOMPARE(requested.size(), 1); // no second request while one is under way
}

void TestLoginDialog::busyThenErrorClearsThePassword()
{
    LoginDialog dialog;
    dialog.setServer(QUrl(u"http://127.0.0.1:1"_s));
    dialog.setUser(u"alice"_s);
    const Fields f = fields(dialog);
    f.password->setText(u"wrong"_s);
    f.signIn->click();
    QVERIFY(dialog.isBusy());
    dialog.showError(u"Wrong user name or password."_s);
    QVERIFY(!dialog.isBusy());
    QCOMPARE(dialog.error(), u"Wrong user name or password."_s);
    QVERIFY(f.password->text().isEmpty());
    QVERIFY(f.password->isEnabled());
    QVERIFY(!f.signIn->isEnabled()); // a new password first
    QCOMPARE(f.user->text(), u"alice"_s); // the rest stays
}

void TestLoginDialog::hidingForgetsThePassword()
{
    LoginDialog dialog;
    const Fields f = fields(dialog);
    dialog.show();
    f.password->setText(u"s3cret"_s);
    dialog.reject();
    QVERIFY(f.password->text().isEmpty());
}

void TestLoginDialog::focusGoesToTheFirstEmptyField()
{
    LoginDialog dialog;
    dialog.setServer(QUrl(u"https://etagere.example.org"_s));
    dialog.setUser(u"alice"_s);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QCOMPARE(QApplication::focusWidget(), fields(dialog).password);
}

QTEST_MAIN(TestLoginDialog)
#include "tst_logindialog.moc"
