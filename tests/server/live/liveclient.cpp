#include "liveclient.h"

#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Etagere {

LiveClient::LiveClient(WireFormat format, QObject *parent)
    : QObject(parent)
    , m_format(format)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this,
            [this](const QString &text) { onMessage(text.toUtf8(), WireFormat::Json); });
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this,
            [this](const QByteArray &bytes) { onMessage(bytes, WireFormat::Cbor); });
}

void LiveClient::setCaCertificates(const QList<QSslCertificate> &certificates)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates(certificates);
    m_ssl = configuration;
}

bool LiveClient::open(QUrl url)
{
    return tryOpen(url);
}

bool LiveClient::tryOpen(QUrl url, int timeoutMs)
{
    if (m_format == WireFormat::Cbor) {
        QUrlQuery query(url);
        query.addQueryItem(u"format"_s, u"cbor"_s);
        url.setQuery(query);
    }
    QNetworkRequest request(url);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token);
    if (m_ssl)
        m_socket.setSslConfiguration(*m_ssl); // QWebSocket ignores the request's

    QSignalSpy connected(&m_socket, &QWebSocket::connected);
    QSignalSpy disconnected(&m_socket, &QWebSocket::disconnected);
    QSignalSpy failed(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
    m_socket.open(request);
    static_cast<void>(QTest::qWaitFor(
        [&] { return !connected.isEmpty() || !disconnected.isEmpty() || !failed.isEmpty(); }, timeoutMs));
    return !connected.isEmpty();
}

void LiveClient::send(const QJsonObject &message)
{
    const QByteArray bytes = WireCodec::encode(message, m_format);
    if (m_format == WireFormat::Cbor)
        m_socket.sendBinaryMessage(bytes);
    else
        m_socket.sendTextMessage(QString::fromUtf8(bytes));
}

void LiveClient::sendHello(const QMap<QString, qint64> &collections)
{
    QJsonObject map;
    for (auto it = collections.constBegin(); it != collections.constEnd(); ++it)
        map.insert(it.key(), it.value());
    send({{u"type"_s, u"hello"_s}, {u"collections"_s, map}});
}

void LiveClient::sendPresence(const QString &collection, const QString &id, const QString &state,
                              const QString &user)
{
    QJsonObject message{{u"type"_s, u"presence"_s}, {u"collection"_s, collection},
                        {u"id"_s, id}, {u"state"_s, state}};
    if (!user.isEmpty())
        message.insert(u"user"_s, user);
    send(message);
}

QJsonObject LiveClient::take(int timeoutMs)
{
    if (!QTest::qWaitFor([this] { return !m_received.isEmpty(); }, timeoutMs))
        return {};
    return m_received.takeFirst();
}

QList<QJsonObject> LiveClient::drain(int timeoutMs)
{
    send({{u"type"_s, u"test-barrier"_s}});
    QList<QJsonObject> before;
    for (;;) {
        const QJsonObject message = take(timeoutMs);
        if (message.isEmpty())
            return before << QJsonObject{{u"type"_s, u"barrier timed out"_s}};
        if (message[u"type"_s] == u"error"_s && message[u"status"_s] == 400
            && !message.contains(u"collection"_s))
            return before;
        before.append(message);
    }
}

bool LiveClient::waitForDisconnected(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; },
                           timeoutMs);
}

void LiveClient::onMessage(const QByteArray &bytes, WireFormat format)
{
    if (format != m_format)
        m_framesMatchFormat = false;
    const DecodeResult decoded = WireCodec::decode(bytes, format);
    if (!decoded.isValid() || !decoded.value.isObject()) {
        ++m_undecodable;
        return;
    }
    m_received.append(decoded.value.toObject());
}

} // namespace Etagere
