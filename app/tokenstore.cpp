#include "tokenstore.h"

#include "applogging_p.h"

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace Etagere {

namespace {

const QString Service = u"Etagere"_s;

} // namespace

TokenStore::TokenStore(QObject *parent)
    : QObject(parent)
{
}

QString TokenStore::keyOf(const QUrl &server, const QString &user)
{
    QUrl normalized = server;
    QString path = normalized.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    normalized.setPath(path);
    return normalized.toString() + u' ' + user;
}

void TokenStore::load(const QUrl &server, const QString &user)
{
    auto *job = new QKeychain::ReadPasswordJob(Service, this);
    job->setInsecureFallback(false);
    job->setKey(keyOf(server, user));
    connect(job, &QKeychain::Job::finished, this, [this, server, user](QKeychain::Job *done) {
        const auto *read = static_cast<QKeychain::ReadPasswordJob *>(done);
        if (read->error() != QKeychain::NoError && read->error() != QKeychain::EntryNotFound)
            qCInfo(lcApp).noquote() << "no saved session from the keychain:" << read->errorString();
        Q_EMIT loaded(server, user, read->error() == QKeychain::NoError ? read->binaryData() : QByteArray());
    });
    job->start();
}

void TokenStore::save(const QUrl &server, const QString &user, const QByteArray &token)
{
    auto *job = new QKeychain::WritePasswordJob(Service, this);
    job->setInsecureFallback(false);
    job->setKey(keyOf(server, user));
    job->setBinaryData(token);
    connect(job, &QKeychain::Job::finished, this, [this, server, user](QKeychain::Job *done) {
        if (done->error() == QKeychain::NoError) {
            Q_EMIT saved(server, user);
            return;
        }
        const QString reason = done->errorString().isEmpty() ? tr("the keychain is not available") : done->errorString();
        qCWarning(lcApp).noquote() << "cannot keep the session in the keychain:" << reason;
        Q_EMIT saveFailed(server, user, reason);
    });
    job->start();
}

void TokenStore::remove(const QUrl &server, const QString &user)
{
    auto *job = new QKeychain::DeletePasswordJob(Service, this);
    job->setInsecureFallback(false);
    job->setKey(keyOf(server, user));
    connect(job, &QKeychain::Job::finished, this, [this, server, user] { Q_EMIT removed(server, user); });
    job->start();
}

} // namespace Etagere
