#include "crm/holdings_service.hpp"

#include <algorithm>
#include <boost/json/object.hpp>
#include <map>
#include <set>

#include "core/timestamp.hpp"
#include "crm/coverage_service.hpp"
#include "crm/credit_split.hpp"
#include "crm/resolver.hpp"
#include "store/coverage_repository.hpp"
#include "store/department_repository.hpp"
#include "store/holding_repository.hpp"
#include "store/record_scope.hpp"
#include "store/staff_repository.hpp"

namespace laurel::crm {
namespace {

using core::Error;

boost::json::object balance_json(std::int64_t client, std::int64_t product, const std::string& date,
                                 core::Fen amount) {
  return {{"client_id", client},
          {"product_id", product},
          {"date", date},
          {"amount", core::format_amount(amount)}};
}

void add(Amounts& to, core::Fen amount, bool money_market) {
  to.all += amount;
  if (!money_market) to.excluding_money_market += amount;
}

// The clients a scope may see holdings of; none for "everything".
core::Result<std::optional<std::string>> scope_clients(store::Connection& db,
                                                       const DataScope& scope) {
  if (!scope.amounts) return Error::forbidden("your role does not see amounts");
  if (scope.everything) return std::optional<std::string>();
  auto ids = store::CoverageRepository(db).clients_covered_by(
      scope.staff_id, scope.records().department_ids_json, scope.today);
  if (!ids) return ids.error();
  return std::optional<std::string>(store::json_ids(*ids));
}

core::Result<HoldingsTimeline> load(store::Connection& db, const std::string& from,
                                    const std::string& to, const store::PositionFilter& filter) {
  store::HoldingRepository holdings(db);
  auto balances = holdings.balances_for(from, to, filter);
  if (!balances) return balances.error();
  auto flows = holdings.confirmed_flows(to, filter);
  if (!flows) return flows.error();
  return HoldingsTimeline(*balances, *flows);
}

}  // namespace

core::Result<RecordedBalance> HoldingsService::record_in(store::Connection& db,
                                                         const BalanceInput& in,
                                                         const auth::Actor& actor) {
  Resolver resolve(db);
  store::HoldingRepository holdings(db);
  const auto now = clock_.now();
  const auto today_text = core::format_date(today());
  auto client = resolve.client(in.client_id, in.client_registration_code);
  if (!client) return client.error();
  auto product = resolve.product(in.product_id, in.product_code);
  if (!product) return product.error();
  const auto date = core::format_date(in.date);
  if (date > today_text) return Error::invalid("date", "is in the future");
  auto before = holdings.balance(*client, *product, date);
  if (!before) return before.error();
  if (*before == in.amount) return RecordedBalance{BalanceOutcome::duplicate, *client, *product};
  if (auto s = holdings.put_balance({*client, *product, date, in.amount}, core::to_micros(now));
      !s) {
    return s.error();
  }
  // A closing balance holds at the end of its day.
  const auto close = zone_.close_of(date::sys_days(in.date));
  auto seq = events_.append(
      db, actor,
      {*before ? "holding.balance_corrected" : "holding.balance_imported", "holding",
       std::to_string(*client) + "/" + std::to_string(*product),
       *before ? std::optional<boost::json::value>(balance_json(*client, *product, date, **before))
               : std::nullopt,
       balance_json(*client, *product, date, in.amount), close});
  if (!seq) return seq.error();
  return RecordedBalance{*before ? BalanceOutcome::corrected : BalanceOutcome::applied, *client,
                         *product};
}

core::Result<BalanceReport> HoldingsService::import(const std::vector<BalanceRow>& rows,
                                                    bool partial, const auth::Actor& actor) {
  if (rows.size() > kMaxBatch) {
    return Error::invalid("balances", "at most " + std::to_string(kMaxBatch) + " per batch");
  }
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  BalanceReport report;
  const auto record = [&](const BalanceInput& in) -> core::Result<BalanceOutcome> {
    auto recorded = record_in(db, in, actor);
    if (!recorded) return recorded.error();
    return recorded->outcome;
  };

  for (std::size_t i = 0; i < rows.size(); ++i) {
    BalanceRowResult result;
    result.row = i;
    auto outcome = rows[i] ? record(*rows[i]) : core::Result<BalanceOutcome>(rows[i].error());
    if (!outcome) {
      if (outcome.error().code != core::Errc::invalid_input) return outcome.error();
      result.error = outcome.error();
      ++report.failed;
      if (!partial) {
        report.applied = report.corrected = report.duplicates = 0;
        report.rows = {std::move(result)};
        return report;  // rolled back
      }
    } else {
      result.outcome = *outcome;
      ++(*outcome == BalanceOutcome::applied     ? report.applied
         : *outcome == BalanceOutcome::corrected ? report.corrected
                                                 : report.duplicates);
    }
    report.rows.push_back(std::move(result));
  }
  if (auto s = write->commit(); !s) return s.error();
  return report;
}

core::Result<std::vector<Position>> HoldingsService::positions(
    std::optional<core::LocalDate> as_of, std::optional<std::int64_t> client_id,
    std::optional<std::int64_t> product_id, const DataScope& scope) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto& db = **connection;
  auto clients = scope_clients(db, scope);
  if (!clients) return clients.error();
  const auto day = core::format_date(as_of.value_or(today()));
  auto timeline = load(db, day, day, {client_id, product_id, *clients});
  if (!timeline) return timeline.error();
  Resolver resolve(db);
  std::vector<Position> positions;
  for (const auto& p : timeline->on(day)) {
    if (p.amount_fen == 0) continue;
    auto money_market = resolve.is_money_market(p.product_id);
    if (!money_market) return money_market.error();
    positions.push_back({p.client_id, p.product_id, p.amount_fen, *money_market});
  }
  return positions;
}

