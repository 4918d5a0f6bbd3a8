#include "applogging_p.h"

namespace Etagere {

Q_LOGGING_CATEGORY(lcApp, "etagere.app")

} // namespace Etagere
