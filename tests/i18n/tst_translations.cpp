// The embedded catalogs: Translations::install() finds them for a locale, and each area's texts
// (desktop app, models, sync engine, command-line client) come out in German, with the right
// plural forms, and in English with the English plural forms.
#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;

class TestTranslations : public QObject
{
    Q_OBJECT

private:
    static void texts()
    {
        QTest::addColumn<QByteArray>("context");
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("expected");
        QTest::newRow("app: main window menu") << "Etagere::MainWindow"_ba << "&File"_ba << -1 << u"&Datei"_s;
        QTest::newRow("app: about") << "Etagere::MainWindow"_ba << "&About Etagere"_ba << -1 << u"&Über Etagere"_s;
        QTest::newRow("app: indicator, one") << "Etagere::ConnectionIndicator"_ba
                                             << "Live — sending edits: %n"_ba << 1 << u"Live – 1 Änderung wird gesendet"_s;
        QTest::newRow("app: indicator, many") << "Etagere::ConnectionIndicator"_ba << "Live — sending edits: %n"_ba
                                              << 3 << u"Live – 3 Änderungen werden gesendet"_s;
        QTest::newRow("app: command line") << "main"_ba << "Edit shared records live, together."_ba << -1
                                           << u"Gemeinsame Datensätze live und zusammen bearbeiten."_s;
        QTest::newRow("model: presence") << "Etagere::Presence"_ba << "%1 and %n others are editing this record"_ba << 2
                                         << u"%1 und 2 weitere Personen bearbeiten diesen Datensatz"_s;
        QTest::newRow("model: csv") << "Etagere::CsvReader"_ba << "line %1: %2"_ba << -1 << u"Zeile %1: %2"_s;
        QTest::newRow("sync: engine") << "Etagere::SyncEngine"_ba << "Cannot save the collections: %1"_ba << -1
                                      << u"Die Sammlungen können nicht gespeichert werden: %1"_s;
        QTest::newRow("sync: journal") << "Etagere::Journal"_ba << "the journal is not open"_ba << -1
                                       << u"das Journal ist nicht geöffnet"_s;
        QTest::newRow("cli: options") << "Etagere::CliOptions"_ba << "no command given"_ba << -1
                                      << u"kein Befehl angegeben"_s;
        QTest::newRow("cli: queued, one") << "Etagere::CliCommand"_ba
                                          << "%n edit(s) stay queued in the journal %1 and will be sent by the next "
                                             "etagere or etagere-cli run"_ba
                                          << 1
                                          << u"1 Änderung bleibt im Journal %1 vorgemerkt und wird beim nächsten Lauf "
                                             "von etagere oder etagere-cli gesendet"_s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The catalogs are embedded, one per language (and no stray file is needed at run time).
        const QStringList catalogs = QDir(Etagere::Translations::catalogDirectory()).entryList();
        QVERIFY2(catalogs.contains(u"etagere_de.qm"_s), qPrintable(catalogs.join(u", "_s)));
        QVERIFY2(catalogs.contains(u"etagere_en.qm"_s), qPrintable(catalogs.join(u", "_s)));
    }

    void unknownLanguage()
    {
        QVERIFY(!Etagere::Translations::install(qApp, QLocale(QLocale::Japanese, QLocale::Japan)));
        QCOMPARE(QCoreApplication::translate("Etagere::MainWindow", "&File"), u"&File"_s);
    }

    void englishPlurals_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("expected");
        // QTranslator picks the plural form; QCoreApplication::translate() then fills in %n.
        QTest::newRow("one") << 1 << u"%n edit waiting for the server."_s;
        QTest::newRow("two") << 2 << u"%n edits waiting for the server."_s;
        QTest::newRow("none") << 0 << u"%n edits waiting for the server."_s;
    }
    void englishPlurals()
    {
        QFETCH(int, n);
        QFETCH(QString, expected);
        QTranslator english;
        QVERIFY(english.load(QLocale(QLocale::English, QLocale::UnitedKingdom), u"etagere"_s, u"_"_s,
                             Etagere::Translations::catalogDirectory()));
        QCOMPARE(english.translate("Etagere::OutboxPanel", "%n edit(s) waiting for the server.", nullptr, n), expected);
        // English holds only plural texts: the others stay the source text.
        QVERIFY(english.translate("Etagere::MainWindow", "&File").isEmpty());
    }

    // Last: the German catalog stays installed on the application.
    void german_data() { texts(); }
    void german()
    {
        QFETCH(QByteArray, context);
        QFETCH(QByteArray, source);
        QFETCH(int, n);
        QFETCH(QString, expected);
        static const bool installed = Etagere::Translations::install(qApp, QLocale(QLocale::German, QLocale::Germany));
        QVERIFY(installed);
        QCOMPARE(QCoreApplication::translate(context.constData(), source.constData(), nullptr, n), expected);
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
