#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace Etagere {

/// Finds where the HTTP/1.1 requests of one connection begin and end, from the raw bytes,
/// so that limits can be enforced before Qt HttpServer 6.4 (which has none) buffers a
/// request: a request head (request line and headers) over MaxHeadSize bytes, a body
/// announced over MaxBodySize bytes, and a body without Content-Length (chunked) are
/// refused. Feed it every byte the connection receives, in order; it keeps at most one
/// head in memory. After a WebSocket upgrade request it stops looking (the rest is frames).
/// Plain value type, no I/O.
class RequestFramer
{
public:
    /// Largest request head accepted: request line, headers and the blank line.
    static constexpr qsizetype MaxHeadSize = 8 * 1024;
    /// Largest body a Content-Length may announce. Bodies up to it are read by Qt HttpServer
    /// and then checked against the REST limit (1 MiB, answered 413 by the adapter); beyond
    /// it the connection is refused at once, before anything is buffered.
    static constexpr qint64 MaxBodySize = 8 * 1024 * 1024;

    enum class Verdict {
        Continue,        ///< nothing wrong so far
        HeadTooLarge,    ///< 431: a request head over MaxHeadSize
        BodyTooLarge,    ///< 413: Content-Length over MaxBodySize
        LengthRequired,  ///< 411: a body sent with Transfer-Encoding (chunked) instead of a length
        BadRequest,      ///< 400: an unreadable or contradictory Content-Length
    };

    /// Reads the next bytes of the connection. Once it returned anything but Continue, the
    /// connection must be answered with that status and closed; later calls return the same.
    [[nodiscard]] Verdict feed(QByteArrayView bytes);

private:
    enum class State { Head, Body, Upgraded, Refused };

    [[nodiscard]] Verdict endOfHead(qsizetype headSize);
    [[nodiscard]] Verdict refuse(Verdict verdict);

    State m_state = State::Head;
    QByteArray m_head;
    qint64 m_bodyLeft = 0;
    Verdict m_refusal = Verdict::Continue;
};

} // namespace Etagere
