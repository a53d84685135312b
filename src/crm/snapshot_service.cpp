#include "crm/snapshot_service.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/timestamp.hpp"
#include "crm/snapshot_schedule.hpp"
#include "crm/standing_json.hpp"

namespace laurel::crm {
namespace {

namespace json = boost::json;
using core::Error;

// Who the worker acts as: it reads every board, managers' ones too.
auth::Principal system_reader() {
  auth::Principal p;
  p.role = auth::Role::admin;
  p.username = "laurel";
  return p;
}

bool same_rows(const json::array& a, const json::array& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto& x = a[i].as_object();
    const auto& y = b[i].as_object();
    for (const auto* key : {"subject_id", "rank", "value", "target"}) {
      if (x.at(key) != y.at(key)) return false;
    }
  }
  return true;
}

}  // namespace

json::object snapshot_to_json(const store::SnapshotRecord& s, bool with_rows) {
  json::object out{
      {"id", s.id},
      {"board_id", s.board_id},
      {"period", s.period},
      {"kind", s.kind},
      {"scheduled_for", s.scheduled_for
                            ? json::value(core::format_rfc3339(core::from_micros(*s.scheduled_for)))
                            : json::value(nullptr)},
      {"taken_at", core::format_rfc3339(core::from_micros(s.taken_at))},
      {"taken_by", s.taken_by ? json::value(*s.taken_by) : json::value(nullptr)},
      {"folded_up_to", s.folded_up_to},
      {"tie_policy", s.tie_policy},
      {"total", s.total}};
  if (with_rows) {
    boost::system::error_code ec;
    auto rows = json::parse(s.rows, ec);
    out["items"] = ec || !rows.is_array() ? json::array() : std::move(rows.as_array());
  }
  return out;
}

core::Result<json::array> SnapshotService::rows_now(const Board& board, core::Period period) {
  EngineService::StandingsQuery q;
  q.board_id = board.record.id;
  q.subject = board.subject;
  q.period = period;
  q.as_of = date::sys_days(zone_.date_of(clock_.now()));
  q.limit = kMaxRows;
  auto found = engine_.standings(q);
  if (!found) return found.error();
  json::array rows;
  rows.reserve(found->items.size());
  for (const auto& named : found->items) {
    auto row = standing_to_json(board, named, std::nullopt);
    row.erase("me");
    rows.push_back(std::move(row));
  }
  return rows;
}

