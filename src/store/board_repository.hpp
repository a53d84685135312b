#pragma once
// Leaderboard definitions as stored (migration 0027). Validation and the event log live in
// crm::BoardService; the definition's JSON in crm/board_json.hpp.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/connection.hpp"

namespace laurel::store {

struct BoardRecord {
  std::int64_t id = 0;
  std::string name;
  std::string definition;  // JSON
  std::optional<std::int64_t> created_by;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::optional<std::int64_t> archived_at;
  // Laurel's own boards (migration 0031): which one, e.g. "campaign:7:staff"; unset for boards
  // made by people.
  std::optional<std::string> built_in;
};

class BoardRepository {
 public:
  explicit BoardRepository(Connection& connection) : db_(connection) {}

  core::Result<std::int64_t> insert(const BoardRecord& board);
  core::Result<std::optional<BoardRecord>> find(std::int64_t id);
  // A built-in board by its key, archived or not.
  core::Result<std::optional<BoardRecord>> find_built_in(std::string_view key);
  // Boards not archived, ordered by id, after `after_id`; up to limit + 1 rows.
  core::Result<std::vector<BoardRecord>> list(std::int64_t after_id, int limit);
  // Name and definition; false when there is no such board.
  core::Result<bool> update(const BoardRecord& board);
  core::Result<bool> archive(std::int64_t id, std::int64_t at);

 private:
  Connection& db_;
};

}  // namespace laurel::store
