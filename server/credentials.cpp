#include "credentials.h"

#include <QCryptographicHash>
#include <QMutex>

#include <sodium.h>

namespace Etagere {

namespace {

// The hash that verifyAgainstNothing() checks passwords against: made on first use from a
// random password nobody knows, with the same cost as every other hash. *made tells
// whether this call made it (which took as long as a verification).
QString dummyHash(bool *made)
{
    static QMutex mutex;
    static QString hash;
    const QMutexLocker locker(&mutex);
    *made = hash.isEmpty();
    if (*made) {
        QByteArray secret(Credentials::TokenBytes, Qt::Uninitialized);
        randombytes_buf(secret.data(), size_t(secret.size()));
        hash = Credentials::hashPassword(secret.toBase64());
    }
    return hash;
}

bool isBase64UrlChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

} // namespace

bool Credentials::initialize()
{
    return sodium_init() >= 0;
}

QString Credentials::hashPassword(const QByteArray &password)
{
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.constData(), quint64(password.size()), OpsLimit, MemLimit,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return {};
    }
    return QString::fromLatin1(out);
}

bool Credentials::verifyPassword(const QString &hash, const QByteArray &password)
{
    const QByteArray stored = hash.toLatin1();
    return crypto_pwhash_str_verify(stored.constData(), password.constData(), quint64(password.size())) == 0;
}

bool Credentials::verifyAgainstNothing(const QByteArray &password)
{
    bool made = false;
    const QString hash = dummyHash(&made);
    if (!made)
        static_cast<void>(verifyPassword(hash, password)); // only its cost counts
    return false;
}

QByteArray Credentials::newToken()
{
    QByteArray bytes(TokenBytes, Qt::Uninitialized);
    randombytes_buf(bytes.data(), size_t(bytes.size()));
    const QByteArray token = bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    sodium_memzero(bytes.data(), size_t(bytes.size()));
    return token;
}

bool Credentials::isWellFormedToken(QByteArrayView token)
{
    return token.size() == 43 && std::all_of(token.begin(), token.end(), isBase64UrlChar);
}

QByteArray Credentials::tokenKey(QByteArrayView token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex();
}

} // namespace Etagere
