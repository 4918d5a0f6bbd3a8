#pragma once

#include <QObject>

class QSocketNotifier;

namespace Etagere {

/// Turns SIGINT and SIGTERM into a Qt signal, delivered by the event loop: the handler only
/// writes a byte to a socket pair. One instance per process (it owns the handlers); lives
/// on the main thread.
class TerminationSignals : public QObject
{
    Q_OBJECT

public:
    explicit TerminationSignals(QObject *parent = nullptr);
    ~TerminationSignals() override;

    /// Installs the handlers. False (the default handlers stay) when the socket pair fails.
    [[nodiscard]] bool install();

Q_SIGNALS:
    void received(int signalNumber);

private:
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Etagere
