#include "crm/reward_service.hpp"

#include <algorithm>
#include <map>

#include "core/timestamp.hpp"
#include "crm/points_ledger.hpp"
#include "store/point_ledger_repository.hpp"

namespace laurel::crm {
namespace {

using core::Error;
namespace json = boost::json;

bool manages_shop(const auth::Principal& caller) {
  return caller.role == auth::Role::admin || caller.role == auth::Role::manager;
}

std::string points_text(std::int64_t n) {
  return std::to_string(n) + (n == 1 ? " point" : " points");
}

Error no_order(std::int64_t id) {
  return Error::not_found("no reward order " + std::to_string(id));
}

store::RewardRecord record_of(RewardInput in) {
  store::RewardRecord w;
  w.name = std::move(in.name);
  w.description = std::move(in.description);
  w.price = in.price;
  w.stock = in.stock;
  w.per_person_limit = in.per_person_limit;
  w.visible_from_level = std::move(in.visible_from_level);
  w.approval_required = in.approval_required;
  w.active = in.active;
  return w;
}

// The position of the level a name names on the ladder, or nullopt.
std::optional<std::size_t> level_index(const std::vector<PointLevel>& ladder,
                                       const std::string& name) {
  for (std::size_t i = 0; i < ladder.size(); ++i) {
    if (ladder[i].name == name) return i;
  }
  return std::nullopt;
}

core::Status log_order(store::Connection& db, const EventLog& events, const auth::Actor& actor,
                       const std::string& type, const OrderView& view) {
  auto seq =
      events.append(db, actor,
                    {type, "reward_order", std::to_string(view.order.id), std::nullopt,
                     json::value(order_to_json(view.order, view.reward_name)), std::nullopt});
  if (!seq) return seq.error();
  return {};
}

}  // namespace

core::Result<bool> RewardService::reaches(const store::RewardRecord& reward, std::int64_t status) {
  if (!reward.visible_from_level) return true;
  auto ladder = levels_.get();
  if (!ladder) return ladder.error();
  // A level the ladder no longer has hides the item until a manager names another.
  const auto wanted = level_index(*ladder, *reward.visible_from_level);
  if (!wanted) return false;
  return status >= (*ladder)[*wanted].from;
}

core::Status RewardService::check_level(const RewardInput& input) {
  if (!input.visible_from_level) return {};
  auto ladder = levels_.get();
  if (!ladder) return ladder.error();
  if (!level_index(*ladder, *input.visible_from_level)) {
    return Error::invalid("visible_from_level", "names no level of the ladder");
  }
  return {};
}

core::Result<RewardPage> RewardService::catalogue(const auth::Principal& caller,
                                                  std::int64_t after_id, int limit) {
  auto scope = scopes_.of(caller);
  if (!scope) return scope.error();
  std::optional<std::int64_t> status;
  if (scope->staff_id) {
    auto balances = points_.balances(*scope->staff_id);
    if (!balances) return balances.error();
    status = balances->points.status;
  }
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  store::RewardRepository rewards(**connection);
  auto rows = rewards.list(after_id, limit, manages_shop(caller));
  if (!rows) return rows.error();
  RewardPage page;
  if (rows->size() > static_cast<std::size_t>(limit)) {
    rows->pop_back();
    page.next_after_id = rows->back().id;
  }
  for (auto& w : *rows) {
    if (!manages_shop(caller)) {
      auto shown = reaches(w, status.value_or(0));
      if (!shown) return shown.error();
      if (!*shown) continue;
    }
    RewardView view{std::move(w), std::nullopt};
    if (scope->staff_id) {
      auto ordered = rewards.ordered_quantity(view.reward.id, *scope->staff_id);
      if (!ordered) return ordered.error();
      view.ordered_by_me = *ordered;
    }
    page.items.push_back(std::move(view));
  }
  return page;
}

core::Result<RewardView> RewardService::get(const auth::Principal& caller, std::int64_t id) {
  auto page_of_one = catalogue(caller, id - 1, 1);
  if (!page_of_one) return page_of_one.error();
  if (page_of_one->items.empty() || page_of_one->items.front().reward.id != id) {
    return Error::not_found("no reward " + std::to_string(id));
  }
  return std::move(page_of_one->items.front());
}

core::Result<store::RewardRecord> RewardService::create(RewardInput input,
                                                        const auth::Actor& actor) {
  if (auto s = check_level(input); !s) return s.error();
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  auto w = record_of(std::move(input));
  w.created_by = actor.user_id;
  w.created_at = w.updated_at = core::to_micros(clock_.now());
  auto id = store::RewardRepository(db).insert(w);
  if (!id) return id.error();
  w.id = *id;
  if (auto seq = events_.append(db, actor,
                                {"reward.created", "reward", std::to_string(w.id), std::nullopt,
                                 json::value(reward_to_json(w)), std::nullopt});
      !seq) {
    return seq.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return w;
}

core::Result<store::RewardRecord> RewardService::change(std::int64_t id, RewardInput input,
                                                        const auth::Actor& actor) {
  if (auto s = check_level(input); !s) return s.error();
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  store::RewardRepository rewards(db);
  auto before = rewards.find(id);
  if (!before) return before.error();
  if (!*before) return Error::not_found("no reward " + std::to_string(id));
  auto w = record_of(std::move(input));
  w.id = id;
  w.created_by = (*before)->created_by;
  w.created_at = (*before)->created_at;
  w.updated_at = core::to_micros(clock_.now());
  if (auto s = rewards.update(w); !s) return s.error();
  if (auto seq = events_.append(
          db, actor,
          {"reward.changed", "reward", std::to_string(id), json::value(reward_to_json(**before)),
           json::value(reward_to_json(w)), std::nullopt});
      !seq) {
    return seq.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return w;
}

core::Result<PlacedOrder> RewardService::place(const auth::Principal& caller, OrderInput input,
                                               const auth::Actor& actor) {
  auto staff = points_.subject_of(caller, input.staff_id);
  if (!staff) return staff.error();
  // Caught up first: a clawback of a record just deleted is on the ledger before the order is.
  if (auto s = engine_.catch_up(); !s) return s.error();
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  store::RewardRepository rewards(db);

  auto earlier = rewards.order_by_key(*staff, input.idempotency_key);
  if (!earlier) return earlier.error();
  if (*earlier) {
    // The same order sent again (a retry, a double tap): answered as it stands, nothing moves.
    const auto& o = **earlier;
    if (o.reward_id != input.reward_id || o.quantity != input.quantity) {
      return Error::conflict("was used for order " + std::to_string(o.id) +
                                 ", of another reward or quantity: one key per order",
                             "idempotency_key");
    }
    auto reward = rewards.find(o.reward_id);
    if (!reward) return reward.error();
    return PlacedOrder{{o, *reward ? (*reward)->name : std::string()}, true};
  }
  auto reward = rewards.find(input.reward_id);
  if (!reward) return reward.error();
  if (!*reward) return Error::invalid("reward_id", "names no reward");
  const auto& w = **reward;
  if (!w.active) return Error::conflict("is not on offer", "reward_id");

  // Points past their last day are gone before the order is weighed against what is left.
  if (auto expired = points_.expiry().expire_due(db, *staff); !expired) return expired.error();
  store::PointLedgerRepository ledger(db);
  auto balances = ledger.person(*staff);
  if (!balances) return balances.error();
  auto reached = reaches(w, balances->status);
  if (!reached) return reached.error();
  if (!*reached) {
    return Error::conflict("is for level " + *w.visible_from_level + " and above", "reward_id");
  }
  if (w.per_person_limit) {
    auto ordered = rewards.ordered_quantity(w.id, *staff);
    if (!ordered) return ordered.error();
    if (*ordered + input.quantity > *w.per_person_limit) {
      return Error::conflict("would pass the limit of " + std::to_string(*w.per_person_limit) +
                                 " per person (" + std::to_string(*ordered) + " ordered)",
                             "quantity");
    }
  }
  const auto price = w.price * input.quantity;
  if (balances->owed > 0) {
    return Error::conflict("new orders wait until new earnings repay the " +
                           points_text(balances->owed) + " owed from a clawback");
  }
  if (balances->spendable < price) {
    return Error::conflict(
        "costs " + points_text(price) + "; spendable now: " + points_text(balances->spendable),
        "quantity");
  }
  if (w.stock) {
    auto taken = rewards.take_stock(w.id, input.quantity);
    if (!taken) return taken.error();
    if (!*taken) {
      return Error::conflict("only " + std::to_string(*w.stock) + " left", "quantity");
    }
  }

  const auto now = core::to_micros(clock_.now());
  store::RewardOrderRecord o;
  o.reward_id = w.id;
  o.staff_id = *staff;
  o.quantity = input.quantity;
  o.points = price;
  o.status = "pending";
  o.idempotency_key = std::move(input.idempotency_key);
  o.placed_by = actor.user_id;
  o.placed_at = now;
  auto id = rewards.insert_order(o);
  if (!id) return id.error();
  o.id = *id;
  auto held = post_order_step(db, o, OrderStep::hold, now);
  if (!held) return held.error();
  OrderView view{o, w.name};
  if (auto s = log_order(db, events_, actor, "reward_order.placed", view); !s) return s.error();
  if (!w.approval_required) {
    if (auto moved = rewards.decide(o.id, "approved", std::nullopt, now, ""); !moved) {
      return moved.error();
    }
    auto settled = post_order_step(db, o, OrderStep::settle, now);
    if (!settled) return settled.error();
    view.order.status = "approved";
    view.order.decided_at = now;
    if (auto s = log_order(db, events_, actor, "reward_order.approved", view); !s) {
      return s.error();
    }
  }
  if (auto s = write->commit(); !s) return s.error();
  return PlacedOrder{std::move(view), false};
}

core::Result<store::RewardOrderRecord> RewardService::readable_order(const auth::Principal& caller,
                                                                     std::int64_t order_id) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto found = store::RewardRepository(**connection).order(order_id);
  if (!found) return found.error();
  if (!*found) return no_order(order_id);
  if (auto whose = points_.subject_of(caller, (*found)->staff_id); !whose) {
    // Someone else's order is as good as absent: its existence is not the caller's business.
    if (whose.error().code == core::Errc::forbidden) return no_order(order_id);
    return whose.error();
  }
  return std::move(**found);
}

core::Result<OrderView> RewardService::order(const auth::Principal& caller, std::int64_t order_id) {
  auto found = readable_order(caller, order_id);
  if (!found) return found.error();
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto reward = store::RewardRepository(**connection).find(found->reward_id);
  if (!reward) return reward.error();
  return OrderView{std::move(*found), *reward ? (*reward)->name : std::string()};
}

core::Result<OrderView> RewardService::decide(const auth::Principal& caller, std::int64_t order_id,
                                              const std::string& status, std::string note,
                                              const auth::Actor& actor) {
  auto found = readable_order(caller, order_id);
  if (!found) return found.error();
  const bool by_manager = status == "approved" || status == "rejected";
  if (by_manager) {
    auto scope = scopes_.of(caller);
    if (!scope) return scope.error();
    if (!manages_shop(caller)) {
      return Error::forbidden("orders are approved and rejected by managers");
    }
    if (scope->staff_id == found->staff_id) {
      return Error::forbidden("an order is decided by someone other than the person it is for");
    }
  }
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  store::RewardRepository rewards(db);
  const auto now = core::to_micros(clock_.now());
  auto moved = rewards.decide(order_id, status, actor.user_id, now, note);
  if (!moved) return moved.error();
  if (!*moved) {
    auto current = rewards.order(order_id);
    if (!current) return current.error();
    return Error::conflict("order " + std::to_string(order_id) + " is already " +
                               (*current ? (*current)->status : std::string("gone")),
                           "status");
  }
  auto o = std::move(*found);
  o.status = status;
  o.decided_by = actor.user_id;
  o.decided_at = now;
  o.note = std::move(note);
  const auto step = status == "approved" ? OrderStep::settle : OrderStep::release;
  auto posted = post_order_step(db, o, step, now);
  if (!posted) return posted.error();
  if (!*posted) {
    return Error::conflict("order " + std::to_string(order_id) + " was settled before", "status");
  }
  if (step == OrderStep::release) {
    if (auto s = rewards.return_stock(o.reward_id, o.quantity); !s) return s.error();
  }
  auto reward = rewards.find(o.reward_id);
  if (!reward) return reward.error();
  OrderView view{std::move(o), *reward ? (*reward)->name : std::string()};
  if (auto s = log_order(db, events_, actor, "reward_order." + status, view); !s) {
    return s.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return view;
}

core::Result<OrderView> RewardService::approve(const auth::Principal& caller, std::int64_t order_id,
                                               std::string note, const auth::Actor& actor) {
  return decide(caller, order_id, "approved", std::move(note), actor);
}

core::Result<OrderView> RewardService::reject(const auth::Principal& caller, std::int64_t order_id,
                                              std::string note, const auth::Actor& actor) {
  return decide(caller, order_id, "rejected", std::move(note), actor);
}

core::Result<OrderView> RewardService::cancel(const auth::Principal& caller, std::int64_t order_id,
                                              std::string note, const auth::Actor& actor) {
  return decide(caller, order_id, "cancelled", std::move(note), actor);
}

core::Result<OrderPage> RewardService::orders(const auth::Principal& caller,
                                              const OrderQuery& query) {
  if (query.staff_id) {
    if (auto whose = points_.subject_of(caller, query.staff_id); !whose) return whose.error();
  }
  auto scope = scopes_.of(caller);
  if (!scope) return scope.error();
  store::RewardOrderFilter filter;
  filter.scope = scope->records();
  filter.staff_id = query.staff_id;
  filter.status = query.status;
  filter.before_id = query.before_id;
  filter.limit = query.limit;
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  store::RewardRepository rewards(**connection);
  auto rows = rewards.orders(filter);
  if (!rows) return rows.error();
  OrderPage page;
  if (rows->size() > static_cast<std::size_t>(query.limit)) {
    rows->pop_back();
    page.next_before_id = rows->back().id;
  }
  std::map<std::int64_t, std::string> names;
  for (auto& o : *rows) {
    auto [it, fresh] = names.try_emplace(o.reward_id);
    if (fresh) {
      auto reward = rewards.find(o.reward_id);
      if (!reward) return reward.error();
      if (*reward) it->second = (*reward)->name;
    }
    page.items.push_back({std::move(o), it->second});
  }
  return page;
}

}  // namespace laurel::crm
