#pragma once
// The rewards shop (PRODUCT.md, rewards): a catalogue of items priced in spendable points, and the
// orders people place for them.
//
// Placing an order holds its points (crm/points_ledger.hpp); an item that needs approval waits
// for a manager, who approves it (the points are settled: spent) or rejects it (released back);
// the person may cancel while it waits. An item without approval is settled at once. An order is
// refused, naming what is wrong, when the item is off the shelf or above the person's level, when
// it would pass the per-person limit or the stock, when the points are not there, and while the
// person owes points from a clawback ("redemptions wait until it is cleared").
//
// Under parallel requests: every check and every posting of an order happens inside one write
// transaction (SQLite's BEGIN IMMEDIATE: one writer at a time), a decision only moves an order
// that is still pending, the ledger's CHECKs refuse a negative balance, and the journals'
// natural keys refuse a second hold, settlement or release. The idempotency key, per person,
// makes a resent order the same order.
//
// Who: everyone orders for themselves; managers for the people of their departments, and admins
// for anyone. Managers decide the orders of their departments' people (admins any), never their
// own: an order is approved by someone other than the person it is for.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "core/clock.hpp"
#include "crm/data_scope.hpp"
#include "crm/engine_service.hpp"
#include "crm/event_log.hpp"
#include "crm/point_levels.hpp"
#include "crm/points_service.hpp"
#include "crm/reward.hpp"
#include "store/reward_repository.hpp"

namespace laurel::crm {

struct RewardView {
  store::RewardRecord reward;
  std::optional<std::int64_t> ordered_by_me;  // for a caller with a staff record
};

struct RewardPage {
  std::vector<RewardView> items;
  std::optional<std::int64_t> next_after_id;
};

struct OrderView {
  store::RewardOrderRecord order;
  std::string reward_name;
};

struct PlacedOrder {
  OrderView view;
  bool replayed = false;  // the idempotency key named an order placed before
};

struct OrderPage {
  std::vector<OrderView> items;
  std::optional<std::int64_t> next_before_id;
};

struct OrderQuery {
  std::optional<std::int64_t> staff_id;
  std::optional<std::string> status;  // pending, approved, rejected, cancelled
  std::int64_t before_id = 0;
  int limit = 50;
};

class RewardService {
 public:
  RewardService(store::Store& store, DataScopes& scopes, EngineService& engine,
                PointsService& points, PointLevelService& levels, const EventLog& events,
                const core::Clock& clock)
      : store_(store),
        scopes_(scopes),
        engine_(engine),
        points_(points),
        levels_(levels),
        events_(events),
        clock_(clock) {}

  // The catalogue: managers and admins see every item, on the shelf or not; everyone else the
  // items on the shelf from their level.
  core::Result<RewardPage> catalogue(const auth::Principal& caller, std::int64_t after_id,
                                     int limit);
  core::Result<RewardView> get(const auth::Principal& caller, std::int64_t id);
  core::Result<store::RewardRecord> create(RewardInput input, const auth::Actor& actor);
  core::Result<store::RewardRecord> change(std::int64_t id, RewardInput input,
                                           const auth::Actor& actor);

  core::Result<PlacedOrder> place(const auth::Principal& caller, OrderInput input,
                                  const auth::Actor& actor);
  core::Result<OrderView> approve(const auth::Principal& caller, std::int64_t order_id,
                                  std::string note, const auth::Actor& actor);
  core::Result<OrderView> reject(const auth::Principal& caller, std::int64_t order_id,
                                 std::string note, const auth::Actor& actor);
  core::Result<OrderView> cancel(const auth::Principal& caller, std::int64_t order_id,
                                 std::string note, const auth::Actor& actor);
  core::Result<OrderView> order(const auth::Principal& caller, std::int64_t order_id);
  // The caller's orders, or their departments' people's, or (admins) everyone's; newest first.
  core::Result<OrderPage> orders(const auth::Principal& caller, const OrderQuery& query);

 private:
  // Whether a person with `status` points has reached the level an item is visible from.
  core::Result<bool> reaches(const store::RewardRecord& reward, std::int64_t status);
  core::Status check_level(const RewardInput& input);
  core::Result<store::RewardOrderRecord> readable_order(const auth::Principal& caller,
                                                        std::int64_t order_id);
  core::Result<OrderView> decide(const auth::Principal& caller, std::int64_t order_id,
                                 const std::string& status, std::string note,
                                 const auth::Actor& actor);

  store::Store& store_;
  DataScopes& scopes_;
  EngineService& engine_;
  PointsService& points_;
  PointLevelService& levels_;
  const EventLog& events_;
  const core::Clock& clock_;
};

}  // namespace laurel::crm
