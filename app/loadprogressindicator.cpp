#include "loadprogressindicator.h"

#include "syncengine.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

namespace Etagere {

namespace {
constexpr int BarWidth = 100;
}

LoadProgressIndicator::LoadProgressIndicator(SyncEngine *engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
{
    Q_ASSERT(engine);
    m_bar->setRange(0, 0); // busy: the total is not known
    m_bar->setTextVisible(false);
    m_bar->setMaximumWidth(BarWidth);
    m_bar->setMaximumHeight(m_label->sizeHint().height());
    m_bar->setAccessibleName(tr("Loading"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    const auto refresh = [this] { this->refresh(); };
    connect(engine, &SyncEngine::collectionLoadProgress, this, &LoadProgressIndicator::onProgress);
    connect(engine, &SyncEngine::collectionReloaded, this, refresh);
    connect(engine, &SyncEngine::errorOccurred, this, refresh);          // a load that failed
    connect(engine, &SyncEngine::authenticationRequired, this, refresh); // one refused (401)
    hide();
}

LoadProgressIndicator::~LoadProgressIndicator() = default;

QString LoadProgressIndicator::text() const
{
    return isHidden() ? QString() : m_label->text();
}

void LoadProgressIndicator::onProgress(const QString &collection)
{
    m_latest = collection;
    refresh();
}

QStringList LoadProgressIndicator::loadingCollections() const
{
    QStringList loading;
    const QList<CollectionSchema> collections = m_engine ? m_engine->collections() : QList<CollectionSchema>();
    for (const CollectionSchema &schema : collections) {
        if (m_engine->loadedRecords(schema.name) > 0)
            loading.append(schema.name);
    }
    return loading;
}

void LoadProgressIndicator::refresh()
{
    const QStringList loading = loadingCollections();
    if (loading.isEmpty()) {
        hide();
        return;
    }
    const QString shown = loading.contains(m_latest) ? m_latest : loading.constFirst();
    QString text = tr("Loading %1: %L2 records…").arg(titleOf(shown)).arg(m_engine->loadedRecords(shown));
    if (loading.size() > 1)
        text += QLatin1Char(' ') + tr("(and %n more collections)", nullptr, int(loading.size()) - 1);
    m_label->setText(text);
    show();
}

QString LoadProgressIndicator::titleOf(const QString &collection) const
{
    const std::optional<CollectionSchema> schema = m_engine ? m_engine->collection(collection) : std::nullopt;
    return schema && !schema->title.isEmpty() ? schema->title : collection;
}

} // namespace Etagere
