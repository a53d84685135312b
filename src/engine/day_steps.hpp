#pragma once
// An amount at the close of each company day, kept as steps: from each key on, until the next
// key, that amount; nothing (zero) before the first. A holdings change moves one stretch of days
// by one amount (engine/holdings_book.hpp), which is two keys at most and a walk over the keys
// inside the stretch — records arrive mostly in time order, so that walk is short. Neighbouring
// steps of the same amount are merged, so the keys are the days the amount changes.

#include <cstdint>
#include <map>
#include <optional>

#include "core/local_date.hpp"

namespace laurel::engine {

class DaySteps {
 public:
  // The amount at the close of `day`.
  std::int64_t on(date::sys_days day) const;
  // Moves the closes of [from, to) by `delta` (`to` may be kForever: from `from` on).
  void add(date::sys_days from, date::sys_days to, std::int64_t delta);
  // Whether any close from `first` to `last`, both included, is above zero.
  bool positive_between(date::sys_days first, date::sys_days last) const;
  // The sum of the closes from `first` to `last`, both included (fen × days).
  std::int64_t sum(date::sys_days first, date::sys_days last) const;
  bool empty() const { return steps_.empty(); }
  // The first day anything was held (or owed); nullopt when empty.
  std::optional<date::sys_days> first_day() const {
    if (steps_.empty()) return std::nullopt;
    return steps_.begin()->first;
  }
  // Calls visit(from, to, amount) for each stretch of one amount covering [first, last], in
  // order, both ends included.
  template <typename Visit>
  void for_each_stretch(date::sys_days first, date::sys_days last, Visit&& visit) const {
    if (first > last) return;
    auto day = first;
    auto amount = on(first);
    for (auto it = steps_.upper_bound(first); it != steps_.end() && it->first <= last; ++it) {
      visit(day, it->first - date::days(1), amount);
      day = it->first;
      amount = it->second;
    }
    visit(day, last, amount);
  }
  // The same over [from, to) with `to` exclusive (kForever: from `from` on): visit(a, b, amount)
  // with b exclusive too.
  template <typename Visit>
  void for_each_stretch_until(date::sys_days from, date::sys_days to, Visit&& visit) const {
    for_each_stretch(from, to - date::days(1), [&](auto a, auto b, std::int64_t amount) {
      visit(a, b + date::days(1), amount);
    });
  }

 private:
  // Takes the key at `day` away when the step before it has the same amount (or, for the
  // first key, when it is zero).
  void merge_at(date::sys_days day);

  std::map<date::sys_days, std::int64_t> steps_;
};

}  // namespace laurel::engine
