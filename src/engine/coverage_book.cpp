#include "engine/coverage_book.hpp"

#include <algorithm>

#include "engine/holdings_book.hpp"

namespace laurel::engine {
namespace {

// Calls visit(from, to, value) for each key of a dated map over [from, to), cut to the range.
template <typename Value, typename Visit>
void for_each_dated(const std::map<date::sys_days, Value>& dated, date::sys_days from,
                    date::sys_days to, Visit&& visit) {
  if (from >= to || dated.empty()) return;
  auto it = dated.upper_bound(from);
  if (it != dated.begin()) --it;  // the one in force on `from`, if any
  for (; it != dated.end() && it->first < to; ++it) {
    const auto next = std::next(it) == dated.end() ? kForever : std::next(it)->first;
    const auto a = std::max(from, it->first);
    const auto b = std::min(to, next);
    if (a < b) visit(a, b, it->second);
  }
}

}  // namespace

void CoverageBook::set_plan(std::int64_t client_id, date::sys_days day,
                            std::vector<CoverageShare> members) {
  auto& plans = plans_[client_id];
  const auto next = plans.upper_bound(day);
  const auto to = next == plans.end() ? kForever : next->first;
  for (auto* l : listeners_)
    l->coverage_changing(client_id, day, to, false);
  plans.insert_or_assign(day, std::move(members));
  for (auto* l : listeners_)
    l->coverage_changing(client_id, day, to, true);
}

void CoverageBook::set_assignments(
    std::int64_t staff_id, std::vector<std::pair<date::sys_days, std::int64_t>> assignments) {
  std::map<date::sys_days, std::int64_t> now(assignments.begin(), assignments.end());
  auto& was = assignments_[staff_id];
  if (now == was) return;
  // Everything from the first day the two differ on is told as changed.
  auto first = kForever;
  for (const auto& [day, department] : now) {
    const auto it = was.find(day);
    if (it == was.end() || it->second != department) first = std::min(first, day);
  }
  for (const auto& [day, department] : was) {
    if (!now.contains(day)) first = std::min(first, day);
  }
  for (auto* l : listeners_)
    l->assignment_changing(staff_id, first, kForever, false);
  was = std::move(now);
  for (auto* l : listeners_)
    l->assignment_changing(staff_id, first, kForever, true);
}

void CoverageBook::for_each_plan(
    std::int64_t client_id, date::sys_days from, date::sys_days to,
    const std::function<void(date::sys_days, date::sys_days, const std::vector<CoverageShare>&)>&
        visit) const {
  const auto it = plans_.find(client_id);
  if (it != plans_.end()) for_each_dated(it->second, from, to, visit);
}

void CoverageBook::for_each_assignment(
    std::int64_t staff_id, date::sys_days from, date::sys_days to,
    const std::function<void(date::sys_days, date::sys_days, std::int64_t)>& visit) const {
  const auto it = assignments_.find(staff_id);
  if (it != assignments_.end()) for_each_dated(it->second, from, to, visit);
}

}  // namespace laurel::engine
