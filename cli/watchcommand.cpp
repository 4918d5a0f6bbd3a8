#include "watchcommand.h"

#include "clioutput.h"
#include "clisession.h"
#include "pushchannel.h"
#include "syncengine.h"

namespace Etagere {

WatchCommand::~WatchCommand()
{
    delete m_channel; // before the network access it uses
}

void WatchCommand::onReady()
{
    const QString collection = arguments().at(0);
    if (!requireCollection(collection))
        return;
    if (const ExitCode code = reportUnresolved(); code != ExitCode::Ok)
        CliOutput::printMessage(tr("watching all the same"));
    session()->stop();
    const qint64 seq = session()->lastSeq(collection);
    connectChannel(collection);
    m_channel->subscribe(collection, seq);
    m_channel->open();
    CliOutput::printMessage(tr("watching %1 from seq %2").arg(collection).arg(seq));
}

void WatchCommand::connectChannel(const QString &collection)
{
    m_network.setBearerToken(session()->token());
    m_channel = new PushChannel(&m_network, session()->server());
    connect(m_channel, &PushChannel::changeReceived, this,
            [](const Change &change) { CliOutput::printJson(change.toJson()); });
    connect(m_channel, &PushChannel::resetRequired, this, [this](const QString &name, qint64 seq) {
        // The server no longer has the changes in between: say so, and go on from its number.
        CliOutput::printMessage(tr("the server no longer has every change of %1; continuing from seq %2")
                                    .arg(name)
                                    .arg(seq));
        m_channel->subscribe(name, seq);
    });
    connect(m_channel, &PushChannel::reconnectScheduled, this, [collection](int delayMs, int attempt) {
        if (attempt == 1)
            CliOutput::printMessage(tr("lost the connection; resuming %1 in %2 ms").arg(collection).arg(delayMs));
    });
    connect(m_channel, &PushChannel::subscriptionFailed, this, [this](const QString &name, int status) {
        fail(ExitCode::Rejected, tr("the server refused to send the changes of %1 (HTTP %2)").arg(name).arg(status));
    });
}

void WatchCommand::interrupt()
{
    if (m_channel)
        m_channel->close();
    session()->stop();
    finish(ExitCode::Ok);
}

} // namespace Etagere
