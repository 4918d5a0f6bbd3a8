#pragma once

#include "clicommand.h"

namespace Etagere {

/// `collections`: prints each collection (name, title, seq, fields) as a JSON line.
class CollectionsCommand : public CliCommand
{
    Q_OBJECT

public:
    using CliCommand::CliCommand;

protected:
    void onReady() override;
};

} // namespace Etagere
