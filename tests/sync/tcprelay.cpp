#include "tcprelay.h"

#include <QPointer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace Etagere {

TcpRelay::TcpRelay(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TcpRelay::onNewConnection);
}

TcpRelay::~TcpRelay()
{
    dropAll();
}

bool TcpRelay::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl TcpRelay::url() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_server.serverPort());
    return url;
}

void TcpRelay::setTarget(quint16 port) { m_target = port; }

void TcpRelay::dropAll()
{
    const QList<QTcpSocket *> sockets = findChildren<QTcpSocket *>(Qt::FindDirectChildrenOnly);
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
}

void TcpRelay::onNewConnection()
{
    while (QTcpSocket *downstream = m_server.nextPendingConnection()) {
        downstream->setParent(this);
        if (m_target == 0) {
            downstream->abort(); // nobody behind the relay: like a server that is down
            downstream->deleteLater();
            continue;
        }
        relay(downstream);
    }
}

void TcpRelay::relay(QTcpSocket *downstream)
{
    auto *upstream = new QTcpSocket(this);
    const auto forward = [downstream, upstream] {
        if (upstream->state() == QAbstractSocket::ConnectedState)
            upstream->write(downstream->readAll());
    };
    connect(downstream, &QTcpSocket::readyRead, this, forward);
    connect(upstream, &QTcpSocket::connected, this, forward);
    const auto close = [this, downstream, upstream] { closePair(downstream, upstream); };
    connect(upstream, &QTcpSocket::readyRead, this, [downstream, upstream] { downstream->write(upstream->readAll()); });
    connect(upstream, &QTcpSocket::disconnected, this, close);
    connect(upstream, &QTcpSocket::errorOccurred, this, close);
    connect(downstream, &QTcpSocket::disconnected, this, close);
    upstream->connectToHost(QHostAddress::LocalHost, m_target);
}

void TcpRelay::closePair(QTcpSocket *downstream, QTcpSocket *upstream)
{
    downstream->disconnect(this);
    upstream->disconnect(this);
    if (upstream->bytesAvailable() > 0)
        downstream->write(upstream->readAll());
    upstream->abort();
    upstream->deleteLater();
    if (downstream->state() == QAbstractSocket::UnconnectedState) {
        downstream->deleteLater();
        return;
    }
    connect(downstream, &QTcpSocket::disconnected, downstream, &QObject::deleteLater);
    downstream->disconnectFromHost(); // sends what the server said last, then closes
}

} // namespace Etagere
