#include "offlinerecords.h"
#include "recordfiltermodel.h"
#include "recordsearchbar.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>

using namespace Etagere;
using namespace Etagere::Test;
using namespace Qt::StringLiterals;

class TestRecordSearchBar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void typingFiltersAfterAPause_data();
    void typingFiltersAfterAPause();
    void enterAppliesAtOnce();
    void escapeClearsThenIsDone();
    void fieldChooserLimitsTheSearch();
    void countShowsWhileSearching();

private:
    std::unique_ptr<OfflineRecords> m_records;
    std::unique_ptr<RecordFilterModel> m_filter;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<RecordSearchBar> m_bar;
};

void TestRecordSearchBar::init()
{
    m_records = std::make_unique<OfflineRecords>(fiveNotes());
    QVERIFY(m_records->ready);
    m_filter = std::make_unique<RecordFilterModel>();
    m_filter->setSourceModel(&m_records->model);
    m_tester = std::make_unique<QAbstractItemModelTester>(m_filter.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_bar = std::make_unique<RecordSearchBar>(m_filter.get());
    m_bar->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_bar.get()));
}

void TestRecordSearchBar::cleanup()
{
    m_bar.reset();
    m_tester.reset();
    m_filter.reset();
    m_records.reset();
}

void TestRecordSearchBar::typingFiltersAfterAPause_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<int>("rows");
    QTest::newRow("a word in titles and a text field") << u"alpha"_s << 2;
    QTest::newRow("accents and case do not matter") << u"EPSILON"_s << 1;
    QTest::newRow("two words") << u"alpha plan"_s << 1;
    QTest::newRow("an enum value") << u"blue"_s << 1;
    QTest::newRow("nothing") << u"zzz"_s << 0;
}

void TestRecordSearchBar::typingFiltersAfterAPause()
{
    QFETCH(QString, typed);
    QFETCH(int, rows);
    m_bar->focusSearch();
    QVERIFY(m_bar->searchField()->hasFocus());
    QTest::keyClicks(m_bar->searchField(), typed);
    QCOMPARE(m_filter->searchText(), QString()); // not at each key: after a pause
    QCOMPARE(m_filter->rowCount(), 5);
    QTRY_COMPARE(m_filter->searchText(), typed);
    QCOMPARE(m_filter->rowCount(), rows);
}

void TestRecordSearchBar::enterAppliesAtOnce()
{
    QTest::keyClicks(m_bar->searchField(), u"gamma"_s);
    QTest::keyClick(m_bar->searchField(), Qt::Key_Return);
    QCOMPARE(m_filter->searchText(), u"gamma"_s);
    QCOMPARE(m_filter->rowCount(), 1);
}

void TestRecordSearchBar::escapeClearsThenIsDone()
{
    QSignalSpy done(m_bar.get(), &RecordSearchBar::done);
    m_bar->focusSearch();
    QTest::keyClicks(m_bar->searchField(), u"delta"_s);
    QTest::keyClick(m_bar->searchField(), Qt::Key_Return);
    QCOMPARE(m_filter->rowCount(), 1);

    QTest::keyClick(m_bar->searchField(), Qt::Key_Escape);
    QCOMPARE(m_bar->searchField()->text(), QString());
    QCOMPARE(m_filter->searchText(), QString()); // at once, no pause
    QCOMPARE(m_filter->rowCount(), 5);
    QCOMPARE(done.size(), 0);

    QTest::keyClick(m_bar->searchField(), Qt::Key_Escape);
    QCOMPARE(done.size(), 1);
}

void TestRecordSearchBar::fieldChooserLimitsTheSearch()
{
    QComboBox *fields = m_bar->fieldChooser();
    QCOMPARE(fields->count(), 1 + m_records->model.columnCount());
    QCOMPARE(fields->itemText(0), u"All fields"_s);
    QCOMPARE(fields->itemText(1), u"TITLE"_s);
    fields->setCurrentIndex(1);
    emit fields->activated(1);
    QCOMPARE(m_filter->searchColumn(), 0);
    QTest::keyClicks(m_bar->searchField(), u"alpha"_s);
    QTest::keyClick(m_bar->searchField(), Qt::Key_Return);
    QCOMPARE(m_filter->rowCount(), 1); // not the note with "alpha" in its body

    // Other columns (another collection, here none): back to all fields.
    m_records->model.setCollection({});
    QCOMPARE(fields->count(), 1);
    QCOMPARE(fields->currentIndex(), 0);
    QCOMPARE(m_filter->searchColumn(), -1);
}

void TestRecordSearchBar::countShowsWhileSearching()
{
    const QList<QLabel *> labels = m_bar->findChildren<QLabel *>();
    const auto countLabel = std::find_if(labels.cbegin(), labels.cend(), [](const QLabel *label) {
        return label->accessibleName() == u"Matching records"_s;
    });
    QVERIFY(countLabel != labels.cend());
    QVERIFY((*countLabel)->isHidden());
    QTest::keyClicks(m_bar->searchField(), u"alpha"_s);
    QTest::keyClick(m_bar->searchField(), Qt::Key_Return);
    QVERIFY(!(*countLabel)->isHidden());
    QCOMPARE((*countLabel)->text(), u"2 of 5"_s);
    QVERIFY(m_records->engine.setField(u"notes"_s, u"n3"_s, u"title"_s, u"Gamma alpha"_s)); // a change that matches
    QCOMPARE((*countLabel)->text(), u"3 of 5"_s);
}

QTEST_MAIN(TestRecordSearchBar)
#include "tst_recordsearchbar.moc"
