#pragma once

#include "editcommand.h"

namespace Etagere {

/// `put C ID JSON`: replaces the data of the existing record ID of C with the JSON object
/// (a field it leaves out becomes null). See EditCommand for the flow and exit codes.
/// An unknown ID is refused (exit 4): the engine chooses the ids of the records it creates
/// (`create C JSON`).
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
    QJsonObject m_data;
};

} // namespace Etagere
