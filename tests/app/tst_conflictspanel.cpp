#include "conflictlistmodel.h"
#include "conflictspanel.h"
#include "../model/modelfixture.h"

#include <QTableView>

using namespace Etagere;
using namespace Etagere::Test;
using namespace Qt::StringLiterals;

/// The Conflicts panel on a real engine and server: its count, and that Enter or a
/// double-click on any row asks to resolve that row's conflict.
class TestConflictsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void countsAndOpensAnyRow_data();
    void countsAndOpensAnyRow();

private:
    std::unique_ptr<EngineFixture> m_fixture;
};

void TestConflictsPanel::init()
{
    qRegisterMetaType<Etagere::Conflict>();
    m_fixture = std::make_unique<EngineFixture>();
    QVERIFY(m_fixture->start());
}

void TestConflictsPanel::countsAndOpensAnyRow_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<bool>("doubleClick");
    QTest::newRow("Enter on the first") << 0 << false;
    QTest::newRow("Enter on the second") << 1 << false;
    QTest::newRow("double-click on the second") << 1 << true;
}

void TestConflictsPanel::countsAndOpensAnyRow()
{
    QFETCH(int, row);
    QFETCH(bool, doubleClick);
    ConflictsPanel panel(m_fixture->engine.get());
    panel.resize(800, 300);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QCOMPARE(panel.windowTitle(), u"Conflicts"_s);
    QSignalSpy counts(&panel, &ConflictsPanel::countChanged);
    const QStringList ids{m_fixture->idAt(0), m_fixture->idAt(1)};
    for (const QString &id : ids)
        QVERIFY(m_fixture->staleEdit(id, u"owner"_s, u"Me"_s));
    QCOMPARE(panel.count(), 2);
    QCOMPARE(panel.windowTitle(), u"Conflicts (2)"_s); // the badge on its tab
    QCOMPARE(counts.constLast().at(0).toInt(), 2);

    QSignalSpy requested(&panel, &ConflictsPanel::resolveRequested);
    QTableView *view = panel.view();
    const QModelIndex index = panel.model()->index(row, ConflictListModel::WhatColumn);
    if (doubleClick) {
        const QPoint center = view->visualRect(index).center();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, center);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, center);
    } else {
        view->setFocus();
        view->setCurrentIndex(index);
        QTest::keyClick(view, Qt::Key_Return);
    }
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.constFirst().at(0).toString(), EngineFixture::Tasks);
    QCOMPARE(requested.constFirst().at(1).toString(), ids.at(row));

    // Settled in another order than they came: the panel follows.
    QVERIFY(m_fixture->engine->discardPending(EngineFixture::Tasks, ids.at(1)));
    QCOMPARE(panel.count(), 1);
    QCOMPARE(panel.windowTitle(), u"Conflicts (1)"_s);
    QVERIFY(m_fixture->engine->discardPending(EngineFixture::Tasks, ids.at(0)));
    QCOMPARE(panel.windowTitle(), u"Conflicts"_s);
}

QTEST_MAIN(TestConflictsPanel)
#include "tst_conflictspanel.moc"
