#include "store/event_repository.hpp"

#include <limits>
#include <string>

namespace laurel::store {

core::Result<std::int64_t> EventRepository::append(const EventRecord& e) {
  auto rows = db_.query(
      "INSERT INTO events (type, occurred_at, recorded_at, actor_user_id, actor, entity_type, "
      "entity_id, payload) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING seq",
      {e.type, e.occurred_at, e.recorded_at, nullable(e.actor_user_id), e.actor, e.entity_type,
       e.entity_id, e.payload});
  if (!rows) return rows.error();
  return rows->front().integer(0);
}

core::Result<std::vector<EventRecord>> EventRepository::of_record(std::string entity_type,
                                                                  std::int64_t entity_id) {
  EventFilter filter;
  filter.entity_type = std::move(entity_type);
  filter.entity_id = std::to_string(entity_id);
  filter.limit = 100;
  return list(filter);
}

core::Result<std::optional<EventRecord>> EventRepository::at(std::int64_t seq) {
  EventFilter filter;
  filter.after_seq = seq - 1;
  filter.limit = 1;
  auto events = list(filter);
  if (!events) return events.error();
  if (events->empty() || events->front().seq != seq) return std::optional<EventRecord>();
  return std::optional(std::move(events->front()));
}

core::Result<std::vector<EventRecord>> EventRepository::list(const EventFilter& f) {
  const std::int64_t cursor =
      f.newest_first && f.after_seq == 0 ? std::numeric_limits<std::int64_t>::max() : f.after_seq;
  // Only the conditions asked for are in the statement, so the planner can take the index on
  // (entity_type, entity_id, seq) or (type, seq): "($2 IS NULL OR entity_type = $2)" leaves
  // SQLite walking the whole log by seq, once per record asked about.
  std::string sql =
      std::string(
          "SELECT seq, type, occurred_at, recorded_at, actor_user_id, actor, entity_type, "
          "entity_id, payload FROM events WHERE ") +
      (f.newest_first ? "seq < $1" : "seq > $1");
  std::vector<Value> params{cursor};
  const auto where = [&](std::string_view column, const std::optional<std::string>& value) {
    if (!value) return;
    params.emplace_back(*value);
    sql += " AND " + std::string(column) + " = $" + std::to_string(params.size());
  };
  where("entity_type", f.entity_type);
  where("entity_id", f.entity_id);
  where("type", f.type);
  params.emplace_back(std::int64_t{f.limit + 1});
  sql += std::string(f.newest_first ? " ORDER BY seq DESC" : " ORDER BY seq") + " LIMIT $" +
         std::to_string(params.size());
  auto rows = db_.query(sql, params);
  if (!rows) return rows.error();
  std::vector<EventRecord> events;
  events.reserve(rows->size());
  for (const auto& r : *rows) {
    events.push_back(EventRecord{r.integer(0), r.text(1), r.integer(2), r.integer(3),
                                 r.optional_integer(4), r.text(5), r.text(6), r.text(7),
                                 r.text(8)});
  }
  return events;
}

}  // namespace laurel::store
