#include "recorddelegate.h"

#include "fieldschema.h"
#include "personcolor.h"
#include "presenceentry.h"
#include "recordtablemodel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPointer>
#include <QToolTip>
#include <QValidator>

#include <limits>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

/// Stands for null in the date editors of fields that are not required (shown as "(none)").
const QDate kNullDate(100, 1, 1);

/// Editor property: the FieldEdit whose `from` is the value the cell held when it opened.
constexpr char kEditedFrom[] = "etagereEditedFrom";
/// Editor property: the id of the record it edits (RecordTableModel::RecordIdRole).
constexpr char kRecordId[] = "etagereRecordId";
/// Editor property: QPointer<QObject> to its presence hint (a QLabel beside it in the viewport).
constexpr char kHint[] = "etagerePresenceHint";

/// Presence badges shown at most; more people show as "+N".
constexpr int MaxBadges = 3;
/// Opacity of a remote change's highlight in the author's colour, at full strength.
constexpr int RemoteChangeAlpha = 80;

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

PresenceList presenceOf(const QModelIndex &index)
{
    return index.data(RecordTableModel::PresenceRole).value<PresenceList>();
}

QString initialOf(const QString &user)
{
    const QString name = user.trimmed();
    return name.isEmpty() ? u"?"_s : name.left(1).toUpper();
}

/// One round badge: filled in the person's colour while they edit, a ring while they view.
void paintBadge(QPainter *painter, const QRectF &circle, const PresenceEntry &entry, const QPalette &palette)
{
    const QColor color = personColor(entry.user);
    const bool editing = entry.state == Presence::State::Editing;
    painter->setPen(QPen(editing ? palette.color(QPalette::Base) : color, editing ? 1.5 : 2.0));
    painter->setBrush(editing ? color : palette.color(QPalette::Base));
    painter->drawEllipse(circle.adjusted(1, 1, -1, -1));
    painter->setPen(editing ? QColor(Qt::white) : color);
    painter->drawText(circle, Qt::AlignCenter, initialOf(entry.user));
}

/// The "+N" badge for the people beyond MaxBadges.
void paintMoreBadge(QPainter *painter, const QRectF &circle, int more, const QPalette &palette)
{
    painter->setPen(QPen(palette.color(QPalette::Base), 1.5));
    painter->setBrush(palette.color(QPalette::Dark));
    painter->drawEllipse(circle.adjusted(1, 1, -1, -1));
    painter->setPen(Qt::white);
    painter->drawText(circle, Qt::AlignCenter, u"+%1"_s.arg(more));
}

/// The bar on the cell's left edge and the badges in `area`, the first person on top.
void paintPresence(QPainter *painter, const QRect &cell, const QRect &area, const PresenceList &presence,
                   const QPalette &palette)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->fillRect(QRect(cell.left(), cell.top(), 3, cell.height()), personColor(presence.constFirst().user));
    QFont font = painter->font();
    font.setBold(true);
    font.setPixelSize(std::max(7, area.height() * 11 / 20));
    painter->setFont(font);
    const int shown = int(std::min<qsizetype>(presence.size(), MaxBadges));
    const int badgeCount = shown + (presence.size() > shown ? 1 : 0);
    const qreal step = badgeCount > 1 ? qreal(area.width() - area.height()) / (badgeCount - 1) : 0;
    for (int slot = badgeCount - 1; slot >= 0; --slot) {
        const QRectF circle(area.left() + slot * step, area.top(), area.height(), area.height());
        if (slot < shown)
            paintBadge(painter, circle, presence.at(slot), palette);
        else
            paintMoreBadge(painter, circle, int(presence.size()) - shown, palette);
    }
    painter->restore();
}

QLabel *hintOf(const QWidget *editor)
{
    return qobject_cast<QLabel *>(editor->property(kHint).value<QPointer<QObject>>().data());
}

