#pragma once
// A row of a leaderboard as the API shows it, live or frozen in a snapshot: rank, place, who,
// the figure (yuan for amounts, else a count), a ratio board's target and percent ("no target"
// when it has none), when a first-to-reach score was reached, and whether it is the caller's.

#include <boost/json/object.hpp>
#include <optional>

#include "crm/board_service.hpp"
#include "crm/engine_service.hpp"

namespace laurel::crm {

// An amount as a yuan string, or a count as a number.
boost::json::value figure_json(std::int64_t value, bool amounts);

// Whether the board pro-rates people who joined during a period (its scores are then figure ×
// days in the period ÷ days present; engine/board.hpp).
bool pro_rates(const Board& board);

boost::json::object standing_to_json(const Board& board, const EngineService::Named& named,
                                     std::optional<std::int64_t> me);

}  // namespace laurel::crm
