#pragma once
// Coverage plans as stored (migration 0007). Validation (one primary, shares summing to 100,
// active staff) lives in crm::CoverageService.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace laurel::store {

struct CoverageMember {
  std::int64_t staff_id = 0;
  std::string role;  // "primary" | "secondary"
  int share_percent = 0;
};

struct CoveragePlan {
  std::int64_t client_id = 0;
  std::string effective_from;           // "YYYY-MM-DD"
  std::vector<CoverageMember> members;  // primary first, then by staff id
};

// A client covered by a staff member on a day, with that member's place in the plan.
struct CoveredClient {
  std::int64_t client_id = 0;
  std::string client_name;
  std::string effective_from;
  CoverageMember member;
};

class CoverageRepository {
 public:
  explicit CoverageRepository(Connection& connection) : db_(connection) {}

  // Stores a plan, replacing the client's plan with the same effective date.
  core::Status put(const CoveragePlan& plan, std::int64_t now);
  // Oldest first.
  core::Result<std::vector<CoveragePlan>> plans(std::int64_t client_id);
  // The plan in force on `day`: the latest effective_from on or before it.
  core::Result<std::optional<CoveragePlan>> plan_on(std::int64_t client_id, std::string_view day);
  // Clients whose plan in force on `day` names the staff member, by client id.
  core::Result<std::vector<CoveredClient>> clients_of(std::int64_t staff_id, std::string_view day);
  // Clients with a plan effective on or after `day` that names the staff member (a leaver's
  // future plans, which a reassignment must also rewrite).
  core::Result<std::vector<std::int64_t>> clients_with_later_plans(std::int64_t staff_id,
                                                                   std::string_view day);
  // Clients whose plan in force on `day` names the staff member, or anyone whose department
  // that day is one of `department_ids_json` (a JSON array): a data scope's clients.
  core::Result<std::vector<std::int64_t>> clients_covered_by(std::optional<std::int64_t> staff_id,
                                                             std::string_view department_ids_json,
                                                             std::string_view day);

 private:
  Connection& db_;
};

}  // namespace laurel::store
