#include "store/visit_repository.hpp"

#include <algorithm>
#include <unordered_map>

#include "store/sql_conditions.hpp"
#include "store/text_query.hpp"

namespace laurel::store {
namespace {

constexpr std::string_view kColumns =
    "v.id, v.external_id, v.client_id, v.kind, v.occurred_at, v.occurred_date, v.notes, "
    "v.next_step, "
    "v.follow_up_date, v.follow_up_done_at, v.author_user_id, v.created_at, v.updated_at";

VisitRecord visit_of(const Row& r) {
  VisitRecord v;
  v.id = r.integer(0);
  v.external_id = r.optional_text(1);
  v.client_id = r.integer(2);
  v.kind = r.text(3);
  v.occurred_at = r.integer(4);
  v.occurred_date = r.text(5);
  v.notes = r.text(6);
  v.next_step = r.optional_text(7);
  v.follow_up_date = r.optional_text(8);
  v.follow_up_done_at = r.optional_integer(9);
  v.author_user_id = r.integer(10);
  v.created_at = r.integer(11);
  v.updated_at = r.integer(12);
  return v;
}

// Visits inside the scope: parameters $s (everything), $s+1 (staff), $s+2 (departments JSON),
// $s+3 (today), $s+4 (the caller's user id, who sees what they wrote).
std::string scope_clause(int s) {
  const auto p = [s](int i) { return "$" + std::to_string(s + i); };
  return " AND (" + p(0) + " = 1 OR v.author_user_id = " + p(4) +
         " OR EXISTS (SELECT 1 FROM visit_staff vs WHERE vs.visit_id = v.id AND (vs.staff_id = " +
         p(1) + " OR vs.department_id IN (SELECT value FROM json_each(" + p(2) + "))))" + " OR " +
         covered_today_sql("v.client_id", s + 1, s + 3) + ")";
}

void bind_scope(std::vector<Value>& params, std::int64_t user_id, const RecordScope& scope) {
  params.emplace_back(boolean(scope.everything));
  params.emplace_back(nullable(scope.staff_id));
  params.emplace_back(scope.department_ids_json);
  params.emplace_back(scope.today);
  params.emplace_back(user_id);
}

}  // namespace

core::Status VisitRepository::insert_links(const VisitRecord& v) {
  for (const auto& s : v.staff) {
    auto rows =
        db_.query("INSERT INTO visit_staff (visit_id, staff_id, department_id) VALUES ($1, $2, $3)",
                  {v.id, s.staff_id, nullable(s.department_id)});
    if (!rows) return rows.error();
  }
  for (auto person : v.attendee_ids) {
    auto rows = db_.query("INSERT INTO visit_attendees (visit_id, key_person_id) VALUES ($1, $2)",
                          {v.id, person});
    if (!rows) return rows.error();
  }
  for (auto product : v.product_ids) {
    auto rows = db_.query("INSERT INTO visit_products (visit_id, product_id) VALUES ($1, $2)",
                          {v.id, product});
    if (!rows) return rows.error();
  }
  return {};
}

core::Result<std::int64_t> VisitRepository::insert(const VisitRecord& v) {
  auto rows = db_.query(
      "INSERT INTO visits (client_id, kind, occurred_at, occurred_date, notes, next_step,"
      " follow_up_date, follow_up_done_at, author_user_id, created_at, updated_at, external_id)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
      {v.client_id, v.kind, v.occurred_at, v.occurred_date, v.notes, nullable(v.next_step),
       nullable(v.follow_up_date), nullable(v.follow_up_done_at), v.author_user_id, v.created_at,
       v.updated_at, nullable(v.external_id)});
  if (!rows) return rows.error();
  auto stored = v;
  stored.id = rows->front().integer(0);
  if (auto s = insert_links(stored); !s) return s.error();
  return stored.id;
}

core::Status VisitRepository::update(const VisitRecord& v) {
  auto rows = db_.query(
      "UPDATE visits SET client_id = $2, kind = $3, occurred_at = $4, occurred_date = $5,"
      " notes = $6, next_step = $7, follow_up_date = $8, follow_up_done_at = $9, updated_at = $10"
      " WHERE id = $1",
      {v.id, v.client_id, v.kind, v.occurred_at, v.occurred_date, v.notes, nullable(v.next_step),
       nullable(v.follow_up_date), nullable(v.follow_up_done_at), v.updated_at});
  if (!rows) return rows.error();
  if (rows->changes == 0) return core::Error::not_found("no visit " + std::to_string(v.id));
  for (auto table : {"visit_staff", "visit_attendees", "visit_products"}) {
    auto cleared = db_.query("DELETE FROM " + std::string(table) + " WHERE visit_id = $1", {v.id});
    if (!cleared) return cleared.error();
  }
  return insert_links(v);
}

core::Status VisitRepository::remove(std::int64_t id) {
  for (auto table : {"visit_staff", "visit_attendees", "visit_products"}) {
    auto cleared = db_.query("DELETE FROM " + std::string(table) + " WHERE visit_id = $1", {id});
    if (!cleared) return cleared.error();
  }
  auto rows = db_.query("DELETE FROM visits WHERE id = $1", {id});
  if (!rows) return rows.error();
  return {};
}

core::Status VisitRepository::load_links(std::vector<VisitRecord>& visits) {
  if (visits.empty()) return {};
  std::unordered_map<std::int64_t, VisitRecord*> by_id;
  std::vector<std::int64_t> visit_ids;
  for (auto& v : visits) {
    by_id.emplace(v.id, &v);
    visit_ids.push_back(v.id);
  }
  const auto ids = json_ids(visit_ids);
  auto staff = db_.query(
      "SELECT visit_id, staff_id, department_id FROM visit_staff"
      " WHERE visit_id IN (SELECT value FROM json_each($1)) ORDER BY visit_id, staff_id",
      {ids});
  if (!staff) return staff.error();
  for (const auto& r : *staff)
    by_id.at(r.integer(0))->staff.push_back({r.integer(1), r.optional_integer(2)});
  auto attendees = db_.query(
      "SELECT visit_id, key_person_id FROM visit_attendees"
      " WHERE visit_id IN (SELECT value FROM json_each($1)) ORDER BY visit_id, key_person_id",
      {ids});
  if (!attendees) return attendees.error();
  for (const auto& r : *attendees)
    by_id.at(r.integer(0))->attendee_ids.push_back(r.integer(1));
  auto products = db_.query(
      "SELECT visit_id, product_id FROM visit_products"
      " WHERE visit_id IN (SELECT value FROM json_each($1)) ORDER BY visit_id, product_id",
      {ids});
  if (!products) return products.error();
  for (const auto& r : *products)
    by_id.at(r.integer(0))->product_ids.push_back(r.integer(1));
  return {};
}

core::Result<std::optional<VisitRecord>> VisitRepository::find(std::int64_t id) {
  auto rows = db_.query("SELECT " + std::string(kColumns) + " FROM visits v WHERE v.id = $1", {id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<VisitRecord>();
  std::vector<VisitRecord> visits{visit_of(rows->front())};
  if (auto s = load_links(visits); !s) return s.error();
  return std::optional<VisitRecord>(std::move(visits.front()));
}

core::Result<std::optional<VisitRecord>> VisitRepository::find_external(
    std::string_view external_id) {
  auto rows = db_.query("SELECT id FROM visits WHERE external_id = $1", {text(external_id)});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<VisitRecord>();
  return find(rows->front().integer(0));
}

core::Result<bool> VisitRepository::visible(std::int64_t id, std::int64_t user_id,
                                            const RecordScope& scope) {
  std::vector<Value> params{id};
  bind_scope(params, user_id, scope);
  auto rows = db_.query("SELECT 1 FROM visits v WHERE v.id = $1" + scope_clause(2), params);
  if (!rows) return rows.error();
  return !rows->empty();
}

core::Result<std::vector<Attendance>> VisitRepository::attendances_of_client(
    std::int64_t client_id, std::string_view to_date) {
  auto rows = db_.query(
      "SELECT a.key_person_id, v.id, v.occurred_at, v.occurred_date,"
      " (SELECT COALESCE(group_concat(s.staff_id), '') FROM visit_staff s WHERE s.visit_id = v.id)"
      " FROM key_people p JOIN visit_attendees a ON a.key_person_id = p.id"
      " JOIN visits v ON v.id = a.visit_id"
      " WHERE p.client_id = $1 AND v.occurred_date <= $2",
      {client_id, text(to_date)});
  if (!rows) return rows.error();
  std::vector<Attendance> attendances;
  attendances.reserve(rows->size());
  for (const auto& r : *rows) {
    Attendance a{r.integer(0), r.integer(1), r.integer(2), r.text(3), {}};
    // The staff ids as group_concat writes them: "3,7".
    std::int64_t value = 0;
    for (char c : r.text(4) + ",") {
      if (c == ',') {
        if (value) a.staff_ids.push_back(value);
        value = 0;
      } else {
        value = value * 10 + (c - '0');
      }
    }
    std::sort(a.staff_ids.begin(), a.staff_ids.end());
    attendances.push_back(std::move(a));
  }
  return attendances;
}

core::Result<std::vector<RecentClient>> VisitRepository::recent_clients(std::int64_t staff_id,
                                                                        int limit) {
  auto rows = db_.query(
      "SELECT r.client_id, c.name, r.last_date FROM ("
      "SELECT v.client_id, max(v.occurred_date) AS last_date, max(v.occurred_at) AS latest"
      " FROM visits v JOIN visit_staff s ON s.visit_id = v.id WHERE s.staff_id = $1"
      " GROUP BY v.client_id ORDER BY latest DESC, v.client_id LIMIT $2) r"
      " JOIN clients c ON c.id = r.client_id ORDER BY r.latest DESC, r.client_id",
      {staff_id, std::int64_t{limit}});
  if (!rows) return rows.error();
  std::vector<RecentClient> clients;
  for (const auto& r : *rows)
    clients.push_back({r.integer(0), r.text(1), r.text(2)});
  return clients;
}

core::Result<std::vector<VisitRecord>> VisitRepository::list(const VisitFilter& f,
                                                             std::int64_t user_id,
                                                             const RecordScope& scope) {
  std::vector<Value> params{std::int64_t{f.limit + 1}};
  bind_scope(params, user_id, scope);  // $2..$6
  SqlConditions where(params);
  if (f.after_id != 0) {
    where.add("(v.occurred_at, v.id) < (SELECT c.occurred_at, c.id FROM visits c WHERE c.id = ?)",
              f.after_id);
  }
  where.add_if(f.client_id, "v.client_id = ?")
      .add_if(f.staff_id, "v.id IN (SELECT s.visit_id FROM visit_staff s WHERE s.staff_id = ?)")
      .add_if(f.key_person_id,
              "v.id IN (SELECT a.visit_id FROM visit_attendees a WHERE a.key_person_id = ?)")
      .add_if(f.kind, "v.kind = ?")
      .add_if(f.from, "v.occurred_at >= ?")
      .add_if(f.to, "v.occurred_at < ?")
      .add_if(f.follow_up_due_by, "v.follow_up_date <= ? AND v.follow_up_done_at IS NULL");
  const auto search =
      f.search ? text_condition(parse_text_query(*f.search), "visit_search", "v.id",
                                "lower(v.notes || ' ' || COALESCE(v.next_step, ''))", params)
               : std::string();
  auto rows =
      db_.query("SELECT " + std::string(kColumns) + " FROM visits v WHERE 1 = 1" + scope_clause(2) +
                    where.sql() + search + " ORDER BY v.occurred_at DESC, v.id DESC LIMIT $1",
                params);
  if (!rows) return rows.error();
  std::vector<VisitRecord> visits;
  visits.reserve(rows->size());
  for (const auto& row : *rows)
    visits.push_back(visit_of(row));
  if (auto s = load_links(visits); !s) return s.error();
  return visits;
}

}  // namespace laurel::store
