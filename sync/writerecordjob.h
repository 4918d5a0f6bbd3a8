#pragma once

#include "restjob.h"

#include <QJsonObject>

namespace Etagere {

/// One conditional write of a record:
/// - Create: `PUT .../records/{id}` with `If-None-Match: *` (client-chosen id; safe to retry)
/// - Replace: `PUT .../records/{id}` with `If-Match: etag`
/// - Delete: `DELETE .../records/{id}` with `If-Match: etag`
/// A stale precondition finishes with Error::Conflict, carrying the server's copy.
class WriteRecordJob : public RestJob
{
    Q_OBJECT

public:
    enum class Mode { Create, Replace, Delete };
    Q_ENUM(Mode)

    /// `etag` (quoted, as received) is required for Replace and Delete; `data` is ignored for Delete.
    WriteRecordJob(QNetworkAccessManager *network, const QUrl &server, Mode mode, const QString &collection,
                   const QString &id, const QJsonObject &data, const QString &etag, QObject *parent = nullptr);

    [[nodiscard]] Mode mode() const;
    [[nodiscard]] QString collection() const;
    [[nodiscard]] QString id() const;
    /// The body sent (empty for Delete).
    [[nodiscard]] QJsonObject sentData() const;
    /// The precondition ETag sent (empty for Create).
    [[nodiscard]] QString baseEtag() const;

    /// After success: the record's new ETag (empty after a delete).
    [[nodiscard]] QString newEtag() const;
    /// After success: the record's data as the server answered it, or sentData() when the
    /// answer had no body; empty after a delete.
    [[nodiscard]] QJsonObject data() const;

protected:
    void run() override;
    void handleSuccess(int status, const QJsonValue &body) override;

private:
    Mode m_mode;
    QString m_collection;
    QString m_id;
    QJsonObject m_sent;
    QString m_baseEtag;
    QString m_newEtag;
    QJsonObject m_data;
};

} // namespace Etagere
