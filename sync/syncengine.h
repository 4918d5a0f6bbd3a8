#pragma once

#include "collectionschema.h"
#include "conflict.h"
#include "connectionstate.h"
#include "livemessage.h"
#include "recordstate.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace Etagere {

class CreateCollectionJob;
class NetworkAccess;
class RecordStore;

/// Who caused a record change the engine reports.
enum class ChangeSource {
    Local,  ///< the user's own edit (optimistic, before the server answered)
    Server, ///< acknowledgement of our own write, or a catch-up that changes nothing visible
    Remote, ///< somebody else's change pushed by the server
};

/// The sync state machine. Holds, per record, (uri, etag, dirty, base, local) in a
/// RecordStore and runs the protocol's decision table: CREATE, conditional write,
/// CONFLICT (three-way merge, else a Conflict for the user), nothing, take the server's.
///
/// Local edits are optimistic: applied to the store and signalled at once, marked dirty
/// (pending) until the server acknowledges them. At most one write per record is in
/// flight; edits made meanwhile are sent after it. A 412 is merged field by field;
/// what does not merge becomes a Conflict, and nothing is overwritten silently.
///
/// Lives in the thread that created it; headless (no Widgets). Owns its network
/// access and push channel; does not own the store.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    /// `server` is the base URL (scheme, host, port), e.g. http://127.0.0.1:8080.
    explicit SyncEngine(const QUrl &server, RecordStore *store, QObject *parent = nullptr);
    ~SyncEngine() override;

    [[nodiscard]] QUrl server() const;
    [[nodiscard]] QString user() const; ///< the identity the server reports; empty until known

    /// Fetches the collections, loads every one and opens the push channel.
    /// Local state is available immediately; the engine then keeps it in sync.
    void start();
    /// Closes the push channel and stops retrying. Pending edits stay in the store.
    void stop();

    /// The session token every request and the push channel carry (PROTOCOL.md "Identity";
    /// kept in memory only). Setting one after authenticationRequired() resumes at once:
    /// loads, the push channel and the writes that waited.
    void setBearerToken(const QByteArray &token);
    [[nodiscard]] QByteArray bearerToken() const;
    /// The user signed out: forgets the token, closes the push channel and sends nothing until
    /// setBearerToken() gives a new one. Pending edits stay in the store. Ending the session on
    /// the server (DELETE /v1/sessions/current) is the caller's, before this.
    void signOut();
    /// The engine's network access (owned by the engine): its TLS trust (CA certificates,
    /// approved certificates, certificateRejected()) is the app's to configure, and requests
    /// that belong with the engine's session (signing in) go through it.
    [[nodiscard]] NetworkAccess *networkAccess() const;

    [[nodiscard]] ConnectionState connectionState() const;
    /// Why the connection to the server was last lost (for people, in English); empty while live.
    [[nodiscard]] QString connectionError() const;

    [[nodiscard]] QList<CollectionSchema> collections() const;
    /// Creates a collection on the server: `PUT /v1/collections/{name}` with
    /// `If-None-Match: *` (a CreateCollectionJob, whose error() says why it failed: Conflict
    /// when the name is taken, Forbidden without the right, Validation for a schema the
    /// server refuses, with problemField() naming the field at fault). Returns the started
    /// job, owned by the engine and deleted after its finished(): connect to that signal.
    /// When it is emitted after a success, the engine already knows the new collection:
    /// collections() lists it, collectionsChanged() was emitted and, once started, the engine
    /// loads and follows it like the others. Returns nullptr with *error, sending nothing,
    /// when `schema` breaks the protocol's rules (CollectionSchema::fromJson()).
    [[nodiscard]] CreateCollectionJob *createCollection(const CollectionSchema &schema, QString *error = nullptr);
    /// True while the records of `collection` are being (re)loaded as a whole (the initial
    /// load, or after a reset): collectionLoadProgress() reports each page, then the engine
    /// stores them a slice at a time (the event loop runs between slices), then
    /// collectionReloaded() reports the end.
    [[nodiscard]] bool isLoading(const QString &collection) const;
    /// How many records the (re)load of `collection` in progress has received so far: the
    /// count of its last collectionLoadProgress(); 0 when none is in progress or none was
    /// reported yet (a load of one page and one slice reports nothing).
    [[nodiscard]] int loadedRecords(const QString &collection) const;
    /// True when the records of `collection` are known: loaded whole by this engine, or held
    /// in the store from an earlier run. False before its first load has ended (pending,
    /// running, or waiting to be tried again).
    [[nodiscard]] bool isLoaded(const QString &collection) const;
    [[nodiscard]] std::optional<CollectionSchema> collection(const QString &name) const;
    /// Records of one collection, ordered by id; includes records deleted locally but not yet confirmed.
    [[nodiscard]] QList<RecordState> records(const QString &collection) const;
    [[nodiscard]] std::optional<RecordState> record(const QString &collection, const QString &id) const;

    /// Creates a record with a new client-chosen id; returns the id, or an empty
    /// string with *error set when `data` breaks the schema (then nothing changes).
    [[nodiscard]] QString createRecord(const QString &collection, const QJsonObject &data, QString *error = nullptr);
    /// Creates a record under an id the caller chose (e.g. `etagere-cli put C ID JSON` on a
    /// new id). Like createRecord(), it is written with `If-None-Match: *`, so a replayed
    /// creation never makes two records; should the server already have that id (created
    /// by someone the engine has not heard of yet), the answer is merged like any 412.
    /// Returns false with *error, changing nothing, when the collection is unknown, `id`
    /// is not a valid record id (isValidRecordId()), the engine already knows a record
    /// with that id (even one pending deletion), or `data` breaks the schema.
    /// Same thread as the engine.
    [[nodiscard]] bool createRecordWithId(const QString &collection, const QString &id, const QJsonObject &data,
                                          QString *error = nullptr);
    /// createRecordWithId() for many records of one collection at once (a CSV import):
    /// each is checked as createRecordWithId() checks it, and no id may repeat within
    /// `records`; then all are committed to the store in ONE transaction (one journal
    /// commit instead of one each), signalled (recordInserted, Local, in order) and sent,
    /// each with `If-None-Match: *`. All or nothing: false with *error, which names the id
    /// at fault, changes nothing. Same thread as the engine.
    [[nodiscard]] bool createRecordsWithIds(const QString &collection,
                                            const QList<std::pair<QString, QJsonObject>> &records,
                                            QString *error = nullptr);
    /// Replaces the whole local copy of a record with `data` in one edit: one store commit,
    /// one recordChanged (Local) listing the fields that changed, and one write to the
    /// server (where setField() per field could send the first field alone). A field
    /// `data` leaves out is stored as absent; the schema decides whether that is allowed.
    /// Returns false with *error, changing nothing, when the record is unknown, `data`
    /// breaks the schema, the record is pending deletion or has an open conflict (the
    /// refusals of setField()). Data equal to the local copy is a no-op that returns true.
    [[nodiscard]] bool setRecord(const QString &collection, const QString &id, const QJsonObject &data,
                                 QString *error = nullptr);
    /// Sets one field of one record. Returns false with *error when the value breaks
    /// the schema, the record is unknown, pending deletion, or has an open conflict
    /// (resolve it first); then nothing changes.
    [[nodiscard]] bool setField(const QString &collection, const QString &id, const QString &field,
                                const QJsonValue &value, QString *error = nullptr);
    /// setField() for an edit the user began when the field held `editedFrom` (what an
    /// editor showed when it opened). When the field has changed on the server since, and
    /// `value` differs from the new value, nothing is overwritten: the record gets a conflict
    /// on that field (base `editedFrom`, mine `value`, theirs the server's copy) for the user
    /// to decide. Same refusals as setField().
    [[nodiscard]] bool setFieldFrom(const QString &collection, const QString &id, const QString &field,
                                    const QJsonValue &editedFrom, const QJsonValue &value, QString *error = nullptr);
    /// Deletes a record (pending until the server confirms). False if unknown.
    /// The record stays in records() with deletedLocally set (recordChanged, Local) until
    /// the server confirms (recordRemoved, Server); a record never sent is removed at once
    /// (recordRemoved, Local). On a record with an open conflict it is resolveByDeleting().
    [[nodiscard]] bool deleteRecord(const QString &collection, const QString &id);

    [[nodiscard]] QList<Conflict> conflicts() const;
    [[nodiscard]] std::optional<Conflict> conflict(const QString &collection, const QString &id) const;
    /// Resolves a conflict with the user's choice: `resolved` is written with the
    /// server's ETag (theirsEtag), or recreated when the server deleted it.
    /// Returns false when there is no such conflict or `resolved` breaks the schema.
    [[nodiscard]] bool resolveConflict(const QString &collection, const QString &id, const QJsonObject &resolved,
                                       QString *error = nullptr);
    /// Resolves a conflict by deleting the record: accepts the server's deletion, or
    /// deletes the server's copy with its ETag. False when there is no such conflict.
    [[nodiscard]] bool resolveByDeleting(const QString &collection, const QString &id);

    /// Number of records with edits not yet acknowledged by the server.
    [[nodiscard]] int pendingCount() const;
    /// Ids of the records of `collection` that pendingCount() counts, in no order. Costs
    /// what the pending records number, not what the collection holds.
    [[nodiscard]] QStringList pendingIds(const QString &collection) const;

    /// Takes back the pending edit of a record (the outbox's "Discard"): its local copy
    /// becomes the server's copy again (the base; their copy when it has a conflict, which
    /// is dropped), a deletion not yet sent is undone, a creation never sent is removed.
    /// Signals through recordChanged/recordRemoved (Local) and pendingCountChanged.
    /// Returns false with *error, changing nothing, when the record is unknown, has no
    /// pending edit, or a write of it is in flight (its answer decides; try again after).
    [[nodiscard]] bool discardPending(const QString &collection, const QString &id, QString *error = nullptr);

    /// Announces that the user views or edits a record (state Left when they stop).
    void announcePresence(const QString &collection, const QString &id, Presence::State state);

    /// Milliseconds the push channel waits for a sign of life before it reconnects,
    /// and the base of its reconnect backoff. For tests; defaults suit real use.
    void setTimings(int pingIntervalMs, int reconnectBaseMs);

