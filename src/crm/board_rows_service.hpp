#pragma once
// Manual rows of leaderboards, for complex or temporary campaigns whose rankings managers compile
// themselves: a manual board ranks only the rows entered, a hybrid board its metric's figures
// with the rows replacing those of the people (or departments) they name.
//
// Rows come per board and period, by form (JSON) or upload (CSV/XLSX, api/board_rows_routes),
// each submission a new version. Every row is checked — a subject of the board's kind that
// exists (by id, or by a name that names exactly one), inside the board's scope in that period,
// named once, a figure that is a number in range (yuan with at most two decimals on an amounts
// board, a whole count otherwise) — and every problem is reported with its line; one problem and
// nothing is stored. A version is published at once, or, when the board asks for approval, waits
// until another manager or admin approves it (maker-checker: not the one who submitted it).
// Publishing logs board.rows_published, which is how the engine ranks them (the latest published
// version of a period is its rows); submissions and decisions are in the log too.

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "auth/principal.hpp"
#include "core/clock.hpp"
#include "crm/board_service.hpp"
#include "crm/engine_service.hpp"
#include "crm/event_log.hpp"
#include "store/board_rows_repository.hpp"
#include "store/store.hpp"

namespace laurel::crm {

// A row as entered: who (an id, else a name), the figure as text, a note.
struct EnteredRow {
  std::size_t line = 0;  // the file's line, or the position in the list from 1
  std::optional<std::int64_t> subject_id;
  std::optional<std::string> name;
  std::string value;
  std::optional<std::string> note;
};

struct RowProblem {
  std::size_t line = 0;
  std::string field;  // subject_id, name, value, note
  std::string message;
};

using Submitted = std::variant<store::BoardRowVersion, std::vector<RowProblem>>;

class BoardRowsService {
 public:
  static constexpr std::size_t kMaxRows = 10'000;

  BoardRowsService(store::Store& store, const core::Clock& clock, const EventLog& events,
                   BoardService& boards, EngineService& engine)
      : store_(store), clock_(clock), events_(events), boards_(boards), engine_(engine) {}

  // The version stored, or every row's problems (nothing stored). Errors: the board is not found,
  // takes no manual rows (field "id"), the period is not of its kind (field "period").
  core::Result<Submitted> submit(std::int64_t board_id, core::Period period,
                                 const std::vector<EnteredRow>& rows, const auth::Principal& caller,
                                 const auth::Actor& actor);
  core::Result<std::vector<store::BoardRowVersion>> list(std::int64_t board_id, core::Period period,
                                                         const auth::Principal& caller);
  // forbidden: the caller submitted it; conflict: it is not pending.
  core::Result<store::BoardRowVersion> approve(std::int64_t board_id, std::int64_t version_id,
                                               const auth::Principal& caller,
                                               const auth::Actor& actor);
  core::Result<store::BoardRowVersion> reject(std::int64_t board_id, std::int64_t version_id,
                                              std::string reason, const auth::Principal& caller,
                                              const auth::Actor& actor);

  // A board that takes manual rows (manual or hybrid), as the caller may see it; 400 for a
  // computed one.
  core::Result<Board> manual_board(std::int64_t board_id, const auth::Principal& caller);

 private:
  core::Result<store::BoardRowVersion> decide(std::int64_t board_id, std::int64_t version_id,
                                              bool approve, std::optional<std::string> reason,
                                              const auth::Principal& caller,
                                              const auth::Actor& actor);

  store::Store& store_;
  const core::Clock& clock_;
  const EventLog& events_;
  BoardService& boards_;
  EngineService& engine_;
};

// A version as the API shows it: rows with the subjects' names and figures as the board shows
// them (yuan strings on amounts boards).
boost::json::object row_version_to_json(const store::BoardRowVersion& version, const Board& board,
                                        EngineService& engine);

}  // namespace laurel::crm
