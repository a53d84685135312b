#pragma once
// Opportunities, their products and their stage history as stored (migration 0012). Rules
// (which stage may follow which, who may change an opportunity) live in
// crm::OpportunityService.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"
#include "store/record_scope.hpp"

namespace laurel::store {

struct StageChange {
  std::string stage;
  std::int64_t entered_at = 0;  // UTC microseconds
  std::int64_t changed_by = 0;  // user id
};

struct OpportunityRecord {
  std::int64_t id = 0;
  std::int64_t client_id = 0;
  std::int64_t owner_staff_id = 0;
  std::optional<std::int64_t> campaign_id;
  std::string title;
  std::int64_t expected_fen = 0;
  std::optional<std::string> expected_close_date;
  std::optional<std::string> notes;
  std::string stage;  // prospect, contacted, proposal, won, lost
  std::optional<std::string> lost_reason;
  std::int64_t created_by = 0;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::vector<std::int64_t> product_ids;  // sorted
  std::vector<StageChange> stages;        // oldest first; the last is the current stage
};

struct OpportunityFilter {
  std::optional<std::int64_t> client_id;
  std::optional<std::int64_t> owner_staff_id;
  std::optional<std::int64_t> campaign_id;
  std::optional<std::string> stage;
  std::optional<bool> open;  // true: not won or lost
  std::int64_t after_id = 0;
  int limit = 50;
};

class OpportunityRepository {
 public:
  explicit OpportunityRepository(Connection& connection) : db_(connection) {}

  // Inserts the opportunity, its products and its stage history.
  core::Result<std::int64_t> insert(const OpportunityRecord& opportunity);
  // Rewrites the opportunity and its products; appends the stages beyond those stored.
  core::Status update(const OpportunityRecord& opportunity);
  core::Result<std::optional<OpportunityRecord>> find(std::int64_t id);
  // Inside the scope: owned by the scope's staff member or by someone in one of its departments
  // today, or of a client the staff member covers today.
  core::Result<bool> visible(std::int64_t id, const RecordScope& scope);
  // Ordered by id; up to limit + 1 rows.
  core::Result<std::vector<OpportunityRecord>> list(const OpportunityFilter& filter,
                                                    const RecordScope& scope);

 private:
  core::Status insert_products(const OpportunityRecord& opportunity);
  core::Status insert_stages(const OpportunityRecord& opportunity, std::size_t from);
  core::Status load_links(OpportunityRecord& opportunity);

  Connection& db_;
};

}  // namespace laurel::store
