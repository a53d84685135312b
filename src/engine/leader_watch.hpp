#pragma once
// Detects "reached the top": a subject becoming rank 1 of a computed leaderboard in a period.
//
// Like every watch, it judges on the occurred_at timeline, never on arrival: the board's metric's
// contributions of a period are laid out in (occurred_at, record id) order and swept, each
// moment's records moving their subjects' running figures; a subject reaches the top at the first
// moment it is ranked first — its figure above 0 (and at the rule's `at_least`) and no one in the
// board's scope above it. Ties at the top share it under competition and dense ranking (1, 1, 3 —
// both are first); under first_to_reach the one that got to the figure earlier keeps it. The
// board's tie-breaker metric is not consulted: the news is about the ranked figure.
//
// One fact per (rule, subject, period), through the same FactBook as the thresholds: detected by
// the event that first made it hold, late past the rule's grace, silent before its
// effective_from, and no longer holding when a correction takes the moment away (it holds again,
// perhaps at another moment, when records bring it back).
//
// Records usually arrive in time order: a period's sweep is then extended by the new moment alone.
// A record that lands before the period's last moment (a late record, a correction) sweeps the
// period again. A new version of a record that contributes exactly what the old one did (a trade
// confirmed) changes nothing.
//
// Only boards whose standing is their metric's figure, higher first, can be judged this way
// (`unjudgeable` says why not); manual rows have no timeline, ratios and pro-rated figures move
// with their denominators, holdings figures with the calendar.
//
// Not thread-safe; driven by one feed, in log order. No clock: times come from the events.

#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/board_book.hpp"
#include "engine/metric_fold.hpp"
#include "engine/threshold_watch.hpp"

namespace laurel::engine {

struct BoardTopRule {
  std::int64_t id = 0;
  std::int64_t board_id = 0;
  // The figure a leader needs at least (above 0 in any case): the first small trade of a month
  // puts someone first, and a manager may not want that announced.
  std::int64_t at_least = 1;
  core::Timestamp effective_from{};  // history before it is recorded as passed, silently
  std::chrono::seconds grace{std::chrono::hours(72)};
};

// Why the top of a board ranking `metric` cannot be judged ("ranks a ratio, …"), or nullopt.
std::optional<std::string> top_unjudgeable(const BoardDefinition& board,
                                           const MetricDefinition& metric);

class LeaderWatch final : public FoldObserver {
 public:
  // `checkpoint_spacing`: moments between the first copies of a sweep's state (tests make it
  // small to exercise them).
  LeaderWatch(MetricFold& fold, BoardBook& boards, std::size_t checkpoint_spacing = 32)
      : fold_(fold), boards_(boards), spacing_(checkpoint_spacing) {}

  // Why a board's top cannot be judged ("its rows are entered by hand", …), or nullopt when it
  // can. An unknown board cannot.
  std::optional<std::string> unjudgeable(std::int64_t board_id) const;

  void begin(EventContext event) { event_ = event; }
  void settle();

  // A rule from now on, judged at once over the history (stamped with the current event). False,
  // and nothing kept, when the board cannot be judged or the rule id is taken.
  bool add_rule(BoardTopRule rule);
  bool has_rule(std::int64_t rule_id) const { return rules_.contains(rule_id); }

  // A board defined again or archived: its rules follow its new metric (judged afresh) or, while
  // it cannot be judged, detect nothing and keep what they found.
  void board_changed(std::int64_t board_id);
  // Who is on which board changed (people, departments, campaigns): every rule is judged afresh.
  void membership_changed();

  const std::map<FactKey, ThresholdFact>& facts() const { return book_.facts(); }
  std::vector<ThresholdFact> take_changes() { return book_.take_changes(); }

  void reset(std::int64_t metric_id) override;
  void contributed(const Contribution& contribution) override;

