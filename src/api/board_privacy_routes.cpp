// A person's own choices of privacy: to hide from public leaderboards (crm/board_privacy.hpp
// says what it changes for whom) and to opt out of public celebration in the parade and the
// digest (crm/celebration_audience.hpp).

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

// One of the caller's own choices: a true-or-false on their staff record, read and set whole.
struct Choice {
  const char* field;
  bool store::StaffRecord::*stored;
  std::optional<bool> crm::StaffChanges::*change;
};
constexpr Choice kBoardPrivacy{"hide_from_boards", &store::StaffRecord::hide_from_boards,
                               &crm::StaffChanges::hide_from_boards};
constexpr Choice kCelebration{"celebrate_publicly", &store::StaffRecord::celebrate_publicly,
                              &crm::StaffChanges::celebrate_publicly};

json::object choice_json(const crm::StaffView& view, const Choice& choice) {
  return {{"staff_id", view.staff.id}, {choice.field, view.staff.*choice.stored}};
}

core::Result<Response> get_choice(Services& services, RequestContext& context,
                                  const Choice& choice) {
  auto staff = my_staff_record(services, context);
  if (!staff) return staff.error();
  auto view = services.staff.get(*staff);
  if (!view) return view.error();
  return json_response(200, choice_json(*view, choice));
}

core::Result<Response> set_choice(Services& services, const Request& request,
                                  RequestContext& context, const Choice& choice) {
  auto in = http::JsonInput::parse(request.body);
  if (!in) return in.error();
  auto value = in->optional_bool(choice.field);
  if (!value) return value.error();
  if (auto s = in->finish(); !s) return s.error();
  if (!*value) return core::Error::invalid(choice.field, "is required, true or false");
  crm::StaffChanges changes;
  changes.*choice.change = **value;
  auto staff = my_staff_record(services, context);
  if (!staff) return staff.error();
  auto view = services.staff.update(*staff, changes, context.actor(request.client_ip));
  if (!view) return view.error();
  return json_response(200, choice_json(*view, choice));
}

// The routes of one choice at `path`.
void add_choice(http::Router& router, Services& services, std::string path, const Choice& choice) {
  router.add({"GET", path, Access::authenticated, kSalesTeam, std::nullopt,
              [&services, &choice](const Request&, RequestContext& context) {
                return get_choice(services, context, choice);
              }});
  router.add({"PUT", path, Access::authenticated, kSalesTeam, kSmallBody,
              [&services, &choice](const Request& request, RequestContext& context) {
                return set_choice(services, request, context, choice);
              }});
}

}  // namespace

void add_board_privacy_routes(http::Router& router, Services& services) {
  add_choice(router, services, "/api/v1/me/board-privacy", kBoardPrivacy);
  add_choice(router, services, "/api/v1/me/celebration", kCelebration);
}

}  // namespace laurel::api
