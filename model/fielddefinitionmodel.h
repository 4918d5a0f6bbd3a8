#pragma once

#include "fieldschema.h"

#include <QAbstractTableModel>

namespace Etagere {

/// The editable list of field definitions of a collection being designed (the new
/// collection dialog): a row per field, a column per property.
///
/// Columns and roles:
/// - NameColumn, TitleColumn: DisplayRole and EditRole, a QString.
/// - TypeColumn: DisplayRole a label for people (typeLabel()), EditRole the wire name
///   ("string", ..., "enum"; fieldTypeName()); setData() takes a wire name.
/// - RequiredColumn: CheckStateRole.
/// - ValuesColumn: the allowed values of an enum field: DisplayRole joined with ", ",
///   EditRole a QStringList (setData() refuses values for other types). Not ItemIsEditable:
///   a view edits the list elsewhere. Values typed for an enum are kept while the type is
///   another (so that switching back loses nothing) but only enums carry them in fields().
/// - ProblemRole on any cell: what is wrong with that cell, empty when nothing; the same
///   text is the cell's ToolTipRole, and BackgroundRole marks it.
///
/// Each row is checked as the protocol checks a schema (CollectionSchema::fromJson()): a
/// valid name (`[a-z][a-z0-9_]{0,63}`) not used by another row; an enum needs at least one
/// value, each non-empty and listed once. The server may still refuse a field
/// (setServerProblem()); that shows on the row until it is edited. isValid() when there is
/// at least one row and no problem; validityChanged() when that changes.
///
/// Changes are precise: insertRows(), removeRows() and moveRows() with their begin/end
/// calls, dataChanged for the cells edited and for the rows whose problems changed; a reset
/// only in setFields(), which replaces the whole list on purpose. Qt Core/Gui only.
class FieldDefinitionModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, TitleColumn, TypeColumn, RequiredColumn, ValuesColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        ProblemRole = Qt::UserRole + 1, ///< QString: what is wrong with the cell; empty when fine
    };
    Q_ENUM(Role)

    explicit FieldDefinitionModel(QObject *parent = nullptr);
    ~FieldDefinitionModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    /// Inserts new string fields named `field_N` (the lowest free N) and titled "Field N".
    bool insertRows(int row, int count, const QModelIndex &parent = {}) override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count, const QModelIndex &destinationParent,
                  int destinationChild) override;

    /// Replaces every row (a reset: the whole list is new).
    void setFields(const QList<FieldSchema> &fields);
    /// The fields as entered (titles trimmed; values only for enums).
    [[nodiscard]] QList<FieldSchema> fields() const;
    /// Appends a new field (see insertRows()); returns its row.
    int appendField();

    [[nodiscard]] bool isValid() const;
    /// The problem of a cell; with column -1, the row's first problem. Empty when none.
    [[nodiscard]] QString problem(int row, int column = -1) const;
    /// The first row with a problem, or -1.
    [[nodiscard]] int firstProblemRow() const;

    /// Shows the server's refusal of the field called `fieldName` on the first row with that
    /// name, until that row changes. Returns the row, or -1 when no row has that name.
    int setServerProblem(const QString &fieldName, const QString &detail);

    /// The eight field types, in the order a choice of them lists them.
    [[nodiscard]] static QList<FieldType> types();
    /// A label for people ("One line of text", "Choice", ...).
    [[nodiscard]] static QString typeLabel(FieldType type);

Q_SIGNALS:
    void validityChanged(bool valid);

private:
    struct Row
    {
        FieldSchema field;
        QStringList values;     ///< kept for enums, also while the type is another
        QString serverProblem;
        QString nameProblem;
        QString valuesProblem;
    };

    [[nodiscard]] QVariant displayData(const Row &row, int column) const;
    [[nodiscard]] QVariant editData(const Row &row, int column) const;
    [[nodiscard]] bool setCell(Row &row, int column, const QVariant &value, int role);
    /// What check() changed: rows whose problems are new, and whether isValid() changed.
    struct Checked
    {
        QList<int> rows;
        bool validityChanged = false;
    };

    [[nodiscard]] QString freshName() const;
    [[nodiscard]] Checked check();
    void announce(const Checked &checked);
    [[nodiscard]] QString nameProblemOf(qsizetype row, const QHash<QString, int> &uses) const;
    [[nodiscard]] static QString valuesProblemOf(const Row &row);

    QList<Row> m_rows;
    bool m_valid = false;
};

} // namespace Etagere
