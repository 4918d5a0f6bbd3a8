#include "newcollectiondialog.h"

#include "createcollectionjob.h"
#include "enumvalueseditor.h"
#include "fielddefinitionmodel.h"
#include "identifiers.h"
#include "syncengine.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

const QColor ErrorColor(0xc6, 0x28, 0x28);

/// The type column's editor: a combo box of the eight types, committed as soon as one is picked.
class FieldTypeDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const override
    {
        auto *combo = new QComboBox(parent);
        for (const FieldType type : FieldDefinitionModel::types())
            combo->addItem(FieldDefinitionModel::typeLabel(type), fieldTypeName(type));
        connect(combo, &QComboBox::activated, this, [this, combo] {
            auto *self = const_cast<FieldTypeDelegate *>(this);
            Q_EMIT self->commitData(combo);
            Q_EMIT self->closeEditor(combo);
        });
        return combo;
    }

    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        auto *combo = static_cast<QComboBox *>(editor);
        combo->setCurrentIndex(combo->findData(index.data(Qt::EditRole)));
    }

    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        model->setData(index, static_cast<QComboBox *>(editor)->currentData(), Qt::EditRole);
    }
};

/// Shows `text` in `label`, in red when it is a problem, greyed when it is a hint.
void setMessage(QLabel *label, const QString &text, bool problem)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, problem ? ErrorColor : palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
    label->setText(text);
}

QLabel *messageLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setMinimumHeight(label->fontMetrics().height());
    return label;
}

} // namespace

NewCollectionDialog::NewCollectionDialog(SyncEngine *engine, QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_model(new FieldDefinitionModel(this))
    , m_name(new QLineEdit(this))
    , m_title(new QLineEdit(this))
    , m_nameMessage(messageLabel(this))
    , m_view(new QTableView(this))
    , m_addField(new QPushButton(tr("&Add Field"), this))
    , m_removeField(new QPushButton(tr("&Remove Field"), this))
    , m_moveUp(new QPushButton(tr("Move &Up"), this))
    , m_moveDown(new QPushButton(tr("Move &Down"), this))
    , m_valuesBox(new QGroupBox(this))
    , m_values(new EnumValuesEditor(m_valuesBox))
    , m_fieldMessage(messageLabel(this))
    , m_errorMessage(messageLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_create(m_buttons->addButton(tr("Create"), QDialogButtonBox::AcceptRole))
{
    Q_ASSERT(engine);
    setWindowTitle(tr("New Collection"));
    m_model->setFields({FieldSchema{u"title"_s, FieldType::String, tr("Title"), true, {}}});
    buildLayout();
    connectSignals();
    m_view->setCurrentIndex(m_model->index(0, FieldDefinitionModel::NameColumn));
    updateNameMessage();
    updateFieldMessage();
    updateValuesEditor();
    updateButtons();
    resize(780, 640);
}

NewCollectionDialog::~NewCollectionDialog() = default;

QLineEdit *NewCollectionDialog::nameEdit() const { return m_name; }
QLineEdit *NewCollectionDialog::titleEdit() const { return m_title; }
QTableView *NewCollectionDialog::fieldView() const { return m_view; }
FieldDefinitionModel *NewCollectionDialog::fieldModel() const { return m_model; }
EnumValuesEditor *NewCollectionDialog::valuesEditor() const { return m_values; }
QPushButton *NewCollectionDialog::createButton() const { return m_create; }
QPushButton *NewCollectionDialog::addFieldButton() const { return m_addField; }
QPushButton *NewCollectionDialog::removeFieldButton() const { return m_removeField; }
QLabel *NewCollectionDialog::nameMessage() const { return m_nameMessage; }
QLabel *NewCollectionDialog::fieldMessage() const { return m_fieldMessage; }
QLabel *NewCollectionDialog::errorMessage() const { return m_errorMessage; }
bool NewCollectionDialog::isBusy() const { return !m_job.isNull(); }

void NewCollectionDialog::buildLayout()
{
    auto *valuesLayout = new QVBoxLayout(m_valuesBox);
    valuesLayout->addWidget(m_values);
    m_values->setMaximumHeight(120);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buildForm());
    layout->addWidget(buildFieldsBox(), 1);
    layout->addWidget(m_valuesBox);
    layout->addWidget(m_errorMessage);
    layout->addWidget(m_buttons);
}

QLayout *NewCollectionDialog::buildForm()
{
    m_name->setPlaceholderText(tr("for example books"));
    m_name->setMaxLength(64);
    m_title->setPlaceholderText(tr("shown in the list of collections; the name when empty"));
    auto *nameColumn = new QVBoxLayout;
    nameColumn->setSpacing(2);
    nameColumn->addWidget(m_name);
    nameColumn->addWidget(m_nameMessage);
    auto *nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_name);
    auto *form = new QFormLayout;
    form->addRow(nameLabel, nameColumn);
    form->addRow(tr("&Title:"), m_title);
    return form;
}

