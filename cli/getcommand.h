#pragma once

#include "clicommand.h"

namespace Etagere {

/// `get C ID`: prints one record as a JSON line; exit code 4 when there is no such record.
class GetCommand : public CliCommand
{
    Q_OBJECT

public:
    using CliCommand::CliCommand;

protected:
    void onReady() override;
};

} // namespace Etagere
