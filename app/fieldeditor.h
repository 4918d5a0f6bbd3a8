#pragma once

#include "fieldschema.h"

#include <QJsonValue>
#include <QWidget>

namespace Etagere {

/// An editor for one value of a schema field, chosen by the field's type: a line edit for
/// string, integer and number (what is typed is parsed through FieldSchema::fromVariant and
/// judged by FieldSchema::checkValue, so a bad number is reported rather than hidden), a
/// three-line text edit for text, a combo box for enum and boolean (with an empty choice
/// when the field is not required), a date or date-time edit with a calendar popup ("(none)"
/// at its minimum when the field is not required).
///
/// value() is the wire value; error() says why it breaks the schema (empty when it fits).
/// edited() is emitted for the user's changes only, never for setValue(). The inner editor
/// is the focus proxy, so the widget takes part in a tab order like the editor itself.
class FieldEditor : public QWidget
{
    Q_OBJECT

public:
    explicit FieldEditor(const FieldSchema &field, QWidget *parent = nullptr);
    ~FieldEditor() override;

    [[nodiscard]] const FieldSchema &field() const;
    [[nodiscard]] QJsonValue value() const;
    /// Shows `value` without emitting edited().
    void setValue(const QJsonValue &value);
    /// Empty when value() fits the field, else the schema's reason.
    [[nodiscard]] QString error() const;
    /// The inner editor (QLineEdit, QPlainTextEdit, QComboBox or QDateTimeEdit).
    [[nodiscard]] QWidget *editor() const;

Q_SIGNALS:
    void edited();

private:
    void createEditor();
    void userEdited();
    [[nodiscard]] QVariant editorValue() const;

    FieldSchema m_field;
    QWidget *m_editor = nullptr;
    bool m_setting = false; ///< inside setValue(): changes are not the user's
};

} // namespace Etagere
