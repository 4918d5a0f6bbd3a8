#pragma once

#include "restjob.h"

#include <QSignalSpy>

namespace Etagere::Test {

/// Runs `job` to its end for a test, waiting at most `timeoutMs` (a test may block; product
/// code never does). The job is not deleted when it finishes: the caller reads its results.
/// True when it finished without error.
[[nodiscard]] inline bool runJob(RestJob &job, int timeoutMs)
{
    job.setAutoDelete(false);
    QSignalSpy finished(&job, &RestJob::finished);
    job.start();
    return (!finished.isEmpty() || finished.wait(timeoutMs)) && job.error() == RestJob::Error::None;
}

} // namespace Etagere::Test
