#include "crm/points_ledger.hpp"

#include <algorithm>
#include <boost/json/serialize.hpp>

#include "core/local_date.hpp"
#include "core/timestamp.hpp"

namespace laurel::crm {

std::string_view to_string(engine::SourceKind kind) {
  switch (kind) {
    case engine::SourceKind::visit:
      return "visit";
    case engine::SourceKind::trade:
      return "trade";
    case engine::SourceKind::first_use:
      return "first_use";
    case engine::SourceKind::challenge:
      return "challenge";
  }
  return "visit";
}

std::optional<engine::SourceKind> source_kind_of(std::string_view name) {
  for (const auto kind : {engine::SourceKind::visit, engine::SourceKind::trade,
                          engine::SourceKind::first_use, engine::SourceKind::challenge}) {
    if (to_string(kind) == name) return kind;
  }
  return std::nullopt;
}

std::string award_key(const engine::AwardChange& c) {
  const auto& k = c.award.key;
  return "award/" + std::to_string(k.rule_id) + "/" + std::to_string(k.staff_id) + "/" +
         std::string(to_string(k.source.kind)) + "/" + std::to_string(k.source.id) + "/" +
         std::to_string(c.seq);
}

store::PointAccount staff_account(std::int64_t staff_id, std::string kind) {
  return {"staff", staff_id, std::move(kind)};
}

store::PointAccount system_account(std::string kind) {
  return {"system", 0, std::move(kind)};
}

namespace {

// The legs that give a person `points` (> 0): what they owe from a clawback is repaid first, the
// rest becomes spendable. Earnings and released orders alike.
core::Status credit_paying_debt_first(store::PointLedgerRepository& ledger, std::int64_t staff,
                                      std::int64_t points, store::PointJournal& j) {
  auto owed = ledger.balance(staff_account(staff, "owed"));  // <= 0
  if (!owed) return owed.error();
  const auto repay = std::min(points, -*owed);
  j.legs.push_back({staff_account(staff, "owed"), repay});
  j.legs.push_back({staff_account(staff, "spendable"), points - repay});
  return {};
}

}  // namespace

core::Result<bool> post_award(store::Connection& db, const engine::AwardChange& c,
                              std::int64_t posted_at) {
  const auto& award = c.award;
  const auto staff = award.key.staff_id;
  store::PointLedgerRepository ledger(db);
  store::PointJournal j;
  j.natural_key = award_key(c);
  j.kind = c.delta > 0 ? "earn" : "reverse";
  j.staff_id = staff;
  // A challenge's reward is paid by the challenge, not by a points rule.
  if (award.key.source.kind != engine::SourceKind::challenge) {
    j.rule_id = award.key.rule_id;
    j.rule_version = award.version;
  }
  j.source_kind = std::string(to_string(award.key.source.kind));
  j.source_id = award.key.source.id;
  j.event_seq = c.seq;
  j.occurred_at = core::to_micros(award.occurred_at);
  j.posted_at = posted_at;
  j.points = c.delta;
  j.detail = boost::json::serialize(
      boost::json::object{{"base", award.base},
                          {"paid", award.paid},
                          {"cut", engine::to_string(award.cut)},
                          {"day", core::format_date(core::LocalDate(award.day))},
                          {"client_id", award.client_id}});
  const auto d = c.delta;
  j.legs.push_back({system_account("status_issuance"), -d});
  j.legs.push_back({staff_account(staff, "status"), d});
  j.legs.push_back({system_account("issuance"), -d});
  if (d > 0) {
    if (auto s = credit_paying_debt_first(ledger, staff, d, j); !s) return s.error();
  } else {
    auto spendable = ledger.balance(staff_account(staff, "spendable"));
    if (!spendable) return spendable.error();
    const auto back = std::min(-d, *spendable);
    j.legs.push_back({staff_account(staff, "spendable"), -back});
    j.legs.push_back({staff_account(staff, "owed"), -(-d - back)});
  }
  auto posted = ledger.post(j);
  if (!posted) return posted.error();
  return posted->has_value();
}

std::string_view to_string(OrderStep step) {
  switch (step) {
    case OrderStep::hold:
      return "hold";
    case OrderStep::settle:
      return "settle";
    case OrderStep::release:
      return "release";
  }
  return "hold";
}

core::Result<bool> post_order_step(store::Connection& db, const store::RewardOrderRecord& order,
                                   OrderStep step, std::int64_t posted_at) {
  const auto staff = order.staff_id;
  const auto p = order.points;
  store::PointLedgerRepository ledger(db);
  store::PointJournal j;
  j.natural_key = "order/" + std::to_string(order.id) + "/" + std::string(to_string(step));
  j.kind = std::string(to_string(step));
  j.staff_id = staff;
  j.source_kind = "order";
  j.source_id = order.id;
  j.posted_at = posted_at;
  j.points = p;
  j.detail = boost::json::serialize(
      boost::json::object{{"reward_id", order.reward_id}, {"quantity", order.quantity}});
  switch (step) {
    case OrderStep::hold:
      j.legs.push_back({staff_account(staff, "spendable"), -p});
      j.legs.push_back({staff_account(staff, "held"), p});
      break;
    case OrderStep::settle:
      j.legs.push_back({staff_account(staff, "held"), -p});
      j.legs.push_back({system_account("redemption"), p});
      break;
    case OrderStep::release:
      j.legs.push_back({staff_account(staff, "held"), -p});
      if (auto s = credit_paying_debt_first(ledger, staff, p, j); !s) return s.error();
      break;
  }
  auto posted = ledger.post(j);
  if (!posted) return posted.error();
  return posted->has_value();
}

}  // namespace laurel::crm
