#include "conflictdialog.h"

#include "fieldeditor.h"
#include "fieldformat.h"
#include "record.h"
#include "recordtitle.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

/// Who changed a field relative to the base copy.
enum class ChangedBy { Nobody, Me, Them, BothAlike, Both };

constexpr int ValueWidth = 190; ///< at most, in pixels, for a value shown in a column
constexpr int ResultColumn = 5;

ChangedBy changedBy(const Conflict &conflict, const QString &field)
{
    const QJsonValue base = fieldValue(conflict.base, field);
    const QJsonValue mine = fieldValue(conflict.mine, field);
    const QJsonValue theirs = fieldValue(conflict.theirs, field);
    const bool meChanged = conflict.hasMine && mine != base;
    const bool theyChanged = conflict.hasTheirs && theirs != base;
    if (meChanged && theyChanged)
        return mine == theirs ? ChangedBy::BothAlike : ChangedBy::Both;
    if (conflict.conflictingFields.contains(field) && conflict.hasMine && conflict.hasTheirs && mine != theirs)
        return ChangedBy::Both; // the engine's judgement (e.g. an edit begun before theirs)
    return meChanged ? ChangedBy::Me : theyChanged ? ChangedBy::Them : ChangedBy::Nobody;
}

QString fieldTitle(const FieldSchema &field)
{
    return field.title.isEmpty() ? field.name : field.title;
}

QString shown(const FieldSchema &field, const QJsonValue &value, ValueFormat format)
{
    const QString text = formatFieldValue(field, value, format);
    return text.isEmpty() ? ConflictDialog::tr("(empty)") : text;
}

QIcon markIcon(const QStyle *style, ChangedBy who)
{
    if (who == ChangedBy::Both)
        return QIcon::fromTheme(u"dialog-warning"_s, style->standardIcon(QStyle::SP_MessageBoxWarning));
    return QIcon::fromTheme(u"dialog-information"_s, style->standardIcon(QStyle::SP_MessageBoxInformation));
}

QLabel *iconLabel(QWidget *parent, ChangedBy who)
{
    auto *label = new QLabel(parent);
    if (who == ChangedBy::Nobody)
        return label;
    const int size = parent->style()->pixelMetric(QStyle::PM_SmallIconSize);
    label->setPixmap(markIcon(parent->style(), who).pixmap(size, size));
    return label;
}

QLabel *boldLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

void setGreyed(QLabel *label)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
}

} // namespace

/// One field with a choice: its radio buttons (ids are int(Side)), its result editor and
/// the line under it that tells why a typed value is not valid.
struct ConflictDialog::Row
{
    FieldSchema field;
    ChangedBy who = ChangedBy::Nobody;
    QButtonGroup *group = nullptr;
    FieldEditor *editor = nullptr;
    QLabel *name = nullptr;
    QLabel *error = nullptr;
};

namespace {

QString statusText(ChangedBy who, const QString &author)
{
    switch (who) {
    case ChangedBy::Both:
        return ConflictDialog::tr("Conflict: both changed it");
    case ChangedBy::Me:
        return ConflictDialog::tr("Merged: your change");
    case ChangedBy::Them:
        return ConflictDialog::tr("Merged: change by %1").arg(author);
    case ChangedBy::BothAlike:
        return ConflictDialog::tr("Merged: same change on both sides");
    case ChangedBy::Nobody:
        break;
    }
    return {};
}

const QJsonObject &copyOf(const Conflict &conflict, ConflictDialog::Side side)
{
    switch (side) {
    case ConflictDialog::Side::Base:
        return conflict.base;
    case ConflictDialog::Side::Theirs:
        return conflict.theirs;
    case ConflictDialog::Side::Mine:
    case ConflictDialog::Side::Custom:
        break;
    }
    return conflict.mine;
}

QString nameText(const FieldSchema &field, const QString &status)
{
    const QString title = u"<b>%1</b>"_s.arg(fieldTitle(field).toHtmlEscaped());
    return status.isEmpty() ? title : u"%1<br><small>%2</small>"_s.arg(title, status.toHtmlEscaped());
}

} // namespace

