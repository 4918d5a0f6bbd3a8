#include "recordtitle.h"

namespace Etagere {

namespace {

QString firstString(const CollectionSchema &schema, const QJsonObject &data)
{
    for (const FieldSchema &field : schema.fields) {
        if (field.type != FieldType::String)
            continue;
        const QString text = data.value(field.name).toString().simplified();
        if (!text.isEmpty())
            return text;
    }
    return {};
}

} // namespace

QString recordTitle(const CollectionSchema &schema, const QString &id, const QJsonObject &data,
                    const QJsonObject &fallback)
{
    if (QString title = firstString(schema, data); !title.isEmpty())
        return title;
    if (QString title = firstString(schema, fallback); !title.isEmpty())
        return title;
    return id;
}

QString fieldTitles(const CollectionSchema &schema, const QStringList &fields)
{
    QStringList titles;
    for (const FieldSchema &field : schema.fields) {
        if (fields.contains(field.name))
            titles << (field.title.isEmpty() ? field.name : field.title);
    }
    for (const QString &name : fields) {
        if (!schema.field(name))
            titles << name;
    }
    return titles.join(u", ");
}

} // namespace Etagere