QWidget *NewCollectionDialog::buildFieldsBox()
{
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(FieldDefinitionModel::TypeColumn, new FieldTypeDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked
                            | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAccessibleName(tr("Fields"));
    const int widths[] = {120, 130, 150, 75};
    for (int column = 0; column < 4; ++column)
        m_view->setColumnWidth(column, widths[column]);
    auto *box = new QGroupBox(tr("Fields"), this);
    auto *row = new QHBoxLayout;
    row->addWidget(m_view, 1);
    row->addWidget(buildFieldButtons());
    auto *layout = new QVBoxLayout(box);
    layout->addLayout(row);
    layout->addWidget(m_fieldMessage);
    return box;
}

QWidget *NewCollectionDialog::buildFieldButtons()
{
    auto *buttons = new QWidget(this);
    auto *layout = new QVBoxLayout(buttons);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QPushButton *button : {m_addField, m_removeField, m_moveUp, m_moveDown})
        layout->addWidget(button);
    layout->addStretch();
    return buttons;
}

void NewCollectionDialog::connectSignals()
{
    connect(m_name, &QLineEdit::textChanged, this, [this] {
        updateNameMessage();
        updateButtons();
    });
    const auto fieldsChanged = [this] {
        updateFieldMessage();
        updateValuesEditor();
        updateButtons();
    };
    connect(m_model, &QAbstractItemModel::dataChanged, this, fieldsChanged);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, fieldsChanged);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, fieldsChanged);
    connect(m_model, &QAbstractItemModel::rowsMoved, this, fieldsChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, fieldsChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, fieldsChanged);
    connect(m_values, &EnumValuesEditor::valuesChanged, this, [this](const QStringList &values) {
        m_model->setData(m_model->index(currentRow(), FieldDefinitionModel::ValuesColumn), values);
    });
    connect(m_addField, &QPushButton::clicked, this, &NewCollectionDialog::addField);
    connect(m_removeField, &QPushButton::clicked, this, &NewCollectionDialog::removeField);
    connect(m_moveUp, &QPushButton::clicked, this, [this] { moveField(-1); });
    connect(m_moveDown, &QPushButton::clicked, this, [this] { moveField(1); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewCollectionDialog::create);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

int NewCollectionDialog::currentRow() const
{
    return m_view->currentIndex().row();
}

QString NewCollectionDialog::nameProblem() const
{
    const QString name = m_name->text();
    if (name.isEmpty())
        return {};
    if (!isValidCollectionName(name))
        return tr("Use lowercase letters a to z, digits, _ and -, starting with a letter.");
    if (m_engine->collection(name) || name == m_takenName)
        return tr("There is already a collection called \"%1\".").arg(name);
    return {};
}

void NewCollectionDialog::updateNameMessage()
{
    const QString problem = nameProblem();
    if (!problem.isEmpty())
        setMessage(m_nameMessage, problem, true);
    else
        setMessage(m_nameMessage, tr("Lowercase letters, digits, _ and -; it cannot be changed later."), false);
}

void NewCollectionDialog::updateFieldMessage()
{
    const int current = currentRow();
    const int row = m_model->problem(current).isEmpty() ? m_model->firstProblemRow() : current;
    if (m_model->rowCount() == 0) {
        setMessage(m_fieldMessage, tr("Add at least one field."), true);
    } else if (row >= 0) {
        const QString name = m_model->index(row, FieldDefinitionModel::NameColumn).data().toString();
        setMessage(m_fieldMessage, tr("Field %1 (%2): %3").arg(row + 1).arg(name.isEmpty() ? tr("no name") : name,
                                                                       m_model->problem(row)), true);
    } else {
        setMessage(m_fieldMessage, tr("Double-click a cell to change it. A Choice lists its values below."), false);
    }
}

void NewCollectionDialog::updateValuesEditor()
{
    const int row = currentRow();
    const QModelIndex type = m_model->index(row, FieldDefinitionModel::TypeColumn);
    const bool isEnum = type.isValid() && type.data(Qt::EditRole).toString() == fieldTypeName(FieldType::Enum);
    m_valuesBox->setEnabled(isEnum && !isBusy());
    if (!isEnum) {
        m_valuesBox->setTitle(tr("Choices (for a field of type Choice)"));
        m_values->setValues({});
        return;
    }
    const QString name = m_model->index(row, FieldDefinitionModel::NameColumn).data().toString();
    m_valuesBox->setTitle(tr("Choices of %1").arg(name));
    m_values->setValues(m_model->index(row, FieldDefinitionModel::ValuesColumn).data(Qt::EditRole).toStringList());
}

void NewCollectionDialog::updateButtons()
{
    const bool busy = isBusy();
    const int row = currentRow();
    m_name->setEnabled(!busy);
    m_title->setEnabled(!busy);
    m_view->setEnabled(!busy);
    m_addField->setEnabled(!busy);
    m_removeField->setEnabled(!busy && row >= 0);
    m_moveUp->setEnabled(!busy && row > 0);
    m_moveDown->setEnabled(!busy && row >= 0 && row < m_model->rowCount() - 1);
    const bool nameValid = !m_name->text().isEmpty() && nameProblem().isEmpty();
    m_create->setEnabled(!busy && nameValid && m_model->isValid());
}

void NewCollectionDialog::addField()
{
    const QModelIndex name = m_model->index(m_model->appendField(), FieldDefinitionModel::NameColumn);
    m_view->setCurrentIndex(name);
    m_view->scrollTo(name);
    m_view->edit(name);
}

void NewCollectionDialog::removeField()
{
    const int row = currentRow();
    if (row < 0)
        return;
    m_model->removeRows(row, 1);
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(std::min(row, m_model->rowCount() - 1), FieldDefinitionModel::NameColumn));
}

