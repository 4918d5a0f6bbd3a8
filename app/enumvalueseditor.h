#pragma once

#include <QWidget>

class QListWidget;
class QPushButton;

namespace Etagere {

/// Edits the values of a choice (enum) field: a list whose items are edited in place, and
/// buttons to add, remove and move them. valuesChanged() follows every change the user
/// makes, never setValues(). Holds no state beyond the list it shows.
class EnumValuesEditor : public QWidget
{
    Q_OBJECT

public:
    explicit EnumValuesEditor(QWidget *parent = nullptr);
    ~EnumValuesEditor() override;

    void setValues(const QStringList &values);
    [[nodiscard]] QStringList values() const;

    /// Appends a value ("choice N") and opens its editor.
    void addValue();
    void removeValue();
    void moveValue(int offset);

    [[nodiscard]] QListWidget *list() const;
    [[nodiscard]] QPushButton *addButton() const;
    [[nodiscard]] QPushButton *removeButton() const;

Q_SIGNALS:
    void valuesChanged(const QStringList &values);

private:
    void updateButtons();

    QListWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_up;
    QPushButton *m_down;
};

} // namespace Etagere
