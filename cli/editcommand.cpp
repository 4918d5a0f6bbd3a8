#include "editcommand.h"

#include "clioutput.h"
#include "clisession.h"
#include "syncengine.h"

using namespace Qt::StringLiterals;

namespace Etagere {

QString EditCommand::collection() const
{
    return arguments().at(0);
}

void EditCommand::onReady()
{
    if (m_applied)
        report();
    else
        apply({});
}

void EditCommand::onUnreachable(const QString &reason)
{
    if (m_applied) {
        fail(ExitCode::Queued, tr("%1; the edit of %2/%3 is queued: %4")
                                   .arg(reason, collection(), recordId(), queuedMessage()));
        return;
    }
    apply(reason);
}

void EditCommand::apply(const QString &unreachableReason)
{
    const bool offline = !unreachableReason.isEmpty();
    if (offline && !isKnownLocally()) {
        fail(ExitCode::Queued, tr("%1; the journal does not know that record or collection yet, so nothing was "
                                  "queued; %2").arg(unreachableReason, queuedMessage()));
        return;
    }
    QString error;
    if (const ExitCode code = check(&error); code != ExitCode::Ok) {
        fail(code, error);
        return;
    }
    m_applied = true;
    const bool edited = session()->restartWith([this, &error](SyncEngine *engine) { return edit(engine, &error); });
    if (!edited)
        fail(ExitCode::Failure, tr("the edit could not be saved: %1").arg(error));
}

void EditCommand::report()
{
    const std::optional<RecordState> state = session()->engine()->record(collection(), recordId());
    if (!state) {
        fail(ExitCode::Unresolved, tr("record %1/%2 was deleted on the server").arg(collection(), recordId()));
        return;
    }
    CliOutput::printJson(CliOutput::recordJson(*state));
    finish(reportUnresolved());
}

} // namespace Etagere
