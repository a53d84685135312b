#include "crm/points_expiry.hpp"

#include <algorithm>
#include <vector>

#include "core/timestamp.hpp"
#include "crm/points_ledger.hpp"
#include "store/point_ledger_repository.hpp"

namespace laurel::crm {

std::int64_t left_of_credited_before(std::int64_t credited_before, std::int64_t debited) {
  return std::max<std::int64_t>(0, credited_before - debited);
}

core::Timestamp PointsExpiry::cutoff() const {
  const auto today = date::sys_days(policy_.zone.date_of(clock_.now()));
  return policy_.zone.start_of(core::LocalDate(today - date::days(policy_.days - 1)));
}

core::Result<std::int64_t> PointsExpiry::due(store::Connection& db, std::int64_t staff_id) {
  if (policy_.days <= 0) return 0;
  auto flow = store::PointLedgerRepository(db).spendable_flow(staff_id, core::to_micros(cutoff()));
  if (!flow) return flow.error();
  return left_of_credited_before(flow->credited_before, flow->debited);
}

core::Result<std::int64_t> PointsExpiry::expire_due(store::Connection& db, std::int64_t staff_id) {
  auto points = due(db, staff_id);
  if (!points || *points == 0) return points;
  const auto now = clock_.now();
  store::PointJournal j;
  j.natural_key =
      "expire/" + std::to_string(staff_id) + "/" + core::format_date(policy_.zone.date_of(now));
  j.kind = "expire";
  j.staff_id = staff_id;
  j.posted_at = core::to_micros(now);
  j.points = *points;
  j.detail = "{\"credited_before\":\"" + core::format_date(policy_.zone.date_of(cutoff())) +
             "\",\"days\":" + std::to_string(policy_.days) + "}";
  j.legs.push_back({staff_account(staff_id, "spendable"), -*points});
  j.legs.push_back({system_account("expiry"), *points});
  auto posted = store::PointLedgerRepository(db).post(j);
  if (!posted) return posted.error();
  return posted->has_value() ? *points : 0;
}

core::Status PointsExpiry::expire_due(std::int64_t staff_id) {
  if (policy_.days <= 0) return {};
  {
    // Most reads find nothing due: no write transaction for them.
    auto connection = store_.acquire();
    if (!connection) return connection.error();
    auto points = due(**connection, staff_id);
    if (!points) return points.error();
    if (*points == 0) return {};
  }
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  if (auto expired = expire_due(write->connection(), staff_id); !expired) return expired.error();
  return write->commit();
}

core::Status PointsExpiry::expire_all_due() {
  if (policy_.days <= 0) return {};
  std::vector<std::int64_t> people;
  {
    auto connection = store_.acquire();
    if (!connection) return connection.error();
    auto found = store::PointLedgerRepository(**connection).staff_with_spendable();
    if (!found) return found.error();
    people = std::move(*found);
  }
  for (const auto staff_id : people) {
    if (auto s = expire_due(staff_id); !s) return s;
  }
  return {};
}

core::Result<std::optional<NextExpiry>> PointsExpiry::next(store::Connection& db,
                                                           std::int64_t staff_id) {
  if (policy_.days <= 0) return std::optional<NextExpiry>();
  store::PointLedgerRepository ledger(db);
  auto all = ledger.spendable_flow(staff_id, INT64_MAX);
  if (!all) return all.error();
  auto oldest = ledger.oldest_unused_credit(staff_id, all->debited);
  if (!oldest) return oldest.error();
  if (!*oldest) return std::optional<NextExpiry>();
  // Everything credited on the oldest unused credit's day goes on the same day.
  const auto day = date::sys_days(policy_.zone.date_of(core::from_micros(**oldest)));
  auto flow = ledger.spendable_flow(
      staff_id, core::to_micros(policy_.zone.start_of(core::LocalDate(day + date::days(1)))));
  if (!flow) return flow.error();
  return std::optional(NextExpiry{left_of_credited_before(flow->credited_before, flow->debited),
                                  core::LocalDate(day + date::days(policy_.days - 1))});
}

void PointsExpiry::start(std::function<void(const core::Error&)> on_error) {
  if (policy_.days <= 0) return;
  worker_.start(std::chrono::hours(1), [this, on_error = std::move(on_error)] {
    if (auto s = expire_all_due(); !s) on_error(s.error());
  });
  worker_.wake();  // what fell due while Laurel was down goes at once
}

}  // namespace laurel::crm
