#include "api/whose_points.hpp"

namespace laurel::api {

core::Result<std::int64_t> whose(Services& services, http::QueryInput& query,
                                 http::RequestContext& context) {
  auto staff = query.optional_integer("staff_id", 1, INT64_MAX);
  if (!staff) return staff.error();
  return services.points.subject_of(context.user(), *staff);
}

core::Result<std::int64_t> whose(Services& services, const http::Request& request,
                                 http::RequestContext& context) {
  auto query = http::QueryInput::parse(request.query);
  if (!query) return query.error();
  auto staff = whose(services, *query, context);
  if (!staff) return staff.error();
  if (auto s = query->finish(); !s) return s.error();
  return staff;
}

}  // namespace laurel::api
