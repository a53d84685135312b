#include "store/flag_repository.hpp"

namespace laurel::store {

core::Result<std::vector<FlagRow>> FlagRepository::flag_set() {
  auto rows = db_.query("SELECT function, name, colour FROM flag_set ORDER BY position");
  if (!rows) return rows.error();
  std::vector<FlagRow> out;
  for (const auto& r : *rows)
    out.push_back({r.text(0), r.text(1), r.text(2)});
  return out;
}

core::Status FlagRepository::replace_flag_set(const std::vector<FlagRow>& flags) {
  if (auto s = db_.query("DELETE FROM flag_set"); !s) return s.error();
  for (std::size_t i = 0; i < flags.size(); ++i) {
    auto s = db_.query(
        "INSERT INTO flag_set (position, function, name, colour) VALUES ($1, $2, $3, $4)",
        {static_cast<std::int64_t>(i + 1), flags[i].function, flags[i].name, flags[i].colour});
    if (!s) return s.error();
  }
  return {};
}

core::Result<bool> FlagRepository::insert_first_use(const FirstUseRecord& u) {
  auto rows = db_.query(
      "INSERT INTO first_uses (staff_id, function, event_seq, used_at, entity_type, entity_id) "
      "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (staff_id, function) DO NOTHING RETURNING 1",
      {u.staff_id, u.function, u.event_seq, u.used_at, u.entity_type, u.entity_id});
  if (!rows) return rows.error();
  return !rows->empty();
}

core::Result<std::vector<FirstUseRecord>> FlagRepository::first_uses(
    std::string_view where, std::initializer_list<Value> params) {
  auto rows = db_.query(
      "SELECT staff_id, function, event_seq, used_at, entity_type, entity_id FROM first_uses " +
          std::string(where),
      params);
  if (!rows) return rows.error();
  std::vector<FirstUseRecord> out;
  out.reserve(rows->size());
  for (const auto& r : *rows)
    out.push_back({r.integer(0), r.text(1), r.integer(2), r.integer(3), r.text(4), r.text(5)});
  return out;
}

core::Result<std::vector<FirstUseRecord>> FlagRepository::first_uses_of(std::int64_t staff_id) {
  return first_uses("WHERE staff_id = $1 ORDER BY used_at, event_seq", {staff_id});
}

core::Result<std::vector<FirstUseRecord>> FlagRepository::first_uses_between(std::int64_t from,
                                                                             std::int64_t to) {
  return first_uses("WHERE used_at >= $1 AND used_at < $2 ORDER BY used_at, event_seq", {from, to});
}

core::Result<std::vector<FirstUseRecord>> FlagRepository::all_first_uses() {
  return first_uses("ORDER BY staff_id, function", {});
}

}  // namespace laurel::store
