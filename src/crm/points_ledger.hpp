#pragma once
// What the engine's awards post to the double-entry points ledger
// (store/point_ledger_repository.hpp). Every award change is one journal, with two currencies:
//
//   status points (never spent; they make levels):  status_issuance -d, person's status +d
//   spendable points (the branded currency):        issuance -d, person's spendable +d
//
// An award that grows pays what the person owes first (a clawback's debt): owed +min(d, owed),
// spendable + the rest. An award that shrinks — a correction or a cancellation — reverses in
// full: what is still spendable is taken back, and whatever was already spent becomes owed
// (owed -rest), so no balance goes below zero and nothing is forgiven silently.
// Natural keys ("award/<rule>/<person>/<visit|trade>/<record>/<seq>", seq the event whose fold
// made the change) make posting insert-if-absent.
//
// A rewards order (crm/reward_service.hpp) moves spendable points in three steps, each one journal
// keyed "order/<id>/<step>", so no order is held, paid or given back twice:
//
//   hold     (placed):               spendable -p, held +p
//   settle   (approved):             held -p, redemption +p
//   release  (rejected, cancelled):  held -p, owed +min(p, owed), spendable + the rest
//
// A release pays a debt first, as earnings do: points given back are points the person has.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/points_book.hpp"
#include "store/connection.hpp"
#include "store/point_ledger_repository.hpp"
#include "store/reward_repository.hpp"

namespace laurel::crm {

std::string_view to_string(engine::SourceKind kind);  // visit, trade, first_use
std::optional<engine::SourceKind> source_kind_of(std::string_view name);
std::string award_key(const engine::AwardChange& change);
store::PointAccount staff_account(std::int64_t staff_id, std::string kind);
store::PointAccount system_account(std::string kind);

// Posts one award change at `posted_at` (micros); false when its journal was posted before.
core::Result<bool> post_award(store::Connection& db, const engine::AwardChange& change,
                              std::int64_t posted_at);

enum class OrderStep { hold, settle, release };
std::string_view to_string(OrderStep step);

// Posts one step of an order at `posted_at` (micros); false when it was posted before.
core::Result<bool> post_order_step(store::Connection& db, const store::RewardOrderRecord& order,
                                   OrderStep step, std::int64_t posted_at);

}  // namespace laurel::crm
