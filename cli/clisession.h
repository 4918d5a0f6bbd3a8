#pragma once

#include "journal.h"
#include "recordstate.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

namespace Etagere {

class SyncEngine;
enum class ConnectionState;

/// One run's connection to the server: the Journal of this server and user, and a
/// SyncEngine on it, as the desktop app has them. start() starts the engine (which first
/// sends what the journal holds) and waits, on the event loop, until it is *ready*: the
/// collections are listed, each is caught up at least to the number the listing reported,
/// and every pending edit was answered (acknowledged, or left as a conflict or refusal).
/// Or until it is *unreachable*: the push channel cannot connect or was lost, or the
/// timeout passed first. Either is signalled once per start(), always from the session's
/// own timers (never from inside an engine signal), so a slot may restart the engine.
///
/// Owns the journal and the engine; lives on the main thread.
class CliSession : public QObject
{
    Q_OBJECT

public:
    /// `token`: the session's bearer token (may be empty: the server then refuses us).
    CliSession(const QUrl &server, const QByteArray &token, QObject *parent = nullptr);
    ~CliSession() override;

    /// Opens the journal at `path`, or the next free slot when another process holds it.
    [[nodiscard]] bool openJournal(const QString &path, QString *error);
    [[nodiscard]] QString journalPath() const;
    void setTimeout(int ms);

    /// Creates the engine (unless there is one) and starts it; ready() or unreachable() follows.
    void start();
    /// Replaces the engine with a new one, not started, runs `edit` on it, then start()s it.
    /// Edits made before the start are committed to the journal and sent together when it
    /// starts: one write per record, never a half-applied record on the server. The current
    /// engine must be idle (after ready(), or unreachable()). False, without starting, when
    /// `edit` returns false.
    [[nodiscard]] bool restartWith(const std::function<bool(SyncEngine *)> &edit);
    /// Stops the engine (the journal keeps what is pending) and stops waiting.
    void stop();

    [[nodiscard]] SyncEngine *engine() const;
    [[nodiscard]] QUrl server() const;
    [[nodiscard]] QByteArray token() const;
    /// The collection's last applied sequence number in the journal.
    [[nodiscard]] qint64 lastSeq(const QString &collection) const;
    /// Pending edits this run could not deliver: with an open conflict, or refused.
    [[nodiscard]] QList<RecordState> unresolvedEdits() const;
    /// Why the server refused the edit of a record in this run; empty when it did not.
    [[nodiscard]] QString refusal(const QString &collection, const QString &id) const;

Q_SIGNALS:
    void ready();
    void unreachable(const QString &reason);

private:
    void createEngine();
    void onCollectionsListed();
    void onConnectionState(ConnectionState state);
    void check();
    [[nodiscard]] bool isCaughtUp() const;
    [[nodiscard]] bool isSettled() const;
    void stopWaiting();

    QUrl m_server;
    QByteArray m_token;
    Journal m_journal;
    std::unique_ptr<SyncEngine> m_engine;
    bool m_waiting = false;
    bool m_listed = false;
    QHash<QString, qint64> m_listedSeq;   ///< collection -> its number in this run's listing
    QHash<QString, QString> m_refused;    ///< "collection/id" -> the server's message
    QString m_unreachable;                ///< set by the connection state, reported by check()
    QTimer m_poll;
    QTimer m_timeout;
};

} // namespace Etagere
