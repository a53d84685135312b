#pragma once
// The records the recognition engine folds, as it reads them from the event log: the latest
// version of each transaction and visit, and the reference data figures are filtered by
// (products and their types, the department tree). Plain values, cheap to copy; money in fen.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/clock.hpp"
#include "core/local_date.hpp"
#include "core/period.hpp"

namespace laurel::engine {

enum class TradeKind : std::uint8_t {
  subscribe,
  purchase,
  redeem,
  switch_in,
  switch_out,
  reinvest
};
constexpr int kTradeKinds = 6;

std::optional<TradeKind> parse_trade_kind(std::string_view code);  // "purchase", "redeem", …
std::string_view to_string(TradeKind kind);                        // the code crm and the API use
// +1 when the kind adds to holdings (subscribe, purchase, switch_in, reinvest), -1 otherwise.
int flow_sign(TradeKind kind);

// Whom a trade is credited to: a staff member (with their department on the trade day) and
// their share of the amount.
struct Credit {
  std::int64_t staff_id = 0;
  std::int64_t department_id = 0;  // 0: none that day
  std::int64_t amount_fen = 0;
};

struct TradeFact {
  std::int64_t id = 0;
  std::int64_t seq = 0;  // the log position of this version
  core::Timestamp trade_time{};
  std::int64_t client_id = 0;
  std::int64_t product_id = 0;
  TradeKind kind = TradeKind::purchase;
  std::int64_t amount_fen = 0;
  bool in_effect = true;  // applied or confirmed; failed and cancelled trades count for nothing
  std::vector<Credit> credits;
  // The company day the trade was confirmed on, once it is: from then on it moves holdings.
  std::optional<date::sys_days> confirmed_on;
};

struct VisitStaff {
  std::int64_t staff_id = 0;
  std::int64_t department_id = 0;  // 0: none that day
};

struct VisitFact {
  std::int64_t id = 0;
  std::int64_t seq = 0;
  core::Timestamp occurred_at{};
  std::int64_t client_id = 0;
  bool with_key_people = false;  // at least one of the client's key people attended
  bool in_effect = true;         // false once deleted
  std::vector<VisitStaff> staff;
};

// A value of an imported metric for one subject and company day (its latest version by seq).
struct ImportedFact {
  std::int64_t id = 0;  // the stored row: the same (metric, subject, day) keeps its id
  std::int64_t seq = 0;
  std::int64_t metric_id = 0;
  std::int64_t subject_id = 0;
  date::sys_days day{};
  std::int64_t value = 0;  // fen, or a count
};

// What a target measures (crm::target_metrics()), and of what it is set: the subject's whole
// business, one client's, or one campaign's.
enum class TargetMeasure : std::uint8_t { subscription, net_flow, visits, key_person_visits };
enum class TargetScope : std::uint8_t { overall, client, campaign };

// A target as the engine sums it (crm::TargetService): whose (a person or a department), what
// and of what, for which period, how much. Its latest version by seq counts.
struct TargetFact {
  std::int64_t id = 0;
  std::int64_t seq = 0;
  bool of_department = false;  // else a staff member's
  std::int64_t subject_id = 0;
  TargetScope scope = TargetScope::overall;
  std::int64_t client_id = 0;    // client scope
  std::int64_t campaign_id = 0;  // campaign scope
  TargetMeasure measure = TargetMeasure::subscription;
  core::Period period{};   // a month, a quarter or a year
  std::int64_t value = 0;  // fen, or a count
  bool in_effect = true;   // false once deleted
};

struct ProductFact {
  std::string type;  // equity, bond, …, money_market
};

// A campaign as the engine needs it: its window, its funds, and who takes part (departments with
// everything under them, and people listed by name).
struct CampaignFact {
  std::int64_t id = 0;
  date::sys_days starts_on{};  // company days, inclusive
  date::sys_days ends_on{};
  std::vector<std::int64_t> product_ids;
  std::vector<std::int64_t> department_ids;
  std::vector<std::int64_t> staff_ids;

  // Neither departments nor people named: the whole company takes part.
  bool whole_company() const { return department_ids.empty() && staff_ids.empty(); }
};

// What the fold needs to know about the company: product types, each department's parent (for
// "a department and everything under it"), and the campaigns.
struct Reference {
  std::unordered_map<std::int64_t, ProductFact> products;
  std::unordered_map<std::int64_t, std::int64_t> department_parent;  // 0: top level
  std::unordered_map<std::int64_t, CampaignFact> campaigns;

  // The department and its ancestors, nearest first; stops on a cycle or an unknown department.
  void departments_up_from(std::int64_t department_id, std::vector<std::int64_t>& out) const;
  // Whether a credit takes part in the campaign: its person is listed, or its department is a
  // participating one or under one (anyone's, for a campaign of the whole company). `participating`
  // is that department, nearest first (0 for a listed person outside them); `scratch` is left
  // holding the credit's departments, nearest first (as departments_up_from gives them).
  bool takes_part(const CampaignFact& campaign, const Credit& credit, std::int64_t& participating,
                  std::vector<std::int64_t>& scratch) const;
};

}  // namespace laurel::engine
