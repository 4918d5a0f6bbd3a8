#include "clisession.h"

#include "clilogging_p.h"
#include "syncengine.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

/// How often readiness is checked while waiting. The journal's numbers advance without a
/// signal (a change the engine already has), so the session looks rather than listens.
constexpr int PollIntervalMs = 20;

QString keyOf(const QString &collection, const QString &id)
{
    return collection + u'/' + id;
}

} // namespace

CliSession::CliSession(const QUrl &server, const QByteArray &token, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_token(token)
{
    m_poll.setInterval(PollIntervalMs);
    connect(&m_poll, &QTimer::timeout, this, &CliSession::check);
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(60000);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        m_unreachable = QCoreApplication::translate("etagere-cli", "the server %1 did not answer within %2 s")
                            .arg(m_server.toDisplayString())
                            .arg(m_timeout.interval() / 1000.0);
        check();
    });
}

CliSession::~CliSession()
{
    m_engine.reset(); // before the journal it writes to
}

bool CliSession::openJournal(const QString &path, QString *error)
{
    if (m_journal.openFreeSlot(path)) {
        qCInfo(lcCli) << "journal" << m_journal.path();
        // What other runs or windows queued and left goes out with this run's edits.
        if (m_journal.adoptOrphanedSlots() < 0)
            qCWarning(lcCli).noquote() << "cannot take over other journals' pending edits:" << m_journal.errorString();
        for (const QString &kept : m_journal.keptJournals())
            qCWarning(lcCli).noquote() << "pending edits kept in" << kept << "(not taken over, see above)";
        return true;
    }
    *error = m_journal.errorString();
    return false;
}

QString CliSession::journalPath() const { return m_journal.path(); }
void CliSession::setTimeout(int ms) { m_timeout.setInterval(ms); }
SyncEngine *CliSession::engine() const { return m_engine.get(); }
QUrl CliSession::server() const { return m_server; }
QByteArray CliSession::token() const { return m_token; }
qint64 CliSession::lastSeq(const QString &collection) const { return m_journal.lastSeq(collection); }

QString CliSession::refusal(const QString &collection, const QString &id) const
{
    return m_refused.value(keyOf(collection, id));
}

void CliSession::createEngine()
{
    Q_ASSERT(m_journal.isOpen());
    m_engine = std::make_unique<SyncEngine>(m_server, &m_journal);
    m_engine->setBearerToken(m_token);
    m_listed = false;
    m_listedSeq.clear();
    m_refused.clear(); // a new engine tries every pending edit again
    connect(m_engine.get(), &SyncEngine::collectionsChanged, this, &CliSession::onCollectionsListed);
    connect(m_engine.get(), &SyncEngine::connectionStateChanged, this, &CliSession::onConnectionState);
    connect(m_engine.get(), &SyncEngine::writeFailed, this,
            [this](const QString &collection, const QString &id, const QString &message) {
                qCInfo(lcCli) << "write refused:" << collection << id << message;
                m_refused.insert(keyOf(collection, id), message);
            });
    connect(m_engine.get(), &SyncEngine::authenticationRequired, this, [this] {
        m_unreachable = QCoreApplication::translate("etagere-cli",
                                                    "the server %1 does not accept this session (set ETAGERE_TOKEN to a "
                                                    "token from `etagere-cli login`)")
                            .arg(m_server.toDisplayString());
        check();
    });
    connect(m_engine.get(), &SyncEngine::errorOccurred, this,
            [](const QString &message) { qCInfo(lcCli).noquote() << message; });
}

void CliSession::start()
{
    if (!m_engine)
        createEngine();
    m_unreachable.clear();
    m_waiting = true;
    m_timeout.start();
    m_poll.start();
    m_engine->start();
}

bool CliSession::restartWith(const std::function<bool(SyncEngine *)> &edit)
{
    stopWaiting();
    m_engine.reset();
    createEngine();
    if (!edit(m_engine.get()))
        return false;
    start();
    return true;
}

void CliSession::stop()
{
    stopWaiting();
    if (m_engine)
        m_engine->stop();
}

void CliSession::onCollectionsListed()
{
    // Only the engine's listing of the server emits it; the numbers it brought are the
    // server's at that moment: being caught up means having applied at least those.
    m_listed = true;
    for (const CollectionSchema &schema : m_engine->collections())
        m_listedSeq.insert(schema.name, schema.seq);
    qCInfo(lcCli) << "collections listed:" << m_listedSeq.size();
}

void CliSession::onConnectionState(ConnectionState state)
{
    qCInfo(lcCli) << "connection state" << int(state);
    // Lost, retrying, no network, stopped: whatever is not (getting) live is out of reach.
    if (state != ConnectionState::Live && state != ConnectionState::Connecting)
        m_unreachable = QCoreApplication::translate("etagere-cli", "cannot reach the server %1")
                            .arg(m_server.toDisplayString());
}

QList<RecordState> CliSession::unresolvedEdits() const
{
    QList<RecordState> unresolved;
    if (!m_engine)
        return unresolved;
    for (const CollectionSchema &schema : m_journal.collections()) {
        for (const RecordState &state : m_journal.records(schema.name)) {
            const bool open = m_engine->conflict(state.collection, state.id).has_value()
                              || m_refused.contains(keyOf(state.collection, state.id));
            if (state.dirty && open)
                unresolved.append(state);
        }
    }
    return unresolved;
}

bool CliSession::isCaughtUp() const
{
    for (auto it = m_listedSeq.cbegin(); it != m_listedSeq.cend(); ++it) {
        if (m_journal.lastSeq(it.key()) < it.value())
            return false;
    }
    return true;
}

bool CliSession::isSettled() const
{
    const int pending = m_engine->pendingCount();
    if (pending == 0)
        return true;
    if (pending > m_engine->conflicts().size() + m_refused.size())
        return false; // cheap: some edit has no answer yet
    return unresolvedEdits().size() == pending;
}

void CliSession::check()
{
    if (!m_waiting)
        return;
    if (!m_unreachable.isEmpty()) {
        stopWaiting();
        qCInfo(lcCli).noquote() << m_unreachable;
        Q_EMIT unreachable(m_unreachable);
        return;
    }
    if (!m_listed || !isCaughtUp() || !isSettled())
        return;
    stopWaiting();
    qCInfo(lcCli) << "ready; pending" << m_engine->pendingCount();
    Q_EMIT ready();
}

void CliSession::stopWaiting()
{
    m_waiting = false;
    m_poll.stop();
    m_timeout.stop();
}

} // namespace Etagere
