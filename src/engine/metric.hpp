#pragma once
// A metric as data: what is counted or summed, from which records, filtered how, for which kind
// of subject and over which periods. Metrics are defined over the API (a later part of this
// issue stores them); the engine only reads these values.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/period.hpp"
#include "engine/facts.hpp"

namespace laurel::engine {

// count, sum and distinct_clients fold records (engine/metric_fold.hpp); the two holdings kinds
// read the closes of the holdings book (engine/holdings_metrics.hpp); imported adds up the
// values the data warehouse pushes per subject and day. A sum over targets adds up the targets
// set for each subject and period (the denominator of an achievement board).
enum class MetricKind : std::uint8_t {
  count,
  sum,
  distinct_clients,
  end_of_period_balance,
  average_daily_balance,
  imported
};
enum class MetricSource : std::uint8_t { transactions, visits, holdings, imported, targets };
// What an imported metric's values are: amounts (fen) or counts.
enum class ImportedUnit : std::uint8_t { amount, count };

inline bool is_holdings_kind(MetricKind kind) {
  return kind == MetricKind::end_of_period_balance || kind == MetricKind::average_daily_balance;
}
// What a sum adds up: the amounts, or the holdings flow (inflows less redemptions and switches
// out).
enum class SumOf : std::uint8_t { amount, net_flow };
enum class SubjectKind : std::uint8_t { company, department, staff, client, product };

struct MetricFilter {
  std::uint8_t trade_kinds = 0;            // a bit per TradeKind; 0: every kind
  std::vector<std::int64_t> product_ids;   // empty: every product
  std::vector<std::string> product_types;  // empty: every type
  bool exclude_money_market = false;       // "all but money-market"
  std::optional<std::int64_t> client_id;
  // A department and everything under it: only trades credited to, and visits by, its staff
  // count (with the credited share of the amount).
  std::optional<std::int64_t> department_id;
  bool key_person_visits_only = false;  // visits: only those a key person attended
  // A campaign: only trades of its funds inside its window count, and of those only the shares
  // credited to its participants — everyone, for a campaign of the whole company (with period
  // "all", the figure is the campaign window's).
  std::optional<std::int64_t> campaign_id;
  // Targets (source targets): which are summed — those of this scope on this measure (with
  // campaign_id, those of one campaign). A month's, quarter's or year's targets count in the
  // metric's periods of that kind; with period "all", every target counts.
  TargetScope target_scope = TargetScope::overall;
  TargetMeasure target_measure = TargetMeasure::subscription;
  // Trades of a person or department: only those with clients the subject has a client target
  // on this measure for, in the cell's period ("the credited subscriptions of the clients with
  // a target", the numerator of client target achievement).
  std::optional<TargetMeasure> clients_with_target;
  // A sum of inflows (subscriptions, purchases, …) net of what the same client redeems or
  // switches out of the same fund within this many days after: each redemption takes back from
  // the latest inflows before it inside the window first, never more than they were (a
  // subscription redeemed within N days counts only for what stays). Worked out from the
  // records in effect on the occurred_at timeline, so late and corrected trades net the same.
  std::optional<std::int32_t> net_of_redemptions_within_days;

  static std::uint8_t kinds(std::initializer_list<TradeKind> list) {
    std::uint8_t bits = 0;
    for (auto k : list)
      bits |= static_cast<std::uint8_t>(1u << static_cast<unsigned>(k));
    return bits;
  }
};

// Whether trades or holdings of the product count under the filter's products, product types
// and "all but money-market" (a product's type from `reference`).
bool product_passes(const MetricFilter& filter, const Reference& reference,
                    std::int64_t product_id);

struct MetricDefinition {
  std::int64_t id = 0;
  MetricKind kind = MetricKind::count;
  MetricSource source = MetricSource::transactions;
  SumOf sum_of = SumOf::amount;
  MetricFilter filter;
  SubjectKind subject = SubjectKind::company;
  core::PeriodKind period = core::PeriodKind::day;
  ImportedUnit unit = ImportedUnit::amount;  // imported only

  // Whether its figures are amounts (yuan) rather than counts.
  bool amounts() const {
    if (source == MetricSource::targets) {
      return filter.target_measure == TargetMeasure::subscription ||
             filter.target_measure == TargetMeasure::net_flow;
    }
    return kind == MetricKind::sum || is_holdings_kind(kind) ||
           (kind == MetricKind::imported && unit == ImportedUnit::amount);
  }
};

// Why a definition cannot be folded (a sum of visits, visits per product, a count of holdings),
// naming the member at fault; nullopt when it can.
struct DefinitionProblem {
  std::string field;  // as in the API: "kind", "subject", "filter.product_ids", …
  std::string message;
};
std::optional<DefinitionProblem> definition_problem(const MetricDefinition& metric);

}  // namespace laurel::engine
