#pragma once

#include "collectionschema.h"
#include "conflict.h"

#include <QDialog>
#include <QJsonObject>

#include <memory>

class QDialogButtonBox;
class QGridLayout;
class QLabel;
class QPushButton;

namespace Etagere {

/// Lets the user settle one Conflict, field by field, from the keyboard or the mouse.
///
/// Both sides edited: a row per schema field with the base (the copy both started from),
/// mine and theirs side by side, and the result in an editor of the field's type
/// (FieldEditor). Where the three differ, radio buttons choose base, mine or theirs, or
/// the user types a merged value (then no radio is checked: choice() is Custom). Fields
/// only one side changed are pre-selected to that side (the automatic merge) and say so;
/// fields both changed differently are marked "Conflict" (icon and text) and start with
/// mine. A typed value is checked with FieldSchema::checkValue: the reason shows under the
/// row and Save stays disabled while any value is invalid. Tab walks the rows in order
/// (the chosen side, whose arrow keys move along base, mine and theirs; then the result); Enter saves; Esc cancels.
///
/// One side deleted the record (hasMine or hasTheirs false): the same three columns,
/// read-only, the deleted side saying who deleted it; the choice is whole: "Restore with
/// My Values" / "Accept the Deletion", or "Keep Their Version" / "Delete Anyway".
///
/// The dialog only computes the result (outcome() and resolved()) when the user confirms;
/// Cancel leaves outcome() None and resolved() empty: the edit stays pending and in
/// conflict. It never talks to the engine or the network.
class ConflictDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Side { Base, Mine, Theirs, Custom };
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
    /// Schema fields shown marked, in schema order: those where base, mine and theirs are
    /// not all equal (each has a choice), or, when one side deleted the record, those the
    /// remaining side changed.
    [[nodiscard]] QStringList markedFields() const;
    /// Fields both sides changed to different values (marked "Conflict").
    [[nodiscard]] QStringList conflictingFields() const;
    /// The side chosen for `field`: Custom when a typed value is used; Mine for a field
    /// without a choice.
    [[nodiscard]] Side choice(const QString &field) const;
    /// Chooses base, mine or theirs for a field with a choice (Custom is ignored).
    void setChoice(const QString &field, Side side);
    /// The value the result editor of `field` holds (what Save would write).
    [[nodiscard]] QJsonValue resultValue(const QString &field) const;
    /// Why the result of `field` breaks the schema; empty when it fits.
    [[nodiscard]] QString fieldError(const QString &field) const;
    /// True when Save (or the whole choice of a deletion) may be pressed.
    [[nodiscard]] bool canSave() const;

    [[nodiscard]] Outcome outcome() const;
    /// The record to write when outcome() is Write; empty otherwise.
    [[nodiscard]] QJsonObject resolved() const;

private:
    struct Row;

    void buildHeader(QGridLayout *grid);
    void buildMergeRow(QGridLayout *grid, int row, const FieldSchema &field);
    void buildDeletedRow(QGridLayout *grid, int row, const FieldSchema &field);
    void addButtons();
    void updateTabStop(Row *row);
    void chooseAll(Side side);
    void onRadio(Row *row, Side side);
    void onTyped(Row *row);
    void revalidate();
    void finish(Outcome outcome);
    [[nodiscard]] QJsonObject merged() const;
    [[nodiscard]] QString intro() const;
    [[nodiscard]] QString authorName() const;
    [[nodiscard]] Row *rowOf(const QString &field) const;

    Conflict m_conflict;
    CollectionSchema m_schema;
    std::vector<std::unique_ptr<Row>> m_rows; ///< fields with a choice, in schema order
    QStringList m_marked;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_save = nullptr;
    QLabel *m_recordError = nullptr;
    Outcome m_outcome = Outcome::None;
    QJsonObject m_resolved;
};

} // namespace Etagere
