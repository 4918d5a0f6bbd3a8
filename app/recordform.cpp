#include "recordform.h"

#include "fieldeditor.h"
#include "fieldformat.h"
#include "recorddelegate.h"
#include "recordtablemodel.h"
#include "recordtitle.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

constexpr int TextLines = 6; ///< height of a text field's editor

QString titleOf(const FieldSchema &field)
{
    return field.title.isEmpty() ? field.name : field.title;
}

void setTextColor(QLabel *label, const QColor &color)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
}

} // namespace

/// One row of the form.
struct RecordForm::Field
{
    FieldSchema schema;
    int column = 0;
    QLabel *label = nullptr;
    FieldEditor *editor = nullptr;
    QLabel *note = nullptr;
    bool dirty = false;   ///< the user changed it and it is not saved yet
    QJsonValue shown;     ///< the record's value the editor shows (or showed when the user began)
    QString remoteNote;   ///< somebody changed it while the user was changing it
};

RecordForm::RecordForm(RecordTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_pages(new QStackedWidget(this))
    , m_placeholder(new QLabel(this))
    , m_title(new QLabel(this))
    , m_state(new QLabel(this))
    , m_resolve(new QPushButton(tr("Resolve…"), this))
    , m_form(new QFormLayout)
{
    Q_ASSERT(model);
    createLayout();
    connect(m_resolve, &QPushButton::clicked, this, [this] { emit resolveRequested(m_model->collection(), m_id); });
    connect(model, &QAbstractItemModel::dataChanged, this, &RecordForm::onDataChanged);
    connect(model, &QAbstractItemModel::modelReset, this, &RecordForm::onModelReset);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &RecordForm::refresh);
    connect(model, &QAbstractItemModel::rowsInserted, this, &RecordForm::refresh);
    rebuild();
}

// A placeholder page (no record), and a scrolled page: title, state, the fields.
void RecordForm::createLayout()
{
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setEnabled(false);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_title->setObjectName(u"recordTitle"_s);
    m_state->setWordWrap(true);
    m_state->setObjectName(u"recordState"_s);
    m_resolve->setToolTip(tr("Choose between your version of this record and the one somebody else saved"));
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);

    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    column->addWidget(m_title);
    auto *stateRow = new QHBoxLayout;
    stateRow->addWidget(m_state, 1);
    stateRow->addWidget(m_resolve, 0, Qt::AlignTop);
    column->addLayout(stateRow);
    column->addLayout(m_form);
    column->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    m_pages->addWidget(m_placeholder);
    m_pages->addWidget(scroll);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
}

RecordForm::~RecordForm()
{
    forgetFields();
}

// Stops watching the editors before they go: their focus-out must not save anything.
void RecordForm::forgetFields()
{
    for (const auto &field : m_fields) {
        field->editor->editor()->removeEventFilter(this);
        disconnect(field->editor->editor(), nullptr, this, nullptr);
        disconnect(field->editor, nullptr, this, nullptr);
    }
    m_fields.clear();
}

QString RecordForm::recordId() const
{
    return m_id;
}

void RecordForm::setRecordId(const QString &id)
{
    if (id == m_id)
        return;
    commit(); // what cannot be saved (the schema refuses it) is dropped with the record
    m_id = id;
    for (const auto &field : m_fields) {
        field->dirty = false;
        field->remoteNote.clear();
        setNote(*field, {}, false);
    }
    refresh();
    emitUnsavedIfChanged();
}

FieldEditor *RecordForm::editor(const QString &field) const
{
    for (const auto &f : m_fields) {
        if (f->schema.name == field)
            return f->editor;
    }
    return nullptr;
}

QString RecordForm::note(const QString &field) const
{
    for (const auto &f : m_fields) {
        if (f->schema.name == field)
            return f->note->isHidden() ? QString() : f->note->text();
    }
    return {};
}

bool RecordForm::hasUnsavedChanges() const
{
    return std::any_of(m_fields.cbegin(), m_fields.cend(), [](const auto &field) { return field->dirty; });
}

bool RecordForm::commit()
{
    bool all = true;
    for (const auto &field : m_fields)
        all = commitField(*field) && all;
    return all;
}

// A row per field of the schema.
void RecordForm::rebuild()
{
    forgetFields();
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_schema = m_model->schema();
    for (int column = 0; column < m_schema.fields.size(); ++column)
        addField(column);
    refresh();
}

