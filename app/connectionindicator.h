#pragma once

#include "connectionstate.h"

#include <QWidget>

class QLabel;

namespace Etagere {

/// A coloured dot and a word for the connection state, for the status bar:
/// green "Live", amber "Connecting…"/"Reconnecting…", grey "Offline".
class ConnectionIndicator : public QWidget
{
    Q_OBJECT

public:
    explicit ConnectionIndicator(QWidget *parent = nullptr);
    ~ConnectionIndicator() override;

    [[nodiscard]] ConnectionState state() const;
    void setState(ConnectionState state);

    /// The word shown for `state`.
    [[nodiscard]] static QString text(ConnectionState state);
    /// The dot's colour for `state`.
    [[nodiscard]] static QColor color(ConnectionState state);

private:
    QLabel *m_dot;
    QLabel *m_text;
    ConnectionState m_state = ConnectionState::Offline;
};

} // namespace Etagere
