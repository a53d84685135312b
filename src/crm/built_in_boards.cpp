#include "crm/built_in_boards.hpp"

#include <boost/json/parse.hpp>

#include "crm/board_service.hpp"
#include "crm/metric_service.hpp"
#include "store/board_repository.hpp"
#include "store/campaign_repository.hpp"
#include "store/target_repository.hpp"

namespace laurel::crm {
namespace {

using engine::MetricFilter;
using engine::TradeKind;

// Subscriptions as targets count them (crm/target_service.hpp): 认购 and 申购.
MetricFilter subscriptions() {
  MetricFilter f;
  f.trade_kinds = MetricFilter::kinds({TradeKind::subscribe, TradeKind::purchase});
  return f;
}

engine::MetricDefinition sum_of(MetricFilter filter, engine::MetricSource source,
                                bool of_departments, core::PeriodKind period) {
  engine::MetricDefinition m;
  m.kind = engine::MetricKind::sum;
  m.source = source;
  m.filter = std::move(filter);
  m.subject = of_departments ? engine::SubjectKind::department : engine::SubjectKind::staff;
  m.period = period;
  return m;
}

std::string_view period_name(core::PeriodKind period) {
  switch (period) {
    case core::PeriodKind::month:
      return "月度";
    case core::PeriodKind::quarter:
      return "季度";
    case core::PeriodKind::year:
      return "年度";
    default:
      return "";
  }
}

// A campaign's name, cut to leave room for what follows it in a board's or metric's name (at
// most 100 characters).
std::string short_name(std::string_view name) {
  constexpr std::size_t kMost = 60;
  std::size_t characters = 0;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if ((static_cast<unsigned char>(name[i]) & 0xC0) != 0x80 && ++characters > kMost) {
      return std::string(name.substr(0, i)) + "…";
    }
  }
  return std::string(name);
}

// One built-in board and the two metrics it divides.
struct Plan {
  std::string key;  // the board's built_in key
  std::string name;
  MetricInput achieved;
  MetricInput target;
  engine::BoardScope scope = engine::BoardScope::company;
  std::int64_t scope_id = 0;
};

core::Status make(store::Connection& db, const core::Clock& clock, const EventLog& events,
                  const auth::Actor& actor, const Plan& plan) {
  auto found = store::BoardRepository(db).find_built_in(plan.key);
  if (!found) return found.error();
  if (*found) return {};
  auto achieved = insert_metric(db, clock, events, plan.achieved, actor);
  if (!achieved) return achieved.error();
  auto target = insert_metric(db, clock, events, plan.target, actor);
  if (!target) return target.error();
  BoardInput input;
  input.name = plan.name;
  input.definition.metric_id = achieved->record.id;
  input.definition.denominator_metric_id = target->record.id;
  input.definition.scope = plan.scope;
  input.definition.scope_id = plan.scope_id;
  auto board = insert_board(db, clock, events, std::move(input), actor, plan.key);
  if (!board) return board.error();
  return {};
}

}  // namespace

core::Status BuiltInBoards::ensure_client_targets(store::Connection& db, const auth::Actor& actor,
                                                  bool of_departments, core::PeriodKind period) {
  const std::string subject = of_departments ? "department" : "staff";
  const std::string code = std::string(kLaurelMetricPrefix) + "ct." +
                           (of_departments ? "dept." : "staff.") +
                           std::string(core::to_string(period));
  const std::string who = of_departments ? "部门" : "个人";
  const std::string when(period_name(period));
  Plan plan;
  plan.key = "client_targets:" + subject + ":" + std::string(core::to_string(period));
  plan.name = "客户目标达成率（" + when + "·" + who + "）";
  auto achieved = subscriptions();
  achieved.clients_with_target = engine::TargetMeasure::subscription;
  plan.achieved = {
      code + ".achieved", "有客户目标的客户认申购（" + when + "·" + who + "）",
      sum_of(std::move(achieved), engine::MetricSource::transactions, of_departments, period)};
  MetricFilter targets;
  targets.target_scope = engine::TargetScope::client;
  targets.target_measure = engine::TargetMeasure::subscription;
  plan.target = {code + ".target", "客户认申购目标合计（" + when + "·" + who + "）",
                 sum_of(std::move(targets), engine::MetricSource::targets, of_departments, period)};
  return make(db, clock_, events_, actor, plan);
}

core::Status BuiltInBoards::ensure_campaign(store::Connection& db, const auth::Actor& actor,
                                            std::int64_t campaign_id,
                                            std::string_view campaign_name) {
  const auto name = short_name(campaign_name);
  for (const bool of_departments : {false, true}) {
    const std::string subject = of_departments ? "department" : "staff";
    const std::string code = std::string(kLaurelMetricPrefix) + "campaign" +
                             std::to_string(campaign_id) + (of_departments ? ".dept" : ".staff");
    const std::string who = of_departments ? "部门" : "个人";
    Plan plan;
    plan.key = "campaign:" + std::to_string(campaign_id) + ":" + subject;
    plan.name = name + " 达成率（" + who + "）";
    plan.scope = engine::BoardScope::campaign;
    plan.scope_id = campaign_id;
    auto achieved = subscriptions();
    achieved.campaign_id = campaign_id;
    plan.achieved = {code + ".achieved", name + " 认申购（" + who + "）",
                     sum_of(std::move(achieved), engine::MetricSource::transactions, of_departments,
                            core::PeriodKind::all_time)};
    MetricFilter targets;
    targets.target_scope = engine::TargetScope::campaign;
    targets.target_measure = engine::TargetMeasure::subscription;
    targets.campaign_id = campaign_id;
    plan.target = {code + ".target", name + " 目标（" + who + "）",
                   sum_of(std::move(targets), engine::MetricSource::targets, of_departments,
                          core::PeriodKind::all_time)};
    if (auto s = make(db, clock_, events_, actor, plan); !s) return s;
  }
  return {};
}

core::Status BuiltInBoards::ensure_all(store::Store& store, const auth::Actor& actor) {
  auto write = store::WriteTransaction::begin(store);
  if (!write) return write.error();
  auto& db = write->connection();
  store::CampaignFilter filter;
  filter.limit = 200;
  for (;;) {
    auto campaigns = store::CampaignRepository(db).list(filter);
    if (!campaigns) return campaigns.error();
    const bool more = campaigns->size() > static_cast<std::size_t>(filter.limit);
    if (more) campaigns->pop_back();
    for (const auto& c : *campaigns) {
      if (auto s = ensure_campaign(db, actor, c.id, c.name); !s) return s;
      filter.after_id = c.id;
    }
    if (!more) break;
  }
  auto periods = store::TargetRepository(db).client_target_periods();
  if (!periods) return periods.error();
  for (const auto& [subject, text] : *periods) {
    const auto period = core::parse_period(text);
    if (!period) continue;  // targets are checked when set: month, quarter or year
    if (auto s = ensure_client_targets(db, actor, subject == "department", period->kind); !s) {
      return s;
    }
  }
  return write->commit();
}

}  // namespace laurel::crm
