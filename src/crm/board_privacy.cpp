#include "crm/board_privacy.hpp"

namespace laurel::crm {

namespace json = boost::json;

BoardViewer viewer_of(const auth::Principal& caller, std::optional<std::int64_t> me,
                      bool public_view) {
  const bool manages = caller.role == auth::Role::admin || caller.role == auth::Role::manager;
  return {manages && !public_view, me, public_view};
}

bool restricted(const Board& board, const BoardViewer& viewer) {
  return board.input.public_top.has_value() && !viewer.sees_everything;
}

json::object visible_row(json::object row, const BoardViewer& viewer,
                         const std::unordered_set<std::int64_t>& hidden) {
  const auto* id = row.if_contains("subject_id");
  const auto* flag = row.if_contains("hidden");
  const bool hides =
      (flag && *flag == true) || (id && id->is_int64() && hidden.contains(id->as_int64()));
  const bool mine = id && id->is_int64() && viewer.me == id->as_int64();
  row["hidden"] = hides;
  if (hides && !viewer.sees_everything && (!mine || viewer.public_view)) {
    row["name"] = nullptr;
    row["subject_id"] = nullptr;
  }
  return row;
}

json::array visible_rows(const Board& board, json::array rows, const BoardViewer& viewer,
                         const std::unordered_set<std::int64_t>& hidden,
                         std::optional<std::int64_t> my_position) {
  const bool clipped = restricted(board, viewer);
  json::array out;
  for (auto& item : rows) {
    if (!item.is_object()) continue;
    auto& row = item.as_object();
    if (clipped) {
      const auto* at = row.if_contains("position");
      const auto position = at && at->is_int64() ? at->as_int64() : INT64_MAX;
      const bool top = position < *board.input.public_top;  // positions count from 0
      const bool near = my_position && position >= *my_position - kNeighbours &&
                        position <= *my_position + kNeighbours;
      if (!top && !near) continue;
    }
    out.push_back(visible_row(std::move(row), viewer, hidden));
  }
  return out;
}

}  // namespace laurel::crm
