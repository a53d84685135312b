// A person's own choice to hide from public leaderboards (crm/board_privacy.hpp says what it
// changes for whom).

#include "api/access.hpp"
#include "api/board_request.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "http/json_input.hpp"

namespace laurel::api {
namespace {

namespace json = boost::json;
using http::Access;
using http::QueryInput;
using http::Request;
using http::RequestContext;
using http::Response;

// The caller's own choice to hide from public boards (crm/board_privacy.hpp), on the staff record
// their login is linked to.
core::Result<std::int64_t> my_staff_record(Services& services, RequestContext& context) {
  auto staff = services.engine.staff_of_user(context.user().user_id);
  if (!staff) return staff.error();
  if (!*staff) return core::Error::not_found("no staff record is linked to your login");
  return **staff;
}

json::object privacy_json(const crm::StaffView& view) {
  return {{"staff_id", view.staff.id}, {"hide_from_boards", view.staff.hide_from_boards}};
}

core::Result<Response> get_board_privacy(Services& services, const Request&,
                                         RequestContext& context) {
  auto staff = my_staff_record(services, context);
  if (!staff) return staff.error();
  auto view = services.staff.get(*staff);
  if (!view) return view.error();
  return json_response(200, privacy_json(*view));
}

core::Result<Response> set_board_privacy(Services& services, const Request& request,
                                         RequestContext& context) {
  auto in = http::JsonInput::parse(request.body);
  if (!in) return in.error();
  auto hide = in->optional_bool("hide_from_boards");
  if (!hide) return hide.error();
  if (auto s = in->finish(); !s) return s.error();
  if (!*hide) return core::Error::invalid("hide_from_boards", "is required, true or false");
  crm::StaffChanges changes;
  changes.hide_from_boards = **hide;
  auto staff = my_staff_record(services, context);
  if (!staff) return staff.error();
  auto view = services.staff.update(*staff, changes, context.actor(request.client_ip));
  if (!view) return view.error();
  return json_response(200, privacy_json(*view));
}

}  // namespace

void add_board_privacy_routes(http::Router& router, Services& services) {
  router.add({"GET", "/api/v1/me/board-privacy", Access::authenticated, kSalesTeam, std::nullopt,
              with(services, get_board_privacy)});
  router.add({"PUT", "/api/v1/me/board-privacy", Access::authenticated, kSalesTeam, kSmallBody,
              with(services, set_board_privacy)});
}

}  // namespace laurel::api
