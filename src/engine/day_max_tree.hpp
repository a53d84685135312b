#pragma once
// A figure per company day — the company's holdings at each close — kept as a segment tree with
// lazy range additions: a position that moved by δ from one day to another is one O(log n)
// update, and "the highest close ever" and "the first close at or above T" are answered in
// O(log n) without walking the days. Days from 1990-01-01 to 2169-06-05 (2^16 of them);
// earlier stretches count from the first of them, later ones are cut off.

#include <cstdint>
#include <optional>
#include <vector>

#include "core/local_date.hpp"

namespace laurel::engine {

class DayMaxTree {
 public:
  DayMaxTree();

  // Adds `delta` to every day in [from, to).
  void add(date::sys_days from, date::sys_days to, std::int64_t delta);
  // The highest figure of any day (0 when nothing was added).
  std::int64_t max() const { return max_[1]; }
  // The first day whose figure is at least `threshold`, if any.
  std::optional<date::sys_days> first_at_least(std::int64_t threshold) const;
  std::int64_t on(date::sys_days day) const;

 private:
  static constexpr int kDepth = 16;
  static constexpr std::int32_t kDays = 1 << kDepth;
  static std::int32_t index_of(date::sys_days day);

  void add(std::size_t node, std::int32_t lo, std::int32_t hi, std::int32_t from, std::int32_t to,
           std::int64_t delta);

  // Node n covers a range of days; max_[n] is the highest figure in it, not counting the
  // additions pending at its ancestors (add_[a] applies to a's whole range).
  std::vector<std::int64_t> max_;
  std::vector<std::int64_t> add_;
};

}  // namespace laurel::engine
