#include "clicommand.h"

#include "clioutput.h"
#include "clisession.h"
#include "syncengine.h"

#include <QCoreApplication>
#include <QDir>

using namespace Qt::StringLiterals;

namespace Etagere {

CliCommand::CliCommand(CliSession *session, const QStringList &arguments, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_arguments(arguments)
{
    Q_ASSERT(session);
}

CliCommand::~CliCommand() = default;

void CliCommand::run()
{
    connect(m_session, &CliSession::ready, this, [this] {
        if (!m_finished)
            onReady();
    });
    connect(m_session, &CliSession::unreachable, this, [this](const QString &reason) {
        if (!m_finished)
            onUnreachable(reason);
    });
    m_session->start();
}

void CliCommand::interrupt()
{
    m_session->stop();
    fail(ExitCode::Interrupted, tr("interrupted; %1").arg(queuedMessage()));
}

bool CliCommand::isFinished() const { return m_finished; }
CliSession *CliCommand::session() const { return m_session; }
const QStringList &CliCommand::arguments() const { return m_arguments; }

void CliCommand::onUnreachable(const QString &reason)
{
    fail(ExitCode::Queued, u"%1; %2"_s.arg(reason, queuedMessage()));
}

void CliCommand::finish(ExitCode code)
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(toInt(code));
}

void CliCommand::fail(ExitCode code, const QString &message)
{
    CliOutput::printMessage(message);
    finish(code);
}

ExitCode CliCommand::reportUnresolved() const
{
    const QList<RecordState> unresolved = m_session->unresolvedEdits();
    for (const RecordState &state : unresolved) {
        const QString refusal = m_session->refusal(state.collection, state.id);
        CliOutput::printMessage(refusal.isEmpty()
                                    ? tr("the edit of %1/%2 conflicts with a change on the server; "
                                         "open etagere to resolve it").arg(state.collection, state.id)
                                    : tr("the server refused the edit of %1/%2: %3")
                                          .arg(state.collection, state.id, refusal));
    }
    return unresolved.isEmpty() ? ExitCode::Ok : ExitCode::Unresolved;
}

ExitCode CliCommand::checkData(const QString &collection, const QJsonObject &data, QString *error) const
{
    const std::optional<CollectionSchema> schema = m_session->engine()->collection(collection);
    if (!schema) {
        *error = tr("unknown collection \"%1\"").arg(collection);
        return ExitCode::Rejected;
    }
    if (const ValidationResult valid = schema->validate(data); !valid) {
        *error = tr("invalid data: %1").arg(valid.detail); // the detail names the field
        return ExitCode::Rejected;
    }
    return ExitCode::Ok;
}

bool CliCommand::requireCollection(const QString &collection)
{
    if (m_session->engine()->collection(collection))
        return true;
    fail(ExitCode::Rejected, tr("unknown collection \"%1\"").arg(collection));
    return false;
}

QString CliCommand::queuedMessage() const
{
    const int pending = m_session->engine() ? m_session->engine()->pendingCount() : 0;
    if (pending == 0)
        return tr("no edit is pending");
    return tr("%n edit(s) stay queued in the journal %1 and will be sent by the next etagere or "
              "etagere-cli run",
              nullptr, pending)
        .arg(QDir::toNativeSeparators(m_session->journalPath()));
}

} // namespace Etagere
