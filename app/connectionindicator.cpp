#include "connectionindicator.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>

namespace Etagere {

namespace {

constexpr int CountdownTickMs = 250; ///< well under a second, so that no second is skipped

QPixmap dot(const QColor &color, int size, qreal devicePixelRatio)
{
    QPixmap pixmap(QSize(size, size) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(color.darker(130));
    painter.setBrush(color);
    painter.drawEllipse(QRectF(0.5, 0.5, size - 1.0, size - 1.0));
    return pixmap;
}

/// ConnectionIndicator::text() while reconnecting: in `seconds` s, or now when 0.
// Pending edits of records in conflict are not being sent: they wait for the user.
QString liveText(int pending, int conflicts)
{
    const int waiting = qBound(0, conflicts, pending);
    const int sending = pending - waiting;
    if (pending == 0)
        return ConnectionIndicator::tr("Live — all changes saved");
    if (waiting == 0)
        return ConnectionIndicator::tr("Live — sending edits: %n", nullptr, sending);
    const QString decide = ConnectionIndicator::tr("waiting for your decision: %n", nullptr, waiting);
    return sending == 0 ? ConnectionIndicator::tr("Live — edits %1").arg(decide)
                        : ConnectionIndicator::tr("Live — sending edits: %n; %1", nullptr, sending).arg(decide);
}

QString reconnectingText(int pending, int seconds)
{
    if (seconds <= 0)
        return pending == 0 ? ConnectionIndicator::tr("Offline — reconnecting…")
                            : ConnectionIndicator::tr("Offline — edits saved on this computer: %n; they will be "
                                                      "sent when the server is back. Reconnecting…", nullptr, pending);
    return (pending == 0 ? ConnectionIndicator::tr("Offline — reconnecting in %1 s…")
                         : ConnectionIndicator::tr("Offline — edits saved on this computer: %n; they will be sent "
                                                   "when the server is back. Reconnecting in %1 s…", nullptr, pending))
        .arg(seconds);
}

} // namespace

/// A one-line label that may be narrower than its text: it then ends in "…" (the whole
/// sentence stays in the indicator's tooltip), so a long status never widens the window.
class ElidedStatusLabel : public QLabel
{
public:
    using QLabel::QLabel;

    void setFullText(const QString &text)
    {
        m_full = text;
        QLabel::setText(text);
        m_fullHint = QLabel::sizeHint(); // measured by QLabel itself, before any eliding
        updateGeometry();
        elide();
    }
    [[nodiscard]] QString fullText() const { return m_full; }

    [[nodiscard]] QSize sizeHint() const override { return m_fullHint; }
    [[nodiscard]] QSize minimumSizeHint() const override
    {
        return QSize(fontMetrics().averageCharWidth() * 12, m_fullHint.height());
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QLabel::resizeEvent(event);
        elide();
    }

private:
    void elide()
    {
        const bool fits = width() >= m_fullHint.width();
        QLabel::setText(fits ? m_full : fontMetrics().elidedText(m_full, Qt::ElideRight, width()));
    }