ConflictDialog::ConflictDialog(const Conflict &conflict, const CollectionSchema &schema, QWidget *parent)
    : QDialog(parent)
    , m_conflict(conflict)
    , m_schema(schema)
{
    setWindowTitle(tr("Resolve Conflict"));
    auto *layout = new QVBoxLayout(this);
    auto *introLabel = new QLabel(intro(), this);
    introLabel->setObjectName(u"intro"_s);
    introLabel->setWordWrap(true);
    introLabel->setTextFormat(Qt::PlainText);
    layout->addWidget(introLabel);

    auto *area = new QScrollArea(this);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setFocusPolicy(Qt::NoFocus); // it scrolls to each focused field by itself
    auto *content = new QWidget(area);
    auto *grid = new QGridLayout(content);
    grid->setHorizontalSpacing(14);
    for (int column = 2; column <= ResultColumn; ++column)
        grid->setColumnStretch(column, 1);
    buildHeader(grid);
    const bool merge = m_conflict.hasMine && m_conflict.hasTheirs;
    for (int i = 0; i < m_schema.fields.size(); ++i) {
        if (merge)
            buildMergeRow(grid, 1 + 2 * i, m_schema.fields.at(i));
        else
            buildDeletedRow(grid, 1 + 2 * i, m_schema.fields.at(i));
    }
    grid->setRowStretch(grid->rowCount(), 1);
    area->setWidget(content);
    layout->addWidget(area, 1);

    m_recordError = new QLabel(this);
    m_recordError->setObjectName(u"recordError"_s);
    m_recordError->setWordWrap(true);
    m_recordError->hide();
    layout->addWidget(m_recordError);
    addButtons();
    layout->addWidget(m_buttons);
    revalidate();

    // As large as the fields need, up to most of the screen; the scroll area takes over beyond.
    const QSize need = content->sizeHint();
    const int bar = style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    const QRect screenArea = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 800);
    area->setMinimumSize(std::min({need.width() + bar + 4, 1100, screenArea.width() - 80}),
                         std::min({need.height() + bar + 4, 480, screenArea.height() / 2}));
    if (!m_rows.empty()) // start on the first field to decide
        m_rows.front()->group->checkedButton()->setFocus();
}

ConflictDialog::~ConflictDialog() = default;

QString ConflictDialog::authorName() const
{
    return m_conflict.theirsAuthor.isEmpty() ? tr("someone else") : m_conflict.theirsAuthor;
}

QString ConflictDialog::intro() const
{
    const QString who = authorName();
    const QString where = m_schema.title.isEmpty() ? m_conflict.collection : m_schema.title;
    const QString what = recordTitle(m_schema, m_conflict.id, m_conflict.hasMine ? m_conflict.mine : m_conflict.theirs,
                                     m_conflict.base);
    if (!m_conflict.hasTheirs && !m_conflict.hasMine)
        return tr("“%1” in %2 was deleted by %3 and by you.").arg(what, where, who);
    if (!m_conflict.hasTheirs) {
        QString text = tr("%1 deleted “%2” from %3 while you were editing it. Restore it with your values, or "
                          "accept the deletion?").arg(who, what, where);
        if (m_conflict.theirsAuthor.isEmpty())
            text[0] = text.at(0).toUpper();
        return text;
    }
    if (!m_conflict.hasMine)
        return tr("You deleted “%1” from %2, but %3 changed it in the meantime. Keep their version, or delete "
                  "it anyway?").arg(what, where, who);
    QString text = tr("%1 changed “%2” in %3 while you were editing it. Fields only one of you changed are merged; "
                      "for each field marked Conflict, choose a value or type one.").arg(who, what, where);
    if (m_conflict.theirsAuthor.isEmpty())
        text[0] = text.at(0).toUpper(); // "someone else" starts the sentence; a user name stays as it is
    return text;
}

