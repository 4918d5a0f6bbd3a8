#include "collectionscommand.h"

#include "clioutput.h"
#include "clisession.h"
#include "syncengine.h"

namespace Etagere {

void CollectionsCommand::onReady()
{
    for (const CollectionSchema &schema : session()->engine()->collections())
        CliOutput::printJson(schema.toJson());
    finish(reportUnresolved());
}

} // namespace Etagere
