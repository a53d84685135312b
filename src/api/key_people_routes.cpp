// Key people of clients. Everyone in the company reads them, with contact details masked outside
// the caller's contact scope and every unmasked view logged; sales, managers and admins keep
// them current and move them between institutions; admins erase them on request and read who
// viewed their contact details.

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/access.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "core/timestamp.hpp"
#include "crm/product_service.hpp"
#include "http/json_input.hpp"
#include "http/query_input.hpp"

namespace laurel::api {
namespace {

using http::Access;
using http::JsonInput;
using http::QueryInput;
using http::Request;
using http::RequestContext;
using http::Response;

// The members of a key person a write may carry; absent members keep their value (an update)
// or take their default (a creation).
core::Result<crm::KeyPersonChanges> read_changes(JsonInput& in) {
  crm::KeyPersonChanges c;
  auto unit = in.nullable_integer("org_unit_id", 1, INT64_MAX);
  if (!unit) return unit.error();
  c.org_unit_id = *unit;
  auto reports_to = in.nullable_integer("reports_to_id", 1, INT64_MAX);
  if (!reports_to) return reports_to.error();
  c.reports_to_id = *reports_to;
  auto name = in.optional_string("name", {1, 100});
  if (!name) return name.error();
  c.name = std::move(*name);
  auto title = in.nullable_string("title", {1, 100});
  if (!title) return title.error();
  c.title = std::move(*title);
  auto role = in.optional_string("decision_role", {1, 30});
  if (!role) return role.error();
  c.decision_role = std::move(*role);
  auto influence = in.optional_string("influence", {1, 30});
  if (!influence) return influence.error();
  c.influence = std::move(*influence);
  auto phone = in.nullable_string("phone", {1, 30});
  if (!phone) return phone.error();
  c.phone = std::move(*phone);
  auto email = in.nullable_string("email", {1, 254});
  if (!email) return email.error();
  c.email = std::move(*email);
  auto wechat = in.nullable_string("wechat", {1, 50});
  if (!wechat) return wechat.error();
  c.wechat = std::move(*wechat);
  auto frequency = in.nullable_integer("touch_frequency_days", 1, 3650);
  if (!frequency) return frequency.error();
  c.touch_frequency_days = *frequency;
  auto active = in.optional_bool("active");
  if (!active) return active.error();
  c.active = *active;
  return c;
}

template <class T>
core::Result<T> required(const std::optional<T>& value, std::string_view field) {
  if (!value) return core::Error::invalid(std::string(field), "is required");
  return *value;
}

core::Result<Response> create(Services& services, const Request& request, RequestContext& context) {
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  crm::NewKeyPerson input;
  auto client = in->required_integer("client_id", 1, INT64_MAX);
  if (!client) return client.error();
  input.client_id = *client;
  auto c = read_changes(*in);
  if (!c) return c.error();
  if (auto s = in->finish(); !s) return s.error();
  auto name = required(c->name, "name");
  if (!name) return name.error();
  auto role = required(c->decision_role, "decision_role");
  if (!role) return role.error();
  auto influence = required(c->influence, "influence");
  if (!influence) return influence.error();
  auto& f = input.fields;
  f.org_unit_id = c->org_unit_id.value_or(std::nullopt);
  f.reports_to_id = c->reports_to_id.value_or(std::nullopt);
  f.name = std::move(*name);
  f.title = c->title.value_or(std::nullopt);
  f.decision_role = std::move(*role);
  f.influence = std::move(*influence);
  f.phone = c->phone.value_or(std::nullopt);
  f.email = c->email.value_or(std::nullopt);
  f.wechat = c->wechat.value_or(std::nullopt);
  f.touch_frequency_days = c->touch_frequency_days.value_or(std::nullopt);
  f.active = c->active.value_or(true);
  auto created =
      services.key_people.create(input, context.user(), context.actor(request.client_ip));
  if (!created) return created.error();
  Response response = json_response(201, crm::key_person_to_json(*created));
  response.set_header("Location", "/api/v1/key-people/" + std::to_string(created->person.id));
  return response;
}

core::Result<Response> update(Services& services, const Request& request, RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  auto changes = read_changes(*in);
  if (!changes) return changes.error();
  if (auto s = in->finish(); !s) return s.error();
  auto updated =
      services.key_people.update(*id, *changes, context.user(), context.actor(request.client_ip));
  if (!updated) return updated.error();
  return json_response(200, crm::key_person_to_json(*updated));
}

core::Result<Response> move(Services& services, const Request& request, RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto in = JsonInput::parse(request.body);
  if (!in) return in.error();
  crm::KeyPersonMove move;
  auto client = in->required_integer("client_id", 1, INT64_MAX);
  if (!client) return client.error();
  move.client_id = *client;
  auto unit = in->optional_integer("org_unit_id", 1, INT64_MAX);
  if (!unit) return unit.error();
  move.org_unit_id = *unit;
  auto reports_to = in->optional_integer("reports_to_id", 1, INT64_MAX);
  if (!reports_to) return reports_to.error();
  move.reports_to_id = *reports_to;
  auto title = in->nullable_string("title", {1, 100});
  if (!title) return title.error();
  move.title = std::move(*title);
  if (auto s = in->finish(); !s) return s.error();
  auto moved =
      services.key_people.move(*id, move, context.user(), context.actor(request.client_ip));
  if (!moved) return moved.error();
  return json_response(200, crm::key_person_to_json(*moved));
}

core::Result<Response> list(Services& services, const Request& request, RequestContext& context) {
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  store::KeyPersonFilter filter;
  auto client = query->optional_integer("client_id", 1, INT64_MAX);
  if (!client) return client.error();
  filter.client_id = *client;
  auto unit = query->optional_integer("org_unit_id", 1, INT64_MAX);
  if (!unit) return unit.error();
  filter.org_unit_id = *unit;
  auto role = query->optional_string("decision_role", 30);
  if (!role) return role.error();
  if (*role) {
    if (auto s = crm::check_one_of("decision_role", **role, crm::decision_roles()); !s) {
      return s.error();
    }
  }
  filter.decision_role = *role;
  auto influence = query->optional_string("influence", 30);
  if (!influence) return influence.error();
  if (*influence) {
    if (auto s = crm::check_one_of("influence", **influence, crm::influences()); !s) {
      return s.error();
    }
  }
  filter.influence = *influence;
  auto active = query->optional_bool("active");
  if (!active) return active.error();
  filter.active = *active;
  auto search = query->optional_string("q", 100);
  if (!search) return search.error();
  filter.search = *search;
  if (auto s = read_page(*query, filter); !s) return s.error();
  if (auto s = query->finish(); !s) return s.error();
  auto page = services.key_people.list(filter, context.user());
  if (!page) return page.error();
  return page_of(page->people, page->next_after_id,
                 [](const auto& view) { return crm::key_person_to_json(view); });
}

core::Result<Response> contact_views(Services& services, const Request& request,
                                     RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  auto cursor = query->cursor();
  if (!cursor) return cursor.error();
  auto limit = query->limit(100, 500);
  if (!limit) return limit.error();
  if (auto s = query->finish(); !s) return s.error();
  auto views = services.key_people.contact_views(*id, *cursor, *limit);
  if (!views) return views.error();
  std::optional<std::int64_t> next;
  if (views->size() > static_cast<std::size_t>(*limit)) {
    views->pop_back();
    next = views->back().first;
  }
  return page_of(*views, next, [](const auto& entry) {
    const auto& [view_id, view] = entry;
    return boost::json::object{
        {"id", view_id},
        {"user_id", view.user_id},
        {"via", view.via},
        {"viewed_at", core::format_rfc3339(core::from_micros(view.viewed_at))}};
  });
}

}  // namespace

void add_key_people_routes(http::Router& router, Services& services) {
  router.add({"GET", "/api/v1/key-people", Access::authenticated, kCompanyStaff, std::nullopt,
              with(services, list)});
  router.add({"POST", "/api/v1/key-people", Access::authenticated, kClientEditors, kSmallBody,
              with(services, create)});
  router.add({"GET", "/api/v1/key-people/{id}", Access::authenticated, kCompanyStaff, std::nullopt,
              get_by_id_for_caller(
                  [&services](std::int64_t id, const auth::Principal& caller) {
                    return services.key_people.get(id, caller);
                  },
                  [](const auto& r) { return crm::key_person_to_json(r); })});
  router.add({"PATCH", "/api/v1/key-people/{id}", Access::authenticated, kClientEditors, kSmallBody,
              with(services, update)});
  router.add({"POST", "/api/v1/key-people/{id}/move", Access::authenticated, kClientEditors,
              kSmallBody, with(services, move)});
  router.add(
      {"POST", "/api/v1/key-people/{id}/erase", Access::authenticated, kAdminOnly, kSmallBody,
       [&services](const Request& request, RequestContext& context) -> core::Result<Response> {
         auto id = context.id_param("id");
         if (!id) return id.error();
         auto erased = services.key_people.erase(*id, context.actor(request.client_ip));
         if (!erased) return erased.error();
         return json_response(200, crm::key_person_to_json(*erased));
       }});
  router.add({"GET", "/api/v1/key-people/{id}/contact-views", Access::authenticated, kAdminOnly,
              std::nullopt, with(services, contact_views)});
}

}  // namespace laurel::api
