#include "clilogging_p.h"

Q_LOGGING_CATEGORY(lcCli, "etagere.cli")
