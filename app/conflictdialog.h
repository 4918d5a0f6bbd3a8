#pragma once

#include "collectionschema.h"
#include "conflict.h"

#include <QDialog>
#include <QHash>
#include <QJsonObject>

class QButtonGroup;
class QDialogButtonBox;
class QGridLayout;

namespace Etagere {

/// Lets the user settle one Conflict, field by field: their own value ("mine") and the
/// server's ("theirs") side by side, the fields that differ marked, a mine/theirs choice
/// per differing field. Defaults: mine for a field both sides changed (and for a field
/// only I changed), theirs for a field only they changed.
///
/// When one side deleted the record (hasMine or hasTheirs false), the choice is whole:
/// keep a version (Restore with my values / Keep their version) or accept the deletion.
///
/// The dialog only computes the result (outcome() and resolved()) when the user
/// confirms; Cancel leaves outcome() None and resolved() empty. It never talks to the
/// engine or the network: whoever opens it passes the result on.
class ConflictDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Side { Mine, Theirs };
    enum class Outcome {
        None,   ///< not decided (yet), or cancelled: the edit stays pending and in conflict
        Write,  ///< write resolved() with the server's ETag (SyncEngine::resolveConflict)
        Delete, ///< delete the record (SyncEngine::resolveByDeleting)
    };
    Q_ENUM(Side)
    Q_ENUM(Outcome)

    ConflictDialog(const Conflict &conflict, const CollectionSchema &schema, QWidget *parent = nullptr);
    ~ConflictDialog() override;

    [[nodiscard]] const Conflict &conflict() const;
    /// Schema fields shown marked, in schema order: those whose value differs between
    /// mine and theirs (each has a choice), or, when one side deleted the record, those
    /// the remaining side changed.
    [[nodiscard]] QStringList markedFields() const;
    /// The side currently chosen for `field`; Mine for a field without a choice.
    [[nodiscard]] Side choice(const QString &field) const;
    void setChoice(const QString &field, Side side);

    [[nodiscard]] Outcome outcome() const;
    /// The record to write when outcome() is Write; empty otherwise.
    [[nodiscard]] QJsonObject resolved() const;

private:
    void buildMergeView(QGridLayout *grid);
    void buildSingleSideView(QGridLayout *grid);
    void addFieldRow(QGridLayout *grid, int row, const FieldSchema &field);
    void addButtons();
    void finish(Outcome outcome);
    [[nodiscard]] QJsonObject merged() const;
    [[nodiscard]] QString intro() const;

    Conflict m_conflict;
    CollectionSchema m_schema;
    QStringList m_marked;
    QHash<QString, QButtonGroup *> m_choices; ///< per differing field; ids are int(Side)
    QDialogButtonBox *m_buttons = nullptr;
    Outcome m_outcome = Outcome::None;
    QJsonObject m_resolved;
};

} // namespace Etagere