/// A small note that sits below the editor (above it near the bottom of the view).
void attachHint(QWidget *editor)
{
    if (!editor->parentWidget())
        return; // nowhere to show it
    auto *hint = new QLabel(editor->parentWidget());
    hint->setObjectName(u"presenceHint"_s);
    hint->setAttribute(Qt::WA_TransparentForMouseEvents);
    hint->setFocusPolicy(Qt::NoFocus);
    hint->setForegroundRole(QPalette::ToolTipText);
    hint->setBackgroundRole(QPalette::ToolTipBase);
    hint->setAutoFillBackground(true);
    hint->setFrameShape(QFrame::Box);
    hint->setMargin(2);
    hint->hide();
    editor->setProperty(kHint, QVariant::fromValue(QPointer<QObject>(hint)));
    QObject::connect(editor, &QObject::destroyed, hint, &QObject::deleteLater);
}

void placeHint(const QWidget *editor, QLabel *hint)
{
    hint->adjustSize();
    const QRect at = editor->geometry();
    QPoint position(at.left(), at.bottom() + 2);
    const QWidget *viewport = editor->parentWidget();
    if (viewport && position.y() + hint->height() > viewport->height())
        position.setY(at.top() - hint->height() - 2);
    hint->move(position);
    hint->raise();
}

/// Shows who else edits the record the editor is for; hides the hint when nobody does.
void updateHint(const QWidget *editor, const QModelIndex &index)
{
    QLabel *hint = hintOf(editor);
    if (!hint)
        return;
    const QString warning = editingWarning(presenceOf(index));
    hint->setText(warning);
    hint->setVisible(!warning.isEmpty());
    if (!warning.isEmpty())
        placeHint(editor, hint);
}

QWidget *createTypedEditor(QWidget *parent, const QModelIndex &index)
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

QColor RecordDelegate::remoteChangeColor(const QString &author, qreal strength)
{
    QColor color = remoteChangeColor();
    if (!author.isEmpty()) {
        color = personColor(author);
        color.setAlpha(RemoteChangeAlpha);
    }
    color.setAlphaF(color.alphaF() * std::clamp(strength, 0.0, 1.0));
    return color;
}

QRect RecordDelegate::presenceArea(const QRect &cell, int count)
{
    if (count <= 0)
        return {};
    const int badgeCount = std::min(count, MaxBadges) + (count > MaxBadges ? 1 : 0);
    const int diameter = std::clamp(cell.height() - 6, 10, 18);
    const int width = diameter + (badgeCount - 1) * (diameter * 3 / 4);
    return QRect(cell.right() - 3 - width + 1, cell.top() + (cell.height() - diameter) / 2, width, diameter);
}

QWidget *RecordDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &index) const
{
    QWidget *editor = createTypedEditor(parent, index);
    if (!editor)
        return nullptr;
    const QString id = index.data(RecordTableModel::RecordIdRole).toString();
    editor->setProperty(kRecordId, id);
    attachHint(editor);
    Q_EMIT editorOpened(id);
    return editor;
}

void RecordDelegate::destroyEditor(QWidget *editor, const QModelIndex &index) const
{
    const QString id = editor->property(kRecordId).toString();
    if (QLabel *hint = hintOf(editor))
        hint->hide();
    QStyledItemDelegate::destroyEditor(editor, index);
    Q_EMIT editorClosed(id);
}

void RecordDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    updateHint(editor, index); // presence changes reach an open editor through here too
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
    updateHint(editor, index);
}

void RecordDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const PresenceList presence = index.column() == 0 ? presenceOf(index) : PresenceList();
    if (presence.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const QRect area = presenceArea(option.rect, int(presence.size()));
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget); // also under the badges
    opt.rect.setRight(area.left() - 2); // the text ends before the badges
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    paintPresence(painter, option.rect, area, presence, option.palette);
}

bool RecordDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                               const QModelIndex &index)
{
    const PresenceList presence = index.column() == 0 ? presenceOf(index) : PresenceList();
    if (!view || event->type() != QEvent::ToolTip
        || !presenceArea(option.rect, int(presence.size())).contains(event->pos()))
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    QStringList lines;
    for (const PresenceEntry &entry : presence)
        lines << describePresence(entry);
    QToolTip::showText(event->globalPos(), lines.join(u'\n'), view->viewport(), option.rect);
    return true;
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
    if (index.data(RecordTableModel::RemoteChangeRole).toBool()) {
        const QVariant strength = index.data(RecordTableModel::RemoteChangeStrengthRole);
        option->backgroundBrush = remoteChangeColor(index.data(RecordTableModel::RemoteAuthorRole).toString(),
                                                    strength.isValid() ? strength.toReal() : 1.0);
    }
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
