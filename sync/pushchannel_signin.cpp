// PushChannel: telling a session the server no longer accepts from a connection it refuses.
#include "pushchannel.h"

#include "listcollectionsjob.h"
#include "networkaccess.h"
#include "synclogging_p.h"

using namespace Qt::StringLiterals;

namespace Etagere {

/// Qt 6.4's QWebSocket reports a handshake answered with 401 as a refused connection and
/// does not show the status, so an authenticated REST request tells the two apart.
void PushChannel::probeSession()
{
    if (m_probe || m_signedOut)
        return;
    auto *job = new ListCollectionsJob(m_network, m_server, this);
    m_probe = job;
    connect(job, &RestJob::finished, this, &PushChannel::onProbeFinished);
    job->start();
}

void PushChannel::onProbeFinished(RestJob *job)
{
    // Only about the token still in use: a sign-in may have replaced it while this ran.
    if (job->error() == RestJob::Error::Unauthorized && job->sentToken() == m_network->bearerToken())
        signOut(job->errorString());
}

void PushChannel::signOut(const QString &reason)
{
    qCInfo(lcSync) << "push channel: the server ended the session:" << reason;
    m_lastError = reason.isEmpty() ? tr("the server ended the session") : reason;
    m_signedOut = true;
    teardownSocket();
    m_reconnectTimer.stop();
    setState(ConnectionState::SignedOut);
    Q_EMIT authenticationRequired();
}

void PushChannel::onTokenChanged()
{
    if (!m_signedOut)
        return;
    m_signedOut = false;
    if (!m_wanted)
        return;
    m_backoff.reset();
    connectSocket();
}

} // namespace Etagere
