#include "modellogging_p.h"

namespace Etagere {

Q_LOGGING_CATEGORY(lcModel, "etagere.model")

} // namespace Etagere
