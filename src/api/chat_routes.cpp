// The group chats over the API: the bots good news is sent to (admins configure them), and the
// outbox of deliveries — what went out, what waits, what is dead — which managers watch and
// retry.

#include <boost/json/array.hpp>
#include <boost/url/parse.hpp>

#include "api/access.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "crm/chat_quiet_hours.hpp"
#include "http/json_input.hpp"
#include "http/query_input.hpp"

namespace laurel::api {
namespace {

using http::Access;
using http::Request;
using http::RequestContext;
using http::Response;

constexpr std::string_view kChannels[] = {"wecom", "dingtalk", "feishu"};
constexpr std::string_view kDeliveryStatuses[] = {"pending", "sent", "dead"};

template <std::size_t N>
bool one_of(std::string_view value, const std::string_view (&allowed)[N]) {
  return std::find(std::begin(allowed), std::end(allowed), value) != std::end(allowed);
}

// A webhook Laurel may post to: an absolute http or https URL with a host.
core::Status check_url(std::string_view url) {
  auto parsed = boost::urls::parse_absolute_uri(url);
  if (!parsed || (parsed->scheme() != "http" && parsed->scheme() != "https") ||
      parsed->encoded_host().empty()) {
    return core::Error::invalid("url", "must be an http:// or https:// URL with a host");
  }
  return {};
}

// The members of a bot, for a creation (`creating`: name, channel and url required) or a change.
core::Result<crm::ChatTargetChange> read_target(std::string_view body, bool creating) {
  auto in = http::JsonInput::parse(body);
  if (!in) return in.error();
  crm::ChatTargetChange change;
  auto name = in->optional_string("name", {1, 100});
  if (!name) return name.error();
  change.name = *name;
  if (creating) {
    auto channel = in->required_string("channel", {1, 20});
    if (!channel) return channel.error();
    if (!one_of(*channel, kChannels)) {
      return core::Error::invalid("channel", "must be wecom, dingtalk or feishu");
    }
    change.channel = *channel;
  }
  auto url = in->optional_string("url", {1, 2000});
  if (!url) return url.error();
  if (*url) {
    if (auto s = check_url(**url); !s) return s.error();
  }
  change.url = *url;
  auto secret = in->nullable_string("secret", {1, 200});
  if (!secret) return secret.error();
  change.secret = *secret;
  auto departments = in->optional_integers("department_ids", 1, INT64_MAX, 100);
  if (!departments) return departments.error();
  change.department_ids = *departments;
  auto language = in->optional_string("language", {1, 10});
  if (!language) return language.error();
  if (*language && **language != "zh-CN" && **language != "en") {
    return core::Error::invalid("language", "must be zh-CN or en");
  }
  change.language = *language;
  auto per_minute = in->optional_integer("max_per_minute", 1, 600);
  if (!per_minute) return per_minute.error();
  if (*per_minute) change.max_per_minute = static_cast<int>(**per_minute);
  for (auto [member, end] :
       {std::pair{"quiet_from", &change.quiet_from}, std::pair{"quiet_to", &change.quiet_to}}) {
    auto text = in->nullable_string(member, {1, 5});
    if (!text) return text.error();
    if (!*text) continue;
    if (!**text) {
      *end = std::optional<int>();
      continue;
    }
    auto minutes = crm::read_clock_minutes(***text, member);
    if (!minutes) return minutes.error();
    *end = std::optional<int>(*minutes);
  }
  auto per_day = in->nullable_integer("max_per_day", 1, 10000);
  if (!per_day) return per_day.error();
  if (*per_day) {
    change.max_per_day =
        **per_day ? std::optional<int>(static_cast<int>(***per_day)) : std::optional<int>();
  }
  auto enabled = in->optional_bool("enabled");
  if (!enabled) return enabled.error();
  change.enabled = *enabled;
  if (auto s = in->finish(); !s) return s.error();
  if (creating && !change.name) return core::Error::invalid("name", "is required");
  if (creating && !change.url) return core::Error::invalid("url", "is required");
  return change;
}

core::Result<Response> create_target(Services& services, const Request& request,
                                     RequestContext& context) {
  auto input = read_target(request.body, true);
  if (!input) return input.error();
  auto made = services.chat_targets.create(*input, context.actor(request.client_ip));
  if (!made) return made.error();
  Response response = json_response(201, crm::chat_target_to_json(*made));
  response.set_header("Location", "/api/v1/chat-targets/" + std::to_string(made->id));
  return response;
}

core::Result<Response> update_target(Services& services, const Request& request,
                                     RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto change = read_target(request.body, false);
  if (!change) return change.error();
  auto updated = services.chat_targets.update(*id, *change, context.actor(request.client_ip));
  if (!updated) return updated.error();
  return json_response(200, crm::chat_target_to_json(*updated));
}

core::Result<Response> list_targets(Services& services, const Request& request, RequestContext&) {
  auto query = http::QueryInput::parse(request.query);
  if (!query) return query.error();
  if (auto s = query->finish(); !s) return s.error();
  auto targets = services.chat_targets.list();
  if (!targets) return targets.error();
  return page_of(*targets, std::nullopt, [](const auto& t) { return crm::chat_target_to_json(t); });
}

core::Result<Response> list_deliveries(Services& services, const Request& request,
                                       RequestContext&) {
  auto query = http::QueryInput::parse(request.query);
  if (!query) return query.error();
  store::ChatDeliveryFilter filter;
  auto status = query->optional_string("status", 10);
  if (!status) return status.error();
  if (*status && !one_of(**status, kDeliveryStatuses)) {
    return core::Error::invalid("status", "must be pending, sent or dead");
  }
  filter.status = *status;
  auto target = query->optional_integer("target_id", 1, INT64_MAX);
  if (!target) return target.error();
  filter.target_id = *target;
  auto news = query->optional_integer("good_news_id", 1, INT64_MAX);
  if (!news) return news.error();
  filter.good_news_id = *news;
  if (auto s = read_newest_first_page(*query, filter); !s) return s.error();
  if (auto s = query->finish(); !s) return s.error();
  auto page = services.chat.list(filter);
  if (!page) return page.error();
  return page_of(page->deliveries, page->next_before_id,
                 [](const auto& d) { return crm::chat_delivery_to_json(d); });
}

core::Result<Response> retry_delivery(Services& services, const Request& request,
                                      RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto retried = services.chat.retry(*id, context.actor(request.client_ip));
  if (!retried) return retried.error();
  return json_response(200, crm::chat_delivery_to_json(*retried));
}

}  // namespace

void add_chat_routes(http::Router& router, Services& services) {
  router.add({"POST", "/api/v1/chat-targets", Access::authenticated, kAdminOnly, kSmallBody,
              with(services, create_target)});
  router.add({"GET", "/api/v1/chat-targets", Access::authenticated, kAdminOnly, std::nullopt,
              with(services, list_targets)});
  router.add({"GET", "/api/v1/chat-targets/{id}", Access::authenticated, kAdminOnly, std::nullopt,
              get_by_id([&services](std::int64_t id) { return services.chat_targets.get(id); },
                        [](const auto& t) { return crm::chat_target_to_json(t); })});
  router.add({"PATCH", "/api/v1/chat-targets/{id}", Access::authenticated, kAdminOnly, kSmallBody,
              with(services, update_target)});
  router.add({"GET", "/api/v1/chat-deliveries", Access::authenticated, kManagers, std::nullopt,
              with(services, list_deliveries)});
  router.add({"GET", "/api/v1/chat-deliveries/{id}", Access::authenticated, kManagers, std::nullopt,
              get_by_id([&services](std::int64_t id) { return services.chat.get(id); },
                        [](const auto& d) { return crm::chat_delivery_to_json(d); })});
  router.add({"POST", "/api/v1/chat-deliveries/{id}/retry", Access::authenticated, kManagers,
              kSmallBody, with(services, retry_delivery)});
}

}  // namespace laurel::api
