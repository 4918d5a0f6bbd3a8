#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;

namespace Etagere {

class SyncEngine;

/// A status-bar widget shown while the engine loads collections as a whole (the first
/// start, or a reload after a reset): "Loading Tasks: 12,400 records…" with a busy bar,
/// counting each page as it arrives. The protocol does not say how many records there are
/// in all, so the bar shows activity rather than a fraction. Hidden when nothing loads.
///
/// Does not own the engine, which must outlive it.
class LoadProgressIndicator : public QWidget
{
    Q_OBJECT

public:
    explicit LoadProgressIndicator(SyncEngine *engine, QWidget *parent = nullptr);
    ~LoadProgressIndicator() override;

    /// What the indicator says; empty when hidden.
    [[nodiscard]] QString text() const;

private:
    void onProgress(const QString &collection);
    /// The collections whose load has received records (SyncEngine::loadedRecords()).
    [[nodiscard]] QStringList loadingCollections() const;
    void refresh();
    [[nodiscard]] QString titleOf(const QString &collection) const;

    QPointer<SyncEngine> m_engine;
    QString m_latest;              ///< the collection reported last
    QLabel *m_label;
    QProgressBar *m_bar;
};

} // namespace Etagere
