#include "crm/board_rows_service.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <charconv>
#include <map>
#include <set>

#include "auth/user_validation.hpp"
#include "core/money.hpp"
#include "core/timestamp.hpp"
#include "crm/standing_json.hpp"

namespace laurel::crm {
namespace {

namespace json = boost::json;
using core::Error;

// Figures a manager may enter: up to a trillion yuan either way on an amounts board (a net flow
// may be negative), a whole count up to a billion otherwise.
constexpr core::Fen kMostFen = 100'000'000'000'000;  // 1万亿 yuan
constexpr std::int64_t kMostCount = 1'000'000'000;
constexpr std::size_t kMostNote = 200;

std::optional<std::string> read_value(const std::string& text, bool amounts, std::int64_t& out) {
  if (text.empty()) return "is required";
  if (amounts) {
    const bool negative = text.front() == '-';
    auto fen = core::parse_amount(std::string_view(text).substr(negative ? 1 : 0), "value");
    if (!fen) return "must be an amount in yuan with at most two decimals, such as 1200.50";
    if (*fen > kMostFen) return "must be within ±1,000,000,000,000.00 yuan";
    out = negative ? -*fen : *fen;
    return std::nullopt;
  }
  const auto* end = text.data() + text.size();
  const auto parsed = std::from_chars(text.data(), end, out);
  if (parsed.ec == std::errc::result_out_of_range) return "must be from 0 to 1,000,000,000";
  if (parsed.ec != std::errc() || parsed.ptr != end) return "must be a whole number (a count)";
  if (out < 0 || out > kMostCount) return "must be from 0 to 1,000,000,000";
  return std::nullopt;
}

json::array stored_rows(const store::BoardRowVersion& v) {
  boost::system::error_code ec;
  auto rows = json::parse(v.rows, ec);
  return ec || !rows.is_array() ? json::array() : std::move(rows.as_array());
}

std::string subject_word(const Board& board) {
  return board.subject == engine::SubjectKind::staff ? "person" : "department";
}

}  // namespace

core::Result<Board> BoardRowsService::manual_board(std::int64_t board_id,
                                                   const auth::Principal& caller) {
  auto board = boards_.get(board_id, caller);
  if (!board) return board.error();
  if (board->input.definition.kind == engine::BoardKind::computed) {
    return Error::invalid("id", "board " + std::to_string(board_id) +
                                    " is computed from its metric: it takes no manual rows");
  }
  return board;
}

core::Result<Submitted> BoardRowsService::submit(std::int64_t board_id, core::Period period,
                                                 const std::vector<EnteredRow>& rows,
                                                 const auth::Principal& caller,
                                                 const auth::Actor& actor) {
  auto board = manual_board(board_id, caller);
  if (!board) return board.error();
  if (period.kind != board->period) {
    return Error::invalid("period", "must be a " + std::string(core::to_string(board->period)) +
                                        ", the period this board ranks by");
  }
  if (rows.empty()) return Error::invalid("rows", "must list at least one row");
  if (rows.size() > kMaxRows) {
    return Error::invalid("rows", "must be at most " + std::to_string(kMaxRows) + " rows");
  }
  auto names = engine_.names_of(board->subject);
  if (!names) return names.error();
  std::multimap<std::string, std::int64_t> by_name;
  for (const auto& [id, name] : *names)
    by_name.emplace(name, id);

  std::vector<RowProblem> problems;
  std::map<std::int64_t, std::size_t> seen;  // subject → the line that named it first
  json::array stored;
  for (const auto& row : rows) {
    const auto problem = [&](std::string field, std::string message) {
      problems.push_back({row.line, std::move(field), std::move(message)});
    };
    std::optional<std::int64_t> subject = row.subject_id;
    if (subject && *subject <= 0) {
      problem("subject_id", "must be an id (a positive integer)");
      subject.reset();
    } else if (subject && !names->contains(*subject)) {
      problem("subject_id", "no " + subject_word(*board) + " " + std::to_string(*subject));
      subject.reset();
    } else if (!subject && row.name) {
      const auto [first, last] = by_name.equal_range(*row.name);
      const auto count = std::distance(first, last);
      if (count == 0)
        problem("name", "no " + subject_word(*board) + " is called \"" + *row.name + "\"");
      if (count > 1)
        problem("name", "\"" + *row.name + "\" names " + std::to_string(count) +
                            " — give subject_id instead");
      if (count == 1) subject = first->second;
    } else if (!subject) {
      problem("subject_id", "is required (or name)");
    }
    if (subject) {
      const auto [earlier, fresh] = seen.emplace(*subject, row.line);
      if (!fresh) {
        problem(row.subject_id ? "subject_id" : "name",
                "is on line " + std::to_string(earlier->second) + " already");
      } else {
        auto inside = engine_.in_scope(board_id, *subject, period);
        if (!inside) return inside.error();
        if (!*inside)
          problem(row.subject_id ? "subject_id" : "name", "is outside the board's scope");
      }
    }
    std::int64_t value = 0;
    if (auto bad = read_value(row.value, board->amounts, value)) problem("value", *bad);
    if (row.note && auth::utf8_length(*row.note) > kMostNote) {
      problem("note", "must be at most " + std::to_string(kMostNote) + " characters");
    }
    if (subject) {
      stored.push_back({{"subject_id", *subject},
                        {"value", value},
                        {"note", row.note ? json::value(*row.note) : json::value(nullptr)}});
    }
  }
  if (!problems.empty()) return Submitted(std::move(problems));

  store::BoardRowVersion version;
  version.board_id = board_id;
  version.period = core::format_period(period);
  version.status = board->input.approval_required ? "pending" : "published";
  version.rows = json::serialize(stored);
  version.submitted_by = caller.user_id;
  version.submitted_at = core::to_micros(clock_.now());
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto inserted = store::BoardRowsRepository(write->connection()).insert(std::move(version));
  if (!inserted) return inserted.error();
  const auto payload = json::object{{"id", inserted->id},         {"board_id", board_id},
                                    {"period", inserted->period}, {"version", inserted->version},
                                    {"status", inserted->status}, {"rows", stored}};
  const auto* type =
      inserted->status == "published" ? "board.rows_published" : "board.rows_submitted";
  if (auto seq = events_.append(
          write->connection(), actor,
          {type, "board_rows", std::to_string(inserted->id), std::nullopt, payload, std::nullopt});
      !seq) {
    return seq.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  engine_.wake();
  return Submitted(std::move(*inserted));
}

core::Result<std::vector<store::BoardRowVersion>> BoardRowsService::list(
    std::int64_t board_id, core::Period period, const auth::Principal& caller) {
  auto board = manual_board(board_id, caller);
  if (!board) return board.error();
  if (period.kind != board->period) {
    return Error::invalid("period", "must be a " + std::string(core::to_string(board->period)) +
                                        ", the period this board ranks by");
  }
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  return store::BoardRowsRepository(**connection).list(board_id, core::format_period(period));
}

core::Result<store::BoardRowVersion> BoardRowsService::approve(std::int64_t board_id,
                                                               std::int64_t version_id,
                                                               const auth::Principal& caller,
                                                               const auth::Actor& actor) {
  return decide(board_id, version_id, true, std::nullopt, caller, actor);
}

core::Result<store::BoardRowVersion> BoardRowsService::reject(std::int64_t board_id,
                                                              std::int64_t version_id,
                                                              std::string reason,
                                                              const auth::Principal& caller,
                                                              const auth::Actor& actor) {
  return decide(board_id, version_id, false, std::move(reason), caller, actor);
}

core::Result<store::BoardRowVersion> BoardRowsService::decide(std::int64_t board_id,
                                                              std::int64_t version_id, bool approve,
                                                              std::optional<std::string> reason,
                                                              const auth::Principal& caller,
                                                              const auth::Actor& actor) {
  auto board = manual_board(board_id, caller);
  if (!board) return board.error();
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  store::BoardRowsRepository repository(write->connection());
  auto found = repository.find(version_id);
  if (!found) return found.error();
  if (!*found || (*found)->board_id != board_id) {
    return Error::not_found("no version " + std::to_string(version_id) + " of board " +
                            std::to_string(board_id) + "'s rows");
  }
  auto version = std::move(**found);
  if (version.status != "pending") {
    return Error::conflict("version " + std::to_string(version.version) + " is " + version.status +
                           " already");
  }
  // Maker-checker: the one who entered the rows does not approve them.
  if (approve && version.submitted_by == caller.user_id) {
    return Error::forbidden("you submitted these rows: another manager or admin approves them");
  }
  version.status = approve ? "published" : "rejected";
  version.decided_by = caller.user_id;
  version.decided_at = core::to_micros(clock_.now());
  version.reason = std::move(reason);
  auto decided = repository.decide(version.id, version.status, caller.user_id, *version.decided_at,
                                   version.reason);
  if (!decided) return decided.error();
  if (!*decided)
    return Error::conflict("version " + std::to_string(version.version) + " was decided just now");
  const auto payload = json::object{{"id", version.id},         {"board_id", board_id},
                                    {"period", version.period}, {"version", version.version},
                                    {"status", version.status}, {"rows", stored_rows(version)}};
  if (auto seq =
          events_.append(write->connection(), actor,
                         {approve ? "board.rows_published" : "board.rows_rejected", "board_rows",
                          std::to_string(version.id), std::nullopt, payload, std::nullopt});
      !seq) {
    return seq.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  engine_.wake();
  return version;
}

json::object row_version_to_json(const store::BoardRowVersion& v, const Board& board,
                                 EngineService& engine) {
  auto found = engine.names_of(board.subject);
  const auto names = found ? std::move(*found) : std::map<std::int64_t, std::string>();
  json::array rows;
  for (const auto& item : stored_rows(v)) {
    const auto& row = item.as_object();
    const auto subject = row.at("subject_id").as_int64();
    const auto name = names.find(subject);
    rows.push_back(
        {{"subject_id", subject},
         {"name", name != names.end() ? json::value(name->second) : json::value(nullptr)},
         {"value", figure_json(row.at("value").as_int64(), board.amounts)},
         {"note", row.at("note")}});
  }
  const auto optional_time = [](const std::optional<std::int64_t>& at) {
    return at ? json::value(core::format_rfc3339(core::from_micros(*at))) : json::value(nullptr);
  };
  return {{"id", v.id},
          {"board_id", v.board_id},
          {"period", v.period},
          {"version", v.version},
          {"status", v.status},
          {"rows", std::move(rows)},
          {"submitted_by", v.submitted_by ? json::value(*v.submitted_by) : json::value(nullptr)},
          {"submitted_at", core::format_rfc3339(core::from_micros(v.submitted_at))},
          {"decided_by", v.decided_by ? json::value(*v.decided_by) : json::value(nullptr)},
          {"decided_at", optional_time(v.decided_at)},
          {"reason", v.reason ? json::value(*v.reason) : json::value(nullptr)}};
}

}  // namespace laurel::crm
