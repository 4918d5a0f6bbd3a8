#include "recordsearchbar.h"

#include "recordfiltermodel.h"
#include "recordtablemodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>

using namespace Qt::StringLiterals;

namespace Etagere {

RecordSearchBar::RecordSearchBar(RecordFilterModel *filter, QWidget *parent)
    : QWidget(parent)
    , m_filter(filter)
    , m_search(new QLineEdit(this))
    , m_fields(new QComboBox(this))
    , m_count(new QLabel(this))
{
    Q_ASSERT(filter);
    m_search->setPlaceholderText(tr("Search records (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search records"));
    m_search->installEventFilter(this);
    m_fields->setAccessibleName(tr("Search in"));
    m_fields->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_count->setAccessibleName(tr("Matching records"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search, 1);
    layout->addWidget(new QLabel(tr("in"), this));
    layout->addWidget(m_fields);
    layout->addWidget(m_count);

    connectFilter();
    updateFields();
    updateCount();
}

RecordSearchBar::~RecordSearchBar() = default;

void RecordSearchBar::connectFilter()
{
    m_delay.setSingleShot(true);
    m_delay.setInterval(DelayMs);
    connect(&m_delay, &QTimer::timeout, this, &RecordSearchBar::apply);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty()) // cleared: show everything at once
            apply();
        else
            m_delay.start();
    });
    connect(m_search, &QLineEdit::returnPressed, this, &RecordSearchBar::apply);
    connect(m_fields, &QComboBox::activated, this,
            [this] { m_filter->setSearchColumn(m_fields->currentData().toInt()); });
    RecordFilterModel *filter = m_filter;
    connect(filter, &QAbstractItemModel::modelReset, this, &RecordSearchBar::updateFields);
    connect(filter, &QAbstractItemModel::headerDataChanged, this, &RecordSearchBar::updateFields);
    connect(filter, &QAbstractItemModel::columnsInserted, this, &RecordSearchBar::updateFields);
    connect(filter, &QAbstractItemModel::columnsRemoved, this, &RecordSearchBar::updateFields);
    connect(filter, &QAbstractItemModel::rowsInserted, this, &RecordSearchBar::updateCount);
    connect(filter, &QAbstractItemModel::rowsRemoved, this, &RecordSearchBar::updateCount);
    connect(filter, &QAbstractItemModel::layoutChanged, this, &RecordSearchBar::updateCount);
    connect(filter, &QAbstractItemModel::modelReset, this, &RecordSearchBar::updateCount);
    connect(filter, &RecordFilterModel::searchTextChanged, this, &RecordSearchBar::updateCount);
}

QLineEdit *RecordSearchBar::searchField() const
{
    return m_search;
}

QComboBox *RecordSearchBar::fieldChooser() const
{
    return m_fields;
}

void RecordSearchBar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void RecordSearchBar::clear()
{
    m_search->clear(); // applies at once
}

bool RecordSearchBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        if (m_search->text().isEmpty())
            emit done();
        else
            clear();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void RecordSearchBar::apply()
{
    m_delay.stop();
    if (m_filter)
        m_filter->setSearchText(m_search->text());
}

// The choices follow the columns; the field searched stays chosen while it exists.
void RecordSearchBar::updateFields()
{
    if (!m_filter)
        return;
    const QString chosen = m_fields->currentIndex() > 0 ? m_fields->currentData(Qt::UserRole + 1).toString() : QString();
    m_fields->clear();
    m_fields->addItem(tr("All fields"), -1);
    int keep = 0;
    for (int column = 0; column < m_filter->columnCount(); ++column) {
        const QString name = m_filter->headerData(column, Qt::Horizontal, RecordTableModel::FieldNameRole).toString();
        m_fields->addItem(m_filter->headerData(column, Qt::Horizontal).toString(), column);
        m_fields->setItemData(m_fields->count() - 1, name, Qt::UserRole + 1);
        if (!chosen.isEmpty() && name == chosen)
            keep = m_fields->count() - 1;
    }
    m_fields->setCurrentIndex(keep);
    m_filter->setSearchColumn(m_fields->currentData().toInt());
}

void RecordSearchBar::updateCount()
{
    const QAbstractItemModel *source = m_filter ? m_filter->sourceModel() : nullptr;
    const bool searching = m_filter && !m_filter->searchText().trimmed().isEmpty() && source;
    m_count->setVisible(searching);
    if (searching)
        m_count->setText(tr("%L1 of %L2").arg(m_filter->rowCount()).arg(source->rowCount()));
}

} // namespace Etagere
