#pragma once
// Good-news rules as data, and their one JSON shape (the API, the rules table, the event log):
//
//   {"name": "部门周债基净流入破5000万", "kind": "metric_threshold", "metric_id": 3,
//    "subject_ids": [], "thresholds": ["50000000.00"],
//    "templates": {"zh-CN": "{department}本周债基净流入突破{amount}！", "en": "…"},
//    "effective_from": "2026-12-01T00:00:00+08:00", "auto_publish": false,
//    "redact_client_names": true, "redact_amounts": false}
//
//   {"name": "鑫享债券今日认申购破1亿", "kind": "product_subscription", "subject": "company",
//    "products": {"product_ids": [3], "product_types": [], "exclude_money_market": false},
//    "thresholds": ["100000000.00", "200000000.00"], "templates": {…}}
//
// metric_threshold: any metric reaching any threshold for a subject in a period (the subjects
// listed, or every one). product_subscription: today's subscriptions (认购 + 申购) of some products
// reaching each threshold, for the company, each person or each department — over a daily metric
// the rule defines for itself. Thresholds of sums are amounts (decimal strings of yuan, as every
// amount in the API); of counts, integers.
//
//   {"name": "春季固收季首单", "kind": "campaign_first_order", "campaign_id": 2,
//    "scope": "department", "min_amount": "1000000.00", "templates": {…}}
//
// campaign_first_order: the first qualifying order of a campaign (engine/first_order_watch.hpp),
// for the whole campaign (the default: names everyone credited), each participating department or
// each participating person; no thresholds. {amount} is then the order's amount, {campaign} the
// campaign's name. effective_from defaults to the rule's creation;
// grace_days (news detected later than this after it became true is late) to the configured
// recognition.grace_days — the rule keeps it, so a replay marks the same news late.
//
//   {"name": "非货保有量每破100亿", "kind": "holdings_milestone", "every": "10000000000.00",
//    "products": {"exclude_money_market": true}, "templates": {…}}
//
// holdings_milestone: the company's holdings (engine/holdings_milestone_watch.hpp) — of the funds
// `products` picks; with no `products`, every fund but money-market ones, the headline figure —
// at a day's close reaching k × every: each milestone once, ever. {amount} is the milestone.
//
//   {"name": "激活客户", "kind": "client_activation", "scope": "staff", "dormant_days": 180,
//    "min_amount": "0.00", "templates": {…}}
//
// client_activation: a person (scope "staff", the default) or a department credited with a
// client's activating subscription (engine/activation_watch.hpp) of at least min_amount;
// dormant_days (D) defaults to the configured crm.dormant_after_days, kept by the rule.
// {amount} is the subscription's amount.
//
//   {"name": "登顶本月认购榜", "kind": "board_top", "board_id": 4, "templates": {…}}
//
// board_top: a person or a department reaching the top of a computed leaderboard in one of its
// periods (engine/leader_watch.hpp) — once per subject and period. The board must rank its
// metric's figure, higher first (not a ratio, manual rows, pro-rated or balance figures).
// {subject} is who reached it, {board} the board's name, {period} the period, {metric} the
// board's metric; it has no thresholds, and no {amount}, {client}, {product} or {campaign}.
// at_least (optional; an amount for a board of amounts, else a count) is the figure the leader
// needs before it counts: the month's first small trade puts someone first too.
//
// Rules never change once made (their good news keeps its meaning); define a new one.

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "engine/activation_watch.hpp"
#include "engine/first_order_watch.hpp"
#include "engine/holdings_milestone_watch.hpp"
#include "engine/leader_watch.hpp"
#include "engine/metric.hpp"
#include "engine/threshold_rule.hpp"

namespace laurel::crm {

enum class RuleKind : std::uint8_t {
  metric_threshold,
  product_subscription,
  campaign_first_order,
  holdings_milestone,
  client_activation,
  board_top
};

struct GoodNewsRule {
  std::int64_t id = 0;
  std::string name;
  RuleKind kind = RuleKind::metric_threshold;
  std::int64_t metric_id = 0;            // metric_threshold
  std::int64_t board_id = 0;             // board_top
  std::optional<std::int64_t> at_least;  // board_top: the leader's figure at least (fen or count)
  engine::SubjectKind subject = engine::SubjectKind::company;  // product_subscription
  std::vector<std::int64_t> product_ids;  // product_subscription, holdings_milestone
  std::vector<std::string> product_types;
  bool exclude_money_market = false;
  std::int64_t campaign_id = 0;                                       // campaign_first_order
  engine::FirstOrderScope scope = engine::FirstOrderScope::campaign;  // campaign_first_order
  std::int64_t min_amount_fen = 0;  // campaign_first_order, client_activation
  std::int64_t every_fen = 0;       // holdings_milestone
  engine::ActivationScope activation_scope = engine::ActivationScope::staff;  // client_activation
  std::optional<int> dormant_days;  // client_activation; unset in a request: the configured one
  std::vector<std::int64_t> subject_ids;  // empty: every subject
  std::vector<std::int64_t> thresholds;   // fen, or counts
  bool thresholds_are_amounts = true;
  std::string template_zh;
  std::string template_en;
  std::optional<core::Timestamp> effective_from;  // unset in a request: from its creation
  std::optional<int> grace_days;                  // unset in a request: the configured default
  bool auto_publish = false;
  bool redact_client_names = false;
  bool redact_amounts = false;
  std::optional<std::int64_t> created_by;
  core::Timestamp created_at{};
};

// The request body; errors name the member ("thresholds[1]", "templates.en"). References
// (metric, products, subjects) are checked by crm::GoodNewsRuleService.
core::Result<GoodNewsRule> read_good_news_rule_input(std::string_view body);
// A stored or logged rule (with its id and times); unknown members are ignored.
core::Result<GoodNewsRule> read_good_news_rule(const boost::json::object& o);
boost::json::object good_news_rule_to_json(const GoodNewsRule& rule);

// The placeholders a template may use, and the first unknown one in `text` (or a lone brace).
inline constexpr std::string_view kPlaceholders[] = {"subject",  "person", "department", "client",
                                                     "product",  "amount", "period",     "metric",
                                                     "campaign", "board"};
// {board} is a board_top rule's only; {amount}, {client}, {product} and {campaign} are not.
std::optional<std::string> template_problem(std::string_view text, RuleKind kind);

// What the engine folds for a rule: the metric it watches (a product_subscription rule's own
// daily metric has the id -rule id, clear of every stored metric's) and the rule itself.
std::int64_t watched_metric_id(const GoodNewsRule& rule);
engine::MetricDefinition own_metric(const GoodNewsRule& rule);
engine::ThresholdRule threshold_rule(const GoodNewsRule& rule);
engine::FirstOrderRule first_order_rule(const GoodNewsRule& rule);
engine::HoldingsMilestoneRule holdings_milestone_rule(const GoodNewsRule& rule);
engine::ActivationRule activation_rule(const GoodNewsRule& rule);
engine::BoardTopRule board_top_rule(const GoodNewsRule& rule);
// The kinds whose good news is about one trade (its record), not a figure reaching a threshold.
bool about_one_trade(RuleKind kind);

}  // namespace laurel::crm
