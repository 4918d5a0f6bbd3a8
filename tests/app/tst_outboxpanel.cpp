#include "outboxmodel.h"
#include "outboxpanel.h"
#include "../model/modelfixture.h"

#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScopeGuard>
#include <QTableView>

#include <csignal>

using namespace Etagere;
using namespace Etagere::Test;
using namespace Qt::StringLiterals;

/// The Outbox panel on a real engine and server: it lists pending edits, and Discard asks
/// before it takes one back.
class TestOutboxPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void discardAsksFirst_data();
    void discardAsksFirst();
    void refusalIsShown();

private:
    std::unique_ptr<EngineFixture> m_fixture;
};

void TestOutboxPanel::init()
{
    qRegisterMetaType<Etagere::Conflict>();
    m_fixture = std::make_unique<EngineFixture>();
    QVERIFY(m_fixture->start());
}

void TestOutboxPanel::discardAsksFirst_data()
{
    QTest::addColumn<bool>("confirm");
    QTest::newRow("cancelled") << false;
    QTest::newRow("confirmed") << true;
}

void TestOutboxPanel::discardAsksFirst()
{
    QFETCH(bool, confirm);
    SyncEngine *engine = m_fixture->engine.get();
    const QString id = m_fixture->idAt(0);
    const RecordState before = *engine->record(EngineFixture::Tasks, id);
    OutboxPanel panel(engine);
    panel.resize(800, 300);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    engine->stop(); // the edit waits in the outbox
    QVERIFY(engine->setField(EngineFixture::Tasks, id, u"title"_s, u"Typed by mistake"_s));
    QCOMPARE(panel.model()->rowCount(), 1);
    QCOMPARE(panel.windowTitle(), u"Outbox (1)"_s);
    panel.view()->setCurrentIndex(panel.model()->index(0, 0));

    QTest::mouseClick(panel.findChild<QPushButton *>(), Qt::LeftButton); // the panel's only button
    QMessageBox *box = panel.confirmation();
    QVERIFY(box);
    QVERIFY(box->text().contains(u"Typed by mistake"_s));
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel)); // Enter keeps the edit
    QAbstractButton *answer = confirm ? box->buttons().constFirst() : box->button(QMessageBox::Cancel);
    for (QAbstractButton *button : box->buttons()) {
        if (confirm && box->buttonRole(button) == QMessageBox::DestructiveRole)
            answer = button;
    }
    QTest::mouseClick(answer, Qt::LeftButton);
    QTRY_VERIFY(!panel.confirmation());
    if (!confirm) {
        QCOMPARE(engine->pendingCount(), 1);
        QCOMPARE(engine->record(EngineFixture::Tasks, id)->local.value("title"_L1).toString(), u"Typed by mistake"_s);
        return;
    }
    QCOMPARE(engine->pendingCount(), 0);
    QCOMPARE(panel.model()->rowCount(), 0);
    QCOMPARE(panel.windowTitle(), u"Outbox"_s);
    QCOMPARE(engine->record(EngineFixture::Tasks, id)->local, before.base);
}

void TestOutboxPanel::refusalIsShown()
{
    // A write on its way cannot be taken back: the panel says so and the edit stays.
    SyncEngine *engine = m_fixture->engine.get();
    OutboxPanel panel(engine);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    const QString id = m_fixture->idAt(1);
    const auto pid = pid_t(m_fixture->server->processId());
    QCOMPARE(::kill(pid, SIGSTOP), 0); // a frozen server keeps the write on its way
    auto thaw = qScopeGuard([pid] { ::kill(pid, SIGCONT); });
    QVERIFY(engine->setField(EngineFixture::Tasks, id, u"title"_s, u"On its way"_s)); // sent at once
    panel.view()->setCurrentIndex(panel.model()->index(0, 0));
    panel.confirmDiscard();
    QMessageBox *box = panel.confirmation();
    QVERIFY(box);
    for (QAbstractButton *button : box->buttons()) {
        if (box->buttonRole(button) == QMessageBox::DestructiveRole)
            QTest::mouseClick(button, Qt::LeftButton);
    }
    QTRY_VERIFY(!panel.confirmation());
    auto *status = panel.findChild<QLabel *>(u"outboxStatus"_s);
    QVERIFY2(status->text().startsWith(u"Not discarded"_s), qPrintable(status->text()));
    QCOMPARE(engine->pendingCount(), 1);
    QCOMPARE(panel.model()->rowCount(), 1);
    QCOMPARE(::kill(pid, SIGCONT), 0);
    thaw.dismiss();
    QTRY_COMPARE_WITH_TIMEOUT(engine->pendingCount(), 0, EngineFixture::TimeoutMs);
    QCOMPARE(engine->record(EngineFixture::Tasks, id)->local.value("title"_L1).toString(), u"On its way"_s);
}

QTEST_MAIN(TestOutboxPanel)
#include "tst_outboxpanel.moc"
