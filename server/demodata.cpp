#include "demodata.h"

#include "identifiers.h"
#include "logging.h"
#include "storage.h"

#include <QDate>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

QJsonObject tasksSchema()
{
    const QJsonArray fields = {
        QJsonObject{{u"name"_s, u"title"_s}, {u"type"_s, u"string"_s}, {u"title"_s, u"Title"_s}, {u"required"_s, true}},
        QJsonObject{{u"name"_s, u"notes"_s}, {u"type"_s, u"text"_s}, {u"title"_s, u"Notes"_s}, {u"required"_s, false}},
        QJsonObject{{u"name"_s, u"owner"_s}, {u"type"_s, u"string"_s}, {u"title"_s, u"Owner"_s}, {u"required"_s, false}},
        QJsonObject{{u"name"_s, u"priority"_s}, {u"type"_s, u"enum"_s}, {u"title"_s, u"Priority"_s},
                    {u"required"_s, false}, {u"values"_s, QJsonArray{u"low"_s, u"normal"_s, u"high"_s}}},
        QJsonObject{{u"name"_s, u"estimate"_s}, {u"type"_s, u"number"_s}, {u"title"_s, u"Estimate (h)"_s},
                    {u"required"_s, false}},
        QJsonObject{{u"name"_s, u"due"_s}, {u"type"_s, u"date"_s}, {u"title"_s, u"Due"_s}, {u"required"_s, false}},
        QJsonObject{{u"name"_s, u"done"_s}, {u"type"_s, u"boolean"_s}, {u"title"_s, u"Done"_s}, {u"required"_s, false}},
    };
    return QJsonObject{{u"title"_s, u"Tasks"_s}, {u"fields"_s, fields}};
}

struct DemoTask
{
    const char *title;
    const char *notes; // empty: no notes
    const char *owner;
    const char *priority;
    double estimate;   // hours; 0: not estimated
    int dueInDays;     // relative to today; 0: no due date
    bool done;
};

// A small team (Ana, Bruno, Chloé, Dmitri, Emeka) shipping a release.
constexpr DemoTask Tasks[] = {
    {"Draft the 2.3 release notes", "Collect the highlights from the merged pull requests; keep it under a page.",
     "Ana", "normal", 3, 6, false},
    {"Fix crash when importing an empty CSV", "Reported by two customers. Repro file is attached to ticket #412.",
     "Bruno", "high", 4, 2, false},
    {"Renew the TLS certificate for the staging server", "", "Dmitri", "high", 1, 3, false},
    {"Update the onboarding checklist", "Add the new VPN steps and remove the old wiki link.", "Chloé", "low", 2, 14, false},
    {"Review Emeka's pull request on the sync retry logic", "", "Ana", "normal", 1.5, 1, false},
    {"Write migration for the invoices table", "Add the currency column; default EUR for existing rows.", "Bruno",
     "normal", 5, 9, false},
    {"Prepare the quarterly demo", "Ten minutes max: live editing, conflict dialog, offline mode.", "Chloé", "high",
     6, 5, false},
    {"Benchmark the search index rebuild", "", "Emeka", "normal", 3, 12, false},
    {"Order a second monitor for Dmitri", "", "Ana", "low", 0.5, 0, true},
    {"Translate the settings dialog into German", "Strings are frozen since Monday.", "Chloé", "normal", 4, 20, false},
    {"Investigate slow login on Windows", "Only on machines with roaming profiles, it seems.", "Dmitri", "high", 6, 4,
     false},
    {"Clean up the unused feature flags", "", "Emeka", "low", 2, 0, true},
    {"Set up nightly backups of the database", "Keep 14 days; test a restore once.", "Dmitri", "high", 3, 0, true},
    {"Answer the accessibility audit", "Focus order in the record editor and contrast of the pending marker.", "Ana",
     "normal", 5, 18, false},
    {"Replace the app icon with the new design", "", "Chloé", "low", 1, 0, true},
    {"Add keyboard shortcuts to the table view", "Ctrl+N new record, Del delete, F2 edit.", "Emeka", "normal", 3, 10,
     false},
    {"Book the team offsite venue", "", "Bruno", "low", 1, 30, false},
    {"Document the backup restore procedure", "", "Dmitri", "normal", 2, 8, false},
    {"Fix typo in the welcome email", "\"recieve\" -> \"receive\"", "Ana", "low", 0.25, 0, true},
    {"Plan the 2.4 roadmap meeting", "Invite product and support; collect the top ten requests first.", "Bruno",
     "normal", 2, 7, false},
};

QJsonObject taskData(const DemoTask &task)
{
    QJsonObject data{{u"title"_s, QString::fromUtf8(task.title)},
                     {u"owner"_s, QString::fromUtf8(task.owner)},
                     {u"priority"_s, QString::fromUtf8(task.priority)},
                     {u"done"_s, task.done}};
    if (*task.notes)
        data.insert(u"notes"_s, QString::fromUtf8(task.notes));
    if (task.estimate > 0)
        data.insert(u"estimate"_s, task.estimate);
    if (task.dueInDays != 0)
        data.insert(u"due"_s, QDate::currentDate().addDays(task.dueInDays).toString(Qt::ISODate));
    return data;
}

} // namespace

bool DemoData::install(Storage *storage, const QString &author)
{
    if (storage->collection(CollectionName))
        return true;
    QString error;
    const auto schema = CollectionSchema::fromJson(tasksSchema(), &error, CollectionName);
    Q_ASSERT_X(schema, "DemoData", qPrintable(error));
    if (!schema || !storage->createCollection(*schema))
        return false;
    for (const DemoTask &task : Tasks) {
        const QJsonObject data = taskData(task);
        Q_ASSERT(schema->validate(data));
        if (!storage->write(CollectionName, newRecordId(), data, author))
            return false;
    }
    qCInfo(lcServer) << "created the demo collection" << CollectionName << "with" << std::size(Tasks) << "tasks";
    return true;
}

} // namespace Etagere
