#include "collectionactions.h"

#include "csvexportjob.h"
#include "csvimportjob.h"
#include "newcollectiondialog.h"
#include "progressdialog.h"
#include "syncengine.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

/// How many refused lines the message box lists before "Show Details…".
constexpr int ListedProblems = 10;

QString problemLines(const QList<CsvImportProblem> &problems, qsizetype count)
{
    QStringList lines;
    for (qsizetype i = 0; i < std::min(count, problems.size()); ++i)
        lines << CollectionActions::tr("Line %1: %2").arg(problems.at(i).line).arg(problems.at(i).reason);
    return lines.join(u'\n');
}

QFileDialog *csvFileDialog(QWidget *parent, const QString &title)
{
    auto *dialog = new QFileDialog(parent, title);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setNameFilters({CollectionActions::tr("CSV files (*.csv)"), CollectionActions::tr("All files (*)")});
    dialog->setDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    return dialog;
}

} // namespace

CollectionActions::CollectionActions(SyncEngine *engine, QWidget *window, CollectionProvider currentCollection,
                                     QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_window(window)
    , m_currentCollection(std::move(currentCollection))
    , m_new(new QAction(QIcon::fromTheme(u"folder-new"_s), tr("&New Collection…"), this))
    , m_import(new QAction(QIcon::fromTheme(u"document-import"_s), tr("&Import CSV…"), this))
    , m_export(new QAction(QIcon::fromTheme(u"document-export"_s), tr("&Export CSV…"), this))
{
    Q_ASSERT(engine && window && m_currentCollection);
    m_new->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_N);
    m_new->setStatusTip(tr("Create a collection with the fields you choose"));
    m_import->setShortcut(Qt::CTRL | Qt::Key_I);
    m_import->setStatusTip(tr("Add the records of a CSV file to this collection"));
    m_export->setShortcut(Qt::CTRL | Qt::Key_E);
    m_export->setStatusTip(tr("Save every record of this collection in a CSV file"));
    connect(m_new, &QAction::triggered, this, &CollectionActions::newCollection);
    connect(m_import, &QAction::triggered, this, &CollectionActions::chooseImportFile);
    connect(m_export, &QAction::triggered, this, &CollectionActions::chooseExportFile);
}

CollectionActions::~CollectionActions() = default;

QList<QAction *> CollectionActions::actions() const { return {m_new, m_import, m_export}; }
QAction *CollectionActions::newCollectionAction() const { return m_new; }
QAction *CollectionActions::importAction() const { return m_import; }
QAction *CollectionActions::exportAction() const { return m_export; }
bool CollectionActions::isBusy() const { return m_importJob || m_exportJob; }
ProgressDialog *CollectionActions::progressDialog() const { return m_progress; }

void CollectionActions::newCollection()
{
    auto *dialog = new NewCollectionDialog(m_engine, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NewCollectionDialog::collectionCreated, this, [this](const QString &name) {
        Q_EMIT collectionCreated(name);
        Q_EMIT message(tr("Collection \"%1\" created").arg(name));
    });
    dialog->open();
}

QString CollectionActions::collectionForTransfer()
{
    if (isBusy()) {
        Q_EMIT message(tr("Wait until the running import or export is over"));
        return {};
    }
    const QString collection = m_currentCollection();
    if (collection.isEmpty())
        Q_EMIT message(tr("Select a collection first"));
    return collection;
}

QString CollectionActions::displayName(const QString &collection) const
{
    const std::optional<CollectionSchema> schema = m_engine->collection(collection);
    return schema && !schema->title.isEmpty() ? schema->title : collection;
}

void CollectionActions::chooseImportFile()
{
    const QString collection = collectionForTransfer();
    if (collection.isEmpty())
        return;
    QFileDialog *dialog = csvFileDialog(m_window, tr("Import CSV into \"%1\"").arg(displayName(collection)));
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, &CollectionActions::importFile);
    dialog->open();
}

void CollectionActions::chooseExportFile()
{
    const QString collection = collectionForTransfer();
    if (collection.isEmpty())
        return;
    QFileDialog *dialog = csvFileDialog(m_window, tr("Export \"%1\" as CSV").arg(displayName(collection)));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(u"csv"_s);
    dialog->selectFile(collection + u".csv"_s);
    connect(dialog, &QFileDialog::fileSelected, this, &CollectionActions::exportFile);
    dialog->open();
}

