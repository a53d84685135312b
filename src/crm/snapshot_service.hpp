#pragma once
// Frozen leaderboards: a board's whole standings in one period as they stood at a moment — for
// the weekly meeting, read out as they were even if records arrive later. Taken by hand
// (managers and admins), every week on the board's schedule, and once per period when it closes
// (crm/snapshot_schedule.hpp). A snapshot never changes; reading one says whether later records
// have changed its period since ("changed since"), by comparing it with the live standings.
// Standings compare with the board's newest snapshot of their period, or else with the closing
// snapshot of the one before: that is where movement arrows come from.
//
// Scheduled and closing snapshots are taken by a worker (`laurel serve`) with insert-if-absent on
// a natural key — "scheduled/<board>/<instant>", "close/<board>/<period>" — so a restart or a
// second node never takes one twice; a schedule missed while Laurel was down is taken when it is
// back, the latest one only (its scheduled_for says when it was meant for). A board that did not
// exist yet at a moment has no snapshot of it. Snapshots keep at most kMaxRows rows (the top of the
// board).
//
// Each snapshot taken is logged (board.snapshot_taken) for the audit trail; the engine skips it.

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <vector>

#include "auth/principal.hpp"
#include "core/clock.hpp"
#include "core/wake_worker.hpp"
#include "crm/board_change.hpp"
#include "crm/board_service.hpp"
#include "crm/engine_service.hpp"
#include "crm/event_log.hpp"
#include "store/snapshot_repository.hpp"
#include "store/store.hpp"

namespace laurel::crm {

struct SnapshotPage {
  std::vector<store::SnapshotRecord> snapshots;  // without rows
  std::optional<std::int64_t> next_before_id;
};

class SnapshotService {
 public:
  static constexpr std::size_t kMaxRows = 10'000;

  SnapshotService(store::Store& store, const core::Clock& clock, core::CompanyZone zone,
                  const EventLog& events, BoardService& boards, EngineService& engine)
      : store_(store),
        clock_(clock),
        zone_(zone),
        events_(events),
        boards_(boards),
        engine_(engine) {}
  ~SnapshotService() { stop(); }
  SnapshotService(const SnapshotService&) = delete;
  SnapshotService& operator=(const SnapshotService&) = delete;

  // By hand: the board's standings in `period` (default: the one running today) now.
  core::Result<store::SnapshotRecord> take(std::int64_t board_id,
                                           std::optional<core::Period> period,
                                           const auth::Principal& caller, const auth::Actor& actor);
  // Every scheduled or closing snapshot due by now and not taken yet. The worker's job (once a
  // minute); tests call it directly.
  core::Status take_due();

  core::Result<store::SnapshotRecord> get(std::int64_t id, const auth::Principal& caller);
  // Whether the live standings of the snapshot's period differ from it (rank, figure or who).
  core::Result<bool> changed_since(const store::SnapshotRecord& snapshot);
  core::Result<SnapshotPage> list(std::int64_t board_id, std::int64_t before_id, int limit,
                                  const auth::Principal& caller);
  core::Result<std::optional<store::SnapshotRecord>> to_compare(std::int64_t board_id,
                                                                core::Period period);

  // Told of every snapshot taken (its board and period), so open pages compare with it at once.
  void on_taken(std::function<void(const BoardChange&)> listener) {
    on_taken_ = std::move(listener);
  }

  void start(std::function<void(const core::Error&)> on_error);
  void stop();

 private:
  core::Result<boost::json::array> rows_now(const Board& board, core::Period period);
  // Writes the snapshot of `board` (insert-if-absent) and tells on_taken.
  core::Result<std::optional<std::int64_t>> store_snapshot(const Board& board,
                                                           store::SnapshotRecord record,
                                                           const auth::Actor& actor);

  store::Store& store_;
  const core::Clock& clock_;
  core::CompanyZone zone_;
  const EventLog& events_;
  BoardService& boards_;
  EngineService& engine_;
  std::function<void(const BoardChange&)> on_taken_;
  core::WakeWorker worker_;
};

boost::json::object snapshot_to_json(const store::SnapshotRecord& snapshot, bool with_rows);

}  // namespace laurel::crm
