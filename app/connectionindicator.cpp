#include "connectionindicator.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>

namespace Etagere {

namespace {

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

} // namespace

ConnectionIndicator::ConnectionIndicator(QWidget *parent)
    : QWidget(parent)
    , m_dot(new QLabel(this))
    , m_text(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(6);
    layout->addWidget(m_dot);
    layout->addWidget(m_text);
    setState(ConnectionState::Offline);
}

ConnectionIndicator::~ConnectionIndicator() = default;

ConnectionState ConnectionIndicator::state() const
{
    return m_state;
}

void ConnectionIndicator::setState(ConnectionState state)
{
    m_state = state;
    const int size = fontMetrics().height() * 2 / 3;
    m_dot->setPixmap(dot(color(state), size, devicePixelRatioF()));
    m_text->setText(text(state));
    setToolTip(tr("Connection to the server: %1").arg(text(state)));
}

QString ConnectionIndicator::text(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Live:
        return tr("Live");
    case ConnectionState::Connecting:
        return tr("Connecting…");
    case ConnectionState::Reconnecting:
        return tr("Reconnecting…");
    case ConnectionState::Offline:
        break;
    }
    return tr("Offline");
}

QColor ConnectionIndicator::color(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Live:
        return QColor(0x2e, 0x9d, 0x48);
    case ConnectionState::Connecting:
    case ConnectionState::Reconnecting:
        return QColor(0xf0, 0xa2, 0x02);
    case ConnectionState::Offline:
        break;
    }
    return QColor(0x9e, 0x9e, 0x9e);
}

} // namespace Etagere
