#pragma once
// Frozen leaderboards as stored (migration 0028). crm::SnapshotService decides when one is taken
// and what it holds; rows are the standings' JSON.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace laurel::store {

struct SnapshotRecord {
  std::int64_t id = 0;
  std::int64_t board_id = 0;
  std::string period;
  std::string kind;  // manual, scheduled, period_close
  std::optional<std::string> natural_key;
  std::optional<std::int64_t> scheduled_for;
  std::int64_t taken_at = 0;
  std::optional<std::int64_t> taken_by;
  std::int64_t folded_up_to = 0;
  std::string tie_policy;
  std::int64_t total = 0;
  std::string rows;  // JSON array
};

class SnapshotRepository {
 public:
  explicit SnapshotRepository(Connection& connection) : db_(connection) {}

  // The new snapshot's id, or nullopt when one with its natural key is there already.
  core::Result<std::optional<std::int64_t>> insert(const SnapshotRecord& snapshot);
  core::Result<std::optional<SnapshotRecord>> find(std::int64_t id);
  // A board's snapshots, newest first, before `before_id` (0: from the newest); up to limit + 1,
  // without their rows.
  core::Result<std::vector<SnapshotRecord>> list(std::int64_t board_id, std::int64_t before_id,
                                                 int limit);
  // What standings compare with: the board's newest snapshot of `period`, or else its newest
  // closing snapshot of an earlier period (`period` sorts after it: the same kind of period).
  core::Result<std::optional<SnapshotRecord>> to_compare(std::int64_t board_id,
                                                         const std::string& period);

 private:
  Connection& db_;
};

}  // namespace laurel::store
