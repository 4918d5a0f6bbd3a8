#pragma once

#include <QObject>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace Etagere {

/// A loopback TCP relay for tests. It listens on one port for its whole life and pipes
/// every connection to the target port; without a target it closes each connection at
/// once, like a server that is down. A test can thus stop and restart a server behind a
/// stable address without ever giving that address's port away (no "free port picked,
/// then used later" race). Test code only; lives on the test's thread.
class TcpRelay : public QObject
{
    Q_OBJECT

public:
    explicit TcpRelay(QObject *parent = nullptr);
    ~TcpRelay() override;

    /// Starts listening on a free loopback port.
    [[nodiscard]] bool listen();
    /// http://127.0.0.1:PORT, the address clients use.
    [[nodiscard]] QUrl url() const;
    /// Where new connections go (a loopback port); 0 closes them at once.
    void setTarget(quint16 port);
    /// Aborts every relayed connection.
    void dropAll();

private:
    void onNewConnection();
    void relay(QTcpSocket *downstream);
    void closePair(QTcpSocket *downstream, QTcpSocket *upstream);

    QTcpServer m_server;
    quint16 m_target = 0;
};

} // namespace Etagere
