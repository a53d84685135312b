#include "store/target_repository.hpp"

#include "store/record_scope.hpp"
#include "store/sql_conditions.hpp"

namespace laurel::store {
namespace {

constexpr std::string_view kColumns =
    "t.id, t.subject_kind, t.subject_id, t.scope, t.client_id, t.campaign_id, t.metric, "
    "t.period, t.period_start, t.period_end, t.value, t.set_by, t.created_at, t.updated_at";

TargetRecord target_of(const Row& r) {
  TargetRecord t;
  t.id = r.integer(0);
  t.subject_kind = r.text(1);
  t.subject_id = r.integer(2);
  t.scope = r.text(3);
  t.client_id = r.optional_integer(4);
  t.campaign_id = r.optional_integer(5);
  t.metric = r.text(6);
  t.period = r.text(7);
  t.period_start = r.text(8);
  t.period_end = r.text(9);
  t.value = r.integer(10);
  t.set_by = r.integer(11);
  t.created_at = r.integer(12);
  t.updated_at = r.integer(13);
  return t;
}

// Parameters $s (everything), $s+1 (staff), $s+2 (staff departments JSON), $s+3 (department
// subjects JSON), $s+4 (today).
std::string scope_clause(int s) {
  const auto p = [s](int i) { return "$" + std::to_string(s + i); };
  return " AND (" + p(0) + " = 1 OR (t.subject_kind = 'staff' AND (t.subject_id = " + p(1) +
         " OR " + department_today_sql("t.subject_id", s + 4) +
         " IN (SELECT value FROM json_each(" + p(2) +
         ")))) OR (t.subject_kind = 'department' AND t.subject_id IN (SELECT value FROM " +
         "json_each(" + p(3) + "))))";
}

void bind_scope(std::vector<Value>& params, const TargetScope& scope) {
  params.emplace_back(boolean(scope.everything));
  params.emplace_back(nullable(scope.staff_id));
  params.emplace_back(scope.staff_departments_json);
  params.emplace_back(scope.department_ids_json);
  params.emplace_back(scope.today);
}

// The sum or count a target's metric measures, its conditions built for the query at hand.
std::string achievement_sql(const AchievementQuery& q, std::vector<Value>& params) {
  params = {q.from, q.to};
  SqlConditions where(params);
  const bool transactions = q.metric == "subscription" || q.metric == "net_flow";
  const std::string_view credited = transactions ? "tc" : "vs";
  if (q.staff_id) {
    where.add(std::string(credited) + ".staff_id = ?", *q.staff_id);
  } else {
    where.add(std::string(credited) + ".department_id IN (SELECT value FROM json_each(?))",
              json_ids(q.department_ids));
  }
  if (transactions) {
    where
        .add(q.metric == "net_flow"
                 ? "t.kind IN ('subscribe', 'purchase', 'switch_in', 'redeem', 'switch_out')"
                 : "t.kind IN ('subscribe', 'purchase')")
        .add_if(q.client_id, "t.client_id = ?")
        .add_if(q.campaign_id,
                "t.product_id IN (SELECT product_id FROM campaign_products WHERE campaign_id = ?)");
    return "SELECT coalesce(sum(CASE WHEN t.kind IN ('redeem', 'switch_out')"
           " THEN -tc.amount_fen ELSE tc.amount_fen END), 0)"
           " FROM transaction_credits tc JOIN transactions t ON t.id = tc.transaction_id"
           " WHERE t.status IN ('applied', 'confirmed') AND t.trade_date BETWEEN $1 AND $2" +
           where.sql();
  }
  where.add_if(q.client_id, "v.client_id = ?")
      .add_if(q.campaign_id,
              "EXISTS (SELECT 1 FROM visit_products vp WHERE vp.visit_id = v.id AND vp.product_id"
              " IN (SELECT product_id FROM campaign_products WHERE campaign_id = ?))");
  if (q.metric == "key_person_visits") {
    where.add("EXISTS (SELECT 1 FROM visit_attendees va WHERE va.visit_id = v.id)");
  }
  return "SELECT count(DISTINCT v.id) FROM visit_staff vs JOIN visits v ON v.id = vs.visit_id"
         " WHERE v.occurred_date BETWEEN $1 AND $2" +
         where.sql();
}

}  // namespace

core::Result<std::int64_t> TargetRepository::insert(const TargetRecord& t) {
  auto rows = db_.query(
      "INSERT INTO targets (subject_kind, subject_id, scope, client_id, campaign_id, metric,"
      " period, period_start, period_end, value, set_by, created_at, updated_at)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
      {t.subject_kind, t.subject_id, t.scope, nullable(t.client_id), nullable(t.campaign_id),
       t.metric, t.period, t.period_start, t.period_end, t.value, t.set_by, t.created_at,
       t.updated_at});
  if (!rows) return rows.error();
  return rows->front().integer(0);
}

core::Status TargetRepository::update(const TargetRecord& t) {
  auto rows = db_.query("UPDATE targets SET value = $2, set_by = $3, updated_at = $4 WHERE id = $1",
                        {t.id, t.value, t.set_by, t.updated_at});
  if (!rows) return rows.error();
  if (rows->changes == 0) return core::Error::not_found("no target " + std::to_string(t.id));
  return {};
}

core::Status TargetRepository::remove(std::int64_t id) {
  auto rows = db_.query("DELETE FROM targets WHERE id = $1", {id});
  if (!rows) return rows.error();
  return {};
}

core::Result<std::optional<TargetRecord>> TargetRepository::find(std::int64_t id) {
  auto rows =
      db_.query("SELECT " + std::string(kColumns) + " FROM targets t WHERE t.id = $1", {id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<TargetRecord>();
  return std::optional<TargetRecord>(target_of(rows->front()));
}

core::Result<std::optional<std::int64_t>> TargetRepository::find_same(const TargetRecord& t) {
  auto rows = db_.query(
      "SELECT id FROM targets WHERE subject_kind = $1 AND subject_id = $2 AND scope = $3"
      " AND coalesce(client_id, 0) = $4 AND coalesce(campaign_id, 0) = $5 AND metric = $6"
      " AND period = $7",
      {t.subject_kind, t.subject_id, t.scope, t.client_id.value_or(0), t.campaign_id.value_or(0),
       t.metric, t.period});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(rows->front().integer(0));
}

core::Result<bool> TargetRepository::visible(std::int64_t id, const TargetScope& scope) {
  std::vector<Value> params{id};
  bind_scope(params, scope);
  auto rows = db_.query("SELECT 1 FROM targets t WHERE t.id = $1" + scope_clause(2), params);
  if (!rows) return rows.error();
  return !rows->empty();
}

core::Result<std::vector<TargetRecord>> TargetRepository::list(const TargetFilter& f,
                                                               const TargetScope& scope) {
  std::vector<Value> params{f.after_id,
                            nullable(f.subject_kind),
                            nullable(f.subject_id),
                            nullable(f.metric),
                            nullable(f.period),
                            nullable(f.client_id),
                            nullable(f.campaign_id),
                            nullable(f.covering),
                            std::int64_t{f.limit + 1}};
  bind_scope(params, scope);
  auto rows = db_.query("SELECT " + std::string(kColumns) +
                            " FROM targets t WHERE t.id > $1"
                            " AND ($2 IS NULL OR t.subject_kind = $2)"
                            " AND ($3 IS NULL OR t.subject_id = $3)"
                            " AND ($4 IS NULL OR t.metric = $4)"
                            " AND ($5 IS NULL OR t.period = $5)"
                            " AND ($6 IS NULL OR t.client_id = $6)"
                            " AND ($7 IS NULL OR t.campaign_id = $7)"
                            " AND ($8 IS NULL OR (t.period_start <= $8 AND t.period_end >= $8))" +
                            scope_clause(10) + " ORDER BY t.id LIMIT $9",
                        params);
  if (!rows) return rows.error();
  std::vector<TargetRecord> targets;
  for (const auto& r : *rows)
    targets.push_back(target_of(r));
  return targets;
}

core::Result<std::int64_t> TargetRepository::achieved(const AchievementQuery& q) {
  std::vector<Value> params;
  const auto sql = achievement_sql(q, params);
  auto rows = db_.query(sql, params);
  if (!rows) return rows.error();
  return rows->front().integer(0);
}

core::Result<std::vector<std::pair<std::string, std::string>>>
TargetRepository::client_target_periods() {
  auto rows = db_.query(
      "SELECT DISTINCT subject_kind, period FROM targets WHERE scope = 'client' ORDER BY 1, 2", {});
  if (!rows) return rows.error();
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : *rows)
    out.emplace_back(r.text(0), r.text(1));
  return out;
}

}  // namespace laurel::store
