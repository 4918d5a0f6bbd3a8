#include "getcommand.h"

#include "clioutput.h"
#include "clisession.h"
#include "syncengine.h"

namespace Etagere {

void GetCommand::onReady()
{
    const QString collection = arguments().at(0);
    const QString id = arguments().at(1);
    if (!requireCollection(collection))
        return;
    const std::optional<RecordState> state = session()->engine()->record(collection, id);
    if (!state) {
        fail(ExitCode::Rejected, tr("no record \"%1\" in \"%2\"").arg(id, collection));
        return;
    }
    CliOutput::printJson(CliOutput::recordJson(*state));
    finish(reportUnresolved());
}

} // namespace Etagere
