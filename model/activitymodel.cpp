#include "activitymodel.h"

#include "personcolor.h"
#include "recordtitle.h"
#include "syncengine.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

constexpr int MinuteMs = 60 * 1000;

} // namespace

ActivityModel::ActivityModel(SyncEngine *engine, QObject *parent)
    : QAbstractListModel(parent)
    , m_engine(engine)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    Q_ASSERT(engine);
    connect(engine, &SyncEngine::recordInserted, this,
            [this](const QString &collection, const QString &id, ChangeSource source) {
                if (source == ChangeSource::Remote)
                    onInserted(collection, id);
            });
    connect(engine, &SyncEngine::recordChanged, this,
            [this](const QString &collection, const QString &id, const QStringList &fields, ChangeSource source,
                   const QString &author) {
                if (source == ChangeSource::Remote)
                    onChanged(collection, id, fields, author);
            });
    connect(engine, &SyncEngine::recordRemoved, this,
            [this](const QString &collection, const QString &id, ChangeSource source, const QString &author,
                   const QJsonObject &lastData) {
                if (source == ChangeSource::Remote)
                    onRemoved(collection, id, author, lastData);
            });
    m_minuteTimer.setInterval(MinuteMs);
    connect(&m_minuteTimer, &QTimer::timeout, this, &ActivityModel::refreshTimes);
    m_minuteTimer.start();
}

ActivityModel::~ActivityModel() = default;

int ActivityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant ActivityModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 · %2").arg(describe(entry), relativeTime(entry.time, m_now()));
    case Qt::ToolTipRole:
        return toolTip(entry);
    case Qt::DecorationRole:
        return personColor(entry.author);
    case CollectionRole:
        return entry.collection;
    case RecordIdRole:
        return entry.id;
    case AuthorRole:
        return entry.author;
    case KindRole:
        return QVariant::fromValue(entry.kind);
    case FieldsRole:
        return entry.fields;
    case RecordTitleRole:
        return entry.title;
    case TimeRole:
        return entry.time;
    case RelativeTimeRole:
        return relativeTime(entry.time, m_now());
    default:
        return {};
    }
}

QHash<int, QByteArray> ActivityModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(CollectionRole, "collection");
    names.insert(RecordIdRole, "recordId");
    names.insert(AuthorRole, "author");
    names.insert(KindRole, "kind");
    names.insert(FieldsRole, "fields");
    names.insert(RecordTitleRole, "recordTitle");
    names.insert(TimeRole, "time");
    names.insert(RelativeTimeRole, "relativeTime");
    return names;
}

int ActivityModel::capacity() const
{
    return m_capacity;
}

void ActivityModel::setCapacity(int entries)
{
    m_capacity = std::max(entries, 1);
    trim();
}

void ActivityModel::setClock(std::function<QDateTime()> now)
{
    Q_ASSERT(now);
    m_now = std::move(now);
}

void ActivityModel::refreshTimes()
{
    if (!m_entries.isEmpty())
        emit dataChanged(index(0), index(rowCount() - 1), {Qt::DisplayRole, Qt::ToolTipRole, RelativeTimeRole});
}

QString ActivityModel::relativeTime(const QDateTime &at, const QDateTime &now)
{
    const qint64 minutes = at.secsTo(now) / 60;
    if (minutes < 1)
        return tr("just now");
    if (minutes < 60)
        return tr("%n min ago", nullptr, int(minutes));
    if (minutes < 24 * 60)
        return tr("%n h ago", nullptr, int(minutes / 60));
    return QLocale().toString(at.toLocalTime(), QLocale::ShortFormat);
}

void ActivityModel::onInserted(const QString &collection, const QString &id)
{
    const std::optional<RecordState> state = m_engine->record(collection, id);
    if (!state)
        return;
    prepend(Entry{collection, id, state->author, Kind::Created, {}, title(collection, id, state->local), {}});
}

void ActivityModel::onChanged(const QString &collection, const QString &id, const QStringList &fields,
                              const QString &author)
{
    const std::optional<RecordState> state = m_engine->record(collection, id);
    if (fields.isEmpty() || !state)
        return; // nothing changed here: the change became a conflict
    prepend(Entry{collection, id, author, Kind::Changed, fields, title(collection, id, state->local), {}});
}

void ActivityModel::onRemoved(const QString &collection, const QString &id, const QString &author,
                              const QJsonObject &lastData)
{
    prepend(Entry{collection, id, author, Kind::Deleted, {}, title(collection, id, lastData), {}});
}

void ActivityModel::prepend(Entry entry)
{
    entry.time = m_now();
    beginInsertRows({}, 0, 0);
    m_entries.prepend(std::move(entry));
    endInsertRows();
    trim();
}

void ActivityModel::trim()
{
    if (m_entries.size() <= m_capacity)
        return;
    beginRemoveRows({}, m_capacity, int(m_entries.size()) - 1);
    m_entries.resize(m_capacity);
    endRemoveRows();
}

CollectionSchema ActivityModel::schemaOf(const QString &collection) const
{
    return m_engine ? m_engine->collection(collection).value_or(CollectionSchema()) : CollectionSchema();
}

QString ActivityModel::title(const QString &collection, const QString &id, const QJsonObject &data) const
{
    return recordTitle(schemaOf(collection), id, data);
}

QString ActivityModel::describe(const Entry &entry) const
{
    QString who = entry.author;
    if (who.isEmpty())
        who = tr("Someone");
    else if (m_engine && who == m_engine->user()) // a remote change of theirs: another window or client
        who = tr("You (elsewhere)");
    switch (entry.kind) {
    case Kind::Created:
        return tr("%1 created “%2”").arg(who, entry.title);
    case Kind::Deleted:
        return tr("%1 deleted “%2”").arg(who, entry.title);
    case Kind::Changed:
        break;
    }
    const QString fields = fieldTitles(schemaOf(entry.collection), entry.fields);
    return tr("%1 changed %2 of “%3”").arg(who, fields, entry.title);
}

QString ActivityModel::toolTip(const Entry &entry) const
{
    const CollectionSchema schema = schemaOf(entry.collection);
    const QString collection = schema.title.isEmpty() ? entry.collection : schema.title;
    return tr("%1, in %2\n%3 (%4)")
        .arg(describe(entry), collection, QLocale().toString(entry.time.toLocalTime(), QLocale::LongFormat),
             relativeTime(entry.time, m_now()));
}

} // namespace Etagere
