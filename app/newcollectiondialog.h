#pragma once

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLayout;
class QLineEdit;
class QPushButton;
class QTableView;

namespace Etagere {

class CreateCollectionJob;
class EnumValuesEditor;
class FieldDefinitionModel;
class RestJob;
class SyncEngine;

/// The New Collection dialog: the collection's name, checked as it is typed (the protocol's
/// `[a-z][a-z0-9_-]{0,63}`, and not a collection the engine knows), an optional title, and
/// its fields in a table over a FieldDefinitionModel (name, title, type, required, choices;
/// add, remove, move up and down), the choices of a Choice field in an EnumValuesEditor.
/// It starts with one required text field, "title".
///
/// What is wrong shows next to what it is about; Create is enabled only when everything is
/// valid. Create hands the schema to SyncEngine::createCollection() and waits for the
/// server without blocking; its refusal shows where it belongs: a name that is taken on the
/// name, a field the server refuses (422 naming it) on that field's row, anything else
/// below the fields. After a success it emits collectionCreated() and accepts.
///
/// Open it with open() (no nested event loop). Does not own the engine, which must outlive it.
class NewCollectionDialog : public QDialog
{
    Q_OBJECT

public:
    explicit NewCollectionDialog(SyncEngine *engine, QWidget *parent = nullptr);
    ~NewCollectionDialog() override;

    [[nodiscard]] QLineEdit *nameEdit() const;
    [[nodiscard]] QLineEdit *titleEdit() const;
    [[nodiscard]] QTableView *fieldView() const;
    [[nodiscard]] FieldDefinitionModel *fieldModel() const;
    [[nodiscard]] EnumValuesEditor *valuesEditor() const;
    [[nodiscard]] QPushButton *createButton() const;
    [[nodiscard]] QPushButton *addFieldButton() const;
    [[nodiscard]] QPushButton *removeFieldButton() const;
    /// Under the name: a hint, or what is wrong with it.
    [[nodiscard]] QLabel *nameMessage() const;
    /// Under the fields: what is wrong with the current field (else the first one at fault).
    [[nodiscard]] QLabel *fieldMessage() const;
    /// Above the buttons: the server's answer when it is about nothing in particular.
    [[nodiscard]] QLabel *errorMessage() const;
    /// Whether a creation waits for the server.
    [[nodiscard]] bool isBusy() const;

    /// What Create does: asks the engine to create the collection (when the input is valid).
    void create();

Q_SIGNALS:
    void collectionCreated(const QString &name);

private:
    void buildLayout();
    [[nodiscard]] QLayout *buildForm();
    [[nodiscard]] QWidget *buildFieldsBox();
    [[nodiscard]] QWidget *buildFieldButtons();
    void connectSignals();
    [[nodiscard]] QString nameProblem() const;
    void updateNameMessage();
    void updateFieldMessage();
    void updateValuesEditor();
    void updateButtons();
    void addField();
    void removeField();
    void moveField(int offset);
    void onCreated(RestJob *job);
    void showError(const QString &text);
    [[nodiscard]] int currentRow() const;

    SyncEngine *m_engine;
    FieldDefinitionModel *m_model;
    QLineEdit *m_name;
    QLineEdit *m_title;
    QLabel *m_nameMessage;
    QTableView *m_view;
    QPushButton *m_addField;
    QPushButton *m_removeField;
    QPushButton *m_moveUp;
    QPushButton *m_moveDown;
    QGroupBox *m_valuesBox;
    EnumValuesEditor *m_values;
    QLabel *m_fieldMessage;
    QLabel *m_errorMessage;
    QDialogButtonBox *m_buttons;
    QPushButton *m_create;
    QPointer<CreateCollectionJob> m_job;
    QString m_takenName; ///< a name the server said is taken
};

} // namespace Etagere
