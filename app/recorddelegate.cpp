#include "recorddelegate.h"

#include "fieldschema.h"
#include "recordtablemodel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QValidator>

#include <limits>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

/// Stands for null in the date editors of fields that are not required (shown as "(none)").
const QDate kNullDate(100, 1, 1);

/// Editor property: the FieldEdit whose `from` is the value the cell held when it opened.
constexpr char kEditedFrom[] = "etagereEditedFrom";

/// Accepts what fits a qint64: an optional sign and decimal digits, nothing that overflows.
class Int64Validator : public QValidator
{
public:
    using QValidator::QValidator;

    State validate(QString &input, int &) const override
    {
        const QString text = input.trimmed();
        if (text.isEmpty() || text == u"-"_s || text == u"+"_s)
            return Intermediate;
        const qsizetype start = text.front() == u'-' || text.front() == u'+' ? 1 : 0;
        for (qsizetype i = start; i < text.size(); ++i) {
            if (!text.at(i).isDigit())
                return Invalid;
        }
        bool ok = false;
        text.toLongLong(&ok);
        return ok ? Acceptable : Invalid;
    }
};

/// A spin box for any double: shortest exact text, no rounding to a fixed number of
/// decimals, the whole range of double.
class NumberSpinBox : public QDoubleSpinBox
{
public:
    explicit NumberSpinBox(QWidget *parent)
        : QDoubleSpinBox(parent)
    {
        setDecimals(323); // the maximum: setValue() must not round what the user has
        setRange(std::numeric_limits<double>::lowest(), std::numeric_limits<double>::max());
    }

    QString textFromValue(double value) const override
    {
        return locale().toString(value, 'g', QLocale::FloatingPointShortest);
    }

    double valueFromText(const QString &text) const override { return locale().toDouble(text.trimmed()); }

    QValidator::State validate(QString &input, int &) const override
    {
        const QString text = input.trimmed();
        if (!specialValueText().isEmpty() && input == specialValueText())
            return QValidator::Acceptable;
        bool ok = false;
        locale().toDouble(text, &ok);
        if (ok)
            return QValidator::Acceptable;
        return looksLikeStartOfNumber(text) ? QValidator::Intermediate : QValidator::Invalid;
    }

private:
    bool looksLikeStartOfNumber(const QString &text) const
    {
        const QString allowed = u"+-eE"_s + locale().decimalPoint() + locale().groupSeparator();
        return std::all_of(text.cbegin(), text.cend(), [&](QChar c) { return c.isDigit() || allowed.contains(c); });
    }
};

FieldType typeOf(const QModelIndex &index)
{
    return index.data(RecordTableModel::FieldTypeRole).value<FieldType>();
}

bool isRequired(const QModelIndex &index)
{
    return index.data(RecordTableModel::FieldRequiredRole).toBool();
}

/// The locale's short date format, always with a four-digit year.
QString dateFormat()
{
    QString format = QLocale().dateFormat(QLocale::ShortFormat);
    if (!format.contains(u"yyyy"_s))
        format.replace(u"yy"_s, u"yyyy"_s);
    return format;
}

QWidget *createDateEditor(QWidget *parent, FieldType type, bool required)
{
    QDateTimeEdit *edit = type == FieldType::Date ? new QDateEdit(parent) : new QDateTimeEdit(parent);
    edit->setCalendarPopup(true);
    if (type == FieldType::DateTime) {
        edit->setTimeSpec(Qt::LocalTime);
        edit->setDisplayFormat(dateFormat() + u" HH:mm:ss"_s);
    } else {
        edit->setDisplayFormat(dateFormat());
    }
    if (!required) {
        edit->setMinimumDate(kNullDate);
        edit->setSpecialValueText(RecordDelegate::tr("(none)"));
    }
    return edit;
}

QWidget *createEnumEditor(QWidget *parent, const QModelIndex &index)
{
    auto *combo = new QComboBox(parent);
    if (!isRequired(index))
        combo->addItem(QString(), QVariant());
    const QStringList values = index.data(RecordTableModel::FieldValuesRole).toStringList();
    for (const QString &value : values)
        combo->addItem(value, value);
    return combo;
}

