#include "engine/day_steps.hpp"

#include <algorithm>
#include <iterator>

#include "engine/holdings_book.hpp"

namespace laurel::engine {

std::int64_t DaySteps::on(date::sys_days day) const {
  const auto it = steps_.upper_bound(day);
  return it == steps_.begin() ? 0 : std::prev(it)->second;
}

void DaySteps::add(date::sys_days from, date::sys_days to, std::int64_t delta) {
  if (from >= to || delta == 0) return;
  // Keys where the stretch starts and ends, then every amount in it moves.
  const auto split = [&](date::sys_days day) {
    if (day == kForever || steps_.contains(day)) return;
    steps_.emplace(day, on(day));
  };
  split(from);
  split(to);
  for (auto it = steps_.find(from); it != steps_.end() && it->first < to; ++it)
    it->second += delta;
  merge_at(from);
  if (to != kForever) merge_at(to);
}

void DaySteps::merge_at(date::sys_days day) {
  const auto it = steps_.find(day);
  if (it == steps_.end()) return;
  const auto before = it == steps_.begin() ? 0 : std::prev(it)->second;
  if (it->second == before) steps_.erase(it);
}

bool DaySteps::positive_between(date::sys_days first, date::sys_days last) const {
  if (on(first) > 0) return true;
  for (auto it = steps_.upper_bound(first); it != steps_.end() && it->first <= last; ++it) {
    if (it->second > 0) return true;
  }
  return false;
}

std::int64_t DaySteps::sum(date::sys_days first, date::sys_days last) const {
  std::int64_t total = 0;
  for_each_stretch(first, last, [&](date::sys_days from, date::sys_days to, std::int64_t amount) {
    total += amount * ((to - from).count() + 1);
  });
  return total;
}

}  // namespace laurel::engine
