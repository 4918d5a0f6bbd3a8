#include "activitypanel.h"

#include "activitymodel.h"

#include <QLabel>
#include <QListView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Etagere {

ActivityPanel::ActivityPanel(SyncEngine *engine, QWidget *parent)
    : QDockWidget(tr("Activity"), parent)
    , m_model(new ActivityModel(engine, this))
{
    setObjectName(u"activityPanel"_s);
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    m_view = new QListView(content);
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(true); // an entry takes the lines it needs at the panel's width
    m_view->setResizeMode(QListView::Adjust);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setIconSize(QSize(12, 12)); // the author's colour
    m_view->setSpacing(2);
    m_view->setAccessibleName(tr("Recent changes by others"));
    layout->addWidget(m_view, 1);
    m_hint = new QLabel(tr("Changes other people make appear here. Click one to go to its record."), content);
    m_hint->setWordWrap(true);
    layout->addWidget(m_hint);
    setWidget(content);

    connect(m_view, &QAbstractItemView::clicked, this, &ActivityPanel::request);
    connect(m_view, &QAbstractItemView::activated, this, &ActivityPanel::request);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ActivityPanel::updateHint);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ActivityPanel::updateHint);
    updateHint();
}

ActivityPanel::~ActivityPanel() = default;

ActivityModel *ActivityPanel::model() const
{
    return m_model;
}

QListView *ActivityPanel::view() const
{
    return m_view;
}

void ActivityPanel::request(const QModelIndex &index)
{
    if (index.isValid())
        Q_EMIT recordRequested(index.data(ActivityModel::CollectionRole).toString(),
                               index.data(ActivityModel::RecordIdRole).toString());
}

void ActivityPanel::updateHint()
{
    m_hint->setVisible(m_model->rowCount() == 0);
}

} // namespace Etagere
