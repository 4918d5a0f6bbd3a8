#pragma once

#include "clicommand.h"

namespace Etagere {

/// `list C`: prints each record of C as a JSON line (see CliOutput::recordJson()), ordered by id.
class ListCommand : public CliCommand
{
    Q_OBJECT

public:
    using CliCommand::CliCommand;

protected:
    void onReady() override;
};

} // namespace Etagere
