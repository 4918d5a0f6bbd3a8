#include "outboxpanel.h"

#include "outboxmodel.h"
#include "syncengine.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Etagere {

OutboxPanel::OutboxPanel(SyncEngine *engine, QWidget *parent)
    : QDockWidget(parent)
    , m_engine(engine)
    , m_model(new OutboxModel(engine, this))
{
    setObjectName(u"outboxPanel"_s);
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    m_view = new QTableView(content);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTabKeyNavigation(false);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->setAccessibleName(tr("Edits waiting for the server"));
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->resizeSection(OutboxModel::RecordColumn, 220);
    m_view->horizontalHeader()->resizeSection(OutboxModel::CollectionColumn, 110);
    m_view->horizontalHeader()->resizeSection(OutboxModel::ChangeColumn, 160);
    layout->addWidget(m_view, 1);

    auto *row = new QHBoxLayout;
    m_status = new QLabel(content);
    m_status->setObjectName(u"outboxStatus"_s);
    m_status->setWordWrap(true);
    m_discard = new QPushButton(tr("&Discard…"), content);
    m_discard->setToolTip(tr("Take the selected edit back: the record returns to the server's version"));
    row->addWidget(m_status, 1);
    row->addWidget(m_discard);
    layout->addLayout(row);
    setWidget(content);

    connect(m_discard, &QPushButton::clicked, this, &OutboxPanel::confirmDiscard);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &OutboxPanel::updateState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &OutboxPanel::updateState);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &OutboxPanel::updateState);
    updateState();
}

OutboxPanel::~OutboxPanel() = default;

OutboxModel *OutboxPanel::model() const
{
    return m_model;
}

QTableView *OutboxPanel::view() const
{
    return m_view;
}

QMessageBox *OutboxPanel::confirmation() const
{
    return m_confirmation;
}

void OutboxPanel::confirmDiscard()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || m_confirmation)
        return;
    const QString collection = current.data(OutboxModel::CollectionRole).toString();
    const QString id = current.data(OutboxModel::RecordIdRole).toString();
    const QString title = m_model->index(current.row(), OutboxModel::RecordColumn).data().toString();
    const auto kind = current.data(OutboxModel::KindRole).value<OutboxModel::Kind>();
    const QString text = kind == OutboxModel::Kind::Create
        ? tr("Discard the new record “%1”? It has never reached the server and will be gone.").arg(title)
        : kind == OutboxModel::Kind::Delete
        ? tr("Discard the deletion of “%1”? The record comes back as the server has it.").arg(title)
        : tr("Discard your changes to “%1”? The record goes back to the server's version; what you typed "
             "is lost.").arg(title);
    m_confirmation = new QMessageBox(QMessageBox::Question, tr("Discard Edit"), text, QMessageBox::Cancel, this);
    QPushButton *discardButton = m_confirmation->addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    m_confirmation->setDefaultButton(QMessageBox::Cancel);
    m_confirmation->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_confirmation, &QMessageBox::finished, this, [this, discardButton, collection, id] {
        if (m_confirmation && m_confirmation->clickedButton() == discardButton)
            discard(collection, id);
    });
    m_confirmation->open();
}

void OutboxPanel::discard(const QString &collection, const QString &id)
{
    QString error;
    if (!m_engine || !m_engine->discardPending(collection, id, &error)) {
        m_status->setText(tr("Not discarded: %1").arg(error));
        return;
    }
    updateState();
}

void OutboxPanel::updateState()
{
    const int n = m_model->rowCount();
    setWindowTitle(n == 0 ? tr("Outbox") : tr("Outbox (%1)").arg(n));
    m_status->setText(n == 0 ? tr("Nothing waiting: the server has all your edits.")
                             : tr("%n edit(s) waiting for the server.", nullptr, n));
    if (n > 0 && !m_view->currentIndex().isValid())
        m_view->setCurrentIndex(m_model->index(0, 0));
    m_discard->setEnabled(m_view->currentIndex().isValid());
}

} // namespace Etagere