core::Result<std::optional<std::int64_t>> SnapshotService::store_snapshot(
    const Board& board, store::SnapshotRecord record, const auth::Actor& actor) {
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto id = store::SnapshotRepository(write->connection()).insert(record);
  if (!id) return id.error();
  if (!*id) return id;  // taken already (another node, or before a restart)
  record.id = **id;
  if (auto seq = events_.append(write->connection(), actor,
                                {"board.snapshot_taken", "board_snapshot", std::to_string(**id),
                                 std::nullopt, snapshot_to_json(record, false), std::nullopt});
      !seq) {
    return seq.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  if (on_taken_) {
    on_taken_(BoardChange{
        record.board_id, {record.period}, board.input.visibility == BoardVisibility::managers});
  }
  return id;
}

core::Result<store::SnapshotRecord> SnapshotService::take(std::int64_t board_id,
                                                          std::optional<core::Period> period,
                                                          const auth::Principal& caller,
                                                          const auth::Actor& actor) {
  auto board = boards_.get(board_id, caller);
  if (!board) return board.error();
  const auto now = clock_.now();
  const auto when = period.value_or(core::period_of(zone_.date_of(now), board->period));
  if (when.kind != board->period) {
    return Error::invalid("period", "must be a " + std::string(core::to_string(board->period)) +
                                        ", the period this board ranks by");
  }
  auto rows = rows_now(*board, when);
  if (!rows) return rows.error();
  store::SnapshotRecord record;
  record.board_id = board_id;
  record.period = core::format_period(when);
  record.kind = "manual";
  record.taken_at = core::to_micros(now);
  record.taken_by = caller.user_id ? std::optional(caller.user_id) : std::nullopt;
  record.folded_up_to = engine_.folded_up_to();
  record.tie_policy = std::string(to_string(board->input.definition.policy));
  record.total = static_cast<std::int64_t>(rows->size());
  record.rows = json::serialize(*rows);
  auto id = store_snapshot(*board, record, actor);
  if (!id) return id.error();
  record.id = id->value_or(0);
  return record;
}

core::Status SnapshotService::take_due() {
  const auto reader = system_reader();
  const auto actor = auth::Actor::command_line("snapshots");
  const auto now = clock_.now();
  std::int64_t after = 0;
  for (;;) {
    auto page = boards_.list(after, 200, reader);
    if (!page) return page.error();
    for (const auto& board : page->boards) {
      after = board.record.id;
      const auto created = core::from_micros(board.record.created_at);
      // (kind, natural key, period, scheduled_for)
      std::vector<
          std::tuple<const char*, std::string, core::Period, std::optional<core::Timestamp>>>
          due;
      if (board.input.snapshot_schedule) {
        const auto at = last_scheduled(*board.input.snapshot_schedule, now, zone_);
        if (at >= created) {
          due.emplace_back("scheduled",
                           "scheduled/" + std::to_string(board.record.id) + "/" +
                               std::to_string(core::to_micros(at)),
                           core::period_of(zone_.date_of(at), board.period), at);
        }
      }
      if (auto closed = last_closed(board.period, board.input.close_grace_days, now, zone_)) {
        // Only periods the board was there for at their end.
        if (zone_.start_of(core::LocalDate(date::sys_days(core::last_day(*closed)) +
                                           date::days(1))) > created) {
          due.emplace_back(
              "period_close",
              "close/" + std::to_string(board.record.id) + "/" + core::format_period(*closed),
              *closed, std::nullopt);
        }
      }
      for (const auto& [kind, key, period, scheduled_for] : due) {
        auto rows = rows_now(board, period);
        if (!rows) return rows.error();
        store::SnapshotRecord record;
        record.board_id = board.record.id;
        record.period = core::format_period(period);
        record.kind = kind;
        record.natural_key = key;
        if (scheduled_for) record.scheduled_for = core::to_micros(*scheduled_for);
        record.taken_at = core::to_micros(now);
        record.folded_up_to = engine_.folded_up_to();
        record.tie_policy = std::string(to_string(board.input.definition.policy));
        record.total = static_cast<std::int64_t>(rows->size());
        record.rows = json::serialize(*rows);
        if (auto id = store_snapshot(board, std::move(record), actor); !id) return id.error();
      }
    }
    if (!page->next_after_id) return {};
  }
}

core::Result<store::SnapshotRecord> SnapshotService::get(std::int64_t id,
                                                         const auth::Principal& caller) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto found = store::SnapshotRepository(**connection).find(id);
  if (!found) return found.error();
  if (!*found) return Error::not_found("no snapshot " + std::to_string(id));
  // The board's visibility decides (an archived board's snapshots are gone with it).
  auto board = boards_.get((*found)->board_id, caller);
  if (!board) return Error::not_found("no snapshot " + std::to_string(id));
  return std::move(**found);
}

core::Result<bool> SnapshotService::changed_since(const store::SnapshotRecord& snapshot) {
  auto board = boards_.get(snapshot.board_id, system_reader());
  if (!board) return board.error();
  const auto period = core::parse_period(snapshot.period);
  if (!period || period->kind != board->period) return true;  // the board ranks by another period
  auto rows = rows_now(*board, *period);
  if (!rows) return rows.error();
  boost::system::error_code ec;
  const auto frozen = json::parse(snapshot.rows, ec);
  if (ec || !frozen.is_array()) return Error::internal("snapshot rows are unreadable");
  return !same_rows(frozen.as_array(), *rows);
}

core::Result<SnapshotPage> SnapshotService::list(std::int64_t board_id, std::int64_t before_id,
                                                 int limit, const auth::Principal& caller) {
  auto board = boards_.get(board_id, caller);
  if (!board) return board.error();
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto rows = store::SnapshotRepository(**connection).list(board_id, before_id, limit);
  if (!rows) return rows.error();
  SnapshotPage page;
  if (rows->size() > static_cast<std::size_t>(limit)) {
    rows->pop_back();
    page.next_before_id = rows->back().id;
  }
  page.snapshots = std::move(*rows);
  return page;
}

core::Result<std::optional<store::SnapshotRecord>> SnapshotService::to_compare(
    std::int64_t board_id, core::Period period) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  return store::SnapshotRepository(**connection).to_compare(board_id, core::format_period(period));
}

void SnapshotService::start(std::function<void(const core::Error&)> on_error) {
  worker_.start(std::chrono::minutes(1), [this, on_error = std::move(on_error)] {
    if (auto s = take_due(); !s && on_error) on_error(s.error());
  });
}

void SnapshotService::stop() {
  worker_.stop();
}

}  // namespace laurel::crm
