#include "rawdatabase.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Etagere {

RawDatabase::RawDatabase(const QString &path)
    : m_name(u"raw-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
    db.setDatabaseName(path);
    m_open = db.open();
}

RawDatabase::~RawDatabase()
{
    QSqlDatabase::database(m_name, false).close();
    QSqlDatabase::removeDatabase(m_name);
}

bool RawDatabase::exec(const QString &sql) const
{
    QSqlQuery query(QSqlDatabase::database(m_name, false));
    return m_open && query.exec(sql);
}

QVariant RawDatabase::value(const QString &sql) const
{
    QSqlQuery query(QSqlDatabase::database(m_name, false));
    return m_open && query.exec(sql) && query.next() ? query.value(0) : QVariant();
}

QString RawDatabase::poisonTrigger(const QString &event, const QString &table, const QString &column,
                                   const QString &value)
{
    const QString row = event == "DELETE"_L1 ? u"OLD"_s : u"NEW"_s;
    const QString when = column.isEmpty() ? QString() : u"WHEN %1.%2 = '%3' "_s.arg(row, column, value);
    return u"CREATE TRIGGER poison BEFORE %1 ON %2 %3BEGIN SELECT RAISE(ABORT, 'injected failure'); END"_s.arg(
        event, table, when);
}

} // namespace Etagere
