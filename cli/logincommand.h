#pragma once

#include "networkaccess.h"

#include <QObject>
#include <QUrl>

namespace Etagere {

/// `login USER`: reads USER's password from the first line of standard input, signs in
/// (POST /v1/sessions) and prints the session token on standard output, for
/// `export ETAGERE_TOKEN=$(etagere-cli --server URL login alice)`. Needs no journal.
/// Exit codes: 0 signed in; 4 wrong user or password, too many attempts, or no password
/// given; 3 the server cannot be reached. finished() is emitted once, with the exit code.
class LoginCommand : public QObject
{
    Q_OBJECT

public:
    LoginCommand(const QUrl &server, const QString &user, QObject *parent = nullptr);

    void run();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void signIn(const QString &password);

    NetworkAccess m_network;
    QUrl m_server;
    QString m_user;
};

} // namespace Etagere
