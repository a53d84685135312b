#pragma once
// The rewards shop as stored (migration 0034): the items on offer and the orders placed for them.
// The points an order moves are on the points ledger (store/point_ledger_repository.hpp); these
// tables say what was ordered, by whom, and where the order stands.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"
#include "store/record_scope.hpp"

namespace laurel::store {

struct RewardRecord {
  std::int64_t id = 0;
  std::string name;
  std::string description;
  std::int64_t price = 0;
  std::optional<std::int64_t> stock;  // left to order; nullopt: no limit
  std::optional<std::int64_t> per_person_limit;
  std::optional<std::string> visible_from_level;
  bool approval_required = true;
  bool active = true;
  std::optional<std::int64_t> created_by;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

struct RewardOrderRecord {
  std::int64_t id = 0;
  std::int64_t reward_id = 0;
  std::int64_t staff_id = 0;
  std::int64_t quantity = 0;
  std::int64_t points = 0;
  std::string status;  // pending, approved, rejected, cancelled
  std::string idempotency_key;
  std::optional<std::int64_t> placed_by;
  std::int64_t placed_at = 0;
  std::optional<std::int64_t> decided_by;
  std::optional<std::int64_t> decided_at;
  std::string note;
};

struct RewardOrderFilter {
  RecordScope scope;  // whose orders: the caller's own, their departments' people, or all
  std::optional<std::int64_t> staff_id;
  std::optional<std::string> status;
  std::int64_t before_id = 0;  // 0: from the newest
  int limit = 50;              // limit + 1 rows are read
};

class RewardRepository {
 public:
  explicit RewardRepository(Connection& db) : db_(db) {}

  core::Result<std::int64_t> insert(const RewardRecord& reward);
  core::Status update(const RewardRecord& reward);
  core::Result<std::optional<RewardRecord>> find(std::int64_t id);
  // By id, after `after_id`; only active ones unless `inactive_too`; limit + 1 rows read.
  core::Result<std::vector<RewardRecord>> list(std::int64_t after_id, int limit, bool inactive_too);
  // Takes `quantity` from the stock of a reward with a limited stock; false when fewer are left.
  core::Result<bool> take_stock(std::int64_t reward_id, std::int64_t quantity);
  core::Status return_stock(std::int64_t reward_id, std::int64_t quantity);

  core::Result<std::int64_t> insert_order(const RewardOrderRecord& order);
  core::Result<std::optional<RewardOrderRecord>> order(std::int64_t id);
  core::Result<std::optional<RewardOrderRecord>> order_by_key(std::int64_t staff_id,
                                                              const std::string& key);
  // Newest first.
  core::Result<std::vector<RewardOrderRecord>> orders(const RewardOrderFilter& filter);
  // How many of a reward a person has ordered and not had rejected or cancelled.
  core::Result<std::int64_t> ordered_quantity(std::int64_t reward_id, std::int64_t staff_id);
  // Moves a pending order on (to approved, rejected or cancelled); false when it was no longer
  // pending — the guard that keeps an order from being decided twice.
  core::Result<bool> decide(std::int64_t order_id, const std::string& status,
                            std::optional<std::int64_t> decided_by, std::int64_t decided_at,
                            const std::string& note);

  // What `laurel replay` checks: orders whose journals on the points ledger do not match where
  // they stand. Every order has one hold of its points; an approved one one settlement, a
  // rejected or cancelled one one release, a pending one neither.
  struct OrderMismatch {
    std::int64_t id = 0;
    std::string status;
    std::int64_t holds = 0;
    std::int64_t settlements = 0;
    std::int64_t releases = 0;
  };
  core::Result<std::vector<OrderMismatch>> orders_off_the_ledger();

 private:
  Connection& db_;
};

}  // namespace laurel::store
