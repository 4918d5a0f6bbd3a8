#pragma once

#include "connectionstate.h"

#include <QDeadlineTimer>
#include <QTimer>
#include <QUrl>
#include <QWidget>

class QLabel;

namespace Etagere {

class ElidedStatusLabel;

/// The status bar's account of the connection, in plain words: a coloured dot and a
/// sentence that says what is happening and what becomes of the user's unsent edits,
/// e.g. "Live — all changes saved", "Offline — edits saved on this computer: 3; they will
/// be sent when the server is back. Reconnecting in 4 s…". While a reconnect is scheduled
/// it counts the seconds down. The tooltip adds the server, the last error and the
/// attempt. Only shows what it is told (by the window, from the engine's signals).
class ConnectionIndicator : public QWidget
{
    Q_OBJECT

public:
    /// All that the sentence depends on.
    struct Status
    {
        ConnectionState state = ConnectionState::Offline;
        int pending = 0;          ///< edits not yet acknowledged by the server
        int reconnectSeconds = 0; ///< until the next attempt; 0 when none is scheduled or it is under way
        int conflicts = 0;        ///< of the pending edits, those waiting for the user's decision

        friend bool operator==(const Status &, const Status &) = default;
    };

    explicit ConnectionIndicator(QWidget *parent = nullptr);
    ~ConnectionIndicator() override;

    [[nodiscard]] ConnectionState state() const;
    void setState(ConnectionState state);
    void setPendingCount(int count);
    /// Records whose pending edits wait for a conflict decision (not being sent).
    void setConflictCount(int count);
    /// The next reconnect attempt (number `attempt`) starts in `delayMs` milliseconds.
    void setReconnectDelay(int delayMs, int attempt = 0);
    void setServer(const QUrl &server);
    /// Why the connection was last lost; shown in the tooltip.
    void setLastError(const QString &error);

    [[nodiscard]] Status status() const;
    /// The sentence shown now.
    [[nodiscard]] QString text() const;

    /// The sentence for `status`.
    [[nodiscard]] static QString text(const Status &status);
    /// The dot's colour for `state`.
    [[nodiscard]] static QColor color(ConnectionState state);

private:
    void refresh();
    [[nodiscard]] QString details() const;

    QLabel *m_dot;
    ElidedStatusLabel *m_text; ///< the sentence, elided when the status bar is narrow
    ConnectionState m_state = ConnectionState::Offline;
    int m_pending = 0;
    int m_conflicts = 0;
    int m_attempt = 0;
    QDeadlineTimer m_reconnectAt{QDeadlineTimer::Forever}; ///< Forever: no attempt scheduled
    QTimer m_countdown;
    QUrl m_server;
    QString m_lastError;
};

} // namespace Etagere