    QString m_full;
    QSize m_fullHint;
};

ConnectionIndicator::ConnectionIndicator(QWidget *parent)
    : QWidget(parent)
    , m_dot(new QLabel(this))
    , m_text(new ElidedStatusLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(6);
    layout->addWidget(m_dot);
    layout->addWidget(m_text);
    m_countdown.setInterval(CountdownTickMs);
    connect(&m_countdown, &QTimer::timeout, this, &ConnectionIndicator::refresh);
    refresh();
}

ConnectionIndicator::~ConnectionIndicator() = default;

ConnectionState ConnectionIndicator::state() const
{
    return m_state;
}

void ConnectionIndicator::setState(ConnectionState state)
{
    if (state != ConnectionState::Reconnecting)
        m_reconnectAt = QDeadlineTimer(QDeadlineTimer::Forever);
    m_state = state;
    refresh();
}

void ConnectionIndicator::setPendingCount(int count)
{
    m_pending = qMax(0, count);
    refresh();
}

void ConnectionIndicator::setConflictCount(int count)
{
    m_conflicts = qMax(0, count);
    refresh();
}

void ConnectionIndicator::setReconnectDelay(int delayMs, int attempt)
{
    m_reconnectAt = QDeadlineTimer(qMax(0, delayMs));
    m_attempt = attempt;
    refresh();
}

void ConnectionIndicator::setServer(const QUrl &server)
{
    m_server = server;
    refresh();
}

void ConnectionIndicator::setLastError(const QString &error)
{
    m_lastError = error;
    refresh();
}

ConnectionIndicator::Status ConnectionIndicator::status() const
{
    Status status{m_state, m_pending, 0, m_conflicts};
    if (m_state == ConnectionState::Reconnecting && !m_reconnectAt.isForever())
        status.reconnectSeconds = int((m_reconnectAt.remainingTime() + 999) / 1000); // 0.2 s left: "1 s"
    return status;
}

QString ConnectionIndicator::text() const
{
    return m_text->fullText();
}

void ConnectionIndicator::refresh()
{
    const Status now = status();
    const int size = fontMetrics().height() * 2 / 3;
    m_dot->setPixmap(dot(color(now.state), size, devicePixelRatioF()));
    m_text->setFullText(text(now));
    setToolTip(text(now) + u'\n' + details());
    if (now.reconnectSeconds > 0)
        m_countdown.start();
    else
        m_countdown.stop();
}

QString ConnectionIndicator::details() const
{
    QStringList lines;
    lines << tr("Server: %1").arg(m_server.isEmpty() ? tr("none") : m_server.toDisplayString());
    if (m_state == ConnectionState::Reconnecting && m_attempt > 0)
        lines << tr("Reconnect attempt: %1").arg(m_attempt);
    if (m_state != ConnectionState::Live && !m_lastError.isEmpty())
        lines << tr("Last error: %1").arg(m_lastError);
    if (m_pending > 0)
        lines << tr("Unsent edits: %n. They are kept on this computer, also across restarts, until the server "
                    "has them.", nullptr, m_pending);
    return lines.join(u'\n');
}

QString ConnectionIndicator::text(const Status &status)
{
    const int n = status.pending;
    switch (status.state) {
    case ConnectionState::Live:
        return liveText(n, status.conflicts);
    case ConnectionState::Connecting:
        return n == 0 ? tr("Connecting…") : tr("Connecting… — edits waiting on this computer: %n", nullptr, n);
    case ConnectionState::Reconnecting:
        return reconnectingText(n, status.reconnectSeconds);
    case ConnectionState::NoNetwork:
        return n == 0 ? tr("No network — waiting for it to come back")
                      : tr("No network — edits saved on this computer: %n; they will be sent when the network "
                           "is back", nullptr, n);
    case ConnectionState::SignedOut:
        return n == 0 ? tr("Signed out — sign in to sync")
                      : tr("Signed out — edits saved on this computer: %n; they will be sent once you sign in",
                           nullptr, n);
    case ConnectionState::Offline:
        break;
    }
    return n == 0 ? tr("Offline")
                  : tr("Offline — edits saved on this computer: %n; they will be sent when the server is back",
                       nullptr, n);
}

QColor ConnectionIndicator::color(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Live:
        return QColor(0x2e, 0x9d, 0x48);
    case ConnectionState::Connecting:
    case ConnectionState::Reconnecting:
        return QColor(0xf0, 0xa2, 0x02);
    case ConnectionState::SignedOut:
        return QColor(0xc6, 0x28, 0x28);
    case ConnectionState::NoNetwork:
    case ConnectionState::Offline:
        break;
    }
    return QColor(0x9e, 0x9e, 0x9e);
}

} // namespace Etagere
