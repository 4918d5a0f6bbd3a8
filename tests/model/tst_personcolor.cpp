#include "personcolor.h"

#include <QSet>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace Etagere;

namespace {

/// WCAG 2 relative luminance of an sRGB colour.
double luminance(const QColor &color)
{
    const auto linear = [](double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * linear(color.redF()) + 0.7152 * linear(color.greenF()) + 0.0722 * linear(color.blueF());
}

double distance(const QColor &a, const QColor &b)
{
    return std::hypot(a.red() - b.red(), a.green() - b.green(), a.blue() - b.blue());
}

} // namespace

/// personColor(): the same name always gets the same colour, from a fixed, readable palette;
/// different names mostly get different ones.
class TestPersonColor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameNameSameColour_data();
    void sameNameSameColour();
    void differentNamesMostlyDiffer();
    void paletteIsReadableAndDistinct();
};

void TestPersonColor::sameNameSameColour_data()
{
    QTest::addColumn<QString>("user");
    // The expected colours pin the hash: another client (or a later build) must agree.
    QTest::addColumn<QColor>("expected");
    const QList<QColor> &palette = personPalette();
    QTest::newRow("alice") << u"alice"_s << palette.at(9);
    QTest::newRow("bob") << u"bob"_s << palette.at(4);
    QTest::newRow("Bob (case matters)") << u"Bob"_s << palette.at(0);
    QTest::newRow("accented") << u"zoé"_s << palette.at(0);
    QTest::newRow("empty") << QString() << palette.at(1);
}

void TestPersonColor::sameNameSameColour()
{
    QFETCH(QString, user);
    QFETCH(QColor, expected);
    QCOMPARE(personColor(user), expected);
    QCOMPARE(personColor(QString(user)), personColor(user)); // a second time, another string object
}

void TestPersonColor::differentNamesMostlyDiffer()
{
    const QStringList names{u"alice"_s, u"bob"_s, u"carol"_s, u"dave"_s, u"erin"_s, u"frank"_s,
                            u"grace"_s, u"heidi"_s, u"ivan"_s, u"judy"_s, u"mallory"_s, u"oscar"_s};
    QSet<QRgb> colours;
    for (const QString &name : names)
        colours.insert(personColor(name).rgb());
    // Twelve names over ten colours: eight different ones with this hash; at
    // least seven is what "mostly" asks.
    QVERIFY2(colours.size() >= 7, qPrintable(u"only %1 colours"_s.arg(colours.size())));
}

void TestPersonColor::paletteIsReadableAndDistinct()
{
    const QList<QColor> &palette = personPalette();
    QVERIFY(palette.size() >= 8);
    for (qsizetype i = 0; i < palette.size(); ++i) {
        const double contrast = 1.05 / (luminance(palette.at(i)) + 0.05); // against white text
        QVERIFY2(contrast >= 3.0, qPrintable(palette.at(i).name()));
        for (qsizetype j = i + 1; j < palette.size(); ++j)
            QVERIFY2(distance(palette.at(i), palette.at(j)) > 60, qPrintable(palette.at(i).name() + palette.at(j).name()));
    }
}

QTEST_GUILESS_MAIN(TestPersonColor)
#include "tst_personcolor.moc"
