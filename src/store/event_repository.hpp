#pragma once
// The event log as stored (migration 0002). Append and read; there is no update or delete, and
// the database refuses them too.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace laurel::store {

struct EventRecord {
  std::int64_t seq = 0;
  std::string type;  // "department.created"
  std::int64_t occurred_at = 0;
  std::int64_t recorded_at = 0;
  std::optional<std::int64_t> actor_user_id;
  std::string actor;
  std::string entity_type;  // "department"
  std::string entity_id;    // "12"
  std::string payload;      // JSON
};

struct EventFilter {
  std::optional<std::string> entity_type;
  std::optional<std::string> entity_id;
  std::optional<std::string> type;
  // The cursor: the seq of the last event of the previous page; 0 for the first page.
  std::int64_t after_seq = 0;
  // Oldest first (the engine's order, the default), or newest first for people reading what
  // changed lately; the cursor then continues with the smaller seqs.
  bool newest_first = false;
  int limit = 100;
};

class EventRepository {
 public:
  explicit EventRepository(Connection& connection) : db_(connection) {}

  // Returns the event's seq.
  core::Result<std::int64_t> append(const EventRecord& event);
  // Ordered by seq; up to limit + 1 rows so the caller knows whether more follow.
  core::Result<std::vector<EventRecord>> list(const EventFilter& filter);
  // A record's events, oldest first, at most 100: what a "why" shows of the record behind a
  // points journal or a badge.
  core::Result<std::vector<EventRecord>> of_record(std::string entity_type, std::int64_t entity_id);
  // The event with this seq, if there is one.
  core::Result<std::optional<EventRecord>> at(std::int64_t seq);

 private:
  Connection& db_;
};

}  // namespace laurel::store
