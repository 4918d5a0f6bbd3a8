#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

namespace Etagere {

class RecordFilterModel;

/// The quick search above the records: a search field, the field to search in ("All fields"
/// or one of the collection's) and, while searching, how many records match.
///
/// Drives a RecordFilterModel (does not own it): the words typed apply DelayMs after the
/// last key, so that typing stays fluid on a large collection; Enter applies at once. Esc
/// clears the search; Esc in an empty field emits done() (the window then gives the records
/// the focus back). The field list follows the filter's columns.
class RecordSearchBar : public QWidget
{
    Q_OBJECT

public:
    static constexpr int DelayMs = 150;

    explicit RecordSearchBar(RecordFilterModel *filter, QWidget *parent = nullptr);
    ~RecordSearchBar() override;

    [[nodiscard]] QLineEdit *searchField() const;
    [[nodiscard]] QComboBox *fieldChooser() const;
    /// Gives the search field the focus, its text selected (what Ctrl+F does).
    void focusSearch();
    /// Empties the search: every record shows again.
    void clear();

Q_SIGNALS:
    /// Esc in the empty search field: the user is done searching.
    void done();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void connectFilter();
    void apply();
    void updateFields();
    void updateCount();

    QPointer<RecordFilterModel> m_filter;
    QLineEdit *m_search;
    QComboBox *m_fields;
    QLabel *m_count;
    QTimer m_delay;
};

} // namespace Etagere
