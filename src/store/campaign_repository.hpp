#pragma once
// Campaigns, their products, participants and cost entries as stored (migration 0012). Rules
// (the window, who may manage which campaign) live in crm::CampaignService.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"
#include "store/record_scope.hpp"

namespace laurel::store {

struct CampaignRecord {
  std::int64_t id = 0;
  std::string name;
  std::optional<std::string> description;
  std::string starts_on;  // company-local "YYYY-MM-DD", inclusive
  std::string ends_on;    // inclusive
  std::int64_t target_fen = 0;
  std::int64_t created_by = 0;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::vector<std::int64_t> product_ids;     // sorted
  std::vector<std::int64_t> department_ids;  // sorted; each with its sub-departments
  std::vector<std::int64_t> staff_ids;       // sorted
};

struct CampaignCost {
  std::int64_t id = 0;
  std::int64_t campaign_id = 0;
  std::string incurred_on;
  std::string category;
  std::int64_t amount_fen = 0;
  std::optional<std::string> description;
  std::int64_t recorded_by = 0;
  std::int64_t recorded_at = 0;
};

struct CampaignFilter {
  std::optional<std::string> active_on;  // campaigns whose window contains this day
  std::optional<std::int64_t> product_id;
  std::int64_t after_id = 0;
  int limit = 50;
};

class CampaignRepository {
 public:
  explicit CampaignRepository(Connection& connection) : db_(connection) {}

  // Fails with Errc::conflict when the name is taken.
  core::Result<std::int64_t> insert(const CampaignRecord& campaign);
  // Rewrites the campaign and its products and participants.
  core::Status update(const CampaignRecord& campaign);
  core::Result<std::optional<CampaignRecord>> find(std::int64_t id);
  core::Result<std::optional<std::int64_t>> find_by_name(std::string_view name);
  // Ordered by id; up to limit + 1 rows.
  core::Result<std::vector<CampaignRecord>> list(const CampaignFilter& filter);

  // Subscriptions (认购 and 申购, not failed or cancelled) of the campaign's products inside its
  // window, credited to its participants: `participant_departments` is the campaign's
  // departments with all their sub-departments (a credit counts by the department its staff
  // member was in on the trade day). In fen.
  core::Result<std::int64_t> subscription(const CampaignRecord& campaign,
                                          const std::vector<std::int64_t>& participant_departments);

  core::Result<std::int64_t> insert_cost(const CampaignCost& cost);
  core::Result<std::optional<CampaignCost>> find_cost(std::int64_t campaign_id, std::int64_t id);
  core::Status remove_cost(std::int64_t id);
  // Ordered by day, then id.
  core::Result<std::vector<CampaignCost>> costs(std::int64_t campaign_id);
  core::Result<std::int64_t> cost_total(std::int64_t campaign_id);

 private:
  core::Status insert_links(const CampaignRecord& campaign);
  core::Status load_links(CampaignRecord& campaign);

  Connection& db_;
};

}  // namespace laurel::store
