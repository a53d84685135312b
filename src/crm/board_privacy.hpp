#pragma once
// Who sees what of a leaderboard. Two rules, both for people other than managers and admins
// (who see everything, unless they ask for the public view — the TV on the sales floor):
//  - a person may hide from public boards: others see their row — rank and figure, so that the
//    ranks mean the same for everyone — without their name or id ("hidden"); they still count
//    for their department and see their own row as it is;
//  - a board may show only its top N (public_top) to everyone: below it, a viewer sees their own
//    row and their neighbours (kNeighbours each side), not the whole board.
// Applied to rows as the API writes them (crm/standing_json.hpp), live or frozen in a snapshot.

#include <boost/json/array.hpp>
#include <cstdint>
#include <optional>
#include <unordered_set>

#include "auth/principal.hpp"
#include "crm/board_service.hpp"

namespace laurel::crm {

inline constexpr std::int64_t kNeighbours = 2;

struct BoardViewer {
  bool sees_everything = false;
  std::optional<std::int64_t> me;  // their subject on the board
  // The public view (a TV on the sales floor): a hidden person is hidden even from their own
  // login, which may be the one the TV is signed in with.
  bool public_view = false;
};

// Admins and managers see everything unless `public_view`.
BoardViewer viewer_of(const auth::Principal& caller, std::optional<std::int64_t> me,
                      bool public_view);

// Whether public_top keeps this viewer from the rest of the board.
bool restricted(const Board& board, const BoardViewer& viewer);

// The rows the viewer may see, in order. A row is hidden when its "hidden" member is true or its
// subject is in `hidden` (snapshots' rows predate the choice: it is applied when they are read).
// `my_position`: the viewer's position on the board, if they are on it.
boost::json::array visible_rows(const Board& board, boost::json::array rows,
                                const BoardViewer& viewer,
                                const std::unordered_set<std::int64_t>& hidden,
                                std::optional<std::int64_t> my_position);

// One row as the viewer may see it (masked if hidden and not theirs).
boost::json::object visible_row(boost::json::object row, const BoardViewer& viewer,
                                const std::unordered_set<std::int64_t>& hidden);

}  // namespace laurel::crm
