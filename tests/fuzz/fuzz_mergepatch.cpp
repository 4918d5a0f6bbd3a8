// MergePatch::apply and diff over a decoded document `[target, patch]` (JSON or CBOR):
// applying a patch twice changes nothing more (RFC 7396 patches are idempotent), and
// apply(from, diff(from, to)) gives `to` when `to` holds no null member.
#include "fuzzcommon.h"
#include "mergepatch.h"

#include <QJsonArray>
#include <QJsonObject>

namespace {

bool hasNullMember(const QJsonValue &value)
{
    if (value.isArray())
        return false; // arrays are replaced whole: their nulls do not matter
    const QJsonObject object = value.toObject();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.value().isNull() || hasNullMember(it.value()))
            return true;
    }
    return false;
}

void patch(const QJsonValue &json)
{
    using namespace Etagere;
    const QJsonArray pair = json.toArray();
    if (pair.size() != 2)
        return;
    const QJsonValue once = MergePatch::apply(pair.at(0), pair.at(1));
    Fuzz::require(MergePatch::apply(once, pair.at(1)) == once, "a merge patch is idempotent");
    if (!pair.at(0).isObject() || !pair.at(1).isObject() || hasNullMember(pair.at(1)))
        return;
    const QJsonObject from = pair.at(0).toObject(), to = pair.at(1).toObject();
    Fuzz::require(MergePatch::apply(from, MergePatch::diff(from, to)) == to, "diff gives a patch to the target");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::forEachDocument(Fuzz::bytes(data, size), patch);
    return 0;
}
