#include "conflictspanel.h"

#include "conflictlistmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

/// A read-only table of whole rows, for a dock.
QTableView *listTable(QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setTabKeyNavigation(false);
    view->setWordWrap(false);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
    return view;
}

} // namespace

ConflictsPanel::ConflictsPanel(SyncEngine *engine, QWidget *parent)
    : QDockWidget(parent)
    , m_model(new ConflictListModel(engine, this))
{
    setObjectName(u"conflictsPanel"_s);
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    m_view = listTable(content);
    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Unresolved conflicts"));
    m_view->horizontalHeader()->resizeSection(ConflictListModel::RecordColumn, 220);
    m_view->horizontalHeader()->resizeSection(ConflictListModel::CollectionColumn, 110);
    m_view->horizontalHeader()->resizeSection(ConflictListModel::WhatColumn, 300);
    layout->addWidget(m_view, 1);

    auto *row = new QHBoxLayout;
    m_hint = new QLabel(content);
    m_hint->setWordWrap(true);
    m_resolve = new QPushButton(tr("&Resolve…"), content);
    row->addWidget(m_hint, 1);
    row->addWidget(m_resolve);
    layout->addLayout(row);
    setWidget(content);

    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) { requestRow(index.row()); });
    connect(m_resolve, &QPushButton::clicked, this, [this] { requestRow(m_view->currentIndex().row()); });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ConflictsPanel::updateCount);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ConflictsPanel::updateCount);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { m_resolve->setEnabled(current.isValid()); });
    updateCount();
}

ConflictsPanel::~ConflictsPanel() = default;

ConflictListModel *ConflictsPanel::model() const
{
    return m_model;
}

QTableView *ConflictsPanel::view() const
{
    return m_view;
}

int ConflictsPanel::count() const
{
    return m_model->rowCount();
}

void ConflictsPanel::select(const QString &collection, const QString &id)
{
    const int row = m_model->rowOf(collection, id);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, 0));
}

void ConflictsPanel::requestRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const Conflict &conflict = m_model->conflictAt(row);
    Q_EMIT resolveRequested(conflict.collection, conflict.id);
}

void ConflictsPanel::updateCount()
{
    const int n = count();
    setWindowTitle(n == 0 ? tr("Conflicts") : tr("Conflicts (%1)").arg(n));
    m_hint->setText(n == 0 ? tr("No conflicts. An edit that clashes with somebody else's waits here for you.")
                           : tr("Double-click a conflict or press Enter to resolve it; the others wait."));
    if (n > 0 && !m_view->currentIndex().isValid())
        m_view->setCurrentIndex(m_model->index(0, 0));
    m_resolve->setEnabled(m_view->currentIndex().isValid());
    Q_EMIT countChanged(n);
}

} // namespace Etagere
