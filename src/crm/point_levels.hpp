#pragma once
// Levels from status points (PRODUCT.md, gamification): a ladder of names, each from a number of
// status points on, lowest first. Status points are never spent, so a level is never lost to a
// purchase; a clawback can take one back. Managers set the ladder; until they do, Laurel's default
// one applies (新秀 0, 能手 1,000, 高手 5,000, 专家 20,000, 大师 50,000).
//
//   {"levels": [{"name": "新秀", "from": 0}, {"name": "能手", "from": 1000}, …]}
//
// The first level starts at 0; each one's from is above the one before it; 1 to 20 levels, names
// of 1 to 40 bytes, each once.

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/principal.hpp"
#include "core/error.hpp"
#include "crm/event_log.hpp"
#include "store/store.hpp"

namespace laurel::crm {

struct PointLevel {
  std::string name;
  std::int64_t from = 0;
  friend bool operator==(const PointLevel&, const PointLevel&) = default;
};

std::vector<PointLevel> default_point_levels();
// The request body; errors name the member ("levels[2].from").
core::Result<std::vector<PointLevel>> read_point_levels_input(std::string_view body);
boost::json::object point_levels_to_json(const std::vector<PointLevel>& levels);

// Where `status` points stand on the ladder: its level and the next one (none at the top).
struct LevelStanding {
  const PointLevel* level = nullptr;
  const PointLevel* next = nullptr;
};
LevelStanding level_of(const std::vector<PointLevel>& levels, std::int64_t status);

class PointLevelService {
 public:
  PointLevelService(store::Store& store, const EventLog& events) : store_(store), events_(events) {}

  core::Result<std::vector<PointLevel>> get();
  core::Result<std::vector<PointLevel>> set(std::vector<PointLevel> levels,
                                            const auth::Actor& actor);

 private:
  store::Store& store_;
  const EventLog& events_;
};

}  // namespace laurel::crm