QWidget *createNumberEditor(QWidget *parent, bool required)
{
    auto *spin = new NumberSpinBox(parent);
    if (!required)
        spin->setSpecialValueText(RecordDelegate::tr("(none)")); // shown at the minimum, which stands for null
    return spin;
}

QWidget *createLineEditor(QWidget *parent, bool integer)
{
    auto *edit = new QLineEdit(parent);
    if (integer) {
        edit->setValidator(new Int64Validator(edit));
        edit->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    return edit;
}

void setDateEditorData(QDateTimeEdit *edit, const QVariant &value)
{
    if (!value.isValid())
        edit->setDate(edit->specialValueText().isEmpty() ? QDate::currentDate() : edit->minimumDate());
    else if (value.metaType() == QMetaType::fromType<QDate>())
        edit->setDate(value.toDate());
    else
        edit->setDateTime(value.toDateTime().toLocalTime());
}

QVariant dateEditorValue(const QDateTimeEdit *edit, FieldType type)
{
    if (!edit->specialValueText().isEmpty() && edit->date() == edit->minimumDate())
        return {};
    if (type == FieldType::Date)
        return edit->date();
    return edit->dateTime().toUTC();
}

void setNumberEditorData(QDoubleSpinBox *spin, const QVariant &value)
{
    if (!value.isValid() && !spin->specialValueText().isEmpty())
        spin->setValue(spin->minimum());
    else
        spin->setValue(value.toDouble());
}

QVariant numberEditorValue(QDoubleSpinBox *spin)
{
    spin->interpretText();
    if (!spin->specialValueText().isEmpty() && spin->value() == spin->minimum())
        return {};
    return spin->value();
}

void setComboEditorData(QComboBox *combo, const QVariant &value)
{
    int row = combo->findData(value);
    if (row < 0 && value.isValid()) { // a value the schema does not list: show it as it is
        combo->addItem(value.toString(), value);
        row = combo->count() - 1;
    }
    combo->setCurrentIndex(std::max(row, 0));
}

QVariant integerValue(const QString &text)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    return ok ? QVariant(value) : QVariant();
}

/// A text editor left empty writes null for a field that is not required.
QVariant textValue(const QString &text, bool required)
{
    return text.isEmpty() && !required ? QVariant() : QVariant(text);
}

QIcon stateIcon(const QModelIndex &index, const QStyle *style)
{
    if (index.data(RecordTableModel::ConflictRole).toBool())
        return QIcon::fromTheme(u"dialog-warning"_s, style->standardIcon(QStyle::SP_MessageBoxWarning));
    if (index.data(RecordTableModel::DeletedRole).toBool())
        return QIcon::fromTheme(u"edit-delete"_s, style->standardIcon(QStyle::SP_TrashIcon));
    if (index.data(RecordTableModel::RecordPendingRole).toBool())
        return QIcon::fromTheme(u"view-refresh"_s, style->standardIcon(QStyle::SP_BrowserReload));
    return {};
}

} // namespace

RecordDelegate::RecordDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

RecordDelegate::~RecordDelegate() = default;

QColor RecordDelegate::remoteChangeColor()
{
    return QColor(255, 214, 90, 150);
}

QColor RecordDelegate::conflictColor()
{
    return QColor(229, 57, 53, 45);
}

QWidget *RecordDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &index) const
{
    const FieldType type = typeOf(index);
    switch (type) {
    case FieldType::String:
        return createLineEditor(parent, false);
    case FieldType::Text: {
        auto *edit = new QPlainTextEdit(parent);
        edit->setTabChangesFocus(true);
        return edit;
    }
    case FieldType::Integer:
        return createLineEditor(parent, true);
    case FieldType::Number:
        return createNumberEditor(parent, isRequired(index));
    case FieldType::Boolean: {
        auto *box = new QCheckBox(parent);
        box->setAutoFillBackground(true);
        return box;
    }
    case FieldType::Date:
    case FieldType::DateTime:
        return createDateEditor(parent, type, isRequired(index));
    case FieldType::Enum:
        return createEnumEditor(parent, index);
    }
    return nullptr;
}

void RecordDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    // The view calls this again whenever the cell changes, e.g. by a remote change while
    // the user types: keep what they typed, and remember the value they started from so
    // that their edit becomes a conflict rather than overwriting the other person's.
    if (editor->property(kEditedFrom).isValid())
        return;
    const QVariant value = index.data(Qt::EditRole);
    editor->setProperty(kEditedFrom, QVariant::fromValue(FieldEdit{value, {}}));
    if (auto *text = qobject_cast<QPlainTextEdit *>(editor))
        text->setPlainText(value.toString());
    else if (auto *box = qobject_cast<QCheckBox *>(editor))
        box->setChecked(value.toBool());
    else if (auto *combo = qobject_cast<QComboBox *>(editor))
        setComboEditorData(combo, value);
    else if (auto *date = qobject_cast<QDateTimeEdit *>(editor))
        setDateEditorData(date, value);
    else if (auto *spin = qobject_cast<QDoubleSpinBox *>(editor))
        setNumberEditorData(spin, value);
    else if (auto *line = qobject_cast<QLineEdit *>(editor))
        line->setText(typeOf(index) == FieldType::Integer && value.isValid() ? QString::number(value.toLongLong())
                                                                               : value.toString());
}

void RecordDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    const FieldType type = typeOf(index);
    const bool required = isRequired(index);
    QVariant value;
    if (auto *text = qobject_cast<QPlainTextEdit *>(editor))
        value = textValue(text->toPlainText(), required);
    else if (auto *box = qobject_cast<QCheckBox *>(editor))
        value = box->isChecked();
    else if (auto *combo = qobject_cast<QComboBox *>(editor))
        value = combo->currentData();
    else if (auto *date = qobject_cast<QDateTimeEdit *>(editor))
        value = dateEditorValue(date, type);
    else if (auto *spin = qobject_cast<QDoubleSpinBox *>(editor))
        value = numberEditorValue(spin);
    else if (auto *line = qobject_cast<QLineEdit *>(editor))
        value = type == FieldType::Integer ? integerValue(line->text()) : textValue(line->text(), required);
    else
        return;
    FieldEdit edit = editor->property(kEditedFrom).value<FieldEdit>();
    edit.to = value;
    model->setData(index, QVariant::fromValue(edit), RecordTableModel::FieldEditRole);
}

void RecordDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                          const QModelIndex &index) const
{
    if (typeOf(index) != FieldType::Text) {
        QStyledItemDelegate::updateEditorGeometry(editor, option, index);
        return;
    }
    // A multi-line editor needs more room than one row: grow down (or up near the bottom).
    QRect rect = option.rect;
    rect.setHeight(std::max(rect.height(), editor->fontMetrics().lineSpacing() * 5 + 8));
    rect.setWidth(std::max(rect.width(), 280));
    const QWidget *viewport = editor->parentWidget();
    if (viewport && rect.bottom() > viewport->height())
        rect.moveBottom(std::max(option.rect.bottom(), viewport->height() - 1));
    editor->setGeometry(rect);
}

void RecordDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(RecordTableModel::PendingRole).toBool())
        option->font.setItalic(true);
    if (index.data(RecordTableModel::DeletedRole).toBool()) {
        option->font.setStrikeOut(true);
        option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
    }
    if (index.data(RecordTableModel::RemoteChangeRole).toBool())
        option->backgroundBrush = remoteChangeColor();
    else if (index.data(RecordTableModel::ConflictRole).toBool())
        option->backgroundBrush = conflictColor();
    if (index.column() == 0) {
        const QStyle *style = option->widget ? option->widget->style() : QApplication::style();
        const QIcon icon = stateIcon(index, style);
        if (!icon.isNull()) {
            option->icon = icon;
            option->features |= QStyleOptionViewItem::HasDecoration;
        }
    }
}

} // namespace Etagere
