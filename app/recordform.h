#pragma once

#include "collectionschema.h"

#include <QJsonValue>
#include <QPointer>
#include <QWidget>

class QFormLayout;
class QLabel;
class QPushButton;
class QStackedWidget;

namespace Etagere {

class FieldEditor;
class RecordTableModel;

/// The current record as a form, for the side panel: one typed FieldEditor per field (text
/// fields several lines high), and above them the record's title and state (not yet saved,
/// in conflict, with a Resolve button, or being deleted). A field whose value is not yet on
/// the server has its name in italics.
///
/// A field the user changed is saved when they leave it (Tab, a click elsewhere), press
/// Enter in a one-line field or Ctrl+Enter in a text field, or pick from a list; Esc puts
/// the record's value back. Saving goes through RecordTableModel::setData with a FieldEdit
/// from the value the field showed when the user began, like a cell editor: an edit begun
/// before somebody else changed the field becomes a conflict instead of overwriting them,
/// and it is undoable like any other. A value the schema refuses is not saved: the field
/// says why and keeps what was typed.
///
/// Live changes show at once in every field the user is not changing; a field being changed
/// keeps what is typed, with a note that somebody changed it meanwhile.
///
/// Talks only to its model (does not own it), which must outlive it.
class RecordForm : public QWidget
{
    Q_OBJECT

public:
    explicit RecordForm(RecordTableModel *model, QWidget *parent = nullptr);
    ~RecordForm() override;

    /// The record shown; empty for none. Showing another record saves the changed fields first.
    [[nodiscard]] QString recordId() const;
    void setRecordId(const QString &id);

    /// The editor of `field`; null when the collection has no such field.
    [[nodiscard]] FieldEditor *editor(const QString &field) const;
    /// The note under `field` (an error, or a change made meanwhile); empty when none.
    [[nodiscard]] QString note(const QString &field) const;
    /// True while a field holds a change not yet saved.
    [[nodiscard]] bool hasUnsavedChanges() const;
    /// Saves every changed field. False when one could not be saved (it stays changed).
    bool commit();

Q_SIGNALS:
    /// The user asked to resolve the shown record's conflict.
    void resolveRequested(const QString &collection, const QString &id);
    /// hasUnsavedChanges() changed.
    void unsavedChangesChanged(bool unsaved);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Field;

    void createLayout();
    void rebuild();
    void addField(int column);
    void watch(Field *field);
    void forgetFields();
    void onModelReset();
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void refresh();
    void refreshField(Field &field, const QModelIndex &cell);
    void refreshState(const QModelIndex &first);
    void onEdited(Field &field);
    bool commitField(Field &field);
    void revertField(Field &field);
    void setNote(Field &field, const QString &text, bool error);
    void emitUnsavedIfChanged();
    [[nodiscard]] Field *fieldOf(const QObject *editorWidget);
    [[nodiscard]] QModelIndex cell(int column) const;
    [[nodiscard]] QJsonValue modelValue(const Field &field, const QModelIndex &cell) const;

    QPointer<RecordTableModel> m_model;
    CollectionSchema m_schema;
    QString m_id;
    std::vector<std::unique_ptr<Field>> m_fields;
    QStackedWidget *m_pages;
    QLabel *m_placeholder;
    QLabel *m_title;
    QLabel *m_state;
    QPushButton *m_resolve;
    QFormLayout *m_form;
    bool m_unsaved = false;
};

} // namespace Etagere