core::Result<HoldingTotals> HoldingsService::totals(std::optional<core::LocalDate> as_of,
                                                    const DataScope& scope) {
  if (!scope.amounts) return Error::forbidden("your role does not see amounts");
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto& db = **connection;
  HoldingTotals totals;
  totals.as_of = core::format_date(as_of.value_or(today()));
  auto timeline = load(db, totals.as_of, totals.as_of, {});
  if (!timeline) return timeline.error();
  Resolver resolve(db);
  store::StaffRepository staff(db);
  std::map<std::int64_t, std::vector<CreditShare>> coverage;
  std::map<std::int64_t, std::optional<std::int64_t>> department_of;
  std::map<std::int64_t, Amounts> by_staff, by_department;
  for (const auto& p : timeline->on(totals.as_of)) {
    if (p.amount_fen == 0) continue;
    auto money_market = resolve.is_money_market(p.product_id);
    if (!money_market) return money_market.error();
    add(totals.company, p.amount_fen, *money_market);
    auto shares = coverage.find(p.client_id);
    if (shares == coverage.end()) {
      auto found = credit_shares_on(db, p.client_id, totals.as_of);
      if (!found) return found.error();
      shares = coverage.emplace(p.client_id, std::move(*found)).first;
    }
    // Split the magnitude: a (rare) negative position splits like a positive one.
    const auto magnitude = p.amount_fen < 0 ? -p.amount_fen : p.amount_fen;
    const auto parts = split_credit(magnitude, shares->second);
    for (std::size_t i = 0; i < parts.size(); ++i) {
      const auto part = p.amount_fen < 0 ? -parts[i] : parts[i];
      const auto person = shares->second[i].staff_id;
      add(by_staff[person], part, *money_market);
      auto department = department_of.find(person);
      if (department == department_of.end()) {
        auto found = staff.department_on(person, totals.as_of);
        if (!found) return found.error();
        department = department_of.emplace(person, *found).first;
      }
      if (department->second) add(by_department[*department->second], part, *money_market);
    }
  }
  // A department's figure includes its sub-departments'.
  auto tree = store::DepartmentRepository(db).all();
  if (!tree) return tree.error();
  std::map<std::int64_t, std::optional<std::int64_t>> parent_of;
  for (const auto& d : *tree)
    parent_of[d.id] = d.parent_id;
  std::map<std::int64_t, Amounts> rolled_up;
  for (const auto& [id, amounts] : by_department) {
    std::optional<std::int64_t> at = id;
    for (std::size_t depth = 0; at && depth <= parent_of.size(); ++depth) {
      rolled_up[*at].all += amounts.all;
      rolled_up[*at].excluding_money_market += amounts.excluding_money_market;
      at = parent_of[*at];
    }
  }
  by_department = std::move(rolled_up);
  const std::set<std::int64_t> visible_departments(scope.department_ids.begin(),
                                                   scope.department_ids.end());
  for (const auto& [id, amounts] : by_department) {
    if (scope.everything || visible_departments.contains(id)) {
      totals.departments.emplace_back(id, amounts);
    }
  }
  for (const auto& [id, amounts] : by_staff) {
    const auto department = department_of[id];
    if (scope.everything || scope.staff_id == id ||
        (department && visible_departments.contains(*department))) {
      totals.staff.emplace_back(id, amounts);
    }
  }
  return totals;
}

core::Result<std::vector<DailyTotal>> HoldingsService::history(
    core::LocalDate from, core::LocalDate to, std::optional<std::int64_t> client_id,
    std::optional<std::int64_t> product_id, const DataScope& scope) {
  const auto days = (date::sys_days(to) - date::sys_days(from)).count();
  if (days < 0) return Error::invalid("to", "must not be before from");
  if (days >= kMaxHistoryDays) {
    return Error::invalid("to", "at most " + std::to_string(kMaxHistoryDays) + " days at once");
  }
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto& db = **connection;
  auto clients = scope_clients(db, scope);
  if (!clients) return clients.error();
  auto timeline =
      load(db, core::format_date(from), core::format_date(to), {client_id, product_id, *clients});
  if (!timeline) return timeline.error();
  Resolver resolve(db);
  std::vector<DailyTotal> series;
  for (auto day = date::sys_days(from); day <= date::sys_days(to); day += date::days(1)) {
    DailyTotal total{core::format_date(date::year_month_day(day)), {}};
    for (const auto& p : timeline->on(total.date)) {
      auto money_market = resolve.is_money_market(p.product_id);
      if (!money_market) return money_market.error();
      add(total.amounts, p.amount_fen, *money_market);
    }
    series.push_back(std::move(total));
  }
  return series;
}

}  // namespace laurel::crm
