#include "store/opportunity_repository.hpp"

namespace laurel::store {
namespace {

constexpr std::string_view kColumns =
    "o.id, o.client_id, o.owner_staff_id, o.campaign_id, o.title, o.expected_fen, "
    "o.expected_close_date, o.notes, o.stage, o.lost_reason, o.created_by, o.created_at, "
    "o.updated_at";

OpportunityRecord opportunity_of(const Row& r) {
  OpportunityRecord o;
  o.id = r.integer(0);
  o.client_id = r.integer(1);
  o.owner_staff_id = r.integer(2);
  o.campaign_id = r.optional_integer(3);
  o.title = r.text(4);
  o.expected_fen = r.integer(5);
  o.expected_close_date = r.optional_text(6);
  o.notes = r.optional_text(7);
  o.stage = r.text(8);
  o.lost_reason = r.optional_text(9);
  o.created_by = r.integer(10);
  o.created_at = r.integer(11);
  o.updated_at = r.integer(12);
  return o;
}

// Parameters $s (everything), $s+1 (staff), $s+2 (departments JSON), $s+3 (today).
std::string scope_clause(int s) {
  const auto p = [s](int i) { return "$" + std::to_string(s + i); };
  return " AND (" + p(0) + " = 1 OR o.owner_staff_id = " + p(1) + " OR " +
         department_today_sql("o.owner_staff_id", s + 3) + " IN (SELECT value FROM json_each(" +
         p(2) + ")) OR " + covered_today_sql("o.client_id", s + 1, s + 3) + ")";
}

void bind_scope(std::vector<Value>& params, const RecordScope& scope) {
  params.emplace_back(boolean(scope.everything));
  params.emplace_back(nullable(scope.staff_id));
  params.emplace_back(scope.department_ids_json);
  params.emplace_back(scope.today);
}

}  // namespace

core::Status OpportunityRepository::insert_products(const OpportunityRecord& o) {
  for (auto product : o.product_ids) {
    auto rows =
        db_.query("INSERT INTO opportunity_products (opportunity_id, product_id) VALUES ($1, $2)",
                  {o.id, product});
    if (!rows) return rows.error();
  }
  return {};
}

core::Status OpportunityRepository::insert_stages(const OpportunityRecord& o, std::size_t from) {
  for (std::size_t i = from; i < o.stages.size(); ++i) {
    const auto& change = o.stages[i];
    auto rows = db_.query(
        "INSERT INTO opportunity_stages (opportunity_id, seq, stage, entered_at, changed_by)"
        " VALUES ($1, $2, $3, $4, $5)",
        {o.id, static_cast<std::int64_t>(i + 1), change.stage, change.entered_at,
         change.changed_by});
    if (!rows) return rows.error();
  }
  return {};
}

core::Status OpportunityRepository::load_links(OpportunityRecord& o) {
  auto products = db_.query(
      "SELECT product_id FROM opportunity_products WHERE opportunity_id = $1 ORDER BY 1", {o.id});
  if (!products) return products.error();
  for (const auto& r : *products)
    o.product_ids.push_back(r.integer(0));
  auto stages = db_.query(
      "SELECT stage, entered_at, changed_by FROM opportunity_stages WHERE opportunity_id = $1"
      " ORDER BY seq",
      {o.id});
  if (!stages) return stages.error();
  for (const auto& r : *stages)
    o.stages.push_back({r.text(0), r.integer(1), r.integer(2)});
  return {};
}

core::Result<std::int64_t> OpportunityRepository::insert(const OpportunityRecord& o) {
  auto rows = db_.query(
      "INSERT INTO opportunities (client_id, owner_staff_id, campaign_id, title, expected_fen,"
      " expected_close_date, notes, stage, lost_reason, created_by, created_at, updated_at)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
      {o.client_id, o.owner_staff_id, nullable(o.campaign_id), o.title, o.expected_fen,
       nullable(o.expected_close_date), nullable(o.notes), o.stage, nullable(o.lost_reason),
       o.created_by, o.created_at, o.updated_at});
  if (!rows) return rows.error();
  auto stored = o;
  stored.id = rows->front().integer(0);
  if (auto s = insert_products(stored); !s) return s.error();
  if (auto s = insert_stages(stored, 0); !s) return s.error();
  return stored.id;
}

core::Status OpportunityRepository::update(const OpportunityRecord& o) {
  auto rows = db_.query(
      "UPDATE opportunities SET client_id = $2, owner_staff_id = $3, campaign_id = $4,"
      " title = $5, expected_fen = $6, expected_close_date = $7, notes = $8, stage = $9,"
      " lost_reason = $10, updated_at = $11 WHERE id = $1",
      {o.id, o.client_id, o.owner_staff_id, nullable(o.campaign_id), o.title, o.expected_fen,
       nullable(o.expected_close_date), nullable(o.notes), o.stage, nullable(o.lost_reason),
       o.updated_at});
  if (!rows) return rows.error();
  if (rows->changes == 0) return core::Error::not_found("no opportunity " + std::to_string(o.id));
  auto cleared = db_.query("DELETE FROM opportunity_products WHERE opportunity_id = $1", {o.id});
  if (!cleared) return cleared.error();
  if (auto s = insert_products(o); !s) return s;
  auto stored =
      db_.query("SELECT count(*) FROM opportunity_stages WHERE opportunity_id = $1", {o.id});
  if (!stored) return stored.error();
  return insert_stages(o, static_cast<std::size_t>(stored->front().integer(0)));
}

core::Result<std::optional<OpportunityRecord>> OpportunityRepository::find(std::int64_t id) {
  auto rows =
      db_.query("SELECT " + std::string(kColumns) + " FROM opportunities o WHERE o.id = $1", {id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<OpportunityRecord>();
  auto opportunity = opportunity_of(rows->front());
  if (auto s = load_links(opportunity); !s) return s.error();
  return std::optional<OpportunityRecord>(std::move(opportunity));
}

core::Result<bool> OpportunityRepository::visible(std::int64_t id, const RecordScope& scope) {
  std::vector<Value> params{id};
  bind_scope(params, scope);
  auto rows = db_.query("SELECT 1 FROM opportunities o WHERE o.id = $1" + scope_clause(2), params);
  if (!rows) return rows.error();
  return !rows->empty();
}

core::Result<std::vector<OpportunityRecord>> OpportunityRepository::list(const OpportunityFilter& f,
                                                                         const RecordScope& scope) {
  std::optional<std::int64_t> open;
  if (f.open) open = *f.open ? 1 : 0;
  std::vector<Value> params{
      f.after_id,        nullable(f.client_id), nullable(f.owner_staff_id), nullable(f.campaign_id),
      nullable(f.stage), nullable(open),        std::int64_t{f.limit + 1}};
  bind_scope(params, scope);
  auto rows = db_.query("SELECT " + std::string(kColumns) +
                            " FROM opportunities o WHERE o.id > $1"
                            " AND ($2 IS NULL OR o.client_id = $2)"
                            " AND ($3 IS NULL OR o.owner_staff_id = $3)"
                            " AND ($4 IS NULL OR o.campaign_id = $4)"
                            " AND ($5 IS NULL OR o.stage = $5)"
                            " AND ($6 IS NULL OR ($6 = 1) = (o.stage NOT IN ('won', 'lost')))" +
                            scope_clause(8) + " ORDER BY o.id LIMIT $7",
                        params);
  if (!rows) return rows.error();
  std::vector<OpportunityRecord> opportunities;
  for (const auto& r : *rows) {
    opportunities.push_back(opportunity_of(r));
    if (auto s = load_links(opportunities.back()); !s) return s.error();
  }
  return opportunities;
}

}  // namespace laurel::store
