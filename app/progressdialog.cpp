#include "progressdialog.h"

#include <QBoxLayout>
#include <QDialogButtonBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace Etagere {

namespace {

constexpr int BarSteps = 1000; ///< the bar counts in thousandths: byte counts exceed an int

} // namespace

ProgressDialog::ProgressDialog(QWidget *parent)
    : QDialog(parent)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setWindowModality(Qt::WindowModal);
    m_label->setWordWrap(true);
    m_label->setMinimumWidth(380);
    m_bar->setRange(0, BarSteps);
    m_bar->setValue(0);
    m_bar->setTextVisible(true);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(buttons);
    connect(m_cancel, &QPushButton::clicked, this, &ProgressDialog::cancelRequested);
    m_showTimer.setSingleShot(true);
    connect(&m_showTimer, &QTimer::timeout, this, &QDialog::open);
}

ProgressDialog::~ProgressDialog() = default;

void ProgressDialog::setLabelText(const QString &text) { m_label->setText(text); }
QString ProgressDialog::labelText() const { return m_label->text(); }
QPushButton *ProgressDialog::cancelButton() const { return m_cancel; }
void ProgressDialog::setCancelEnabled(bool enabled) { m_cancel->setEnabled(enabled); }

void ProgressDialog::setProgress(qint64 done, qint64 total)
{
    if (total <= 0) {
        m_bar->setRange(0, 0);
        return;
    }
    m_bar->setRange(0, BarSteps);
    m_bar->setValue(int(std::clamp(done, qint64(0), total) * BarSteps / total));
}

int ProgressDialog::percent() const
{
    return m_bar->maximum() == 0 ? 0 : m_bar->value() * 100 / m_bar->maximum();
}

void ProgressDialog::showSoon(int delayMs)
{
    m_showTimer.start(delayMs);
}

void ProgressDialog::finish()
{
    m_showTimer.stop();
    done(QDialog::Accepted);
}

void ProgressDialog::reject()
{
    // Escape or the close button: ask, like Cancel; the operation closes the dialog.
    if (m_cancel->isEnabled())
        Q_EMIT cancelRequested();
}

} // namespace Etagere
