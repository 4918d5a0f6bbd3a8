#include "listcommand.h"

#include "clioutput.h"
#include "clisession.h"
#include "syncengine.h"

namespace Etagere {

void ListCommand::onReady()
{
    const QString collection = arguments().at(0);
    if (!requireCollection(collection))
        return;
    for (const RecordState &state : session()->engine()->records(collection))
        CliOutput::printJson(CliOutput::recordJson(state));
    finish(reportUnresolved());
}

} // namespace Etagere
