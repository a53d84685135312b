#pragma once
// Versions of a manual or hybrid board's rows as stored (migration 0030). crm::BoardRowsService
// checks and decides them; rows are JSON: [{"subject_id", "value" (fen or a count), "note"}].

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace laurel::store {

struct BoardRowVersion {
  std::int64_t id = 0;
  std::int64_t board_id = 0;
  std::string period;
  std::int64_t version = 0;
  std::string status;  // pending, published, rejected
  std::string rows;    // JSON array
  std::optional<std::int64_t> submitted_by;
  std::int64_t submitted_at = 0;
  std::optional<std::int64_t> decided_by;
  std::optional<std::int64_t> decided_at;
  std::optional<std::string> reason;
};

class BoardRowsRepository {
 public:
  explicit BoardRowsRepository(Connection& connection) : db_(connection) {}

  // Numbered after the period's last version (1 for the first); the new id.
  core::Result<BoardRowVersion> insert(BoardRowVersion version);
  core::Result<std::optional<BoardRowVersion>> find(std::int64_t id);
  // A board's versions of a period, newest first.
  core::Result<std::vector<BoardRowVersion>> list(std::int64_t board_id, const std::string& period);
  // Only a pending version is decided; false when it was not pending (any more).
  core::Result<bool> decide(std::int64_t id, const std::string& status, std::int64_t by,
                            std::int64_t at, const std::optional<std::string>& reason);

 private:
  Connection& db_;
};

}  // namespace laurel::store