void ConflictDialog::buildHeader(QGridLayout *grid)
{
    const auto sideHeader = [this](const QString &title, bool present, const QString &deletedBy) {
        return present ? title : tr("%1 (deleted by %2)").arg(title, deletedBy);
    };
    grid->addWidget(boldLabel(tr("Field"), this), 0, 1);
    grid->addWidget(boldLabel(tr("Base (before)"), this), 0, 2);
    grid->addWidget(boldLabel(sideHeader(tr("Mine"), m_conflict.hasMine, tr("you")), this), 0, 3);
    QLabel *theirs = boldLabel(m_conflict.hasTheirs ? tr("Theirs (%1)").arg(authorName())
                                                    : sideHeader(tr("Theirs"), false, authorName()),
                               this);
    theirs->setObjectName(u"theirsHeader"_s);
    grid->addWidget(theirs, 0, 4);
    if (m_conflict.hasMine && m_conflict.hasTheirs)
        grid->addWidget(boldLabel(tr("Result"), this), 0, ResultColumn);
}

void ConflictDialog::buildMergeRow(QGridLayout *grid, int row, const FieldSchema &field)
{
    const ChangedBy who = changedBy(m_conflict, field.name);
    const QJsonValue values[] = {fieldValue(m_conflict.base, field.name), fieldValue(m_conflict.mine, field.name),
                                 fieldValue(m_conflict.theirs, field.name)};
    auto *name = new QLabel(nameText(field, statusText(who, authorName())), this);
    name->setObjectName(u"field:"_s + field.name);
    name->setTextFormat(Qt::RichText);
    grid->addWidget(iconLabel(this, who), row, 0, Qt::AlignTop);
    grid->addWidget(name, row, 1, Qt::AlignTop);
    if (values[0] == values[1] && values[1] == values[2]) { // nothing to decide
        const QString value = fontMetrics().elidedText(shown(field, values[1], ValueFormat::Cell), Qt::ElideRight,
                                                       2 * ValueWidth);
        auto *same = new QLabel(tr("%1 (unchanged)").arg(value), this);
        same->setTextFormat(Qt::PlainText);
        setGreyed(same);
        grid->addWidget(same, row, 2, 1, 3, Qt::AlignTop);
        return;
    }
    m_marked << field.name;
    auto entry = std::make_unique<Row>();
    Row *r = entry.get();
    r->field = field;
    r->who = who;
    r->name = name;
    r->group = new QButtonGroup(this);
    static const char *const prefixes[] = {"base:", "mine:", "theirs:"};
    for (int side = 0; side < 3; ++side) {
        const QString full = shown(field, values[side], ValueFormat::Full);
        auto *radio = new QRadioButton(this);
        radio->setText(fontMetrics().elidedText(shown(field, values[side], ValueFormat::Cell), Qt::ElideRight,
                                                ValueWidth).replace(u'&', u"&&"_s));
        radio->setToolTip(full);
        radio->setAccessibleName(tr("%1: %2").arg(fieldTitle(field), full));
        radio->setObjectName(QString::fromLatin1(prefixes[side]) + field.name);
        r->group->addButton(radio, side);
        grid->addWidget(radio, row, 2 + side, Qt::AlignTop);

    }
    r->editor = new FieldEditor(field, this);
    r->editor->setObjectName(u"result:"_s + field.name);
    r->editor->setMinimumWidth(ValueWidth + 20);
    grid->addWidget(r->editor, row, ResultColumn, Qt::AlignTop);
    r->error = new QLabel(this);
    r->error->setObjectName(u"error:"_s + field.name);
    r->error->setWordWrap(true);
    r->error->setTextFormat(Qt::PlainText);
    r->error->hide();
    grid->addWidget(r->error, row + 1, 2, 1, 4);

    const Side initial = who == ChangedBy::Them ? Side::Theirs : Side::Mine;
    r->group->button(int(initial))->setChecked(true);
    r->editor->setValue(values[int(initial)]);
    updateTabStop(r);
    connect(r->group, &QButtonGroup::idToggled, this, [this, r](int id, bool checked) {
        updateTabStop(r);
        if (checked)
            onRadio(r, Side(id));
    });
    connect(r->editor, &FieldEditor::edited, this, [this, r] { onTyped(r); });
    m_rows.push_back(std::move(entry));
}

