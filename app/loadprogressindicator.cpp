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
    connect(engine, &SyncEngine::collectionLoadProgress, this, &LoadProgressIndicator::onProgress);
    connect(engine, &SyncEngine::collectionReloaded, this, &LoadProgressIndicator::onFinished);
    // A load that failed is retried later and starts counting again.
    connect(engine, &SyncEngine::errorOccurred, this, &LoadProgressIndicator::forgetFinished);
    hide();
}

LoadProgressIndicator::~LoadProgressIndicator() = default;

QString LoadProgressIndicator::text() const
{
    return isHidden() ? QString() : m_label->text();
}

void LoadProgressIndicator::onProgress(const QString &collection, int loaded)
{
    m_loading.insert(collection, loaded);
    m_latest = collection;
    update();
}

void LoadProgressIndicator::onFinished(const QString &collection)
{
    m_loading.remove(collection);
    update();
}

void LoadProgressIndicator::forgetFinished()
{
    for (auto it = m_loading.begin(); it != m_loading.end();)
        it = m_engine && m_engine->isLoading(it.key()) ? std::next(it) : m_loading.erase(it);
    update();
}

void LoadProgressIndicator::update()
{
    if (m_loading.isEmpty()) {
        hide();
        return;
    }
    const QString shown = m_loading.contains(m_latest) ? m_latest : m_loading.constBegin().key();
    QString text = tr("Loading %1: %L2 records…").arg(titleOf(shown)).arg(m_loading.value(shown));
    if (m_loading.size() > 1)
        text += QLatin1Char(' ') + tr("(and %n more collections)", nullptr, int(m_loading.size()) - 1);
    m_label->setText(text);
    show();
}

QString LoadProgressIndicator::titleOf(const QString &collection) const
{
    const std::optional<CollectionSchema> schema = m_engine ? m_engine->collection(collection) : std::nullopt;
    return schema && !schema->title.isEmpty() ? schema->title : collection;
}

} // namespace Etagere
