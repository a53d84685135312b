#include "store/key_person_repository.hpp"

namespace laurel::store {
namespace {

constexpr std::string_view kColumns =
    "id, client_id, org_unit_id, reports_to_id, name, title, decision_role, influence, phone, "
    "email, wechat, touch_frequency_days, active, erased_at, created_at, updated_at";

KeyPersonRecord person_of(const Row& r) {
  KeyPersonRecord p;
  p.id = r.integer(0);
  p.client_id = r.integer(1);
  p.org_unit_id = r.optional_integer(2);
  p.reports_to_id = r.optional_integer(3);
  p.name = r.text(4);
  p.title = r.optional_text(5);
  p.decision_role = r.text(6);
  p.influence = r.text(7);
  p.phone = r.optional_text(8);
  p.email = r.optional_text(9);
  p.wechat = r.optional_text(10);
  p.touch_frequency_days = r.optional_integer(11);
  p.active = r.boolean(12);
  p.erased_at = r.optional_integer(13);
  p.created_at = r.integer(14);
  p.updated_at = r.integer(15);
  return p;
}

core::Result<std::vector<KeyPersonRecord>> people_of(core::Result<Rows> rows) {
  if (!rows) return rows.error();
  std::vector<KeyPersonRecord> people;
  people.reserve(rows->size());
  for (const auto& row : *rows)
    people.push_back(person_of(row));
  return people;
}

}  // namespace

core::Result<std::int64_t> KeyPersonRepository::insert(const KeyPersonRecord& p) {
  auto rows = db_.query(
      "INSERT INTO key_people (client_id, org_unit_id, reports_to_id, name, title, decision_role,"
      " influence, phone, email, wechat, touch_frequency_days, active, erased_at, created_at,"
      " updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)"
      " RETURNING id",
      {p.client_id, nullable(p.org_unit_id), nullable(p.reports_to_id), p.name, nullable(p.title),
       p.decision_role, p.influence, nullable(p.phone), nullable(p.email), nullable(p.wechat),
       nullable(p.touch_frequency_days), boolean(p.active), nullable(p.erased_at), p.created_at,
       p.updated_at});
  if (!rows) return rows.error();
  return rows->front().integer(0);
}

core::Status KeyPersonRepository::update(const KeyPersonRecord& p) {
  auto rows = db_.query(
      "UPDATE key_people SET client_id = $2, org_unit_id = $3, reports_to_id = $4, name = $5,"
      " title = $6, decision_role = $7, influence = $8, phone = $9, email = $10, wechat = $11,"
      " touch_frequency_days = $12, active = $13, erased_at = $14, updated_at = $15 WHERE id = $1",
      {p.id, p.client_id, nullable(p.org_unit_id), nullable(p.reports_to_id), p.name,
       nullable(p.title), p.decision_role, p.influence, nullable(p.phone), nullable(p.email),
       nullable(p.wechat), nullable(p.touch_frequency_days), boolean(p.active),
       nullable(p.erased_at), p.updated_at});
  if (!rows) return rows.error();
  if (rows->changes == 0) return core::Error::not_found("no key person " + std::to_string(p.id));
  return {};
}

core::Result<std::optional<KeyPersonRecord>> KeyPersonRepository::find(std::int64_t id) {
  auto people = people_of(
      db_.query("SELECT " + std::string(kColumns) + " FROM key_people WHERE id = $1", {id}));
  if (!people) return people.error();
  if (people->empty()) return std::optional<KeyPersonRecord>();
  return std::optional<KeyPersonRecord>(std::move(people->front()));
}

core::Result<std::vector<KeyPersonRecord>> KeyPersonRepository::list(const KeyPersonFilter& f) {
  std::optional<std::int64_t> active;
  if (f.active) active = *f.active ? 1 : 0;
  return people_of(db_.query(
      "SELECT " + std::string(kColumns) +
          " FROM key_people WHERE id > $1"
          " AND ($2 IS NULL OR client_id = $2)"
          " AND ($3 IS NULL OR org_unit_id = $3)"
          " AND ($4 IS NULL OR decision_role = $4)"
          " AND ($5 IS NULL OR influence = $5)"
          " AND ($6 IS NULL OR active = $6)"
          " AND ($7 IS NULL OR instr(name, $7) > 0"
          "      OR instr(COALESCE(title, ''), $7) > 0)"
          " ORDER BY id LIMIT $8",
      {f.after_id, nullable(f.client_id), nullable(f.org_unit_id), nullable(f.decision_role),
       nullable(f.influence), nullable(active), nullable(f.search), std::int64_t{f.limit + 1}}));
}

core::Result<std::vector<KeyPersonRecord>> KeyPersonRepository::of_client(std::int64_t client_id) {
  return people_of(db_.query(
      "SELECT " + std::string(kColumns) + " FROM key_people WHERE client_id = $1 ORDER BY id",
      {client_id}));
}

core::Result<std::vector<std::int64_t>> KeyPersonRepository::reports_of(std::int64_t id) {
  auto rows = db_.query("SELECT id FROM key_people WHERE reports_to_id = $1 ORDER BY id", {id});
  if (!rows) return rows.error();
  std::vector<std::int64_t> ids;
  for (const auto& r : *rows)
    ids.push_back(r.integer(0));
  return ids;
}

core::Status KeyPersonRepository::log_views(const std::vector<ContactView>& views) {
  for (const auto& v : views) {
    auto rows = db_.query(
        "INSERT INTO contact_views (key_person_id, user_id, via, viewed_at) VALUES ($1, $2, $3, "
        "$4)",
        {v.key_person_id, v.user_id, v.via, v.viewed_at});
    if (!rows) return rows.error();
  }
  return {};
}

core::Result<std::vector<std::pair<std::int64_t, ContactView>>> KeyPersonRepository::views_of(
    std::int64_t person_id, std::int64_t before_id, int limit) {
  auto rows = db_.query(
      "SELECT id, key_person_id, user_id, via, viewed_at FROM contact_views"
      " WHERE key_person_id = $1 AND ($2 = 0 OR id < $2) ORDER BY id DESC LIMIT $3",
      {person_id, before_id, std::int64_t{limit + 1}});
  if (!rows) return rows.error();
  std::vector<std::pair<std::int64_t, ContactView>> views;
  for (const auto& r : *rows) {
    views.emplace_back(r.integer(0),
                       ContactView{r.integer(1), r.integer(2), r.text(3), r.integer(4)});
  }
  return views;
}

}  // namespace laurel::store