ProgressDialog *CollectionActions::openProgress(const QString &title)
{
    m_progress = new ProgressDialog(m_window);
    m_progress->setWindowTitle(title);
    m_progress->showSoon();
    updateActions();
    return m_progress;
}

void CollectionActions::importFile(const QString &path)
{
    const QString collection = collectionForTransfer();
    if (collection.isEmpty())
        return;
    auto *job = new CsvImportJob(m_engine, collection, path, this);
    m_importJob = job;
    ProgressDialog *progress = openProgress(tr("Import CSV"));
    progress->setLabelText(tr("Checking the records of %1…").arg(QFileInfo(path).fileName()));
    connect(progress, &ProgressDialog::cancelRequested, job, &CsvImportJob::cancel);
    connect(job, &CsvImportJob::progressChanged, this, &CollectionActions::onImportProgress);
    connect(job, &CsvImportJob::finished, this, &CollectionActions::onImportFinished);
    job->start();
}

void CollectionActions::onImportProgress(qint64 done, qint64 total)
{
    if (!m_progress || !m_importJob)
        return;
    switch (m_importJob->phase()) {
    case CsvImportJob::Phase::Writing:
        m_progress->setLabelText(tr("Writing %1 of %2 records to the server…").arg(done).arg(total));
        break;
    case CsvImportJob::Phase::RollingBack:
        m_progress->setLabelText(tr("Removing the records already written (%1 of %2)…").arg(done).arg(total));
        m_progress->setCancelEnabled(false);
        break;
    default:
        break;
    }
    m_progress->setProgress(done, total);
}

void CollectionActions::onImportFinished(CsvImportJob *job)
{
    endTransfer();
    const QString title = tr("Import CSV");
    switch (job->error()) {
    case CsvImportJob::Error::None:
        Q_EMIT message(job->errorString());
        return;
    case CsvImportJob::Error::Cancelled:
        if (job->removed() + job->leftPending() == 0)
            Q_EMIT message(job->errorString());
        else
            showProblem(title, job->errorString());
        return;
    default:
        break;
    }
    const QList<CsvImportProblem> problems = job->problems();
    QString more;
    if (problems.size() > ListedProblems || job->refusedCount() > problems.size()) {
        more = problemLines(problems, problems.size());
        if (job->refusedCount() > problems.size())
            more += u'\n' + tr("%n more refused lines are not listed.", nullptr, job->refusedCount() - int(problems.size()));
    }
    showProblem(title, job->errorString(), problemLines(problems, ListedProblems), more);
}

void CollectionActions::exportFile(const QString &path)
{
    const QString collection = collectionForTransfer();
    if (collection.isEmpty())
        return;
    auto *job = new CsvExportJob(m_engine, collection, path, this);
    m_exportJob = job;
    ProgressDialog *progress = openProgress(tr("Export CSV"));
    progress->setLabelText(tr("Writing %1…").arg(QFileInfo(path).fileName()));
    connect(progress, &ProgressDialog::cancelRequested, job, &CsvExportJob::cancel);
    connect(job, &CsvExportJob::progressChanged, this, [this](int done, int total) {
        if (m_progress)
            m_progress->setProgress(done, total);
    });
    connect(job, &CsvExportJob::finished, this, &CollectionActions::onExportFinished);
    job->start();
}

void CollectionActions::onExportFinished(CsvExportJob *job)
{
    endTransfer();
    switch (job->error()) {
    case CsvExportJob::Error::None:
        Q_EMIT message(tr("%n records of \"%1\" exported to %2", nullptr, job->written())
                           .arg(displayName(job->collection()), job->filePath()));
        return;
    case CsvExportJob::Error::Cancelled:
        Q_EMIT message(job->errorString());
        return;
    default:
        showProblem(tr("Export CSV"), job->errorString());
        return;
    }
}

void CollectionActions::endTransfer()
{
    if (m_progress) {
        m_progress->finish();
        m_progress->deleteLater();
    }
    if (m_importJob)
        m_importJob->deleteLater();
    if (m_exportJob)
        m_exportJob->deleteLater();
    m_importJob.clear();
    m_exportJob.clear();
    updateActions();
}

void CollectionActions::showProblem(const QString &title, const QString &text, const QString &details,
                                    const QString &more)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(details);
    box->setDetailedText(more);
    box->open();
}

void CollectionActions::updateActions()
{
    m_import->setEnabled(!isBusy());
    m_export->setEnabled(!isBusy());
}

} // namespace Etagere
