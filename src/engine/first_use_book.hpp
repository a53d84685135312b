#pragma once
// A person's first real use of each CRM function: what the "system sergeant" flags are handed
// out for (seed 001; crm/flag_set.hpp names the functions and which flags the company gives). A
// use is an event that the person's own sign-in recorded — an import, or an admin entering data
// for them, is not their use. The first use, in log order, is kept for good: deleting the record
// later does not undo having used the function, and a replay of the log finds the same one.
//
// Not thread-safe; one per engine.

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "engine/threshold_watch.hpp"

namespace laurel::engine {

struct FirstUse {
  std::int64_t staff_id = 0;
  std::uint8_t function = 0;  // an index into crm's list of functions
  std::int64_t seq = 0;       // the event of the use
  core::Timestamp at{};       // when it was recorded
  std::string entity_type;    // what the use made or changed ("visit", "org_unit", …)
  std::string entity_id;
  friend bool operator==(const FirstUse&, const FirstUse&) = default;
};

class FirstUseBook {
 public:
  // True when it is the person's first use of the function (kept, and a change to take).
  bool use(std::int64_t staff_id, std::uint8_t function, EventContext event,
           std::string entity_type, std::string entity_id);
  const FirstUse* first(std::int64_t staff_id, std::uint8_t function) const;
  // The first uses seen since the last call, in log order.
  std::vector<FirstUse> take_changes() { return std::exchange(changes_, {}); }
  // Every first use, by person and function: what the database should hold.
  std::vector<FirstUse> all() const;

 private:
  std::map<std::pair<std::int64_t, std::uint8_t>, FirstUse> uses_;
  std::vector<FirstUse> changes_;
};

}  // namespace laurel::engine