void NewCollectionDialog::moveField(int offset)
{
    const int row = currentRow();
    const int target = row + offset;
    if (row < 0 || target < 0 || target >= m_model->rowCount())
        return;
    // moveRows() takes the row the moved one goes before, counted before the move.
    if (m_model->moveRows({}, row, 1, {}, offset > 0 ? target + 1 : target))
        m_view->setCurrentIndex(m_model->index(target, m_view->currentIndex().column()));
}

void NewCollectionDialog::create()
{
    if (!m_create->isEnabled())
        return;
    CollectionSchema schema;
    schema.name = m_name->text();
    schema.title = m_title->text().trimmed();
    schema.fields = m_model->fields();
    QString error;
    m_job = m_engine->createCollection(schema, &error);
    if (!m_job) {
        showError(error);
        return;
    }
    setMessage(m_errorMessage, tr("Creating %1 on the server…").arg(schema.name), false);
    connect(m_job, &RestJob::finished, this, &NewCollectionDialog::onCreated);
    updateButtons();
    updateValuesEditor();
}

void NewCollectionDialog::onCreated(RestJob *job)
{
    m_job.clear();
    m_errorMessage->clear();
    const QString name = m_name->text();
    switch (job->error()) {
    case RestJob::Error::None:
        Q_EMIT collectionCreated(name);
        accept();
        return;
    case RestJob::Error::Conflict:
        m_takenName = name;
        updateNameMessage();
        m_name->setFocus();
        break;
    case RestJob::Error::Validation:
        if (const int row = m_model->setServerProblem(job->problemField(), job->problemDetail()); row >= 0) {
            m_view->setCurrentIndex(m_model->index(row, FieldDefinitionModel::NameColumn));
            m_view->setFocus();
        } else {
            showError(tr("The server refused the collection: %1").arg(job->problemDetail()));
        }
        break;
    case RestJob::Error::Forbidden:
        showError(tr("You may not create collections on this server (%1).").arg(job->errorString()));
        break;
    default:
        showError(tr("The collection could not be created: %1").arg(job->errorString()));
        break;
    }
    updateButtons();
    updateValuesEditor();
    updateFieldMessage();
}

void NewCollectionDialog::showError(const QString &text)
{
    setMessage(m_errorMessage, text, true);
}

} // namespace Etagere
