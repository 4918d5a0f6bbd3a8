#include "synclogging_p.h"

namespace Etagere {

Q_LOGGING_CATEGORY(lcSync, "etagere.sync")

} // namespace Etagere
