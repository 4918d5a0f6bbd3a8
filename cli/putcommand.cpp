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
    // A new id needs only the collection: the creation is queued like any edit.
    return session()->engine()->collection(collection()).has_value();
}

ExitCode PutCommand::check(QString *error) const
{
    if (const ExitCode code = checkData(collection(), m_data, error); code != ExitCode::Ok)
        return code;
    const SyncEngine *engine = session()->engine();
    const std::optional<RecordState> state = engine->record(collection(), recordId());
    if (!state)
        return ExitCode::Ok; // a new id: created
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
    const QJsonObject data = completeData(engine);
    if (engine->record(collection(), recordId()))
        return engine->setRecord(collection(), recordId(), data, error);
    return engine->createRecordWithId(collection(), recordId(), data, error);
}

QJsonObject PutCommand::completeData(const SyncEngine *engine) const
{
    const std::optional<CollectionSchema> schema = engine->collection(collection());
    Q_ASSERT(schema); // check() passed
    QJsonObject data = m_data;
    for (const FieldSchema &field : schema->fields) {
        if (!data.contains(field.name))
            data.insert(field.name, QJsonValue::Null);
    }
    return data;
}

} // namespace Etagere
