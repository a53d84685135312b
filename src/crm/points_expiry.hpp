#pragma once
// Spendable points expire: points credited on company day D can be spent through day D + N − 1
// and are gone when day D + N begins (N = points.expire_after_days; 0: they never expire).
// Status points never expire: levels are lifetime.
//
// Oldest first, without lots: every spend, hold or reversal takes the oldest spendable points
// first, so what is left of the points credited before an instant C is
//
//   max(0, credited before C − everything that has left the account, all time)
//
// (debits eat the oldest credits first, and a balance never goes below zero). An expiry posts that
// amount for today's cutoff C = start of (today − N + 1) as one journal, "expire/<staff>/<today>":
// spendable −r, the system's expiry +r — so two nodes or a restart never expire twice, and the
// next run finds nothing left before C. Points an order gives back (a rejection, a cancellation)
// are credited again when they come back and start a new N days: a person is never left with
// points that expired while a manager decided.
//
// A worker expires what is due for everyone at start and every hour (`laurel serve`); reading a
// person's balances and placing an order expire that person's first, so nobody sees or spends a
// point past its last day even between two runs.

#include <cstdint>
#include <functional>
#include <optional>

#include "core/clock.hpp"
#include "core/local_date.hpp"
#include "core/wake_worker.hpp"
#include "store/connection.hpp"
#include "store/store.hpp"

namespace laurel::crm {

struct ExpiryPolicy {
  int days = 0;  // 0: spendable points never expire
  core::CompanyZone zone;
};

// The spendable points a person has that are credited before `before`, left after every debit.
std::int64_t left_of_credited_before(std::int64_t credited_before, std::int64_t debited);

struct NextExpiry {
  std::int64_t points = 0;
  core::LocalDate last_day{};  // the last company day they can be spent
};

class PointsExpiry {
 public:
  PointsExpiry(store::Store& store, const core::Clock& clock, ExpiryPolicy policy)
      : store_(store), clock_(clock), policy_(policy) {}
  ~PointsExpiry() { stop(); }
  PointsExpiry(const PointsExpiry&) = delete;
  PointsExpiry& operator=(const PointsExpiry&) = delete;

  // Inside the caller's write transaction: expires what is due for `staff_id` now; the points
  // expired (0: nothing was due).
  core::Result<std::int64_t> expire_due(store::Connection& db, std::int64_t staff_id);
  // The same in a transaction of its own, opened only when something is due.
  core::Status expire_due(std::int64_t staff_id);
  // For everyone with spendable points: the worker's job; tests call it directly.
  core::Status expire_all_due();
  // The next points to expire and their last day (nullopt: none will).
  core::Result<std::optional<NextExpiry>> next(store::Connection& db, std::int64_t staff_id);

  void start(std::function<void(const core::Error&)> on_error);
  void stop() { worker_.stop(); }

 private:
  // Points credited before this instant have expired (today's cutoff).
  core::Timestamp cutoff() const;
  core::Result<std::int64_t> due(store::Connection& db, std::int64_t staff_id);

  store::Store& store_;
  const core::Clock& clock_;
  ExpiryPolicy policy_;
  core::WakeWorker worker_;
};

}  // namespace laurel::crm
