// Record, RecordPage, Change, ChangePage and Problem fromJson over any decoded document:
// a refusal has a reason, and what is accepted survives toJson and fromJson.
#include "change.h"
#include "fuzzcommon.h"
#include "problem.h"
#include "record.h"

namespace {

template<typename T>
void parseAs(const QJsonValue &json, const char *what)
{
    QString error;
    const std::optional<T> value = T::fromJson(json, &error);
    Fuzz::require(value.has_value() || !error.isEmpty(), what);
    if (!value)
        return;
    const QJsonObject written = value->toJson();
    QString again;
    const std::optional<T> reparsed = T::fromJson(written, &again);
    Fuzz::require(reparsed.has_value(), what);
    Fuzz::require(reparsed->toJson() == written, what);
}

void parseProblem(const QJsonValue &json)
{
    const std::optional<Etagere::Problem> problem = Etagere::Problem::fromJson(json);
    if (!problem)
        return;
    Fuzz::require(problem->status >= 100 && problem->status <= 599, "a problem has an HTTP status");
    const std::optional<Etagere::Problem> reparsed = Etagere::Problem::fromJson(problem->toJson());
    Fuzz::require(reparsed.has_value() && reparsed->toJson() == problem->toJson(), "a problem round-trips");
}

void parseAll(const QJsonValue &json)
{
    parseAs<Etagere::Record>(json, "Record");
    parseAs<Etagere::RecordPage>(json, "RecordPage");
    parseAs<Etagere::Change>(json, "Change");
    parseAs<Etagere::ChangePage>(json, "ChangePage");
    parseProblem(json);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::forEachDocument(Fuzz::bytes(data, size), parseAll);
    return 0;
}
