#pragma once

#include <QDialog>
#include <QTimer>

class QLabel;
class QProgressBar;
class QPushButton;

namespace Etagere {

/// A window-modal dialog that shows the progress of a long operation (an import, an
/// export) with a Cancel button. Unlike QProgressDialog it never processes events itself:
/// the operation runs from the event loop and reports through setProgress(). It appears
/// only when the operation takes longer than a moment (showSoon()), so that a quick one
/// does not flash. Cancel, Escape and the close button ask (cancelRequested()); whoever
/// runs the operation closes the dialog when it is over.
class ProgressDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int DefaultDelayMs = 300;

    explicit ProgressDialog(QWidget *parent = nullptr);
    ~ProgressDialog() override;

    void setLabelText(const QString &text);
    [[nodiscard]] QString labelText() const;
    /// `done` of `total`; a total of 0 shows a busy bar.
    void setProgress(qint64 done, qint64 total);
    [[nodiscard]] int percent() const;
    void setCancelEnabled(bool enabled);
    /// Opens the dialog after `delayMs` unless finish() came first.
    void showSoon(int delayMs = DefaultDelayMs);
    /// Closes it (or keeps it from opening).
    void finish();

    [[nodiscard]] QPushButton *cancelButton() const;

Q_SIGNALS:
    void cancelRequested();

protected:
    void reject() override;

private:
    QLabel *m_label;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
    QTimer m_showTimer;
};

} // namespace Etagere
