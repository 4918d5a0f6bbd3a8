#include "enumvalueseditor.h"

#include <QBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

QListWidgetItem *newItem(const QString &text)
{
    auto *item = new QListWidgetItem(text);
    item->setFlags(item->flags() | Qt::ItemIsEditable);
    return item;
}

} // namespace

EnumValuesEditor::EnumValuesEditor(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_add(new QPushButton(tr("Add &Choice"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_up(new QPushButton(tr("Up"), this))
    , m_down(new QPushButton(tr("Down"), this))
{
    m_list->setAccessibleName(tr("Choices"));
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::SelectedClicked);
    auto *buttons = new QVBoxLayout;
    for (QPushButton *button : {m_add, m_remove, m_up, m_down})
        buttons->addWidget(button);
    buttons->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, &EnumValuesEditor::addValue);
    connect(m_remove, &QPushButton::clicked, this, &EnumValuesEditor::removeValue);
    connect(m_up, &QPushButton::clicked, this, [this] { moveValue(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveValue(1); });
    connect(m_list, &QListWidget::itemChanged, this, [this] { Q_EMIT valuesChanged(values()); });
    connect(m_list, &QListWidget::currentRowChanged, this, &EnumValuesEditor::updateButtons);
    updateButtons();
}

EnumValuesEditor::~EnumValuesEditor() = default;

QListWidget *EnumValuesEditor::list() const { return m_list; }
QPushButton *EnumValuesEditor::addButton() const { return m_add; }
QPushButton *EnumValuesEditor::removeButton() const { return m_remove; }

void EnumValuesEditor::setValues(const QStringList &values)
{
    if (values == this->values())
        return; // keeps the current item and an open editor
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const QString &value : values)
        m_list->addItem(newItem(value));
    updateButtons();
}

QStringList EnumValuesEditor::values() const
{
    QStringList result;
    for (int row = 0; row < m_list->count(); ++row)
        result << m_list->item(row)->text();
    return result;
}

void EnumValuesEditor::addValue()
{
    const QStringList current = values();
    QString text;
    for (int n = int(current.size()) + 1; text.isEmpty() || current.contains(text); ++n)
        text = tr("choice %1").arg(n);
    {
        const QSignalBlocker blocker(m_list);
        m_list->addItem(newItem(text));
    }
    m_list->setCurrentRow(m_list->count() - 1);
    Q_EMIT valuesChanged(values());
    m_list->editItem(m_list->currentItem());
}

void EnumValuesEditor::removeValue()
{
    const int row = m_list->currentRow();
    if (row < 0)
        return;
    {
        const QSignalBlocker blocker(m_list);
        delete m_list->takeItem(row);
    }
    m_list->setCurrentRow(std::min(row, m_list->count() - 1));
    updateButtons();
    Q_EMIT valuesChanged(values());
}

void EnumValuesEditor::moveValue(int offset)
{
    const int row = m_list->currentRow();
    const int target = row + offset;
    if (row < 0 || target < 0 || target >= m_list->count())
        return;
    {
        const QSignalBlocker blocker(m_list);
        m_list->insertItem(target, m_list->takeItem(row));
    }
    m_list->setCurrentRow(target);
    Q_EMIT valuesChanged(values());
}

void EnumValuesEditor::updateButtons()
{
    const int row = m_list->currentRow();
    m_remove->setEnabled(row >= 0);
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row < m_list->count() - 1);
}

} // namespace Etagere
