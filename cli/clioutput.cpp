#include "clioutput.h"

#include "recordstate.h"

#include <QJsonDocument>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Etagere::CliOutput {

void printJson(const QJsonObject &object)
{
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

void printMessage(const QString &message)
{
    const QByteArray line = "etagere-cli: " + message.toLocal8Bit() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

QJsonObject recordJson(const RecordState &state)
{
    return QJsonObject{
        {u"collection"_s, state.collection},
        {u"id"_s, state.id},
        {u"etag"_s, state.etag.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(state.etag)},
        {u"data"_s, state.local},
        {u"pending"_s, state.dirty},
    };
}

} // namespace Etagere::CliOutput