Q_SIGNALS:
    /// NoNetwork only for a server on another machine: the engine follows the system's
    /// network reachability (NetworkReachability::system()) unless the server is local.
    void connectionStateChanged(Etagere::ConnectionState state);
    /// The connection was lost; attempt `attempt` to reconnect starts in `delayMs` ms.
    void reconnectScheduled(int delayMs, int attempt);
    void userChanged(const QString &user);
    /// The server refused the session (401, or it ended the live socket): nothing is sent
    /// until setBearerToken() gives a new token. Pending edits stay in the store. Emitted once
    /// per sign-out; connectionState() becomes SignedOut when the push channel learns it.
    void authenticationRequired();
    void collectionsChanged();
    /// A collection's records were (re)loaded as a whole: initial load or reset.
    void collectionReloaded(const QString &collection);
    /// A page of a collection's (re)load arrived: `loadedRecords` records so far; the last
    /// page too when the records take more than one slice to store. records()
    /// shows them only from when they are stored (see isLoading()); collectionReloaded()
    /// says that all of them are. The protocol does not say
    /// how many records there are in all.
    void collectionLoadProgress(const QString &collection, int loadedRecords);
    void recordInserted(const QString &collection, const QString &id, Etagere::ChangeSource source);
    /// `fields` lists the fields whose local value changed (may be empty when only the
    /// state, such as pending or conflicted, changed).
    void recordChanged(const QString &collection, const QString &id, const QStringList &fields,
                       Etagere::ChangeSource source, const QString &author);
    /// `author` is who removed it: the author of the server's deletion for Remote, this
    /// engine's user() otherwise. `lastData` is the record's local copy just before it went,
    /// so that a listener can still say which record it was.
    void recordRemoved(const QString &collection, const QString &id, Etagere::ChangeSource source,
                       const QString &author, const QJsonObject &lastData);
    void conflictAdded(const Etagere::Conflict &conflict);
    void conflictRemoved(const QString &collection, const QString &id);
    void pendingCountChanged(int count);
    void presenceChanged(const Etagere::Presence &presence);
    /// A write the server refused for a reason the user must know (422, 404, ...).
    /// The local edit is kept (still dirty) unless the message says otherwise.
    void writeFailed(const QString &collection, const QString &id, const QString &message);
    /// Something went wrong that is worth a status-bar message.
    void errorOccurred(const QString &message);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Etagere

// Etagere::Conflict is declared as a metatype in conflict.h. Etagere::Presence needs no
// Q_DECLARE_METATYPE in Qt 6 (declaring it here came after moc code had instantiated it).