void RecordForm::addField(int column)
{
    auto field = std::make_unique<Field>();
    Field *f = field.get();
    f->schema = m_schema.fields.at(column);
    f->column = column;
    f->label = new QLabel(titleOf(f->schema), this);
    f->label->setAutoFillBackground(true);
    f->editor = new FieldEditor(f->schema, this);
    f->editor->setObjectName(u"form:"_s + f->schema.name);
    f->editor->editor()->setAccessibleName(titleOf(f->schema));
    f->label->setBuddy(f->editor->editor());
    if (auto *text = qobject_cast<QPlainTextEdit *>(f->editor->editor())) {
        text->setMinimumHeight(text->fontMetrics().lineSpacing() * TextLines + 12);
        text->setMaximumHeight(QWIDGETSIZE_MAX);
    }
    f->note = new QLabel(this);
    f->note->setWordWrap(true);
    f->note->setObjectName(u"note:"_s + f->schema.name);
    f->note->hide();
    auto *cellWidget = new QWidget(this);
    auto *cellLayout = new QVBoxLayout(cellWidget);
    cellLayout->setContentsMargins(0, 0, 0, 0);
    cellLayout->addWidget(f->editor);
    cellLayout->addWidget(f->note);
    m_form->addRow(f->label, cellWidget);
    watch(f);
    m_fields.push_back(std::move(field));
}

// Saves when the user leaves the editor (event filter), presses Enter or picks a value.
void RecordForm::watch(Field *f)
{
    QWidget *inner = f->editor->editor();
    inner->installEventFilter(this);
    if (auto *line = qobject_cast<QLineEdit *>(inner))
        connect(line, &QLineEdit::returnPressed, this, [this, f] { commitField(*f); });
    if (auto *combo = qobject_cast<QComboBox *>(inner))
        connect(combo, &QComboBox::activated, this, [this, f] { commitField(*f); });
    if (auto *date = qobject_cast<QDateTimeEdit *>(inner))
        connect(date, &QDateTimeEdit::editingFinished, this, [this, f] { commitField(*f); });
    connect(f->editor, &FieldEditor::edited, this, [this, f] { onEdited(*f); });
}

void RecordForm::onModelReset()
{
    if (m_model->schema().fields != m_schema.fields)
        rebuild(); // other columns: what was being changed belongs to another collection
    else
        refresh(); // a reload: the fields being changed keep what was typed
}

void RecordForm::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    const int row = m_model->rowOf(m_id);
    if (row >= topLeft.row() && row <= bottomRight.row())
        refresh();
}

void RecordForm::refresh()
{
    const QModelIndex first = cell(0);
    if (!first.isValid()) {
        m_placeholder->setText(m_id.isEmpty() ? tr("Select a record to see all its fields here.")
                                              : tr("This record is no longer in the collection."));
        m_pages->setCurrentIndex(0);
        return;
    }
    m_pages->setCurrentIndex(1);
    for (const auto &field : m_fields)
        refreshField(*field, cell(field->column));
    refreshState(first);
}

void RecordForm::refreshField(Field &field, const QModelIndex &cell)
{
    const QJsonValue value = modelValue(field, cell);
    if (!field.dirty) {
        if (value != field.editor->value()) {
            field.editor->setValue(value); // not the user's edit: edited() stays quiet
            auto *line = qobject_cast<QLineEdit *>(field.editor->editor());
            if (line && !line->hasFocus())
                line->setCursorPosition(0); // show the start of a long value
        }
        field.shown = value;
    } else if (value != field.shown && field.remoteNote.isEmpty()) {
        const QString author = cell.data(RecordTableModel::AuthorRole).toString();
        const QString now = formatFieldValue(field.schema, value, ValueFormat::Cell);
        field.remoteNote = author.isEmpty()
            ? tr("Changed meanwhile to “%1”: saving yours asks which to keep.").arg(now)
            : tr("%1 changed it meanwhile to “%2”: saving yours asks which to keep.").arg(author, now);
        setNote(field, field.remoteNote, false);
    }
    QFont font = field.label->font();
    font.setItalic(cell.data(RecordTableModel::PendingRole).toBool());
    field.label->setFont(font);
    field.label->setToolTip(font.italic() ? tr("Not yet saved on the server") : QString());
    QPalette palette = field.label->palette();
    palette.setColor(QPalette::Window, cell.data(RecordTableModel::RemoteChangeRole).toBool()
                                           ? RecordDelegate::remoteChangeColor()
                                           : QColor(Qt::transparent));
    field.label->setPalette(palette);
    const Qt::ItemFlags flags = m_model->flags(cell);
    field.editor->setEnabled(flags & (Qt::ItemIsEditable | Qt::ItemIsUserCheckable));
}

