#pragma once

#include "wirecodec.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QUrl>
#include <QSslConfiguration>
#include <QWebSocket>

#include <optional>

namespace Etagere {

/// A `/v1/live` client for tests: a real QWebSocket that decodes every message it receives
/// (JSON text frames, CBOR binary frames) into a queue. The waiting helpers spin the event
/// loop (tests only). Lives on the test's thread.
class LiveClient : public QObject
{
    Q_OBJECT
public:
    explicit LiveClient(WireFormat format = WireFormat::Json, QObject *parent = nullptr);

    /// Sends `Authorization: Bearer token` on the handshake of later open() calls.
    void setToken(const QByteArray &token) { m_token = token; }
    /// Trusts these CAs (and only them) on a `wss://` URL.
    void setCaCertificates(const QList<QSslCertificate> &certificates);
    /// Opens `url` (adding `format=cbor` for a CBOR client) and waits until connected.
    [[nodiscard]] bool open(QUrl url);
    /// Opens `url` and waits until the handshake is done or refused; true when connected.
    /// Unlike open(), a refusal is expected: no warning.
    [[nodiscard]] bool tryOpen(QUrl url, int timeoutMs = 5000);
    /// Sends `message` in the client's format (a text or binary frame).
    void send(const QJsonObject &message);
    void sendHello(const QMap<QString, qint64> &collections);
    void sendPresence(const QString &collection, const QString &id, const QString &state,
                      const QString &user = {});

    /// The next message received, waiting up to `timeoutMs`; an empty object on timeout.
    [[nodiscard]] QJsonObject take(int timeoutMs = 5000);
    /// A round trip: sends a message of an unknown type and returns every message received
    /// before the server's error 400 answer to it. The server handles a socket's messages
    /// in order, so anything it sent before that answer is in the list.
    [[nodiscard]] QList<QJsonObject> drain(int timeoutMs = 5000);
    /// Waits until the socket is closed by the server.
    [[nodiscard]] bool waitForDisconnected(int timeoutMs = 5000);

    [[nodiscard]] QWebSocket &socket() { return m_socket; }
    [[nodiscard]] WireFormat format() const { return m_format; }
    /// True when every frame received was of this client's kind (text for JSON, binary for CBOR).
    [[nodiscard]] bool framesMatchFormat() const { return m_framesMatchFormat; }
    /// Messages that could not be decoded (should stay 0).
    [[nodiscard]] int undecodable() const { return m_undecodable; }

private:
    void onMessage(const QByteArray &bytes, WireFormat format);

    WireFormat m_format;
    QByteArray m_token;
    std::optional<QSslConfiguration> m_ssl;
    QWebSocket m_socket;
    QList<QJsonObject> m_received;
    bool m_framesMatchFormat = true;
    int m_undecodable = 0;
};

} // namespace Etagere
