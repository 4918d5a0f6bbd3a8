#pragma once

#include <QByteArray>
#include <QString>

namespace Etagere {

/// Passwords and session tokens, through libsodium.
/// - Passwords are hashed with Argon2id (crypto_pwhash_str: a self-describing string
///   `$argon2id$v=19$m=19456,t=2,p=1$salt$hash` with a random salt) and verified with
///   crypto_pwhash_str_verify, which compares in constant time.
/// - A session token is 32 random bytes (randombytes_buf) in base64url without padding
///   (43 characters); the server keeps only tokenKey(), its SHA-256 in hex.
/// Call initialize() once before anything else; afterwards every function is thread-safe.
class Credentials
{
public:
    /// Argon2id cost: 2 passes over 19 MiB (OWASP's minimum for Argon2id).
    static constexpr unsigned long long OpsLimit = 2;
    static constexpr size_t MemLimit = 19 * 1024 * 1024;
    static constexpr int TokenBytes = 32;
    /// Longest password accepted, in bytes (UTF-8).
    static constexpr qsizetype MaxPasswordSize = 1024;

    /// Initializes libsodium; false when it cannot (then nothing here may be used).
    [[nodiscard]] static bool initialize();

    /// The Argon2id string of `password`; empty when hashing failed (out of memory).
    [[nodiscard]] static QString hashPassword(const QByteArray &password);
    /// True when `password` matches `hash` (an Argon2id string from hashPassword()).
    [[nodiscard]] static bool verifyPassword(const QString &hash, const QByteArray &password);
    /// Costs what one verifyPassword() costs, for a user that does not exist or has no
    /// password, so that the answer takes as long as for a wrong password. Always false.
    [[nodiscard]] static bool verifyAgainstNothing(const QByteArray &password);

    /// A new random token: 43 base64url characters.
    [[nodiscard]] static QByteArray newToken();
    /// True when `token` has the form of a token (43 base64url characters).
    [[nodiscard]] static bool isWellFormedToken(QByteArrayView token);
    /// The key under which a token's session is stored: SHA-256 of the token, in hex.
    [[nodiscard]] static QByteArray tokenKey(QByteArrayView token);
};

} // namespace Etagere
