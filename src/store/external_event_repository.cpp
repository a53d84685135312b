#include "store/external_event_repository.hpp"

namespace laurel::store {

core::Result<std::optional<ExternalEventRecord>> ExternalEventRepository::find(
    std::int64_t sender_user_id, std::string_view event_id) {
  auto rows = db_.query(
      "SELECT sender_user_id, event_id, type, fingerprint, entity_type, entity_id, received_at "
      "FROM external_events WHERE sender_user_id = $1 AND event_id = $2",
      {sender_user_id, std::string(event_id)});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<ExternalEventRecord>();
  const auto& r = rows->front();
  return std::optional<ExternalEventRecord>(ExternalEventRecord{
      r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.integer(6)});
}

core::Status ExternalEventRepository::insert(const ExternalEventRecord& e) {
  auto done = db_.query(
      "INSERT INTO external_events (sender_user_id, event_id, type, fingerprint, entity_type, "
      "entity_id, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {e.sender_user_id, e.event_id, e.type, e.fingerprint, e.entity_type, e.entity_id,
       e.received_at});
  if (!done) return done.error();
  return {};
}

}  // namespace laurel::store
