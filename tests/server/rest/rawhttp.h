#pragma once

#include "restclient.h"

#include <QByteArray>
#include <QHostAddress>

namespace Etagere::Test {

/// One answer read off a raw connection.
struct RawReply : RestReply
{
    /// True when the server closed the connection after the answer (asked for with
    /// RawHttp::WaitForClose).
    bool closed = false;
};

/// A raw HTTP/1.1 client for tests of what Qt's clients never send (no Host, two Host
/// headers, a chosen Origin on a WebSocket upgrade): writes the request bytes verbatim on a
/// new connection to 127.0.0.1 and reads one answer (status, headers, Content-Length body;
/// no body for 101, 204 and 304). Blocks for at most 5 s; tests only.
class RawHttp
{
public:
    enum Wait { AnswerOnly, WaitForClose };

    explicit RawHttp(quint16 port) : m_port(port) {}
    /// Connects from this local address (for example 127.0.0.2, to be another peer).
    void setLocalAddress(const QHostAddress &address) { m_localAddress = address; }

    [[nodiscard]] RawReply send(const QByteArray &request, Wait wait = AnswerOnly) const;
    /// `GET path` with the given header lines (`Name: value`, without CRLF) and nothing else.
    [[nodiscard]] RawReply get(const QByteArray &path, const QByteArrayList &headerLines,
                               Wait wait = AnswerOnly) const;
    /// The header lines of a WebSocket handshake (Upgrade, Connection, key, version).
    [[nodiscard]] static QByteArrayList upgradeLines();

private:
    quint16 m_port;
    QHostAddress m_localAddress;
};

} // namespace Etagere::Test
