#include "crm/board_service.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/timestamp.hpp"
#include "crm/metric_json.hpp"
#include "crm/metric_service.hpp"
#include "store/campaign_repository.hpp"
#include "store/department_repository.hpp"
#include "store/metric_repository.hpp"

namespace laurel::crm {
namespace {

namespace json = boost::json;
using core::Error;

core::Result<std::optional<engine::MetricDefinition>> find_metric(store::Connection& db,
                                                                  std::int64_t id) {
  auto found = store::MetricRepository(db).find(id);
  if (!found) return found.error();
  if (!*found) return std::optional<engine::MetricDefinition>();
  auto metric = metric_of(std::move(**found));
  if (!metric) return metric.error();
  return std::optional(metric->definition);
}

// The board's metrics must exist, rank people or departments, and agree in subject and period;
// its department or campaign must exist. Fills in what the board takes from its metrics.
core::Status check_scope(store::Connection& db, const engine::BoardDefinition& d);

core::Status check(store::Connection& db, Board& board) {
  const auto& d = board.input.definition;
  if (d.kind == engine::BoardKind::manual) {
    board.subject = d.subject;
    board.period = d.period;
    board.amounts = board.input.amounts;
    return check_scope(db, d);
  }
  auto main = find_metric(db, d.metric_id);
  if (!main) return main.error();
  if (!*main) return Error::invalid("metric_id", "no metric " + std::to_string(d.metric_id));
  if ((*main)->subject != engine::SubjectKind::staff &&
      (*main)->subject != engine::SubjectKind::department) {
    return Error::invalid("metric_id", "must be a metric of people (staff) or departments");
  }
  board.subject = (*main)->subject;
  board.period = (*main)->period;
  board.amounts = (*main)->amounts();
  if (d.pro_rate &&
      (board.subject != engine::SubjectKind::staff || board.period == core::PeriodKind::all_time)) {
    return Error::invalid("pro_rate",
                          "is for boards of people by day, week, month, quarter or year");
  }
  for (const auto& [field, id] : {std::pair{"denominator_metric_id", d.denominator_metric_id},
                                  std::pair{"tie_breaker_metric_id", d.tie_breaker_metric_id}}) {
    if (!id) continue;
    auto other = find_metric(db, *id);
    if (!other) return other.error();
    if (!*other) return Error::invalid(field, "no metric " + std::to_string(*id));
    if ((*other)->subject != (*main)->subject || (*other)->period != (*main)->period) {
      return Error::invalid(field, "must count the same subjects by the same periods as metric_id");
    }
    if (std::string_view(field) == "denominator_metric_id")
      board.denominator_amounts = (*other)->amounts();
  }
  return check_scope(db, d);
}

// The board's department or campaign must exist.
core::Status check_scope(store::Connection& db, const engine::BoardDefinition& d) {
  if (d.scope == engine::BoardScope::department) {
    auto found = store::DepartmentRepository(db).find(d.scope_id);
    if (!found) return found.error();
    if (!*found)
      return Error::invalid("department_id", "no department " + std::to_string(d.scope_id));
  }
  if (d.scope == engine::BoardScope::campaign) {
    auto found = store::CampaignRepository(db).find(d.scope_id);
    if (!found) return found.error();
    if (!*found) return Error::invalid("campaign_id", "no campaign " + std::to_string(d.scope_id));
  }
  return {};
}

// A stored board, read and completed from its metrics.
core::Result<Board> board_of(store::Connection& db, store::BoardRecord record) {
  boost::system::error_code ec;
  auto doc = json::parse(record.definition, ec);
  if (ec || !doc.is_object())
    return Error::internal("board " + std::to_string(record.id) + " is unreadable");
  doc.as_object()["name"] = record.name;
  auto input = read_board_input(doc.as_object(), false);
  if (!input)
    return Error::internal("board " + std::to_string(record.id) + ": " + input.error().message);
  Board board{std::move(record), std::move(*input)};
  board.input.definition.id = board.record.id;
  if (auto s = check(db, board); !s)
    return Error::internal("board " + std::to_string(board.record.id) + ": " + s.error().message);
  return board;
}

// A board not archived, read in full; not_found otherwise.
core::Result<Board> find_live(store::Connection& db, std::int64_t id) {
  auto found = store::BoardRepository(db).find(id);
  if (!found) return found.error();
  if (!*found || (*found)->archived_at) return Error::not_found("no board " + std::to_string(id));
  return board_of(db, std::move(**found));
}

// What a built-in board ranks is Laurel's: its metrics, kind and scope stay as they were made.
core::Status check_built_in_kept(const engine::BoardDefinition& was,
                                 const engine::BoardDefinition& is) {
  const char* field = is.metric_id != was.metric_id ? "metric_id"
                      : is.denominator_metric_id != was.denominator_metric_id
                          ? "denominator_metric_id"
                      : is.kind != was.kind                                  ? "kind"
                      : is.scope != was.scope || is.scope_id != was.scope_id ? "scope"
                      : is.pro_rate != was.pro_rate                          ? "pro_rate"
                                                                             : nullptr;
  if (!field) return {};
  return Error::invalid(field,
                        "is Laurel's own on a built-in board: rename it, change who sees it, its "
                        "ties or its snapshots, or define a board of your own");
}

std::string definition_text(const BoardInput& input) {
  auto o = board_input_to_json(input);
  o.erase("name");  // a column of its own
  return json::serialize(o);
}

}  // namespace

core::Result<Board> find_live_board(store::Connection& db, std::int64_t id) {
  return find_live(db, id);
}

json::value built_in_kind(const std::optional<std::string>& key) {
  if (!key) return nullptr;
  // A key ("campaign:7:staff", "client_targets:staff:quarter") or the kind itself, as boards
  // read back from the log carry it.
  if (key->starts_with("campaign")) return "campaign_achievement";
  return "client_target_achievement";
}

json::object board_to_json(const Board& b) {
  json::object out{{"id", b.record.id}};
  for (auto& [key, value] : board_input_to_json(b.input))
    out[key] = value;
  out["subject"] = b.subject == engine::SubjectKind::staff ? "staff" : "department";
  out["period"] = core::to_string(b.period);
  out["amounts"] = b.amounts;
  out["built_in"] = built_in_kind(b.record.built_in);
  out["created_by"] =
      b.record.created_by ? json::value(*b.record.created_by) : json::value(nullptr);
  out["created_at"] = core::format_rfc3339(core::from_micros(b.record.created_at));
  out["updated_at"] = core::format_rfc3339(core::from_micros(b.record.updated_at));
  return out;
}

core::Result<Board> BoardService::create(const json::object& body, const auth::Actor& actor) {
  auto input = read_board_input(body, true);
  if (!input) return input.error();
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto board =
      insert_board(write->connection(), clock_, events_, std::move(*input), actor, std::nullopt);
  if (!board) return board.error();
  if (auto s = write->commit(); !s) return s.error();
  return board;
}

core::Result<Board> insert_board(store::Connection& db, const core::Clock& clock,
                                 const EventLog& events, BoardInput input, const auth::Actor& actor,
                                 std::optional<std::string> built_in) {
  Board board{{}, std::move(input)};
  if (auto s = check(db, board); !s) return s.error();
  auto& r = board.record;
  r.name = board.input.name;
  r.definition = definition_text(board.input);
  r.created_by = actor.user_id;
  r.created_at = r.updated_at = core::to_micros(clock.now());
  r.built_in = std::move(built_in);
  auto id = store::BoardRepository(db).insert(r);
  if (!id) return id.error();
  r.id = *id;
  board.input.definition.id = *id;
  if (auto seq = events.append(db, actor,
                               {"board.created", "board", std::to_string(*id), std::nullopt,
                                board_to_json(board), std::nullopt});
      !seq) {
    return seq.error();
  }
  return board;
}

core::Result<Board> BoardService::update(std::int64_t id, const json::object& body,
                                         const auth::Actor& actor) {
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  auto before = find_live(db, id);
  if (!before) return before.error();
  // The body's members over the board's; a scope changed drops the other scope's id.
  auto merged = board_input_to_json(before->input);
  if (body.contains("scope")) {
    merged.erase("department_id");
    merged.erase("campaign_id");
  }
  // Another kind drops what only the old kind had (a manual board's subject, period and
  // amounts, approval on a computed one, pro-rating on a manual one), unless the body says it.
  if (body.contains("kind")) {
    for (const auto* member : {"subject", "period", "amounts", "approval_required", "pro_rate"})
      merged.erase(member);
  }
  for (const auto& [key, value] : body)
    merged[key] = value;
  auto input = read_board_input(merged, true);
  if (!input) return input.error();
  Board board{before->record, std::move(*input)};
  board.input.definition.id = id;
  if (board.record.built_in) {
    if (auto s = check_built_in_kept(before->input.definition, board.input.definition); !s) {
      return s.error();
    }
  }
  if (auto s = check(db, board); !s) return s.error();
  board.record.name = board.input.name;
  board.record.definition = definition_text(board.input);
  board.record.updated_at = core::to_micros(clock_.now());
  auto updated = store::BoardRepository(db).update(board.record);
  if (!updated) return updated.error();
  if (auto seq = events_.append(db, actor,
                                {"board.updated", "board", std::to_string(id),
                                 board_to_json(*before), board_to_json(board), std::nullopt});
      !seq) {
    return seq.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return board;
}

core::Status BoardService::archive(std::int64_t id, const auth::Actor& actor) {
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  auto board = find_live(db, id);
  if (!board) return board.error();
  auto archived = store::BoardRepository(db).archive(id, core::to_micros(clock_.now()));
  if (!archived) return archived.error();
  if (auto seq = events_.append(db, actor,
                                {"board.archived", "board", std::to_string(id),
                                 board_to_json(*board), std::nullopt, std::nullopt});
      !seq) {
    return seq.error();
  }
  return write->commit();
}

bool sees(const Board& board, const auth::Principal& caller) {
  return board.input.visibility == BoardVisibility::everyone || caller.role == auth::Role::admin ||
         caller.role == auth::Role::manager;
}

core::Result<Board> BoardService::get(std::int64_t id, const auth::Principal& caller) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto board = find_live(**connection, id);
  if (!board) return board.error();
  if (!sees(*board, caller)) return Error::not_found("no board " + std::to_string(id));
  return board;
}

core::Result<BoardPage> BoardService::list(std::int64_t after_id, int limit,
                                           const auth::Principal& caller) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  BoardPage page;
  // Boards the caller may not see are skipped: read on until the page is full.
  for (;;) {
    auto rows = store::BoardRepository(**connection).list(after_id, limit);
    if (!rows) return rows.error();
    const bool more = rows->size() > static_cast<std::size_t>(limit);
    if (more) rows->pop_back();
    for (auto& r : *rows) {
      after_id = r.id;
      auto board = board_of(**connection, std::move(r));
      if (!board) return board.error();
      if (!sees(*board, caller)) continue;
      page.boards.push_back(std::move(*board));
      if (page.boards.size() == static_cast<std::size_t>(limit)) {
        if (more || &r != &rows->back()) page.next_after_id = after_id;
        return page;
      }
    }
    if (!more) return page;
  }
}

}  // namespace laurel::crm
