#pragma once
// The "system sergeant" flags (seed 001): one flag per CRM function, each in its own colour,
// handed to a person on their first real use of that function (engine/first_use_book.hpp) and
// shown off in a weekly parade. Which functions have flags, and their names and colours, are the
// company's to set; until an admin does, Laurel's twelve apply.
//
//   {"flags": [{"function": "visit", "name": "拜访", "colour": "#D32F2F"}, …]}
//
// 1 to 24 flags; each function (of crm_functions()) and each colour (#RRGGBB) once; names of 1 to
// 40 bytes. A function without a flag is still watched: giving it a flag later hands it to
// everyone who already used it, dated their first use.

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "auth/principal.hpp"
#include "core/error.hpp"
#include "crm/event_log.hpp"
#include "store/store.hpp"

namespace laurel::crm {

// A CRM function a flag can stand for, and the events that are a use of it.
struct CrmFunction {
  std::string_view code;                 // "visit"
  std::string_view what;                 // what a first use is, in a sentence
  std::vector<std::string_view> events;  // empty: the feed judges it (visit_attendees)
};
const std::vector<CrmFunction>& crm_functions();
// The index of visit_attendees, which the feed judges from a visit's attendees.
inline constexpr std::uint8_t kVisitWithAttendees = 1;
std::optional<std::uint8_t> function_index(std::string_view code);

struct Flag {
  std::string function;
  std::string name;
  std::string colour;  // #RRGGBB, upper case
  friend bool operator==(const Flag&, const Flag&) = default;
};

std::vector<Flag> default_flags();
// The request body; errors name the member ("flags[2].colour").
core::Result<std::vector<Flag>> read_flag_set_input(std::string_view body);
boost::json::object flag_set_to_json(const std::vector<Flag>& flags);

class FlagSetService {
 public:
  FlagSetService(store::Store& store, const EventLog& events) : store_(store), events_(events) {}

  core::Result<std::vector<Flag>> get();
  core::Result<std::vector<Flag>> set(std::vector<Flag> flags, const auth::Actor& actor);

 private:
  store::Store& store_;
  const EventLog& events_;
};

}  // namespace laurel::crm
