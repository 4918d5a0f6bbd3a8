#pragma once

#include "collectionschema.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace Etagere {

class SyncEngine;

/// The latest changes other people made, newest first: who, what (the record's title and
/// the fields they changed, or that they created or deleted it) and when (the moment the
/// change reached this client; the protocol's changes carry no time). Fed by the engine's
/// recordInserted, recordChanged and recordRemoved with ChangeSource::Remote, in every
/// collection; a remote change that leaves every field as it was here (one that became a
/// conflict) is not listed: the Conflicts panel has it. A change by the signed-in user
/// (made in another window or client) reads "You (elsewhere)".
///
/// A new entry is inserted at row 0 (beginInsertRows); beyond capacity() the oldest goes
/// (beginRemoveRows). The relative times ("5 min ago") are refreshed every minute with
/// one dataChanged over all rows, for DisplayRole, ToolTipRole and RelativeTimeRole.
/// Never resets.
///
/// Does not own the engine. Lives in the engine's thread.
class ActivityModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum class Kind { Created, Changed, Deleted };
    Q_ENUM(Kind)

    enum Role {
        CollectionRole = Qt::UserRole + 1, ///< QString: the collection's name
        RecordIdRole,                      ///< QString: the record's id
        AuthorRole,                        ///< QString: who made the change ("" when the server did not say)
        KindRole,                          ///< ActivityModel::Kind
        FieldsRole,                        ///< QStringList: names of the fields changed (Changed only)
        RecordTitleRole,                   ///< QString: the record's title after the change (before, for Deleted)
        TimeRole,                          ///< QDateTime (UTC): when the change arrived here
        RelativeTimeRole,                  ///< QString: that time for people, e.g. "3 min ago"
    };
    Q_ENUM(Role)

    /// How many entries the model keeps by default.
    static constexpr int DefaultCapacity = 200;

    explicit ActivityModel(SyncEngine *engine, QObject *parent = nullptr);
    ~ActivityModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// The most entries kept (at least 1); lowering it drops the oldest at once.
    [[nodiscard]] int capacity() const;
    void setCapacity(int entries);

    /// The clock that stamps entries and measures their age (default: the system's, UTC).
    /// For tests; call refreshTimes() after moving it.
    void setClock(std::function<QDateTime()> now);
    /// Tells the views that the relative times changed (what the minute timer does).
    void refreshTimes();

    /// `at` relative to `now` for people: "just now", "5 min ago", "2 h ago", then the date.
    [[nodiscard]] static QString relativeTime(const QDateTime &at, const QDateTime &now);

private:
    struct Entry
    {
        QString collection;
        QString id;
        QString author;
        Kind kind = Kind::Changed;
        QStringList fields;
        QString title;
        QDateTime time;
    };

    void onInserted(const QString &collection, const QString &id);
    void onChanged(const QString &collection, const QString &id, const QStringList &fields, const QString &author);
    void onRemoved(const QString &collection, const QString &id, const QString &author, const QJsonObject &lastData);
    void prepend(Entry entry);
    void trim();
    [[nodiscard]] CollectionSchema schemaOf(const QString &collection) const;
    [[nodiscard]] QString title(const QString &collection, const QString &id, const QJsonObject &data) const;
    [[nodiscard]] QString describe(const Entry &entry) const;
    [[nodiscard]] QString toolTip(const Entry &entry) const;

    QPointer<SyncEngine> m_engine;
    QList<Entry> m_entries; ///< newest first
    int m_capacity = DefaultCapacity;
    std::function<QDateTime()> m_now;
    QTimer m_minuteTimer;
};

} // namespace Etagere
