#pragma once
// The kinds of visit a rule counts (points rules, badge rules), as JSON: a list of kind names
// (visit, call, meeting, roadshow, online) that is a bit per kind in the engine
// (engine/points_rule.hpp); an empty list, or none, counts every kind.

#include <boost/json/array.hpp>
#include <cstdint>

#include "crm/json_reader.hpp"

namespace laurel::crm {

// Takes "visit_kinds" from `r` (absent: 0, every kind).
core::Result<std::uint8_t> read_visit_kinds(JsonReader& r);
boost::json::array visit_kinds_to_json(std::uint8_t kinds);

}  // namespace laurel::crm
