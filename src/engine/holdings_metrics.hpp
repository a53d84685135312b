#pragma once
// Holdings as metrics managers define (engine/metric.hpp): a subject's holdings at the close of
// a period (end_of_period_balance) or their average over the period's days
// (average_daily_balance, the 日均保有量), read from the holdings book's daily closes. Subjects:
// the company (0), a client, a fund, a person, a department; the filter's funds, fund types and
// client decide which positions count.
//
// A person holds their share of each client they cover on each day (the coverage plan in force
// that day, engine/coverage_book.hpp), a department what its people hold while they work in it
// and in the departments under it. Shares are kept exactly (in hundredths of a fen) and rounded
// once, when a figure is read; a coverage plan or a transfer set for a past day moves the
// holdings from that day on.
//
// A period still running is read up to a day the caller gives (today, company time): its
// end-of-period balance is that day's close, its average the average of the closes from the
// period's first day to it; a period not begun by then has no figures. Every calendar day counts
// (a weekend's close is Friday's); a day before a position's first record holds nothing. The
// average is rounded to the nearest fen, halves away from zero. Like every figure, these are a
// function of the records in effect, whatever order they arrived in.
//
// Not thread-safe; driven by one feed, in log order.

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "engine/coverage_book.hpp"
#include "engine/day_steps.hpp"
#include "engine/holdings_book.hpp"
#include "engine/metric_fold.hpp"

namespace laurel::engine {

class HoldingsMetrics final : public HoldingsListener, public CoverageListener {
 public:
  // `book`: where a metric defined late learns the holdings so far; `reference`: the funds' types
  // and the department tree; `coverage`: who covers each client, who works where.
  HoldingsMetrics(const HoldingsBook& book, const Reference& reference,
                  const CoverageBook& coverage)
      : book_(book), reference_(reference), coverage_(coverage) {}

  // A metric of a holdings kind; one with an id already known is replaced.
  void add_metric(MetricDefinition metric);
  const MetricDefinition* metric(std::int64_t metric_id) const;
  // The funds' types changed: every metric filtering by type is computed again.
  void rejudge();
  // The department tree changed: every department metric is computed again.
  void rejudge_departments();

  void changed(const HoldingsChange& change) override;
  void coverage_changing(std::int64_t client_id, date::sys_days from, date::sys_days to,
                         bool after) override;
  void assignment_changing(std::int64_t staff_id, date::sys_days from, date::sys_days to,
                           bool after) override;

  // What a subject's closes are counted in: 1 (fen), or 100 for people and departments (their
  // shares, in hundredths of a fen). A figure is the closes divided by it, rounded.
  std::int64_t scale(std::int64_t metric_id) const;

  // The figure of a subject in a period, read up to `as_of` (see above).
  std::int64_t value(std::int64_t metric_id, std::int64_t subject_id, core::Period period,
                     date::sys_days as_of) const;
  // Every subject's non-zero figure in the period, in no particular order.
  std::vector<MetricFold::Cell> cells(std::int64_t metric_id, core::Period period,
                                      date::sys_days as_of) const;
  // A subject's closes (nullptr when it never held anything) and every subject's.
  const DaySteps* closes(std::int64_t metric_id, std::int64_t subject_id) const;
  template <typename Visit>
  void for_each_subject(std::int64_t metric_id, Visit&& visit) const {
    if (const auto* state = find(metric_id)) {
      for (const auto& [subject, closes] : state->subjects)
        visit(subject, closes);
    }
  }

  // For a watch of thresholds (engine/balance_threshold_watch.hpp): from now on the metric's
  // changes are kept — each subject from the earliest day that moved — until taken, and a metric
  // computed afresh is named as reset.
  void watch(std::int64_t metric_id);
  struct Touched {
    std::int64_t metric_id;
    std::int64_t subject_id;
    date::sys_days from;
  };
  std::vector<Touched> take_touched();
  std::vector<std::int64_t> take_reset();

 private:
  struct State {
    MetricDefinition definition;
    std::unordered_map<std::int64_t, DaySteps> subjects;  // each subject's closes
    // People and departments: each client's closes (fen) and each person's (hundredths of a
    // fen), from which theirs come.
    std::unordered_map<std::int64_t, DaySteps> clients;
    std::unordered_map<std::int64_t, DaySteps> staff;
    bool watched = false;
    std::unordered_map<std::int64_t, date::sys_days> touched;  // watched: subject → earliest day
  };
  State* find(std::int64_t metric_id);
  const State* find(std::int64_t metric_id) const;
  void fold(State& state, const HoldingsChange& change);
  void rebuild(State& state);
  static bool by_people(const State& state);
  // Moves a subject's closes over [from, to) by delta and remembers it for the watch.
  void move(State& state, std::int64_t subject, date::sys_days from, date::sys_days to,
            std::int64_t delta);
  // A client's closes over [from, to) moved by delta: its covering people's shares move.
  void move_client(State& state, std::int64_t client, date::sys_days from, date::sys_days to,
                   std::int64_t delta);
  // A person's share moved (hundredths of a fen): theirs, or their departments'.
  void move_person(State& state, std::int64_t staff, date::sys_days from, date::sys_days to,
                   std::int64_t delta);
  // The departments a person worked in over [from, to), each with everything above it.
  void move_departments(State& state, std::int64_t staff, date::sys_days from, date::sys_days to,
                        std::int64_t delta);
  static std::int64_t figure(const State& state, const DaySteps& closes, core::Period period,
                             date::sys_days as_of);

  const HoldingsBook& book_;
  const Reference& reference_;
  const CoverageBook& coverage_;
  std::vector<std::int64_t> departments_;  // scratch
  std::vector<State> metrics_;
  std::vector<std::int64_t> reset_;  // watched metrics computed afresh since last taken
};

}  // namespace laurel::engine
