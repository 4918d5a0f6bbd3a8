#include "conflictdialog.h"

#include "fieldformat.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

/// Who changed a field relative to the base copy.
enum class ChangedBy { Nobody, Me, Them, Both };

QJsonValue valueOf(const QJsonObject &data, const QString &field)
{
    const QJsonValue value = data.value(field);
    return value.isUndefined() ? QJsonValue(QJsonValue::Null) : value;
}

ChangedBy changedBy(const Conflict &conflict, const QString &field)
{
    if (conflict.conflictingFields.contains(field))
        return ChangedBy::Both;
    const QJsonValue base = valueOf(conflict.base, field);
    const bool mine = conflict.hasMine && valueOf(conflict.mine, field) != base;
    const bool theirs = conflict.hasTheirs && valueOf(conflict.theirs, field) != base;
    if (mine && theirs)
        return ChangedBy::Both;
    return mine ? ChangedBy::Me : theirs ? ChangedBy::Them : ChangedBy::Nobody;
}

QString shown(const FieldSchema &field, const QJsonValue &value)
{
    const QString text = formatFieldValue(field, value, ValueFormat::Full);
    return text.isEmpty() ? ConflictDialog::tr("(empty)") : text;
}

QString fieldTitle(const FieldSchema &field)
{
    return field.title.isEmpty() ? field.name : field.title;
}

QLabel *markerLabel(QWidget *parent, ChangedBy who)
{
    auto *label = new QLabel(parent);
    if (who == ChangedBy::Nobody)
        return label;
    const bool both = who == ChangedBy::Both;
    const QIcon icon = both ? QIcon::fromTheme(u"dialog-warning"_s, parent->style()->standardIcon(QStyle::SP_MessageBoxWarning))
                            : QIcon::fromTheme(u"dialog-information"_s,
                                               parent->style()->standardIcon(QStyle::SP_MessageBoxInformation));
    const int size = parent->style()->pixelMetric(QStyle::PM_SmallIconSize);
    label->setPixmap(icon.pixmap(size, size));
    label->setToolTip(both ? ConflictDialog::tr("Both of you changed this field")
                      : who == ChangedBy::Me ? ConflictDialog::tr("Only you changed this field")
                                             : ConflictDialog::tr("Only they changed this field"));
    return label;
}

void emphasize(QLabel *label, bool warn)
{
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    if (warn) {
        QPalette palette = label->palette();
        palette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
        label->setPalette(palette);
    }
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
    introLabel->setWordWrap(true);
    introLabel->setTextFormat(Qt::PlainText);
    layout->addWidget(introLabel);

    auto *area = new QScrollArea(this);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(area);
    auto *grid = new QGridLayout(content);
    grid->setColumnStretch(2, 1);
    grid->setColumnStretch(3, 1);
    if (m_conflict.hasMine && m_conflict.hasTheirs)
        buildMergeView(grid);
    else
        buildSingleSideView(grid);
    grid->setRowStretch(grid->rowCount(), 1);
    area->setWidget(content);
    layout->addWidget(area, 1);

    addButtons();
    layout->addWidget(m_buttons);
    // As tall as the fields need (the scroll area takes over beyond a screenful).
    content->adjustSize();
    area->setMinimumHeight(std::min(content->sizeHint().height(), 480));
    setMinimumWidth(600);
}

ConflictDialog::~ConflictDialog() = default;

QString ConflictDialog::intro() const
{
    const QString who = m_conflict.theirsAuthor.isEmpty() ? tr("Someone else") : m_conflict.theirsAuthor;
    const QString where = m_schema.title.isEmpty() ? m_conflict.collection : m_schema.title;
    if (!m_conflict.hasTheirs && !m_conflict.hasMine)
        return tr("This record of “%1” was deleted by %2 and by you.").arg(where, who);
    if (!m_conflict.hasTheirs)
        return tr("%1 deleted this record of “%2” while you were editing it. Restore it with your values, "
                  "or accept the deletion?").arg(who, where);
    if (!m_conflict.hasMine)
        return tr("You deleted this record of “%1”, but %2 changed it in the meantime. Keep their version, "
                  "or delete it anyway?").arg(where, who);
    return tr("%1 changed this record of “%2” while you were editing it. Choose, for each marked field, "
              "which value to keep.").arg(who, where);
}

void ConflictDialog::buildMergeView(QGridLayout *grid)
{
    auto *mineHeader = new QLabel(tr("Mine"), this);
    auto *theirsHeader = new QLabel(m_conflict.theirsAuthor.isEmpty()
                                        ? tr("Theirs")
                                        : tr("Theirs (changed by %1)").arg(m_conflict.theirsAuthor), this);
    theirsHeader->setObjectName(u"theirsHeader"_s);
    emphasize(mineHeader, false);
    emphasize(theirsHeader, false);
    grid->addWidget(mineHeader, 0, 2);
    grid->addWidget(theirsHeader, 0, 3);
    for (int i = 0; i < m_schema.fields.size(); ++i)
        addFieldRow(grid, i + 1, m_schema.fields.at(i));
}

