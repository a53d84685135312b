#pragma once
// Leaderboard definitions as JSON, the one shape used by the API, the boards table and the event
// log:
//
//   {"name": "11月认购榜", "metric_id": 3, "denominator_metric_id": null,
//    "tie_breaker_metric_id": 5, "tie_breaker_order": "higher_first",
//    "scope": "department", "department_id": 2, "campaign_id": null,
//    "order": "higher_first", "tie_policy": "competition", "visibility": "everyone",
//    "snapshot_schedule": {"weekday": "monday", "time": "08:00"}, "close_grace_days": 1}
//
// metric_id: what is ranked — its subjects (people or departments) and its periods are the
// board's; denominator_metric_id: rank the ratio metric ÷ this one (achievement of a target);
// tie_breaker_metric_id: level scores are told apart by this metric (higher or lower first);
// scope: company (the default), department (department_id and everything under it) or campaign
// (campaign_id's participants); order: higher_first (the default) or lower_first; tie_policy:
// competition (1, 2, 2, 4; the default), dense (1, 2, 2, 3) or first_to_reach (earlier
// achievement ranks higher); visibility: everyone (the default) or managers (admins and managers
// only); snapshot_schedule: freeze the standings every week at this company-local weekday and
// time (null: only by hand); close_grace_days: a period's final standings are frozen this many
// days after it ends (0 to 31, default 1), so late records of its last days still count. Whether
// the metrics and the department or campaign exist is checked by
// crm::BoardService.

#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "engine/board.hpp"

namespace laurel::crm {

enum class BoardVisibility : std::uint8_t { everyone, managers };

// Every week at a company-local weekday and time.
struct SnapshotSchedule {
  unsigned weekday = 1;  // 0 Sunday … 6 Saturday (date::weekday's encoding)
  int minute_of_day = 8 * 60;
  bool operator==(const SnapshotSchedule&) const = default;
};

struct BoardInput {
  std::string name;
  engine::BoardDefinition definition;  // id unset
  BoardVisibility visibility = BoardVisibility::everyone;
  std::optional<SnapshotSchedule> snapshot_schedule;
  int close_grace_days = 1;
  // Set: people outside the top N see the top N and their own neighbours only, not the whole
  // board (managers and admins see everything). crm/board_privacy.hpp applies it.
  std::optional<int> public_top;
  // Manual and hybrid boards (definition.kind): a version of rows waits for another manager's
  // approval (maker-checker); a manual board's figures are amounts (yuan) or counts.
  bool approval_required = false;
  bool amounts = false;
};

// A request body or a stored definition; `strict` refuses members it does not know (the API),
// a lenient read ignores them (a later version may add some).
core::Result<BoardInput> read_board_input(const boost::json::object& o, bool strict);
// Every member, for the table, the log and the API's answers.
boost::json::object board_input_to_json(const BoardInput& board);

std::string_view to_string(engine::TiePolicy policy);
std::string_view to_string(engine::RankOrder order);
std::string_view to_string(engine::BoardScope scope);

}  // namespace laurel::crm
