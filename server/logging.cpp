#include "logging.h"

namespace Etagere {
Q_LOGGING_CATEGORY(lcServer, "etagere.server")
} // namespace Etagere
