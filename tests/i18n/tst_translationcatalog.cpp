// The .ts files, refreshed from the sources by the translations_refresh fixture: every text is
// translated, none is left over, and the translations keep the placeholders and shortcuts.
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

struct Message
{
    QString context;
    QString source;
    bool numerus = false;
    QString type; ///< the translation's type attribute: "", "unfinished", "vanished", "obsolete"
    QStringList translations; ///< one text, or one per plural form
};

struct Catalog
{
    QString language;
    QList<Message> messages;
    QString error;
};

void readTranslation(QXmlStreamReader &xml, Message *message)
{
    message->type = xml.attributes().value(u"type"_s).toString();
    if (!message->numerus) {
        message->translations << xml.readElementText(QXmlStreamReader::IncludeChildElements);
        return;
    }
    while (xml.readNextStartElement()) {
        if (xml.name() == u"numerusform"_s)
            message->translations << xml.readElementText();
        else
            xml.skipCurrentElement();
    }
}

Message readMessage(QXmlStreamReader &xml, const QString &context)
{
    Message message{context, {}, xml.attributes().value(u"numerus"_s) == u"yes"_s, {}, {}};
    while (xml.readNextStartElement()) {
        if (xml.name() == u"source"_s)
            message.source = xml.readElementText();
        else if (xml.name() == u"translation"_s)
            readTranslation(xml, &message);
        else
            xml.skipCurrentElement();
    }
    return message;
}

void readContext(QXmlStreamReader &xml, Catalog *catalog)
{
    QString name;
    while (xml.readNextStartElement()) {
        if (xml.name() == u"name"_s)
            name = xml.readElementText();
        else if (xml.name() == u"message"_s)
            catalog->messages << readMessage(xml, name);
        else
            xml.skipCurrentElement();
    }
}

Catalog readCatalog(const QString &path)
{
    Catalog catalog;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {{}, {}, file.errorString()};
    QXmlStreamReader xml(&file);
    if (xml.readNextStartElement() && xml.name() == u"TS"_s) {
        catalog.language = xml.attributes().value(u"language"_s).toString();
        while (xml.readNextStartElement())
            xml.name() == u"context"_s ? readContext(xml, &catalog) : xml.skipCurrentElement();
    }
    if (xml.hasError())
        catalog.error = xml.errorString();
    return catalog;
}

/// The numbered placeholders of a text (%1 ... %99), sorted; %n is checked separately.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(u"%(\\d{1,2})"_s);
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found << it.next().captured(0);
    found.sort();
    found.removeDuplicates();
    return found;
}

/// The number of keyboard mnemonics ("&F"; "&&" is a literal ampersand).
qsizetype mnemonics(QString text)
{
    text.remove(u"&&"_s);
    static const QRegularExpression pattern(u"&(?![a-z]+;)\\S"_s); // not an XML entity left over
    return text.count(pattern);
}

QString where(const Message &message)
{
    return message.context + u": "_s + message.source;
}

} // namespace

class TestTranslationCatalog : public QObject
{
    Q_OBJECT

private:
    static Catalog load()
    {
        QFETCH(QString, file);
        Catalog catalog = readCatalog(QStringLiteral(ETAGERE_REFRESHED_TS_DIR) + u'/' + file);
        if (!catalog.error.isEmpty())
            qWarning("%s: %s", qPrintable(file), qPrintable(catalog.error));
        return catalog;
    }

    static void catalogs()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("pluralOnly"); // the English catalog holds only the %n texts
        QTest::newRow("German") << u"etagere_de.ts"_s << u"de"_s << false;
        QTest::newRow("English plurals") << u"etagere_en.ts"_s << u"en"_s << true;
    }

private Q_SLOTS:
    void readable_data() { catalogs(); }
    void readable()
    {
        QFETCH(QString, language);
        QFETCH(bool, pluralOnly);
        const Catalog catalog = load();
        QVERIFY2(catalog.error.isEmpty(), qPrintable(catalog.error));
        QCOMPARE(catalog.language, language);
        QVERIFY(catalog.messages.size() > (pluralOnly ? 10 : 300)); // the sources were read
        for (const Message &message : catalog.messages)
            QVERIFY2(!pluralOnly || message.numerus, qPrintable(where(message)));
    }

    void finished_data() { catalogs(); }
    void finished()
    {
        QStringList problems;
        for (const Message &message : load().messages) {
            if (!message.type.isEmpty())
                problems << message.type + u" — "_s + where(message);
            else if (message.translations.isEmpty() || message.translations.contains(QString()))
                problems << u"empty — "_s + where(message);
        }
        QVERIFY2(problems.isEmpty(), qPrintable(u"run the update_translations target and translate:\n"_s
                                                + problems.join(u'\n')));
    }

    void pluralForms_data() { catalogs(); }
    void pluralForms()
    {
        for (const Message &message : load().messages) {
            if (!message.numerus || !message.type.isEmpty())
                continue;
            QVERIFY2(message.translations.size() == 2, qPrintable(where(message))); // one, other
            QVERIFY2(message.translations.constLast().contains(u"%n"_s), qPrintable(where(message)));
        }
    }

    void placeholdersKept_data() { catalogs(); }
    void placeholdersKept()
    {
        for (const Message &message : load().messages) {
            for (const QString &translation : message.translations) {
                if (translation.isEmpty())
                    continue; // reported by finished()
                QVERIFY2(placeholders(translation) == placeholders(message.source),
                         qPrintable(where(message) + u" → "_s + translation));
                QVERIFY2(mnemonics(translation) == mnemonics(message.source),
                         qPrintable(where(message) + u" → "_s + translation));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestTranslationCatalog)
#include "tst_translationcatalog.moc"
