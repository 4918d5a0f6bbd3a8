#pragma once

#include <QLoggingCategory>

namespace Etagere {

/// The one logging category of EtagereSync: `etagere.sync`.
Q_DECLARE_LOGGING_CATEGORY(lcSync)

} // namespace Etagere
