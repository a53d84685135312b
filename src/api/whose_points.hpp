#pragma once
// Whose points or flags a request reads: ?staff_id=, or with none the caller's own, checked
// against the caller's scope (crm/points_service.hpp: everyone their own, managers their
// departments' people, admins everyone).

#include <cstdint>

#include "api/services.hpp"
#include "http/message.hpp"
#include "http/query_input.hpp"
#include "http/request_context.hpp"

namespace laurel::api {

// Takes staff_id from `query`; the caller finishes the query (it may take more).
core::Result<std::int64_t> whose(Services& services, http::QueryInput& query,
                                 http::RequestContext& context);
// For a request whose only parameter is staff_id.
core::Result<std::int64_t> whose(Services& services, const http::Request& request,
                                 http::RequestContext& context);

}  // namespace laurel::api
