#include "createcommand.h"

#include "clisession.h"
#include "syncengine.h"

#include <QJsonDocument>

namespace Etagere {

CreateCommand::CreateCommand(CliSession *session, const QStringList &arguments, QObject *parent)
    : EditCommand(session, arguments, parent)
    , m_data(QJsonDocument::fromJson(arguments.at(1).toUtf8()).object()) // checked by CliOptions
{
}

QString CreateCommand::recordId() const
{
    return m_id;
}

bool CreateCommand::isKnownLocally() const
{
    return session()->engine()->collection(collection()).has_value();
}

ExitCode CreateCommand::check(QString *error) const
{
    return checkData(collection(), m_data, error);
}

bool CreateCommand::edit(SyncEngine *engine, QString *error)
{
    m_id = engine->createRecord(collection(), m_data, error);
    return !m_id.isEmpty();
}

} // namespace Etagere
