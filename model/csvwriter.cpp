#include "csvwriter.h"

#include <QCoreApplication>
#include <QIODevice>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

bool needsQuotes(const QString &text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        if (c == u',' || c == u'"' || c == u'\r' || c == u'\n')
            return true;
    }
    const auto isBlank = [](QChar c) { return c == u' ' || c == u'\t'; };
    return isBlank(text.front()) || isBlank(text.back());
}

} // namespace

CsvWriter::CsvWriter(QIODevice *device)
    : m_device(device)
{
    Q_ASSERT(device && device->isWritable());
}

void CsvWriter::setWriteBom(bool writeBom)
{
    Q_ASSERT(!m_started);
    m_writeBom = writeBom;
}

bool CsvWriter::writeBom() const { return m_writeBom; }
QString CsvWriter::errorString() const { return m_errorString; }

QString CsvWriter::formatField(const CsvField &field)
{
    if (!field.quoted && !needsQuotes(field.text))
        return field.text;
    QString text = field.text;
    text.replace(u'"', u"\"\""_s);
    return u'"' + text + u'"';
}

bool CsvWriter::writeRow(const CsvRow &row)
{
    QString line;
    if (m_writeBom && !m_started)
        line.append(QChar(0xFEFF));
    m_started = true;
    for (qsizetype i = 0; i < row.size(); ++i) {
        if (i > 0)
            line.append(u',');
        line.append(formatField(row.at(i)));
    }
    line.append(u"\r\n"_s);
    const QByteArray bytes = line.toUtf8();
    if (m_device->write(bytes) != bytes.size()) {
        m_errorString = QCoreApplication::translate("Etagere::CsvWriter", "cannot write: %1").arg(m_device->errorString());
        return false;
    }
    return true;
}

} // namespace Etagere
