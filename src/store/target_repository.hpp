#pragma once
// Targets as stored (migration 0012), and what has been achieved against them. Rules (periods,
// who sets whose targets) live in crm::TargetService.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/connection.hpp"

namespace laurel::store {

struct TargetRecord {
  std::int64_t id = 0;
  std::string subject_kind;  // staff, department
  std::int64_t subject_id = 0;
  std::string scope;  // overall, client, campaign
  std::optional<std::int64_t> client_id;
  std::optional<std::int64_t> campaign_id;
  std::string metric;  // subscription, net_flow, visits, key_person_visits
  std::string period;  // "2026-11", "2026-Q4", "2026"
  std::string period_start;
  std::string period_end;
  std::int64_t value = 0;  // fen or a count
  std::int64_t set_by = 0;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

// Which targets a caller sees: everything, or those of one staff member, of staff who are in
// given departments today, and of given departments.
struct TargetScope {
  bool everything = false;
  std::optional<std::int64_t> staff_id;
  std::string staff_departments_json = "[]";
  std::string department_ids_json = "[]";
  std::string today;
};

struct TargetFilter {
  std::optional<std::string> subject_kind;
  std::optional<std::int64_t> subject_id;
  std::optional<std::string> metric;
  std::optional<std::string> period;
  std::optional<std::int64_t> client_id;
  std::optional<std::int64_t> campaign_id;
  std::optional<std::string> covering;  // targets whose period contains this day
  std::int64_t after_id = 0;
  int limit = 50;
};

// What counts towards a target: its metric, for its subject (a staff member, or credits and
// visits of a department subtree), between two days, for one client or a campaign's products.
struct AchievementQuery {
  std::string metric;
  std::optional<std::int64_t> staff_id;
  std::vector<std::int64_t> department_ids;  // when the subject is a department: its subtree
  std::string from;                          // inclusive
  std::string to;                            // inclusive
  std::optional<std::int64_t> client_id;
  std::optional<std::int64_t> campaign_id;
};

class TargetRepository {
 public:
  explicit TargetRepository(Connection& connection) : db_(connection) {}

  // Fails with Errc::conflict when the subject already has a target for that scope, metric
  // and period.
  core::Result<std::int64_t> insert(const TargetRecord& target);
  core::Status update(const TargetRecord& target);
  core::Status remove(std::int64_t id);
  core::Result<std::optional<TargetRecord>> find(std::int64_t id);
  core::Result<std::optional<std::int64_t>> find_same(const TargetRecord& target);
  core::Result<bool> visible(std::int64_t id, const TargetScope& scope);
  // Ordered by id; up to limit + 1 rows.
  core::Result<std::vector<TargetRecord>> list(const TargetFilter& filter,
                                               const TargetScope& scope);

  // Amounts in fen (net flow may be negative); counts of visits.
  core::Result<std::int64_t> achieved(const AchievementQuery& query);
  // The distinct (subject kind, period) pairs of client targets (crm/built_in_boards.hpp).
  core::Result<std::vector<std::pair<std::string, std::string>>> client_target_periods();

 private:
  Connection& db_;
};

}  // namespace laurel::store
