#pragma once

#include <QLoggingCategory>

namespace Etagere {
/// The server's one logging category, `etagere.server`.
Q_DECLARE_LOGGING_CATEGORY(lcServer)
} // namespace Etagere
