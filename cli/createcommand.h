#pragma once

#include "editcommand.h"

namespace Etagere {

/// `create C JSON`: creates a record of C with the JSON object as its data and a new
/// client-chosen id (a UUID, so that a replay never creates it twice); prints it with its
/// id once the server has it. See EditCommand for the flow and exit codes.
class CreateCommand : public EditCommand
{
    Q_OBJECT

public:
    CreateCommand(CliSession *session, const QStringList &arguments, QObject *parent = nullptr);

protected:
    [[nodiscard]] ExitCode check(QString *error) const override;
    [[nodiscard]] bool edit(SyncEngine *engine, QString *error) override;
    [[nodiscard]] bool isKnownLocally() const override;
    [[nodiscard]] QString recordId() const override;

private:
    QJsonObject m_data;
    QString m_id;
};

} // namespace Etagere
