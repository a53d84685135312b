#pragma once
// The rewards shop's items and orders as the API reads and writes them (PRODUCT.md, rewards).
//
// An item, as POST /rewards takes it and PUT /rewards/{id} replaces it whole:
//
//   {"name": "定制保温杯", "description": "…", "price": 500, "stock": 20, "per_person_limit": 1,
//    "visible_from_level": "能手", "approval_required": false, "active": true}
//
// price is spendable points for one (1 to 10,000,000); stock is how many are left from now on
// (null or absent: no limit); per_person_limit counts what one person has ordered and not had
// rejected or cancelled (null: no limit); visible_from_level names a level of the ladder
// (crm/point_levels.hpp) from which the item is shown and can be ordered (null: everyone);
// approval_required (default true) sends each order to a manager; an inactive item is off the
// shelf for everyone but managers.
//
// An order, as POST /reward-orders takes it:
//
//   {"reward_id": 3, "quantity": 1, "idempotency_key": "c1f5…", "staff_id": 12}
//
// quantity 1 to 100 (default 1); the idempotency key (1 to 100 bytes, the client's, one per order
// it means to place) makes a repeated request the same order; staff_id lets a manager order for
// one of their people (default: the caller).

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "store/reward_repository.hpp"

namespace laurel::crm {

struct RewardInput {
  std::string name;
  std::string description;
  std::int64_t price = 0;
  std::optional<std::int64_t> stock;
  std::optional<std::int64_t> per_person_limit;
  std::optional<std::string> visible_from_level;
  bool approval_required = true;
  bool active = true;
};

struct OrderInput {
  std::int64_t reward_id = 0;
  std::int64_t quantity = 1;
  std::string idempotency_key;
  std::optional<std::int64_t> staff_id;
};

// The request bodies; errors name the member.
core::Result<RewardInput> read_reward_input(std::string_view body);
core::Result<OrderInput> read_order_input(std::string_view body);
// A decision's body ({"note": "…"}, at most 500 bytes; an empty body is no note).
core::Result<std::string> read_decision_note(std::string_view body);

boost::json::object reward_to_json(const store::RewardRecord& reward);
boost::json::object order_to_json(const store::RewardOrderRecord& order,
                                  const std::string& reward_name);

}  // namespace laurel::crm
