#include "putcommand.h"

#include "clisession.h"
#include "syncengine.h"

#include <QJsonDocument>

namespace Etagere {

PutCommand::PutCommand(CliSession *session, const QStringList &arguments, QObject *parent)
    : EditCommand(session, arguments, parent)
    , m_data(QJsonDocument::fromJson(arguments.at(2).toUtf8()).object()) // checked by CliOptions
{
}

QString PutCommand::recordId() const
{
    return arguments().at(1);
}

bool PutCommand::isKnownLocally() const
{
    return session()->engine()->record(collection(), recordId()).has_value();
}

ExitCode PutCommand::check(QString *error) const
{
    if (const ExitCode code = checkData(collection(), m_data, error); code != ExitCode::Ok)
        return code;
    const SyncEngine *engine = session()->engine();
    const std::optional<RecordState> state = engine->record(collection(), recordId());
    if (!state) {
        *error = tr("no record \"%1\" in \"%2\"; `create %2 JSON` creates a record").arg(recordId(), collection());
        return ExitCode::Rejected;
    }
    if (state->deletedLocally) {
        *error = tr("record %1/%2 is being deleted").arg(collection(), recordId());
        return ExitCode::Rejected;
    }
    if (engine->conflict(collection(), recordId())) {
        *error = tr("record %1/%2 has a conflict; open etagere to resolve it first").arg(collection(), recordId());
        return ExitCode::Unresolved;
    }
    return ExitCode::Ok;
}

bool PutCommand::edit(SyncEngine *engine, QString *error)
{
    // The engine edits field by field; it has not started, so they go out as one write.
    const std::optional<CollectionSchema> schema = engine->collection(collection());
    Q_ASSERT(schema);
    for (const FieldSchema &field : schema->fields) {
        const QJsonValue value = m_data.value(field.name);
        if (!engine->setField(collection(), recordId(), field.name,
                              value.isUndefined() ? QJsonValue(QJsonValue::Null) : value, error))
            return false;
    }
    return true;
}

} // namespace Etagere
