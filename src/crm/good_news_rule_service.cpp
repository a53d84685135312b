#include "crm/good_news_rule_service.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/timestamp.hpp"
#include "crm/board_service.hpp"
#include "crm/metric_service.hpp"
#include "crm/subject_names.hpp"
#include "store/campaign_repository.hpp"
#include "store/good_news_repository.hpp"
#include "store/metric_repository.hpp"
#include "store/product_repository.hpp"

namespace laurel::crm {
namespace {

using core::Error;

core::Status check_references(store::Connection& db, const GoodNewsRule& rule) {
  if (rule.kind == RuleKind::campaign_first_order) {
    auto found = store::CampaignRepository(db).find(rule.campaign_id);
    if (!found) return found.error();
    if (!*found) {
      return Error::invalid("campaign_id", "no campaign " + std::to_string(rule.campaign_id));
    }
    return {};
  }
  if (rule.kind == RuleKind::board_top) {
    auto board = find_live_board(db, rule.board_id);
    if (!board && board.error().code == core::Errc::not_found) {
      return Error::invalid("board_id", "no board " + std::to_string(rule.board_id));
    }
    if (!board) return board.error();
    const auto& definition = board->input.definition;
    engine::MetricDefinition metric;  // a manual board has none
    if (definition.kind != engine::BoardKind::manual) {
      auto found = store::MetricRepository(db).find(definition.metric_id);
      if (!found) return found.error();
      if (!*found) return Error::internal("board names a missing metric");
      auto stored = metric_of(**found);
      if (!stored) return stored.error();
      metric = stored->definition;
    }
    if (auto why = engine::top_unjudgeable(definition, metric)) {
      return Error::invalid("board_id", "board " + std::to_string(rule.board_id) + " " + *why +
                                            ": its top cannot be judged record by record");
    }
    if (rule.at_least && rule.thresholds_are_amounts != metric.amounts()) {
      return Error::invalid("at_least",
                            metric.amounts()
                                ? "must be an amount (a string of yuan): the board ranks amounts"
                                : "must be a count (an integer): the board ranks counts");
    }
    return {};
  }
  engine::SubjectKind subject = rule.subject;
  if (rule.kind == RuleKind::metric_threshold) {
    auto found = store::MetricRepository(db).find(rule.metric_id);
    if (!found) return found.error();
    if (!*found) return Error::invalid("metric_id", "no metric " + std::to_string(rule.metric_id));
    auto stored = metric_of(**found);
    if (!stored) return stored.error();
    const auto* metric = &stored->definition;
    const bool sum = metric->kind == engine::MetricKind::sum;
    const bool amounts = metric->amounts();
    if (amounts != rule.thresholds_are_amounts) {
      return Error::invalid(
          "thresholds[0]",
          amounts ? "must be an amount (a string of yuan): metric " + (*found)->code +
                        (sum ? " is a sum" : " is of amounts")
                  : "must be a count (an integer): metric " + (*found)->code + " counts");
    }
    subject = metric->subject;
  }
  for (std::size_t i = 0; i < rule.product_ids.size(); ++i) {
    auto found = store::ProductRepository(db).find(rule.product_ids[i]);
    if (!found) return found.error();
    if (!*found) {
      return Error::invalid("products.product_ids[" + std::to_string(i) + "]",
                            "no product " + std::to_string(rule.product_ids[i]));
    }
  }
  if (subject == engine::SubjectKind::company && !rule.subject_ids.empty()) {
    return Error::invalid("subject_ids", "the company is the only subject of a company metric");
  }
  for (std::size_t i = 0; i < rule.subject_ids.size(); ++i) {
    auto name = subject_name(db, subject, rule.subject_ids[i]);
    if (!name) return name.error();
    if (!*name) {
      return Error::invalid("subject_ids[" + std::to_string(i) + "]",
                            "no such subject: " + std::to_string(rule.subject_ids[i]));
    }
  }
  return {};
}

}  // namespace

core::Result<GoodNewsRule> good_news_rule_of(const store::GoodNewsRuleRecord& record) {
  boost::system::error_code ec;
  const auto doc = boost::json::parse(record.definition, ec);
  if (ec || !doc.is_object()) {
    return Error::internal("good-news rule " + std::to_string(record.id) + " is unreadable");
  }
  auto rule = read_good_news_rule(doc.as_object());
  if (!rule) {
    return Error::internal("good-news rule " + std::to_string(record.id) + ": " +
                           rule.error().message);
  }
  rule->id = record.id;
  return rule;
}

core::Result<GoodNewsRule> GoodNewsRuleService::create(GoodNewsRule rule,
                                                       const auth::Actor& actor) {
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  if (auto s = check_references(db, rule); !s) return s.error();
  rule.created_at = std::chrono::time_point_cast<std::chrono::microseconds>(clock_.now());
  rule.created_by = actor.user_id;
  if (!rule.effective_from) rule.effective_from = rule.created_at;
  if (!rule.grace_days) rule.grace_days = default_grace_days_;
  if (rule.kind == RuleKind::client_activation && !rule.dormant_days) {
    rule.dormant_days = default_dormant_days_;
  }
  store::GoodNewsRepository rules(db);
  auto id =
      rules.insert_rule({0, rule.name, "{}", rule.created_by, core::to_micros(rule.created_at)});
  if (!id) return id.error();
  rule.id = *id;
  const auto json = good_news_rule_to_json(rule);
  // The definition is written once the id is known, so the table and the log say the same.
  if (auto s = rules.set_rule_definition(*id, boost::json::serialize(json)); !s) {
    return s.error();
  }
  if (auto seq = events_.append(db, actor,
                                {"good_news_rule.created", "good_news_rule", std::to_string(*id),
                                 std::nullopt, boost::json::value(json), std::nullopt});
      !seq) {
    return seq.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return rule;
}

core::Result<GoodNewsRule> GoodNewsRuleService::get(std::int64_t id) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto found = store::GoodNewsRepository(**connection).find_rule(id);
  if (!found) return found.error();
  if (!*found) return Error::not_found("no good-news rule " + std::to_string(id));
  return good_news_rule_of(**found);
}

core::Result<GoodNewsRulePage> GoodNewsRuleService::list(std::int64_t after_id, int limit) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto rows = store::GoodNewsRepository(**connection).list_rules(after_id, limit);
  if (!rows) return rows.error();
  GoodNewsRulePage page;
  if (rows->size() > static_cast<std::size_t>(limit)) {
    rows->pop_back();
    page.next_after_id = rows->back().id;
  }
  for (const auto& r : *rows) {
    auto rule = good_news_rule_of(r);
    if (!rule) return rule.error();
    page.rules.push_back(std::move(*rule));
  }
  return page;
}

}  // namespace laurel::crm
