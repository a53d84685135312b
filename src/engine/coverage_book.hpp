#pragma once
// Who covers each client, and in which department each person works, over time — what the
// engine needs to give holdings to people and departments (engine/holdings_metrics.hpp).
//
// Coverage comes in whole plans, as crm::CoverageService keeps them: from a plan's day until the
// client's next plan, these members with their whole-percent shares (an empty plan: nobody). A
// person's assignments say their department from each day on. Listeners hear every change as a
// stretch of days, told once before it (so they can take back what the old plan gave) and once
// after (to give what the new one does).
//
// Not thread-safe; driven by one feed, in log order.

#include <cstdint>
#include <functional>
#include <map>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/local_date.hpp"

namespace laurel::engine {

struct CoverageShare {
  std::int64_t staff_id = 0;
  std::int64_t percent = 0;  // whole percent; a plan's shares add up to 100
};

class CoverageListener {
 public:
  virtual ~CoverageListener() = default;
  // The client's coverage over [from, to) is about to change (before) or has (after).
  virtual void coverage_changing(std::int64_t client_id, date::sys_days from, date::sys_days to,
                                 bool after) = 0;
  // The person's department over [from, to) is about to change (before) or has (after).
  virtual void assignment_changing(std::int64_t staff_id, date::sys_days from, date::sys_days to,
                                   bool after) = 0;
};

class CoverageBook {
 public:
  // The client's plan from `day` until its next one (a plan of the same day is replaced).
  void set_plan(std::int64_t client_id, date::sys_days day, std::vector<CoverageShare> members);
  // The person's departments: each from its day on, until the next (all of them, as the staff
  // record has them now).
  void set_assignments(std::int64_t staff_id,
                       std::vector<std::pair<date::sys_days, std::int64_t>> assignments);

  // Calls visit(from, to, members) for the client's plans over [from, to) (to exclusive; may be
  // kForever), each cut to the range; days without a plan are left out.
  void for_each_plan(std::int64_t client_id, date::sys_days from, date::sys_days to,
                     const std::function<void(date::sys_days, date::sys_days,
                                              const std::vector<CoverageShare>&)>& visit) const;
  // Calls visit(from, to, department) for the person's departments over [from, to).
  void for_each_assignment(
      std::int64_t staff_id, date::sys_days from, date::sys_days to,
      const std::function<void(date::sys_days, date::sys_days, std::int64_t)>& visit) const;

  void add_listener(CoverageListener& listener) { listeners_.push_back(&listener); }

 private:
  std::unordered_map<std::int64_t, std::map<date::sys_days, std::vector<CoverageShare>>> plans_;
  std::unordered_map<std::int64_t, std::map<date::sys_days, std::int64_t>> assignments_;
  std::vector<CoverageListener*> listeners_;
};

}  // namespace laurel::engine
