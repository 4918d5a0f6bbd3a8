#include "fieldeditor.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

/// Stands for null in the date editors of fields that are not required.
const QDate kNullDate(100, 1, 1);

QComboBox *choiceEditor(QWidget *parent, const FieldSchema &field)
{
    auto *combo = new QComboBox(parent);
    if (!field.required)
        combo->addItem(FieldEditor::tr("(none)"), QVariant());
    if (field.type == FieldType::Boolean) {
        combo->addItem(FieldEditor::tr("Yes"), true);
        combo->addItem(FieldEditor::tr("No"), false);
    } else {
        for (const QString &value : field.values)
            combo->addItem(value, value);
    }
    return combo;
}

QDateTimeEdit *dateEditor(QWidget *parent, const FieldSchema &field)
{
    const bool dateOnly = field.type == FieldType::Date;
    QDateTimeEdit *edit = dateOnly ? new QDateEdit(parent) : new QDateTimeEdit(parent);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(dateOnly ? u"yyyy-MM-dd"_s : u"yyyy-MM-dd HH:mm:ss"_s);
    if (!dateOnly)
        edit->setTimeSpec(Qt::LocalTime);
    if (!field.required) {
        edit->setMinimumDate(kNullDate);
        edit->setSpecialValueText(FieldEditor::tr("(none)"));
    }
    return edit;
}

QString numberText(const FieldSchema &field, const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return {};
    if (!value.isDouble())
        return value.toVariant().toString(); // shown as it is: the schema will say what is wrong
    if (field.type == FieldType::Integer)
        return QString::number(value.toInteger());
    return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
}

} // namespace

FieldEditor::FieldEditor(const FieldSchema &field, QWidget *parent)
    : QWidget(parent)
    , m_field(field)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    createEditor();
    layout->addWidget(m_editor);
    setFocusProxy(m_editor);
    m_editor->setAccessibleName(tr("Merged value of %1").arg(field.title.isEmpty() ? field.name : field.title));
}

FieldEditor::~FieldEditor() = default;

void FieldEditor::createEditor()
{
    switch (m_field.type) {
    case FieldType::String:
    case FieldType::Integer:
    case FieldType::Number: {
        auto *line = new QLineEdit(this);
        connect(line, &QLineEdit::textChanged, this, &FieldEditor::userEdited);
        m_editor = line;
        return;
    }
    case FieldType::Text: {
        auto *text = new QPlainTextEdit(this);
        text->setTabChangesFocus(true);
        text->setFixedHeight(text->fontMetrics().lineSpacing() * 3 + 12);
        connect(text, &QPlainTextEdit::textChanged, this, &FieldEditor::userEdited);
        m_editor = text;
        return;
    }
    case FieldType::Boolean:
    case FieldType::Enum: {
        QComboBox *combo = choiceEditor(this, m_field);
        connect(combo, &QComboBox::currentIndexChanged, this, &FieldEditor::userEdited);
        m_editor = combo;
        return;
    }
    case FieldType::Date:
    case FieldType::DateTime: {
        QDateTimeEdit *edit = dateEditor(this, m_field);
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, &FieldEditor::userEdited);
        m_editor = edit;
        return;
    }
    }
}

const FieldSchema &FieldEditor::field() const
{
    return m_field;
}

QWidget *FieldEditor::editor() const
{
    return m_editor;
}

void FieldEditor::userEdited()
{
    if (!m_setting)
        Q_EMIT edited();
}

QVariant FieldEditor::editorValue() const
{
    if (auto *line = qobject_cast<QLineEdit *>(m_editor)) {
        const bool empty = line->text().isEmpty();
        return empty && (m_field.type != FieldType::String || !m_field.required) ? QVariant() : line->text();
    }
    if (auto *text = qobject_cast<QPlainTextEdit *>(m_editor))
        return text->toPlainText().isEmpty() && !m_field.required ? QVariant() : text->toPlainText();
    if (auto *combo = qobject_cast<QComboBox *>(m_editor))
        return combo->currentData();
    auto *date = qobject_cast<QDateTimeEdit *>(m_editor);
    if (!date->specialValueText().isEmpty() && date->date() == date->minimumDate())
        return {};
    return m_field.type == FieldType::Date ? QVariant(date->date()) : QVariant(date->dateTime().toUTC());
}

QJsonValue FieldEditor::value() const
{
    return m_field.fromVariant(editorValue());
}

QString FieldEditor::error() const
{
    return m_field.checkValue(value());
}

void FieldEditor::setValue(const QJsonValue &value)
{
    m_setting = true;
    const QVariant typed = m_field.toVariant(value);
    if (auto *line = qobject_cast<QLineEdit *>(m_editor)) {
        line->setText(m_field.type == FieldType::String ? typed.toString() : numberText(m_field, value));
    } else if (auto *text = qobject_cast<QPlainTextEdit *>(m_editor)) {
        text->setPlainText(typed.toString());
    } else if (auto *combo = qobject_cast<QComboBox *>(m_editor)) {
        int row = combo->findData(typed);
        if (row < 0 && typed.isValid()) { // a value the schema does not list: shown as it is
            combo->addItem(typed.toString(), typed);
            row = combo->count() - 1;
        }
        combo->setCurrentIndex(std::max(row, 0));
    } else if (auto *date = qobject_cast<QDateTimeEdit *>(m_editor)) {
        if (!typed.isValid())
            date->setDate(date->specialValueText().isEmpty() ? QDate::currentDate() : date->minimumDate());
        else if (m_field.type == FieldType::Date)
            date->setDate(typed.toDate());
        else
            date->setDateTime(typed.toDateTime().toLocalTime());
    }
    m_setting = false;
}

} // namespace Etagere