 private:
  struct Share {
    std::int64_t delta = 0;
    std::int64_t client = 0;
    bool operator==(const Share&) const = default;
  };
  // A period of a metric: every contribution in timeline order (a record's share per subject).
  using Line = std::map<std::pair<Moment, std::int64_t>, Share>;
  struct LineKey {
    std::int64_t metric_id;
    std::int32_t period_index;
    auto operator<=>(const LineKey&) const = default;
  };
  // Where a sweep stands after the moments up to `last`. Subjects are known by their place in
  // the sweep (Sweep::subjects), so a state is a few vectors: a copy is made every so many
  // moments, and stepping is an array access, not a tree walk.
  struct State {
    std::optional<Moment> last;
    std::size_t moments = 0;  // swept so far
    std::vector<std::int64_t> figure;
    std::vector<Moment> since;           // when the figure last changed
    std::vector<Moment> reached;         // first moment at the top (kNeverReached: not yet)
    std::int64_t best = INT64_MIN;       // the top figure of those in scope
    std::vector<std::uint32_t> leaders;  // those in scope at `best`
    std::map<std::pair<std::uint32_t, std::int64_t>, std::int32_t> clients;  // distinct counts
  };
  // One rule's sweep of one period, with copies of its state every so many moments: a record
  // landing before the end sweeps again from the copy before it, not from the period's start.
  // At most kMaxCheckpoints copies; when full, every other one of the older half goes, so the
  // recent past stays dense and the distant past gets sparser.
  struct Sweep {
    State now;
    std::vector<State> checkpoints;
    std::size_t spacing = 0;  // set from spacing_ when the sweep starts
    std::unordered_map<std::int64_t, std::uint32_t> place;  // subject → place
    std::vector<std::int64_t> subjects;                     // place → subject
    std::vector<bool> in_scope;                             // by place
  };
  static constexpr std::size_t kMaxCheckpoints = 64;
  struct Rule {
    BoardTopRule rule;
    std::int64_t metric_id = 0;   // 0 while its board cannot be judged
    bool distinct = false;        // its metric counts distinct clients
    bool first_to_reach = false;  // its board ranks ties by who got there first
    std::map<std::int32_t, Sweep> sweeps;
  };
  // What the event did at one place of a line: took a share back, added one, or both (a new
  // version of the record replacing the old; the same share again changes nothing).
  struct Pending {
    std::optional<Share> removed;
    std::optional<Share> added;
  };

  void configure(Rule& rule);
  void sweep_all(Rule& rule);
  // Sweeps the period again, from the last copy of its state before `from` (nullopt: from its
  // start, forgetting who is in scope).
  void sweep_period(Rule& rule, std::int32_t period_index, std::optional<Moment> from);
  // Moves the sweep over the moments of `line` from `from` on, recording who reaches the top.
  void advance(Rule& rule, Sweep& sweep, std::int32_t period_index, Line::const_iterator from,
               Line::const_iterator end);
  void step_share(const Rule& rule, Sweep& sweep, std::int32_t period_index, std::int64_t subject,
                  Moment moment, const Share& share);
  void judge_top(const Rule& rule, State& state, Moment moment);
  // The best figure and who has it, found again (the only leader's figure went down).
  static void find_best(const Sweep& sweep, State& state);
  // Facts of the period's sweep: after a full sweep (`full`) every one held or let go, after an
  // extension only those who reached the top in it (fresh_).
  void record(const Rule& rule, std::int32_t period_index, const Sweep& sweep, bool full);
  core::Period period_of(const Rule& rule, std::int32_t period_index) const;

  MetricFold& fold_;
  BoardBook& boards_;
  std::size_t spacing_;
  EventContext event_;
  std::map<std::int64_t, Rule> rules_;
  std::map<LineKey, Line> lines_;
  std::set<std::int64_t> watched_metrics_;
  std::map<LineKey, std::map<std::pair<Moment, std::int64_t>, Pending>> pending_;
  std::set<std::int64_t> reset_metrics_;
  std::set<std::int64_t> to_sweep_;   // rules judged afresh at settle
  std::vector<std::uint32_t> fresh_;  // places that reached the top in the last advance
  FactBook book_;
};

}  // namespace laurel::engine
