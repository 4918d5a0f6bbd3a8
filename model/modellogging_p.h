#pragma once

#include <QLoggingCategory>

namespace Etagere {

/// The model library's one logging category, `etagere.model`.
Q_DECLARE_LOGGING_CATEGORY(lcModel)

} // namespace Etagere