void ConflictDialog::buildDeletedRow(QGridLayout *grid, int row, const FieldSchema &field)
{
    const ChangedBy who = changedBy(m_conflict, field.name);
    const QString status = who == ChangedBy::Me     ? tr("Changed by you")
                           : who == ChangedBy::Them ? tr("Changed by %1").arg(authorName())
                                                    : QString();
    auto *name = new QLabel(nameText(field, status), this);
    name->setObjectName(u"field:"_s + field.name);
    name->setTextFormat(Qt::RichText);
    grid->addWidget(iconLabel(this, who), row, 0, Qt::AlignTop);
    grid->addWidget(name, row, 1, Qt::AlignTop);
    if (who != ChangedBy::Nobody)
        m_marked << field.name;
    const bool present[] = {true, m_conflict.hasMine, m_conflict.hasTheirs};
    const QJsonObject *sides[] = {&m_conflict.base, &m_conflict.mine, &m_conflict.theirs};
    for (int side = 0; side < 3; ++side) {
        auto *value = new QLabel(this);
        value->setTextFormat(Qt::PlainText);
        if (present[side]) {
            value->setText(fontMetrics().elidedText(shown(field, fieldValue(*sides[side], field.name), ValueFormat::Cell),
                                                    Qt::ElideRight, ValueWidth));
        } else {
            value->setText(tr("— deleted —"));
            setGreyed(value);
        }
        grid->addWidget(value, row, 2 + side, Qt::AlignTop);
    }
}

void ConflictDialog::addButtons()
{
    m_buttons = new QDialogButtonBox(this);
    auto add = [this](const QString &text, QDialogButtonBox::ButtonRole role, Outcome outcome) {
        QPushButton *button = m_buttons->addButton(text, role);
        connect(button, &QPushButton::clicked, this, [this, outcome] { finish(outcome); });
        return button;
    };
    if (m_conflict.hasMine && m_conflict.hasTheirs) {
        QPushButton *mine = m_buttons->addButton(tr("Use All &Mine"), QDialogButtonBox::ActionRole);
        connect(mine, &QPushButton::clicked, this, [this] { chooseAll(Side::Mine); });
        QPushButton *theirs = m_buttons->addButton(tr("Use All &Theirs"), QDialogButtonBox::ActionRole);
        connect(theirs, &QPushButton::clicked, this, [this] { chooseAll(Side::Theirs); });
        m_save = add(tr("&Save"), QDialogButtonBox::AcceptRole, Outcome::Write);
    } else if (m_conflict.hasMine) {
        m_save = add(tr("&Restore with My Values"), QDialogButtonBox::AcceptRole, Outcome::Write);
        add(tr("&Accept the Deletion"), QDialogButtonBox::DestructiveRole, Outcome::Delete);
    } else if (m_conflict.hasTheirs) {
        m_save = add(tr("&Keep Their Version"), QDialogButtonBox::AcceptRole, Outcome::Write);
        add(tr("&Delete Anyway"), QDialogButtonBox::DestructiveRole, Outcome::Delete);
    } else {
        m_save = add(tr("&Accept the Deletion"), QDialogButtonBox::AcceptRole, Outcome::Delete);
    }
    m_save->setDefault(true);
    QPushButton *cancel = m_buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setToolTip(tr("Decide later: your edit stays pending and the conflict stays listed"));
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
}

void ConflictDialog::updateTabStop(Row *row)
{
    // One Tab stop per row's choice, on the chosen side (the first when a value is typed),
    // as in any radio group: the arrow keys move along the row.
    QAbstractButton *stop = row->group->checkedButton() ? row->group->checkedButton() : row->group->button(0);
    const QList<QAbstractButton *> buttons = row->group->buttons();
    for (QAbstractButton *button : buttons)
        button->setFocusPolicy(button == stop ? Qt::StrongFocus : Qt::ClickFocus);
}

void ConflictDialog::chooseAll(Side side)
{
    for (const auto &row : m_rows)
        row->group->button(int(side))->setChecked(true);
}

void ConflictDialog::onRadio(Row *row, Side side)
{
    row->editor->setValue(fieldValue(copyOf(m_conflict, side), row->field.name));
    row->name->setText(nameText(row->field, statusText(row->who, authorName())));
    revalidate();
}