void ConflictDialog::addFieldRow(QGridLayout *grid, int row, const FieldSchema &field)
{
    const QJsonValue mine = valueOf(m_conflict.mine, field.name);
    const QJsonValue theirs = valueOf(m_conflict.theirs, field.name);
    const ChangedBy who = mine == theirs ? ChangedBy::Nobody : changedBy(m_conflict, field.name);
    auto *name = new QLabel(fieldTitle(field), this);
    name->setObjectName(u"field:"_s + field.name);
    grid->addWidget(markerLabel(this, who), row, 0);
    grid->addWidget(name, row, 1);
    if (mine == theirs) {
        auto *same = new QLabel(shown(field, mine), this);
        same->setTextFormat(Qt::PlainText);
        same->setEnabled(false); // the same on both sides: nothing to choose
        grid->addWidget(same, row, 2, 1, 2);
        return;
    }
    emphasize(name, who == ChangedBy::Both);
    m_marked << field.name;
    auto *group = new QButtonGroup(this);
    for (const Side side : {Side::Mine, Side::Theirs}) {
        auto *button = new QRadioButton(shown(field, side == Side::Mine ? mine : theirs).replace(u'&', u"&&"_s), this);
        button->setObjectName((side == Side::Mine ? u"mine:"_s : u"theirs:"_s) + field.name);
        group->addButton(button, int(side));
        grid->addWidget(button, row, side == Side::Mine ? 2 : 3);
    }
    group->button(int(who == ChangedBy::Them ? Side::Theirs : Side::Mine))->setChecked(true);
    m_choices.insert(field.name, group);
}

void ConflictDialog::buildSingleSideView(QGridLayout *grid)
{
    const bool mineLeft = m_conflict.hasMine;
    const QJsonObject &side = mineLeft ? m_conflict.mine : m_conflict.theirs;
    auto *header = new QLabel(mineLeft ? tr("Your version") : tr("Their version"), this);
    emphasize(header, false);
    grid->addWidget(header, 0, 2);
    for (int i = 0; i < m_schema.fields.size(); ++i) {
        const FieldSchema &field = m_schema.fields.at(i);
        const ChangedBy who = changedBy(m_conflict, field.name);
        auto *name = new QLabel(fieldTitle(field), this);
        name->setObjectName(u"field:"_s + field.name);
        auto *value = new QLabel(shown(field, valueOf(side, field.name)), this);
        value->setTextFormat(Qt::PlainText);
        if (who != ChangedBy::Nobody) {
            emphasize(name, false);
            m_marked << field.name;
        }
        grid->addWidget(markerLabel(this, who), i + 1, 0);
        grid->addWidget(name, i + 1, 1);
        grid->addWidget(value, i + 1, 2, 1, 2);
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
        QPushButton *save = m_buttons->addButton(QDialogButtonBox::Save);
        connect(save, &QPushButton::clicked, this, [this] { finish(Outcome::Write); });
        save->setDefault(true);
    } else if (m_conflict.hasMine) {
        add(tr("Restore with My Values"), QDialogButtonBox::AcceptRole, Outcome::Write)->setDefault(true);
        add(tr("Accept Deletion"), QDialogButtonBox::DestructiveRole, Outcome::Delete);
    } else if (m_conflict.hasTheirs) {
        add(tr("Keep Their Version"), QDialogButtonBox::AcceptRole, Outcome::Write)->setDefault(true);
        add(tr("Delete Anyway"), QDialogButtonBox::DestructiveRole, Outcome::Delete);
    } else {
        add(tr("Accept Deletion"), QDialogButtonBox::AcceptRole, Outcome::Delete)->setDefault(true);
    }
    QPushButton *cancel = m_buttons->addButton(QDialogButtonBox::Cancel);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
}

void ConflictDialog::finish(Outcome outcome)
{
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
        const QJsonObject &side = choice(field.name) == Side::Theirs ? m_conflict.theirs : m_conflict.mine;
        if (m_choices.contains(field.name) || side.contains(field.name))
            result.insert(field.name, valueOf(side, field.name));
    }
    return result;
}

const Conflict &ConflictDialog::conflict() const
{
    return m_conflict;
}

QStringList ConflictDialog::markedFields() const
{
    return m_marked;
}

ConflictDialog::Side ConflictDialog::choice(const QString &field) const
{
    const QButtonGroup *group = m_choices.value(field);
    return group && group->checkedId() == int(Side::Theirs) ? Side::Theirs : Side::Mine;
}

void ConflictDialog::setChoice(const QString &field, Side side)
{
    if (QButtonGroup *group = m_choices.value(field))
        group->button(int(side))->setChecked(true);
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
