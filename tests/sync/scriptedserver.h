#pragma once

#include <QList>
#include <QMap>
#include <QObject>
#include <QTcpServer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <utility>

class QTcpSocket;

namespace Etagere {

/// A loopback HTTP/1.1 server scripted by the test, that also speaks just enough
/// WebSocket (RFC 6455 handshake and unfragmented frames) to play the server side of
/// `/v1/live`. Everything is under the test's control: status, headers, body, no answer
/// at all, unanswered pings, dropped sockets. Test code only.
class ScriptedServer : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QByteArray method;
        QString path;
        QUrlQuery query;
        QMap<QByteArray, QByteArray> headers; ///< names in lower case
        QByteArray body;
    };
    struct Response
    {
        int status = 200;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
        bool silent = false; ///< never answer (to provoke a timeout)
        bool drop = false;   ///< reset the connection instead of answering
    };
    using Handler = std::function<Response(const Request &)>;

    explicit ScriptedServer(QObject *parent = nullptr);
    ~ScriptedServer() override;

    [[nodiscard]] bool listen();
    [[nodiscard]] QUrl url() const;
    void setHandler(Handler handler);
    [[nodiscard]] QList<Request> requests() const;

    /// Whether WebSocket pings get a pong (the default).
    void setAnswerPings(bool answer);
    /// WebSocket connections accepted so far.
    [[nodiscard]] int webSocketCount() const;
    /// Sends a text message on the newest open WebSocket.
    void sendText(const QString &text);
    /// Aborts every open WebSocket (TCP reset, no close frame).
    void dropWebSockets();
    /// Ends the newest open WebSocket with a close frame carrying `code` and `reason`.
    void closeWebSocket(quint16 code, const QByteArray &reason);
    /// Answers WebSocket upgrades with `status` (and a problem body) instead of 101; 0 accepts.
    void setUpgradeRefusal(int status);

    /// JSON response helper.
    [[nodiscard]] static Response json(int status, const QByteArray &body,
                                       QList<std::pair<QByteArray, QByteArray>> headers = {});

Q_SIGNALS:
    void requestReceived(const Etagere::ScriptedServer::Request &request);
    void webSocketOpened();
    void textReceived(const QString &text);

private:
    struct Connection
    {
        QByteArray buffer;
        bool webSocket = false;
    };

    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    bool processHttp(QTcpSocket *socket, Connection &connection);
    void answer(QTcpSocket *socket, const Response &response);
    void upgrade(QTcpSocket *socket, Connection &connection, const Request &request);
    bool processFrame(QTcpSocket *socket, Connection &connection);
    static void sendFrame(QTcpSocket *socket, quint8 opcode, const QByteArray &payload);

    QTcpServer m_server;
    Handler m_handler;
    QList<Request> m_requests;
    QMap<QTcpSocket *, Connection> m_connections;
    QList<QTcpSocket *> m_webSockets;
    int m_webSocketCount = 0;
    bool m_answerPings = true;
    int m_upgradeRefusal = 0;
};

} // namespace Etagere
