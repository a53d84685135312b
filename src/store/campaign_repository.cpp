#include "store/campaign_repository.hpp"

namespace laurel::store {
namespace {

constexpr std::string_view kColumns =
    "c.id, c.name, c.description, c.starts_on, c.ends_on, c.target_fen, c.created_by, "
    "c.created_at, c.updated_at";

CampaignRecord campaign_of(const Row& r) {
  CampaignRecord c;
  c.id = r.integer(0);
  c.name = r.text(1);
  c.description = r.optional_text(2);
  c.starts_on = r.text(3);
  c.ends_on = r.text(4);
  c.target_fen = r.integer(5);
  c.created_by = r.integer(6);
  c.created_at = r.integer(7);
  c.updated_at = r.integer(8);
  return c;
}

CampaignCost cost_of(const Row& r) {
  return CampaignCost{r.integer(0), r.integer(1),       r.text(2),    r.text(3),
                      r.integer(4), r.optional_text(5), r.integer(6), r.integer(7)};
}

constexpr std::string_view kCostColumns =
    "id, campaign_id, incurred_on, category, amount_fen, description, recorded_by, recorded_at";

struct LinkTable {
  std::string_view table;
  std::string_view column;
  std::vector<std::int64_t> CampaignRecord::*ids;
};

constexpr LinkTable kLinks[] = {
    {"campaign_products", "product_id", &CampaignRecord::product_ids},
    {"campaign_departments", "department_id", &CampaignRecord::department_ids},
    {"campaign_staff", "staff_id", &CampaignRecord::staff_ids},
};

}  // namespace

core::Status CampaignRepository::insert_links(const CampaignRecord& c) {
  for (const auto& link : kLinks) {
    const auto sql = "INSERT INTO " + std::string(link.table) + " (campaign_id, " +
                     std::string(link.column) + ") VALUES ($1, $2)";
    for (auto id : c.*link.ids) {
      auto rows = db_.query(sql, {c.id, id});
      if (!rows) return rows.error();
    }
  }
  return {};
}

core::Status CampaignRepository::load_links(CampaignRecord& c) {
  for (const auto& link : kLinks) {
    auto rows = db_.query("SELECT " + std::string(link.column) + " FROM " +
                              std::string(link.table) + " WHERE campaign_id = $1 ORDER BY 1",
                          {c.id});
    if (!rows) return rows.error();
    (c.*link.ids).clear();
    for (const auto& r : *rows)
      (c.*link.ids).push_back(r.integer(0));
  }
  return {};
}

core::Result<std::int64_t> CampaignRepository::insert(const CampaignRecord& c) {
  auto rows = db_.query(
      "INSERT INTO campaigns (name, description, starts_on, ends_on, target_fen, created_by,"
      " created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
      {c.name, nullable(c.description), c.starts_on, c.ends_on, c.target_fen, c.created_by,
       c.created_at, c.updated_at});
  if (!rows) return rows.error();
  auto stored = c;
  stored.id = rows->front().integer(0);
  if (auto s = insert_links(stored); !s) return s.error();
  return stored.id;
}

core::Status CampaignRepository::update(const CampaignRecord& c) {
  auto rows = db_.query(
      "UPDATE campaigns SET name = $2, description = $3, starts_on = $4, ends_on = $5,"
      " target_fen = $6, updated_at = $7 WHERE id = $1",
      {c.id, c.name, nullable(c.description), c.starts_on, c.ends_on, c.target_fen, c.updated_at});
  if (!rows) return rows.error();
  if (rows->changes == 0) return core::Error::not_found("no campaign " + std::to_string(c.id));
  for (const auto& link : kLinks) {
    auto cleared =
        db_.query("DELETE FROM " + std::string(link.table) + " WHERE campaign_id = $1", {c.id});
    if (!cleared) return cleared.error();
  }
  return insert_links(c);
}

core::Result<std::optional<CampaignRecord>> CampaignRepository::find(std::int64_t id) {
  auto rows =
      db_.query("SELECT " + std::string(kColumns) + " FROM campaigns c WHERE c.id = $1", {id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<CampaignRecord>();
  auto campaign = campaign_of(rows->front());
  if (auto s = load_links(campaign); !s) return s.error();
  return std::optional<CampaignRecord>(std::move(campaign));
}

core::Result<std::optional<std::int64_t>> CampaignRepository::find_by_name(std::string_view name) {
  auto rows = db_.query("SELECT id FROM campaigns WHERE name = $1", {text(name)});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(rows->front().integer(0));
}

core::Result<std::vector<CampaignRecord>> CampaignRepository::list(const CampaignFilter& f) {
  auto rows = db_.query(
      "SELECT " + std::string(kColumns) +
          " FROM campaigns c WHERE c.id > $1"
          " AND ($2 IS NULL OR (c.starts_on <= $2 AND c.ends_on >= $2))"
          " AND ($3 IS NULL OR EXISTS (SELECT 1 FROM campaign_products p"
          " WHERE p.campaign_id = c.id AND p.product_id = $3))"
          " ORDER BY c.id LIMIT $4",
      {f.after_id, nullable(f.active_on), nullable(f.product_id), std::int64_t{f.limit + 1}});
  if (!rows) return rows.error();
  std::vector<CampaignRecord> campaigns;
  for (const auto& r : *rows) {
    campaigns.push_back(campaign_of(r));
    if (auto s = load_links(campaigns.back()); !s) return s.error();
  }
  return campaigns;
}

core::Result<std::int64_t> CampaignRepository::subscription(
    const CampaignRecord& c, const std::vector<std::int64_t>& participant_departments) {
  const bool everyone = c.department_ids.empty() && c.staff_ids.empty();
  auto rows = db_.query(
      "SELECT coalesce(sum(tc.amount_fen), 0) FROM transactions t"
      " JOIN transaction_credits tc ON tc.transaction_id = t.id"
      " WHERE t.kind IN ('subscribe', 'purchase') AND t.status IN ('applied', 'confirmed')"
      " AND t.trade_date BETWEEN $1 AND $2"
      " AND t.product_id IN (SELECT product_id FROM campaign_products WHERE campaign_id = $3)"
      " AND ($4 = 1 OR tc.staff_id IN (SELECT staff_id FROM campaign_staff WHERE campaign_id = $3)"
      " OR tc.department_id IN (SELECT value FROM json_each($5)))",
      {c.starts_on, c.ends_on, c.id, boolean(everyone), json_ids(participant_departments)});
  if (!rows) return rows.error();
  return rows->front().integer(0);
}

core::Result<std::int64_t> CampaignRepository::insert_cost(const CampaignCost& c) {
  auto rows = db_.query(
      "INSERT INTO campaign_costs (campaign_id, incurred_on, category, amount_fen, description,"
      " recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      {c.campaign_id, c.incurred_on, c.category, c.amount_fen, nullable(c.description),
       c.recorded_by, c.recorded_at});
  if (!rows) return rows.error();
  return rows->front().integer(0);
}

core::Result<std::optional<CampaignCost>> CampaignRepository::find_cost(std::int64_t campaign_id,
                                                                        std::int64_t id) {
  auto rows = db_.query("SELECT " + std::string(kCostColumns) +
                            " FROM campaign_costs WHERE campaign_id = $1 AND id = $2",
                        {campaign_id, id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<CampaignCost>();
  return std::optional<CampaignCost>(cost_of(rows->front()));
}

core::Status CampaignRepository::remove_cost(std::int64_t id) {
  auto rows = db_.query("DELETE FROM campaign_costs WHERE id = $1", {id});
  if (!rows) return rows.error();
  return {};
}

core::Result<std::vector<CampaignCost>> CampaignRepository::costs(std::int64_t campaign_id) {
  auto rows = db_.query("SELECT " + std::string(kCostColumns) +
                            " FROM campaign_costs WHERE campaign_id = $1 ORDER BY incurred_on, id",
                        {campaign_id});
  if (!rows) return rows.error();
  std::vector<CampaignCost> costs;
  for (const auto& r : *rows)
    costs.push_back(cost_of(r));
  return costs;
}

core::Result<std::int64_t> CampaignRepository::cost_total(std::int64_t campaign_id) {
  auto rows =
      db_.query("SELECT coalesce(sum(amount_fen), 0) FROM campaign_costs WHERE campaign_id = $1",
                {campaign_id});
  if (!rows) return rows.error();
  return rows->front().integer(0);
}

}  // namespace laurel::store
