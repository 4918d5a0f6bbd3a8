#pragma once

#include <QLoggingCategory>

namespace Etagere {

/// The desktop app's one logging category, `etagere.app`.
Q_DECLARE_LOGGING_CATEGORY(lcApp)

} // namespace Etagere
