#pragma once
// Leaderboards as data: admins and managers define what is ranked, among whom and how (see
// crm/board_json.hpp for the shape). A definition is checked against the metrics, department or
// campaign it names and logged — board.created, board.updated, board.archived — which is how the
// engine learns of it (it reads boards from the log like everything else). The standings are the
// engine's (crm::EngineService::standings).
//
// A board may change (renamed, re-ranked, another scope); its figures are its metrics', which
// never change. Archived boards leave the list and the engine; their row stays.

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "core/clock.hpp"
#include "crm/board_json.hpp"
#include "crm/event_log.hpp"
#include "store/board_repository.hpp"
#include "store/store.hpp"

namespace laurel::crm {

struct Board {
  store::BoardRecord record;
  BoardInput input;  // definition.id set
  // From its metrics: whom it ranks, by which periods, and whether its figures (and its
  // denominator's) are amounts.
  engine::SubjectKind subject = engine::SubjectKind::staff;
  core::PeriodKind period = core::PeriodKind::month;
  bool amounts = false;
  bool denominator_amounts = false;
};

struct BoardPage {
  std::vector<Board> boards;
  std::optional<std::int64_t> next_after_id;
};

class BoardService {
 public:
  BoardService(store::Store& store, const core::Clock& clock, const EventLog& events)
      : store_(store), clock_(clock), events_(events) {}

  core::Result<Board> create(const boost::json::object& body, const auth::Actor& actor);
  // The members given replace the board's; the result is checked as a whole.
  core::Result<Board> update(std::int64_t id, const boost::json::object& body,
                             const auth::Actor& actor);
  core::Status archive(std::int64_t id, const auth::Actor& actor);
  // Boards for managers only are not found for anyone else (admins and managers see all).
  core::Result<Board> get(std::int64_t id, const auth::Principal& caller);
  core::Result<BoardPage> list(std::int64_t after_id, int limit, const auth::Principal& caller);

 private:
  store::Store& store_;
  const core::Clock& clock_;
  const EventLog& events_;
};

boost::json::object board_to_json(const Board& board);
// Stores and logs a board inside the caller's transaction, checked against its metrics and
// scope; `built_in` is the key of one of Laurel's own boards (crm/built_in_boards.hpp).
core::Result<Board> insert_board(store::Connection& db, const core::Clock& clock,
                                 const EventLog& events, BoardInput input, const auth::Actor& actor,
                                 std::optional<std::string> built_in);
// What a built-in board is, for the API — "client_target_achievement" or "campaign_achievement"
// — from its key (or from that kind itself); null for a board people made.
boost::json::value built_in_kind(const std::optional<std::string>& key);
// A board not archived, read in full inside the caller's transaction; not_found otherwise.
core::Result<Board> find_live_board(store::Connection& db, std::int64_t id);
// Whether the caller may see the board: everyone, or admins and managers for managers' boards.
bool sees(const Board& board, const auth::Principal& caller);

}  // namespace laurel::crm
