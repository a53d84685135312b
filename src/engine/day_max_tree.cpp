#include "engine/day_max_tree.hpp"

#include <algorithm>

namespace laurel::engine {
namespace {

const date::sys_days kFirstDay{date::year{1990} / 1 / 1};

}  // namespace

DayMaxTree::DayMaxTree() : max_(2 * kDays, 0), add_(2 * kDays, 0) {}

std::int32_t DayMaxTree::index_of(date::sys_days day) {
  const auto i = (day - kFirstDay).count();
  return static_cast<std::int32_t>(std::clamp<std::int64_t>(i, 0, kDays));
}

void DayMaxTree::add(date::sys_days from, date::sys_days to, std::int64_t delta) {
  const auto a = index_of(from), b = index_of(to);
  if (a >= b || delta == 0) return;
  add(1, 0, kDays, a, b, delta);
}

void DayMaxTree::add(std::size_t node, std::int32_t lo, std::int32_t hi, std::int32_t from,
                     std::int32_t to, std::int64_t delta) {
  if (to <= lo || hi <= from) return;
  if (from <= lo && hi <= to) {
    add_[node] += delta;
    max_[node] += delta;
    return;
  }
  const auto mid = lo + (hi - lo) / 2;
  add(2 * node, lo, mid, from, to, delta);
  add(2 * node + 1, mid, hi, from, to, delta);
  max_[node] = add_[node] + std::max(max_[2 * node], max_[2 * node + 1]);
}

std::optional<date::sys_days> DayMaxTree::first_at_least(std::int64_t threshold) const {
  if (max_[1] < threshold) return std::nullopt;
  // Down the leftmost branch whose maximum reaches it, carrying the ancestors' additions.
  std::size_t node = 1;
  std::int32_t lo = 0, hi = kDays;
  std::int64_t above = 0;
  while (hi - lo > 1) {
    above += add_[node];
    const auto mid = lo + (hi - lo) / 2;
    if (above + max_[2 * node] >= threshold) {
      node = 2 * node;
      hi = mid;
    } else {
      node = 2 * node + 1;
      lo = mid;
    }
  }
  return kFirstDay + date::days(lo);
}

std::int64_t DayMaxTree::on(date::sys_days day) const {
  const auto i = index_of(day);
  if (i >= kDays) return 0;
  std::size_t node = 1;
  std::int32_t lo = 0, hi = kDays;
  std::int64_t sum = 0;
  while (hi - lo > 1) {
    sum += add_[node];
    const auto mid = lo + (hi - lo) / 2;
    if (i < mid) {
      node = 2 * node;
      hi = mid;
    } else {
      node = 2 * node + 1;
      lo = mid;
    }
  }
  return sum + max_[node];
}

}  // namespace laurel::engine