void RecordForm::refreshState(const QModelIndex &first)
{
    QJsonObject values;
    for (const auto &field : m_fields)
        values.insert(field->schema.name, modelValue(*field, cell(field->column)));
    m_title->setText(recordTitle(m_schema, m_id, values));
    const bool conflict = first.data(RecordTableModel::ConflictRole).toBool();
    const QString author = first.data(RecordTableModel::AuthorRole).toString();
    QString state;
    if (conflict)
        state = tr("Somebody else changed this record too: choose what to keep.");
    else if (first.data(RecordTableModel::DeletedRole).toBool())
        state = tr("Deleted here; waiting for the server to confirm.");
    else if (first.data(RecordTableModel::RecordPendingRole).toBool())
        state = tr("Not yet saved on the server (fields in italics).");
    else
        state = author.isEmpty() ? tr("Saved.") : tr("Saved. Last changed by %1.").arg(author);
    m_state->setText(state);
    setTextColor(m_state, conflict ? QColor(0xc6, 0x28, 0x28) : palette().color(QPalette::WindowText));
    m_resolve->setVisible(conflict);
}

void RecordForm::onEdited(Field &field)
{
    field.dirty = true;
    const QString error = field.editor->error();
    setNote(field, error.isEmpty() ? field.remoteNote : error, !error.isEmpty());
    emitUnsavedIfChanged();
}

bool RecordForm::commitField(Field &field)
{
    if (!field.dirty)
        return true;
    const QModelIndex target = cell(field.column);
    const QString error = field.editor->error();
    if (!error.isEmpty() || !target.isValid()) {
        setNote(field, error.isEmpty() ? tr("The record is gone: this cannot be saved.") : error, true);
        return false;
    }
    const FieldEdit edit{field.schema.toVariant(field.shown), field.schema.toVariant(field.editor->value())};
    QString refusal;
    const auto listener = connect(m_model, &RecordTableModel::editRejected, this,
                                  [&refusal](const QString &message) { refusal = message; });
    field.dirty = false; // the model reports the edit at once: the field then shows it as saved
    const bool saved = m_model->setData(target, QVariant::fromValue(edit), RecordTableModel::FieldEditRole);
    disconnect(listener);
    if (!saved) {
        field.dirty = true;
        setNote(field, refusal.isEmpty() ? tr("This value cannot be saved.") : refusal, true);
        return false;
    }
    field.remoteNote.clear();
    setNote(field, {}, false);
    refresh();
    emitUnsavedIfChanged();
    return true;
}

void RecordForm::revertField(Field &field)
{
    field.dirty = false;
    field.remoteNote.clear();
    setNote(field, {}, false);
    refreshField(field, cell(field.column));
    emitUnsavedIfChanged();
}

void RecordForm::setNote(Field &field, const QString &text, bool error)
{
    field.note->setText(text);
    field.note->setVisible(!text.isEmpty());
    setTextColor(field.note, error ? QColor(0xc6, 0x28, 0x28) : QColor(0x8a, 0x5a, 0x00)); // red, or amber
}

void RecordForm::emitUnsavedIfChanged()
{
    const bool unsaved = hasUnsavedChanges();
    if (unsaved != m_unsaved) {
        m_unsaved = unsaved;
        emit unsavedChangesChanged(unsaved);
    }
}

bool RecordForm::eventFilter(QObject *watched, QEvent *event)
{
    Field *field = fieldOf(watched);
    if (!field)
        return QWidget::eventFilter(watched, event);
    if (event->type() == QEvent::FocusOut
        && static_cast<QFocusEvent *>(event)->reason() != Qt::PopupFocusReason) {
        commitField(*field);
    } else if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape && field->dirty) {
            revertField(*field);
            return true;
        }
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if (enter && key->modifiers().testFlag(Qt::ControlModifier)) {
            commitField(*field);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

RecordForm::Field *RecordForm::fieldOf(const QObject *editorWidget)
{
    for (const auto &field : m_fields) {
        if (field->editor->editor() == editorWidget)
            return field.get();
    }
    return nullptr;
}

QModelIndex RecordForm::cell(int column) const
{
    return m_id.isEmpty() || !m_model ? QModelIndex() : m_model->index(m_model->rowOf(m_id), column);
}

QJsonValue RecordForm::modelValue(const Field &field, const QModelIndex &cell) const
{
    return field.schema.fromVariant(cell.data(Qt::EditRole));
}

} // namespace Etagere
