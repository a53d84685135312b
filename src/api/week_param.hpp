#pragma once
// ?week= of a weekly recognition read (the flags' parade, the digest): an ISO week such as
// 2026-W49, or by default the week before this one (company time) — they are read when a week is
// over.

#include "api/services.hpp"
#include "core/period.hpp"
#include "http/query_input.hpp"

namespace laurel::api {

core::Result<core::Period> read_week(Services& services, http::QueryInput& query);

}  // namespace laurel::api
