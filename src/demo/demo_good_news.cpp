// The demo company's good-news rules, effective from the first day of its year, so the engine
// judges the year as it happens: a manager's inbox and the company's feed have news at once.
// Once the year is done, the demo plays the managers: news older than two weeks was seen to —
// published — and the last two weeks' is left in the inbox as drafts.

#include <boost/json/serialize.hpp>

#include "core/timestamp.hpp"
#include "demo/demo_world.hpp"

namespace laurel::demo {
namespace {

namespace json = boost::json;

crm::GoodNewsRule rule_of(World& w, json::object definition) {
  definition["effective_from"] = core::format_rfc3339(w.local(w.first_day, 0));
  return must(crm::read_good_news_rule_input(json::serialize(definition)), "good-news rule");
}

}  // namespace

void build_good_news(World& w) {
  const json::object templates_company{
      {"zh-CN", "喜报！{period}全公司认申购（不含货基）突破{amount}，{person}拿下关键一单！"},
      {"en",
       "Good news! Subscriptions (money market aside) passed {amount} on {period}; the "
       "deciding order came from {person}."}};
  std::vector<json::object> rules{
      {{"name", "全公司单日认申购破6亿"},
       {"kind", "product_subscription"},
       {"subject", "company"},
       {"products", json::object{{"exclude_money_market", true}}},
       {"thresholds", json::array{"600000000.00", "800000000.00"}},
       {"templates", templates_company},
       {"auto_publish", true}},
      {{"name", "部门周债基净流入破5000万"},
       {"kind", "metric_threshold"},
       {"metric_id", w.metric_ids.at("department.weekly.bond_net_flow")},
       {"thresholds", json::array{"50000000.00"}},
       {"templates",
        json::object{{"zh-CN", "{department}{period}债基净流入突破{amount}，继续冲！"},
                     {"en", "{department}: bond fund net flow passed {amount} in {period}."}}}},
      {{"name", "个人单日认申购破2亿"},
       {"kind", "product_subscription"},
       {"subject", "staff"},
       {"thresholds", json::array{"200000000.00", "500000000.00"}},
       {"templates", json::object{{"zh-CN", "{person}{period}认申购突破{amount}，客户：{client}"},
                                  {"en",
                                   "{person} brought in {amount} of subscriptions on "
                                   "{period} ({client})."}}},
       {"redact_client_names", true}},
      {{"name", "每周关键人拜访达标"},
       {"kind", "metric_threshold"},
       {"metric_id", w.metric_ids.at("staff.weekly.key_person_visits")},
       {"thresholds", json::array{30}},
       {"templates", json::object{{"zh-CN", "{person}{period}拜访关键人{amount}次，关系经营有方！"},
                                  {"en", "{person} met key people {amount} times in {period}."}}}},
      {{"name", "非货保有量每破20亿"},
       {"kind", "holdings_milestone"},
       {"every", "2000000000.00"},
       {"templates", json::object{{"zh-CN", "里程碑！公司非货保有量突破{amount}，感谢每一位同事！"},
                                  {"en",
                                   "Milestone: the company's holdings outside money-market "
                                   "funds passed {amount}. Thank you all!"}}},
       {"auto_publish", true}},
      {{"name", "激活大客户"},
       {"kind", "client_activation"},
       {"min_amount", "5000000.00"},
       {"templates", json::object{{"zh-CN", "{person}激活客户{client}，首笔认申购{amount}！"},
                                  {"en", "{person} activated {client} with {amount}."}}}},
      {{"name", "登顶个人月度认申购榜"},
       {"kind", "board_top"},
       {"board_id", w.board_ids.at("staff.monthly.subscriptions")},
       {"at_least", "100000000.00"},  // not the month's first small trade
       {"templates", json::object{{"zh-CN", "{person}登顶{board}，{period}暂列第一！"},
                                  {"en", "{person} leads {board} for {period}."}}},
       {"auto_publish", true}},
  };
  for (auto& r : rules)
    must(w.services.good_news_rules.create(rule_of(w, std::move(r)), w.system), "good-news rule");
}

void settle_good_news(World& w, DemoSummary& summary) {
  must(w.services.engine.catch_up(), "engine catch-up");
  const auto seen_before = core::to_micros(w.local(plus_days(w.last_day, -13), 0));
  store::GoodNewsFilter drafts;
  drafts.statuses = {"draft"};
  drafts.limit = 200;
  for (;;) {
    auto page = must(w.services.good_news.list(drafts, crm::GoodNewsReader{true, {}, std::nullopt}),
                     "good news");
    for (const auto& news : page.items) {
      if (news.record.detected.detected_at >= seen_before) {
        ++summary.good_news_drafts;
        continue;
      }
      must(w.services.good_news.publish(news.record.id, w.system), "publish good news");
    }
    if (!page.next_before_id) break;
    drafts.before_id = *page.next_before_id;
  }
  store::GoodNewsFilter published;
  published.statuses = {"published"};
  published.limit = 200;
  for (;;) {
    auto page =
        must(w.services.good_news.list(published, crm::GoodNewsReader{true, {}, std::nullopt}),
             "good news");
    summary.good_news_published += page.items.size();
    if (!page.next_before_id) break;
    published.before_id = *page.next_before_id;
  }
}

}  // namespace laurel::demo
