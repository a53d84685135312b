#pragma once
// The leaderboards' standings, kept in memory as the fold runs (engine/board.hpp for what a
// board is, engine/ranking.hpp for the order and the ties).
//
// A board's ranking of a period is built the first time it is read — every subject in the
// board's scope, including those with nothing yet (a person starting the month is ranked, last,
// at 0) — and from then on kept current: the fold tells the book each contribution to the
// metrics its boards rank (numerator, denominator, tie-breaker), and `settle` moves just the
// subjects whose figures changed, O(log n) each. What changes who is on a board (people joining,
// leaving or moving, the department tree, a campaign's participants) drops the rankings built,
// to be built afresh when next read.
//
// Who is on a board of a period:
//   - people: active staff, and anyone with a figure in the period (a person who has left is
//     still ranked where they counted); a department scope takes those assigned to the
//     department or under it on any day of the period, a campaign scope its participants
//     (listed people, and people in a participating department or under one on any day of the
//     period);
//   - departments: every department (under the scope's one, or under a participating one).
// A board whose metric reads holdings (end-of-period or average daily balance) is ranked afresh
// whenever read after the log or the day moved on: those figures move with the calendar, not
// only with records (engine/holdings_metrics.hpp).
//
// first_to_reach boards also lay their metric's cells out on the occurred_at timeline
// (engine/cell_timeline.hpp): the moment a subject reached its score is the first moment its
// running figure got there — a function of the records in effect, not of their arrival.
//
// Not thread-safe; driven by one feed, in log order.

#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <vector>

#include "engine/board.hpp"
#include "engine/cell_timeline.hpp"
#include "engine/coverage_book.hpp"
#include "engine/holdings_book.hpp"
#include "engine/holdings_metrics.hpp"
#include "engine/metric_fold.hpp"
#include "engine/ranking.hpp"

namespace laurel::engine {

class BoardBook : public FoldObserver, public HoldingsListener {
 public:
  BoardBook(MetricFold& fold, const HoldingsMetrics& holdings, const CoverageBook& coverage);
  BoardBook(const BoardBook&) = delete;
  BoardBook& operator=(const BoardBook&) = delete;

  // A board, new or changed (its rankings are built afresh). False, and nothing kept, when its
  // metrics are unknown, rank neither people nor departments, or disagree with each other in
  // subject or period (crm checks this before a board is logged; the engine stays safe anyway).
  bool set_board(const BoardDefinition& board);
  void remove_board(std::int64_t board_id);

  // The rows a manager published for a manual or hybrid board's period (subject → figure),
  // replacing the ones before; they outlive changes to the board's definition. False for a
  // board that takes no manual rows.
  bool set_manual_rows(std::int64_t board_id, core::Period period,
                       std::unordered_map<std::int64_t, std::int64_t> rows);
  // Whether a subject's figure on the board in `period` is a manual row's.
  bool is_manual(std::int64_t board_id, core::Period period, std::int64_t subject) const;
  // The days of `period` a person was on the staff (had a department): what pro-rating scales
  // by; the period's length when they were there throughout.
  std::int64_t days_present(std::int64_t staff_id, core::Period period) const;
  // A pro-rating board's days in `period` (its scores' scale: figure × days ÷ days present), or
  // nullopt where the board does not pro-rate.
  std::optional<std::int64_t> pro_rating_days(std::int64_t board_id, core::Period period) const;
  // Whether a subject belongs to the board's scope in `period` (who a manual row may name).
  bool in_scope_of(std::int64_t board_id, std::int64_t subject, core::Period period,
                   date::sys_days as_of) const;
  const BoardDefinition* board(std::int64_t board_id) const;
  std::size_t board_count() const { return boards_.size(); }

  // A staff member, new or changed (active or not).
  void set_staff(std::int64_t staff_id, bool active);
  // Assignments, departments or campaigns changed: who is on which board is decided again.
  void membership_changed();

  // After each event: the subjects whose figures it changed move.
  void settle();

  // Which boards' standings may have moved since last taken, and in which periods (none listed:
  // any period — who is on the board changed). Figures of holdings boards also move with the
  // calendar, which no event tells.
  struct Changed {
    std::int64_t board_id = 0;
    std::vector<core::Period> periods;
  };
  std::vector<Changed> take_changed();

  // The board's ranking of `period` (of the board's metric's period kind), holdings figures
  // read up to the company day `as_of`; nullptr for an unknown board or a period of another
  // kind. Valid until the next change to the book.
  const Ranking* ranking(std::int64_t board_id, core::Period period, date::sys_days as_of);

  // The fold's contributions (FoldObserver).
  void reset(std::int64_t metric_id) override;
  void contributed(const Contribution& contribution) override;
  // A position moved (a balance imported, a trade confirmed): every holdings board may have
  // moved, in any period from the change on — told as changed entirely, so open pages re-read.
  void changed(const HoldingsChange& change) override;

 private:
  struct CellKey {
    std::int64_t metric_id;
    std::int64_t subject_id;
    std::int32_t period_index;
    auto operator<=>(const CellKey&) const = default;
  };
  struct Built {
    Ranking ranking;
    date::sys_days as_of{};  // holdings boards: the day and the log position read up to
    std::uint64_t generation = 0;
  };
  struct Board {
    BoardDefinition definition;
    core::PeriodKind period = core::PeriodKind::month;  // its metric's
    SubjectKind subject = SubjectKind::staff;
    bool holdings = false;                  // its metrics read holdings: ranked afresh when read
    std::map<std::int32_t, Built> periods;  // built rankings by period index
  };

  const MetricDefinition* metric(std::int64_t metric_id) const;
  static std::optional<std::int64_t> pro_rating_days(const BoardDefinition& board,
                                                     SubjectKind subject, core::Period period);
  // The manual rows of a board's period, or nullptr.
  const std::unordered_map<std::int64_t, std::int64_t>* manual_rows(std::int64_t board_id,
                                                                    std::int32_t period) const;
  std::int64_t figure(std::int64_t metric_id, std::int64_t subject, core::Period period,
                      date::sys_days as_of) const;
  Entry entry_of(const Board& board, std::int64_t subject, core::Period period,
                 date::sys_days as_of) const;
  bool in_scope(const Board& board, std::int64_t subject, core::Period period,
                date::sys_days as_of) const;
  void build(Board& board, Built& built, core::Period period, date::sys_days as_of);
  void watch_metrics(const BoardDefinition& board);

  MetricFold& fold_;
  const HoldingsMetrics& holdings_;
  const CoverageBook& coverage_;
  std::unordered_map<std::int64_t, Board> boards_;
  std::unordered_map<std::int64_t, bool> staff_;  // id → active
  // Manual rows by board and period index: kept apart from boards_, so a board's new definition
  // keeps them.
  std::unordered_map<std::int64_t,
                     std::map<std::int32_t, std::unordered_map<std::int64_t, std::int64_t>>>
      manual_;
  // first_to_reach boards' metrics, laid out on the timeline.
  std::set<std::int64_t> timed_metrics_;
  std::map<CellKey, CellTimeline> timelines_;
  std::vector<CellKey> touched_;
  std::map<std::int64_t, std::set<std::int32_t>> changed_;  // board → period indices
  std::set<std::int64_t> changed_entirely_;                 // boards whose membership changed
  std::uint64_t generation_ = 0;  // counts settles: holdings rankings older than it are stale
  mutable std::vector<std::int64_t> scratch_;
};

}  // namespace laurel::engine