void ConflictDialog::onTyped(Row *row)
{
    // A typed value that is no longer the chosen side's is the user's own: no radio stays checked.
    if (QAbstractButton *checked = row->group->checkedButton()) {
        const Side side = Side(row->group->id(checked));
        if (fieldValue(copyOf(m_conflict, side), row->field.name) != row->editor->value()) {
            row->group->setExclusive(false);
            checked->setChecked(false);
            row->group->setExclusive(true);
        }
    }
    if (!row->group->checkedButton()) {
        const QString status = statusText(row->who, authorName());
        row->name->setText(nameText(row->field, status.isEmpty() ? tr("Typed value") : status + tr(" · typed value")));
    }
    revalidate();
}

void ConflictDialog::revalidate()
{
    bool valid = true;
    for (const auto &row : m_rows) {
        const QString error = row->editor->error();
        row->error->setText(error.isEmpty() ? QString() : tr("Not valid: %1").arg(error));
        row->error->setVisible(!error.isEmpty());
        valid = valid && error.isEmpty();
    }
    QString recordError;
    if (valid && m_conflict.hasMine && m_conflict.hasTheirs) {
        if (const ValidationResult result = m_schema.validate(merged()); !result)
            recordError = tr("Not valid: %1").arg(result.detail);
    }
    m_recordError->setText(recordError);
    m_recordError->setVisible(!recordError.isEmpty());
    valid = valid && recordError.isEmpty();
    if (m_save)
        m_save->setEnabled(valid);
}

void ConflictDialog::finish(Outcome outcome)
{
    if (outcome == Outcome::Write && !canSave())
        return;
    m_outcome = outcome;
    m_resolved = outcome == Outcome::Write ? merged() : QJsonObject();
    accept();
}

QJsonObject ConflictDialog::merged() const
{
    if (!m_conflict.hasTheirs)
        return m_conflict.mine;
    if (!m_conflict.hasMine)
        return m_conflict.theirs;
    QJsonObject result;
    for (const FieldSchema &field : m_schema.fields) {
        if (const Row *row = rowOf(field.name))
            result.insert(field.name, row->editor->value());
        else if (m_conflict.mine.contains(field.name))
            result.insert(field.name, m_conflict.mine.value(field.name));
    }
    return result;
}

ConflictDialog::Row *ConflictDialog::rowOf(const QString &field) const
{
    for (const auto &row : m_rows) {
        if (row->field.name == field)
            return row.get();
    }
    return nullptr;
}

const Conflict &ConflictDialog::conflict() const
{
    return m_conflict;
}

QStringList ConflictDialog::markedFields() const
{
    return m_marked;
}

QStringList ConflictDialog::conflictingFields() const
{
    QStringList fields;
    for (const auto &row : m_rows) {
        if (row->who == ChangedBy::Both)
            fields << row->field.name;
    }
    return fields;
}

ConflictDialog::Side ConflictDialog::choice(const QString &field) const
{
    const Row *row = rowOf(field);
    if (!row)
        return Side::Mine;
    const int id = row->group->checkedId();
    return id < 0 ? Side::Custom : Side(id);
}

void ConflictDialog::setChoice(const QString &field, Side side)
{
    if (Row *row = rowOf(field); row && side != Side::Custom)
        row->group->button(int(side))->setChecked(true);
}

QJsonValue ConflictDialog::resultValue(const QString &field) const
{
    if (const Row *row = rowOf(field))
        return row->editor->value();
    return fieldValue(m_conflict.hasMine ? m_conflict.mine : m_conflict.theirs, field);
}

QString ConflictDialog::fieldError(const QString &field) const
{
    const Row *row = rowOf(field);
    return row ? row->editor->error() : QString();
}

bool ConflictDialog::canSave() const
{
    return m_save && m_save->isEnabled();
}

ConflictDialog::Outcome ConflictDialog::outcome() const
{
    return m_outcome;
}

QJsonObject ConflictDialog::resolved() const
{
    return m_resolved;
}

} // namespace Etagere
