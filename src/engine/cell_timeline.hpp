#pragma once
// One cell of a watched metric (one subject, one period) laid out on the occurred_at timeline:
// every record's contribution in (occurred_at, record id) order. From it the watch reads when the
// running figure first reached each threshold — a function of the records in effect, never of
// the order they arrived in (ARCHITECTURE.md, time rules).
//
// Records usually arrive in time order, so the common change is one contribution appended at the
// end; `only_appended` lets the caller skip walking the whole timeline then.

#include <cstdint>
#include <map>
#include <optional>
#include <unordered_map>
#include <vector>

#include "engine/metric_fold.hpp"

namespace laurel::engine {

class CellTimeline {
 public:
  explicit CellTimeline(bool distinct_clients) : distinct_(distinct_clients) {}

  void add(Moment moment, std::int64_t delta, std::int64_t client);
  void remove(Moment moment);
  bool empty() const { return entries_.empty(); }

  // The figure with every record counted (the metric's own value for the cell).
  std::int64_t figure() const;
  // For each threshold (ascending), the first moment at which the running figure reached it.
  std::vector<std::optional<Moment>> crossings(const std::vector<std::int64_t>& thresholds) const;
  // The last moment on the timeline; valid when not empty.
  Moment last() const { return entries_.rbegin()->first; }

  // Since the last mark: nothing but one contribution added after every other (then crossings
  // not reached before are reached at last(), if at all).
  // A record's new version often contributes exactly what the old one did (a trade confirmed:
  // same time, amount and client); the fold takes the old back and adds the new, and the two
  // cancel out here, leaving the cell unchanged.
  bool changed() const { return changes_ > 0; }
  bool only_appended() const { return changes_ == 1 && appended_; }
  void mark() {
    changes_ = 0;
    appended_ = true;
    removed_.reset();
  }

 private:
  struct Entry {
    std::int64_t delta;
    std::int64_t client;
  };
  bool distinct_;
  std::map<Moment, Entry> entries_;
  std::int64_t total_ = 0;
  std::int64_t negatives_ = 0;  // entries taking the figure down (redemptions of a net flow)
  std::unordered_map<std::int64_t, std::int32_t> clients_;  // distinct: entries per client
  int changes_ = 0;
  bool appended_ = true;
  struct Removed {
    Moment moment;
    Entry entry;
    bool appended;  // appended_ before the removal
  };
  std::optional<Removed> removed_;  // the last removal, until the next change
};

}  // namespace laurel::engine
