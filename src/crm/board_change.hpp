#pragma once
// A leaderboard whose standings may have moved: what the engine tells the live stream, which
// tells the open pages showing it (event board_changed).

#include <cstdint>
#include <string>
#include <vector>

namespace laurel::crm {

struct BoardChange {
  std::int64_t board_id = 0;
  std::vector<std::string> periods;  // text forms ("2026-12"); empty: any period
  bool managers_only = false;        // a board only managers and admins may see
};

}  // namespace laurel::crm
