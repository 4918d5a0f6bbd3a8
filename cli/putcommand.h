#pragma once

#include "editcommand.h"

namespace Etagere {

/// `put C ID JSON`: puts the JSON object as the data of record ID of C (a field it leaves
/// out becomes null). When the journal knows ID, the record's data is replaced in one edit
/// (SyncEngine::setRecord(): one write); otherwise a record is created under that id
/// (SyncEngine::createRecordWithId(), `If-None-Match: *`: a replay never creates it twice).
/// See EditCommand for the flow and exit codes; `create C JSON` lets the engine pick the id.
class PutCommand : public EditCommand
{
    Q_OBJECT

public:
    PutCommand(CliSession *session, const QStringList &arguments, QObject *parent = nullptr);

protected:
    [[nodiscard]] ExitCode check(QString *error) const override;
    [[nodiscard]] bool edit(SyncEngine *engine, QString *error) override;
    [[nodiscard]] bool isKnownLocally() const override;
    [[nodiscard]] QString recordId() const override;

private:
    /// m_data with every field of the schema it leaves out set to null.
    [[nodiscard]] QJsonObject completeData(const SyncEngine *engine) const;

    QJsonObject m_data;
};

} // namespace Etagere
