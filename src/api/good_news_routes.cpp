// Good news over the API: the rules that detect it (admins and managers define them), the
// managers' inbox of detected news with its lifecycle (edit, publish, dismiss), and the feed of
// published news every member of the company reads.

#include <boost/json/array.hpp>

#include "api/access.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "crm/good_news_service.hpp"
#include "http/json_input.hpp"
#include "http/query_input.hpp"

namespace laurel::api {
namespace {

using http::Access;
using http::QueryInput;
using http::Request;
using http::RequestContext;
using http::Response;

constexpr std::string_view kStatuses[] = {"draft", "published", "dismissed", "passed"};

core::Result<Response> create_rule(Services& services, const Request& request,
                                   RequestContext& context) {
  auto input = crm::read_good_news_rule_input(request.body);
  if (!input) return input.error();
  auto created =
      services.good_news_rules.create(std::move(*input), context.actor(request.client_ip));
  if (!created) return created.error();
  Response response = json_response(201, crm::good_news_rule_to_json(*created));
  response.set_header("Location", "/api/v1/good-news-rules/" + std::to_string(created->id));
  return response;
}

core::Result<Response> list(Services& services, const Request& request, RequestContext& context) {
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  store::GoodNewsFilter filter;
  auto status = query->optional_string("status", 60);
  if (!status) return status.error();
  if (*status) {
    std::string_view rest = **status;
    while (!rest.empty()) {
      const auto comma = rest.find(',');
      const auto one = rest.substr(0, comma);
      if (std::find(std::begin(kStatuses), std::end(kStatuses), one) == std::end(kStatuses)) {
        return core::Error::invalid(
            "status", "must be a comma-separated list of draft, published, dismissed, passed");
      }
      filter.statuses.emplace_back(one);
      rest = comma == rest.npos ? std::string_view() : rest.substr(comma + 1);
    }
  }
  auto rule = query->optional_integer("rule_id", 1, INT64_MAX);
  if (!rule) return rule.error();
  filter.rule_id = *rule;
  auto holds = query->optional_bool("holds");
  if (!holds) return holds.error();
  filter.holds = *holds;
  auto late = query->optional_bool("late");
  if (!late) return late.error();
  filter.late = *late;
  if (auto s = read_newest_first_page(*query, filter); !s) return s.error();
  if (auto s = query->finish(); !s) return s.error();
  auto reader = services.good_news.reader(context.user());
  if (!reader) return reader.error();
  const bool manager = reader->manager;
  if (!manager && !filter.statuses.empty() &&
      (filter.statuses.size() != 1 || filter.statuses.front() != "published")) {
    return core::Error::forbidden("only managers see good news that is not published");
  }
  auto page = services.good_news.list(std::move(filter), *reader);
  if (!page) return page.error();
  return page_of(page->items, page->next_before_id,
                 [manager](const auto& n) { return crm::good_news_to_json(n, manager); });
}

core::Result<Response> banners(Services& services, const Request& request,
                               RequestContext& context) {
  auto query = QueryInput::parse(request.query);
  if (!query) return query.error();
  if (auto s = query->finish(); !s) return s.error();
  auto reader = services.good_news.reader(context.user());
  if (!reader) return reader.error();
  auto shown = services.good_news.banners(*reader);
  if (!shown) return shown.error();
  return page_of(*shown, std::nullopt, [manager = reader->manager](const auto& n) {
    return crm::good_news_to_json(n, manager);
  });
}

core::Result<Response> write(Services& services, const Request& request, RequestContext& context) {
  auto in = http::JsonInput::parse(request.body);
  if (!in) return in.error();
  crm::WrittenGoodNews news;
  auto title = in->required_string("title", {1, 100});
  if (!title) return title.error();
  news.title = std::move(*title);
  auto text = in->required_string("text", {1, 2000});
  if (!text) return text.error();
  news.body = std::move(*text);
  auto picture = in->optional_integer("picture_id", 1, INT64_MAX);
  if (!picture) return picture.error();
  news.picture_id = *picture;
  auto departments = in->optional_integers("department_ids", 1, INT64_MAX, 100);
  if (!departments) return departments.error();
  news.department_ids = departments->value_or(std::vector<std::int64_t>{});
  auto until = in->optional_time("shown_until");
  if (!until) return until.error();
  news.shown_until = *until;
  auto publish = in->optional_bool("publish");
  if (!publish) return publish.error();
  news.publish = publish->value_or(false);
  if (auto s = in->finish(); !s) return s.error();
  auto written = services.good_news.write(news, context.actor(request.client_ip));
  if (!written) return written.error();
  Response response = json_response(201, crm::good_news_to_json(*written, true));
  response.set_header("Location", "/api/v1/good-news/" + std::to_string(written->record.id));
  return response;
}

core::Result<Response> answer(const core::Result<crm::GoodNews>& news) {
  if (!news) return news.error();
  return json_response(200, crm::good_news_to_json(*news, true));
}

core::Result<Response> edit(Services& services, const Request& request, RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto in = http::JsonInput::parse(request.body);
  if (!in) return in.error();
  crm::GoodNewsEdit change;
  auto title = in->nullable_string("title", {0, 100});
  if (!title) return title.error();
  change.title = *title;
  auto body = in->nullable_string("body", {0, 2000});
  if (!body) return body.error();
  change.body = *body;
  auto picture = in->nullable_integer("picture_id", 1, INT64_MAX);
  if (!picture) return picture.error();
  change.picture_id = *picture;
  if (auto s = in->finish(); !s) return s.error();
  return answer(services.good_news.edit(*id, change, context.actor(request.client_ip)));
}

template <class Step>
http::Handler lifecycle(Services& services, Step step) {
  return
      [&services, step](const Request& request, RequestContext& context) -> core::Result<Response> {
        auto id = context.id_param("id");
        if (!id) return id.error();
        return answer((services.good_news.*step)(*id, context.actor(request.client_ip)));
      };
}

}  // namespace

void add_good_news_routes(http::Router& router, Services& services) {
  router.add({"POST", "/api/v1/good-news-rules", Access::authenticated, kManagers, kMediumBody,
              with(services, create_rule)});
  router.add({"GET", "/api/v1/good-news-rules", Access::authenticated, kManagers, std::nullopt,
              paged_by_id(
                  [&services](std::int64_t after_id, int limit) {
                    return services.good_news_rules.list(after_id, limit);
                  },
                  &crm::GoodNewsRulePage::rules,
                  [](const auto& r) { return crm::good_news_rule_to_json(r); })});
  router.add({"GET", "/api/v1/good-news-rules/{id}", Access::authenticated, kManagers, std::nullopt,
              get_by_id([&services](std::int64_t id) { return services.good_news_rules.get(id); },
                        [](const auto& r) { return crm::good_news_rule_to_json(r); })});
  router.add({"GET", "/api/v1/good-news", Access::authenticated, kCompanyStaff, std::nullopt,
              with(services, list)});
  router.add({"POST", "/api/v1/good-news", Access::authenticated, kManagers, kSmallBody,
              with(services, write)});
  // Before /good-news/{id}: the first route that matches answers.
  router.add({"GET", "/api/v1/good-news/banners", Access::authenticated, kCompanyStaff,
              std::nullopt, with(services, banners)});
  router.add({"GET", "/api/v1/good-news/{id}", Access::authenticated, kCompanyStaff, std::nullopt,
              get_by_id_for_caller(
                  [&services](std::int64_t id,
                              const auth::Principal& user) -> core::Result<crm::GoodNews> {
                    auto reader = services.good_news.reader(user);
                    if (!reader) return reader.error();
                    return services.good_news.get(id, *reader);
                  },
                  [](const auto& n) { return crm::good_news_to_json(n, false); })});
  router.add({"PATCH", "/api/v1/good-news/{id}", Access::authenticated, kManagers, kSmallBody,
              with(services, edit)});
  router.add({"POST", "/api/v1/good-news/{id}/publish", Access::authenticated, kManagers,
              kSmallBody, lifecycle(services, &crm::GoodNewsService::publish)});
  router.add({"POST", "/api/v1/good-news/{id}/dismiss", Access::authenticated, kManagers,
              kSmallBody, lifecycle(services, &crm::GoodNewsService::dismiss)});
}

}  // namespace laurel::api
